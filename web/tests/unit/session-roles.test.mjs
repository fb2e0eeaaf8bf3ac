// A user's roles in the front end: the platform role, plus org_admin for the organisation they
// manage (two separate roles on the server: docs/api.md "Roles").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rolesOf } from '../../src/api/session.js';

test('a reviewer who manages an organisation has both roles', () => {
  assert.deepEqual(rolesOf({ role: 'reviewer', org_id: 3, org_role: 'org_admin' }), ['reviewer', 'org_admin']);
  assert.deepEqual(rolesOf({ role: 'member', org_id: 3, org_role: 'org_admin' }), ['member', 'org_admin']);
});

test('a member of an organisation, or a user without one, has only the platform role', () => {
  assert.deepEqual(rolesOf({ role: 'editor', org_id: 3, org_role: 'member' }), ['editor']);
  assert.deepEqual(rolesOf({ role: 'member', org_id: null, org_role: null }), ['member']);
  assert.deepEqual(rolesOf(null), []);
});
