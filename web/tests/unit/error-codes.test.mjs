// Every error code the API can return has a wording in both languages (errors.code), so that no
// page shows the server's English message inside Chinese text. Codes are read from the C++
// sources: Invalid(field, "code", …), Conflict("code", …), BadInput("code", …),
// Status::Error(kind, "code", …) and ErrorResponse(status, "code", …).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zhCN from '../../src/i18n/zh-CN.js';
import en from '../../src/i18n/en.js';

const cppSrc = join(dirname(fileURLToPath(import.meta.url)), '../../../src');

// Codes only the command line or start-up reports (never an HTTP answer).
const NOT_HTTP = new Set([
  'access_log_unavailable', 'bad_address', 'bad_backup', 'bad_bounds', 'bad_dictionary', 'bad_flag',
  'bad_id', 'bad_listing_id', 'bad_term_stats', 'bind_failed', 'dictionary_unavailable', 'index_locked',
  'lexicon_unavailable',
  // The ranking model's loading and training (docs/ranking.md): logged, never answered.
  'bad_ranker_model', 'bad_training_options', 'bad_training_set', 'feature_count_mismatch',
  'ranker_model_unavailable', 'no_training_queries',
  'malformed_taxonomy', 'not_empty', 'opencc_unavailable', 'schema_mismatch', 'unknown_table',
  'usage', 'message',
]);

const PATTERNS = [
  /Invalid\(\s*(?:"[^"]*"|[A-Za-z_().]+(?:\s*\+\s*"[^"]*")?)\s*,\s*"([a-z_0-9]+)"/g,
  /(?:Conflict|BadInput)\(\s*"([a-z_0-9]+)"/g,
  /Status::Error\(\s*ErrorKind::\w+\s*,\s*"([a-z_0-9]+)"/g,
  /ErrorResponse\(\s*\d+\s*,\s*"([a-z_0-9]+)"/g,
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(cc|h)$/.test(name) ? [p] : [];
  });
}

test('every error code of the API is worded in zh-CN and en', () => {
  const codes = new Set();
  for (const f of files(cppSrc)) {
    const text = readFileSync(f, 'utf8');
    for (const re of PATTERNS) for (const m of text.matchAll(re)) codes.add(m[1]);
  }
  assert.ok(codes.size > 80, `only ${codes.size} codes found: the patterns no longer match`);
  const missing = (messages) => [...codes]
    .filter((c) => !NOT_HTTP.has(c) && !(c in messages.errors.code)).sort();
  assert.deepEqual(missing(zhCN), [], 'missing in zh-CN');
  assert.deepEqual(missing(en), [], 'missing in en');
});

test('no Chinese wording puts the server\'s English message inside it', () => {
  const withMessage = Object.entries(zhCN.errors.code).filter(([, v]) => v.includes('{message}'));
  assert.deepEqual(withMessage, []);
});

// A key given twice in one object of a messages file silently loses its first wording (the
// bundler only warns): each key appears once per object.
test('no messages file repeats a key within one object', () => {
  for (const file of ['zh-CN.js', 'en.js']) {
    const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/i18n', file), 'utf8');
    const open = [new Set()];
    const repeated = [];
    for (const line of text.split('\n')) {
      const key = line.match(/^\s*'?([A-Za-z_0-9-]+)'?\s*:/);
      if (key) {
        if (open[open.length - 1].has(key[1])) repeated.push(`${file}: ${key[1]}`);
        open[open.length - 1].add(key[1]);
      }
      for (const c of line.replace(/'(?:[^'\\]|\\.)*'/g, '')) {
        if (c === '{') open.push(new Set());
        if (c === '}') open.pop();
      }
    }
    assert.deepEqual(repeated, [], 'repeated keys');
  }
});
