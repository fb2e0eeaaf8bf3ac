// The news helpers: who writes news.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEditor } from '../../src/api/news.js';

test('editors and admins write news; nobody else', () => {
  assert.equal(isEditor({ role: 'editor' }), true);
  assert.equal(isEditor({ role: 'admin' }), true);
  for (const role of ['member', 'org_admin', 'reviewer']) assert.equal(isEditor({ role }), false);
  assert.equal(isEditor(null), false);
});
