// The news helpers: who writes news, and an article's time shown with its zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleTime, isEditor } from '../../src/api/news.js';

test('editors and admins write news; nobody else', () => {
  assert.equal(isEditor({ role: 'editor' }), true);
  assert.equal(isEditor({ role: 'admin' }), true);
  for (const role of ['member', 'org_admin', 'reviewer']) assert.equal(isEditor({ role }), false);
  assert.equal(isEditor(null), false);
});

test('an article time keeps its zone', () => {
  assert.equal(articleTime('2021-01-19T09:35:12+08:00'), '2021-01-19 09:35 (UTC+08:00)');
  assert.equal(articleTime('2021-01-19T01:35:12Z'), '2021-01-19 01:35 (UTC)');
  assert.equal(articleTime('2021-01-19T09:35-05:30'), '2021-01-19 09:35 (UTC-05:30)');
  assert.equal(articleTime(''), '');
  assert.equal(articleTime('yesterday'), 'yesterday');
});
