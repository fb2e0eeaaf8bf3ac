// The partner network's helpers (src/api/network.js): fingerprints grouped by four, country
// names per language, partners grouped by country, the status moves offered per peer, and the
// origin link of a partner's listing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countryName, FRAMEWORKS, groupFingerprint, isRemote, originUrl, partnersByCountry, peerActions,
} from '../../src/api/network.js';
import zhCN from '../../src/i18n/zh-CN.js';
import en from '../../src/i18n/en.js';

test('a fingerprint reads in groups of four; spaces given are not part of it', () => {
  const fp = '4a2f'.repeat(16);
  assert.equal(groupFingerprint(fp), `${'4a2f '.repeat(15)}4a2f`);
  assert.equal(groupFingerprint('4a2f 4a2f\n4a'), '4a2f 4a2f 4a');
  assert.equal(groupFingerprint(''), '');
  assert.equal(groupFingerprint(undefined), '');
});

test('countries are named in the page\'s language; unknown text stays as it is', () => {
  assert.equal(countryName('JP', 'zh-CN'), '日本');
  assert.equal(countryName('jp', 'en'), 'Japan');
  assert.equal(countryName('KR', 'en'), 'South Korea');
  assert.equal(countryName('', 'en'), '');
  assert.equal(countryName('Narnia', 'en'), 'NARNIA');
});

test('partners are grouped by country, the largest group first, no country last', () => {
  const partners = [
    { name: 'Tokyo TLO', country: 'JP' }, { name: 'Berlin', country: 'DE' },
    { name: 'Nowhere', country: '' }, { name: 'Osaka', country: 'jp' },
  ];
  const groups = partnersByCountry(partners, (c) => countryName(c, 'en'));
  assert.deepEqual(groups.map((g) => [g.code, g.name, g.partners.map((p) => p.name)]), [
    ['JP', 'Japan', ['Osaka', 'Tokyo TLO']],
    ['DE', 'Germany', ['Berlin']],
    ['', '', ['Nowhere']],
  ]);
  assert.deepEqual(partnersByCountry(undefined), []);
});

test('an admin accepts only incoming requests, and removes anything not removed', () => {
  const moves = (peer) => peerActions(peer).map((a) => `${a.action}:${a.status}`);
  assert.deepEqual(moves({ status: 'requested', incoming: true }), ['accept:active', 'remove:removed']);
  assert.deepEqual(moves({ status: 'requested', incoming: false }), ['remove:removed']);
  assert.deepEqual(moves({ status: 'active' }), ['suspend:suspended', 'remove:removed']);
  assert.deepEqual(moves({ status: 'suspended' }), ['resume:active', 'remove:removed']);
  assert.deepEqual(moves({ status: 'removed' }), []);
});

test('a partner\'s listing links to its origin only through a web address', () => {
  assert.equal(isRemote({ id: 1 }), false);
  assert.equal(isRemote({ origin: { url: 'https://a.example/demands/3' } }), true);
  assert.equal(originUrl({ origin: { url: 'https://a.example/demands/3' } }), 'https://a.example/demands/3');
  assert.equal(originUrl({ origin: { url: 'javascript:alert(1)' } }), '');
  assert.equal(originUrl({}), '');
});

test('every framework, status and action is worded in both languages', () => {
  for (const messages of [zhCN, en]) {
    for (const c of FRAMEWORKS) assert.ok(messages.framework[c], c);
    for (const s of ['requested', 'active', 'suspended', 'removed']) assert.ok(messages.peerStatus[s], s);
    for (const a of ['accept', 'suspend', 'resume', 'remove']) {
      assert.ok(messages.peers[a], a);
      assert.ok(messages.peers[`confirm${a[0].toUpperCase()}${a.slice(1)}`], a);
    }
  }
});
