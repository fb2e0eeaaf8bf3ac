// The import page's column guide: every column is explained in both languages, and the columns
// are those of the server's templates (service/import_template.cc).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPORT_COLUMNS, MODES, RECORD_IMPORTS } from '../../src/views/admin/ImportColumns.js';
import zhCN from '../../src/i18n/zh-CN.js';
import en from '../../src/i18n/en.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

test('every column has a meaning and its values a description in both languages', () => {
  for (const [name, messages] of [['zh-CN', zhCN], ['en', en]]) {
    const records = Object.entries(RECORD_IMPORTS).map(([k, r]) => [k, r.columns]);
    for (const [kind, columns] of [...Object.entries(IMPORT_COLUMNS), ...records]) {
      for (const c of columns) {
        const key = c.meaning || c.name;
        assert.ok(messages.admin.importColumn[key], `${name}: meaning of ${kind}.${c.name}`);
        if (c.values) assert.ok(messages.admin.importValues[c.values], `${name}: values ${c.values}`);
      }
    }
    for (const m of MODES) assert.ok(messages.modes[m], `${name}: mode ${m}`);
  }
});

test('the guide lists the columns of the server templates, in their order', () => {
  const source = readFileSync(join(root, 'src/service/import_template.cc'), 'utf8');
  const names = (block) => [...block.matchAll(/\{"([a-z_]+)", (true|false),/g)].map((m) => m[1]);
  const common = names(source.slice(source.indexOf('WithCommon('), source.indexOf('return own;')));
  for (const [kind, constant] of [['demands', 'kDemandColumns'],
    ['achievements', 'kAchievementColumns'], ['experts', 'kExpertColumns'],
    ['talents', 'kTalentColumns'], ['talent-demands', 'kTalentDemandColumns']]) {
    const start = source.indexOf(`${constant} = WithCommon(`);
    const block = source.slice(start, source.indexOf('});', start));
    assert.deepEqual(IMPORT_COLUMNS[kind].map((c) => c.name), [...names(block), ...common], kind);
  }
});

test('the required columns are the server\'s', () => {
  const required = (kind) => IMPORT_COLUMNS[kind].filter((c) => c.required).map((c) => c.name);
  assert.deepEqual(required('demands'), ['title', 'description']);
  assert.deepEqual(required('achievements'), ['title', 'abstract']);
  assert.deepEqual(required('experts'), ['name']);
  assert.deepEqual(required('talents'), ['title', 'name']);
  assert.deepEqual(required('talent-demands'), ['title', 'description']);
});

// The CSV importers of events and bases name the columns they read in a table of aliases
// (service/event_import.cc, service/offshore_base_import.cc): the guide lists exactly those.
test('the guide of events and bases lists the columns their importers read', () => {
  for (const [kind, file] of [['events', 'event_import.cc'], ['bases', 'offshore_base_import.cc']]) {
    const source = readFileSync(join(root, 'src/service', file), 'utf8');
    const read = new Set([...source.matchAll(/\{"[^"]+", "([a-z_]+)"\}/g)].map((m) => m[1]));
    const listed = RECORD_IMPORTS[kind].columns.map((c) => c.name);
    for (const name of listed) assert.ok(read.has(name), `${kind}: ${name} is not read by ${file}`);
    for (const name of read) assert.ok(listed.includes(name), `${kind}: ${name} is not in the guide`);
  }
});
