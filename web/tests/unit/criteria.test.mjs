// A new criterion's key is one the server accepts and no other criterion of the campaign has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { criterionKey } from '../../src/composables/criteria.js';

const VALID = /^[a-z0-9_]{1,40}$/;

test('a key comes from the letters and digits of the name', () => {
  assert.equal(criterionKey('Market Potential (2026)', new Set()), 'market_potential_2026');
  assert.equal(criterionKey('  R&D  ', new Set()), 'r_d');
});

test('a name without Latin letters or digits gives "criterion"', () => {
  assert.equal(criterionKey('知识产权', new Set()), 'criterion');
  assert.equal(criterionKey('', new Set()), 'criterion');
});

test('a taken key is numbered, and the new key is taken from then on', () => {
  const taken = new Set(['technology', 'criterion']);
  assert.equal(criterionKey('Technology', taken), 'technology_2');
  assert.equal(criterionKey('技术', taken), 'criterion_2');
  assert.equal(criterionKey('技术', taken), 'criterion_3');
  assert.ok(taken.has('technology_2') && taken.has('criterion_3'));
});

test('a long name still gives a valid key', () => {
  const key = criterionKey('a'.repeat(31) + ' ' + 'b'.repeat(50), new Set());
  assert.match(key, VALID);
  assert.match(criterionKey('x'.repeat(100), new Set(['x'.repeat(32)])), VALID);
});
