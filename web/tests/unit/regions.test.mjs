// The region picker's search: by name, by full pinyin and by initials; nothing else matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROVINCES, regionMatches } from '../../src/api/regions.js';

const found = (typed) => PROVINCES.filter((p) => regionMatches(p, typed)).map((p) => p.zh);

test('beijing and bj offer 北京', () => {
  for (const typed of ['beijing', 'bei jing', 'BJ', 'bj', '北京', 'Beij', '11']) {
    assert.ok(found(typed).includes('北京市'), `${typed} → ${found(typed)}`);
  }
  assert.deepEqual(found('bj'), ['北京市']);
});

test('initials and pinyin of longer names', () => {
  assert.deepEqual(found('hlj'), ['黑龙江省']);
  assert.deepEqual(found('xizang'), ['西藏自治区']);
  assert.deepEqual(found('nmg'), ['内蒙古自治区']);
  assert.deepEqual(found('chongqing'), ['重庆市']);
  assert.deepEqual(found('sx').sort(), ['山西省', '陕西省'].sort());
});

test('text that names no province matches none', () => {
  assert.deepEqual(found('qqq'), []);
  assert.deepEqual(found('火星'), []);
  assert.equal(found('').length, PROVINCES.length);
});
