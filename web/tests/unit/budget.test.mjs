// The first page's JavaScript (the entry script and the modules index.html preloads) stays
// within 150 KiB gzipped (issue 15's budget, down from issue 4's 300 KB), measured on the built
// front end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstPageScripts } from '../../scripts/first-page-js.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const WEB_DIR = process.env.KC_WEB_DIR || join(repo, 'build/web');
const BUDGET = 150 * 1024;

test('first-page JavaScript is at most 150 KiB gzipped', (t) => {
  assert.ok(existsSync(join(WEB_DIR, 'index.html')), `${WEB_DIR}/index.html is missing: run make build`);
  const scripts = firstPageScripts(WEB_DIR);
  assert.ok(scripts.length > 0, 'index.html loads no script');
  const total = scripts.reduce((n, s) => n + s.gzip, 0);
  t.diagnostic(`first-page JS: ${scripts.length} files, ${(total / 1024).toFixed(1)} KB gzipped`);
  assert.ok(total <= BUDGET, `first-page JS is ${(total / 1024).toFixed(1)} KB gzipped`);
});

test('every built asset has a content hash in its name and text assets a .gz twin', () => {
  const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
  for (const m of html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)) {
    assert.match(m[1], /-[A-Za-z0-9_-]{8}\.(js|css)$/);
    assert.ok(existsSync(join(WEB_DIR, 'assets', `${m[1]}.gz`)), `${m[1]}.gz is missing`);
  }
  assert.ok(existsSync(join(WEB_DIR, 'index.html.gz')));
});
