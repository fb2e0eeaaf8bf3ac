// Every message exists in both languages, and every literal key the code asks for exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zhCN from '../../src/i18n/zh-CN.js';
import en from '../../src/i18n/en.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '../../src');

function flatten(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object'
    ? flatten(v, `${prefix}${k}.`)
    : [`${prefix}${k}`]));
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(vue|js)$/.test(name) && !p.includes('/i18n/') ? [p] : [];
  });
}

test('zh-CN and en have the same keys', () => {
  const zh = new Set(flatten(zhCN));
  const e = new Set(flatten(en));
  assert.deepEqual([...zh].filter((k) => !e.has(k)), [], 'missing in en');
  assert.deepEqual([...e].filter((k) => !zh.has(k)), [], 'missing in zh-CN');
});

test('no message is empty or uses vue-i18n special characters by accident', () => {
  for (const [name, messages] of [['zh-CN', zhCN], ['en', en]]) {
    for (const key of flatten(messages)) {
      const value = key.split('.').reduce((o, k) => o[k], messages);
      assert.ok(value.trim(), `${name}: ${key} is empty`);
      assert.doesNotMatch(value, /[@|$]/, `${name}: ${key} has @, | or $`);
    }
  }
});

test('every literal key used in the code exists', () => {
  const keys = new Set(flatten(zhCN));
  const missing = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z_.]+)'/g)) {
      if (!keys.has(m[1])) missing.push(`${file.slice(src.length + 1)}: ${m[1]}`);
    }
    for (const m of text.matchAll(/(?:title|text|label): '([a-z]+\.[a-zA-Z_.]+)'/g)) {
      if (!keys.has(m[1])) missing.push(`${file.slice(src.length + 1)}: ${m[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});
