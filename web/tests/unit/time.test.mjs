// Dates and times in the viewer's zone: an instant early in the Beijing morning is that Beijing
// day, not the UTC day before; a day picked in a zone becomes the right instants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  endOfDay, formatDate, formatDateTime, isZone, startOfDay, zoneLabel,
  instantOfWall, wallDateTime,
} from '../../src/composables/time.js';

test('an instant between 00:00 and 08:00 Beijing time is shown on its Beijing day', () => {
  assert.equal(formatDate('2026-11-30T16:00:00Z', 'Asia/Shanghai'), '2026-12-01');
  assert.equal(formatDate('2026-11-30T23:59:59Z', 'Asia/Shanghai'), '2026-12-01');
  assert.equal(formatDate('2026-11-30T15:59:59Z', 'Asia/Shanghai'), '2026-11-30');
  assert.equal(formatDate('2026-11-30T16:00:00Z', 'UTC'), '2026-11-30');
});

test('a time is shown with its zone named', () => {
  assert.equal(formatDateTime('2026-12-01T01:30:00Z', 'zh-CN', 'Asia/Shanghai'), '2026-12-01 09:30 (北京时间)');
  assert.equal(formatDateTime('2026-12-01T01:30:00Z', 'en', 'Asia/Shanghai'), '2026-12-01 09:30 (UTC+8)');
  assert.equal(formatDateTime('2026-12-01T01:30:00Z', 'en', 'UTC'), '2026-12-01 01:30 (UTC)');
  assert.equal(formatDateTime('2026-07-01T12:00:00Z', 'en', 'America/New_York'), '2026-07-01 08:00 (UTC-4)');
  assert.equal(zoneLabel('Asia/Kolkata', 'zh-CN'), 'UTC+5:30');
});

test('a calendar date stays the day it names; nothing shows as nothing', () => {
  assert.equal(formatDate('2026-12-01', 'America/New_York'), '2026-12-01');
  assert.equal(formatDateTime('2026-12-01', 'en', 'UTC'), '2026-12-01');
  assert.equal(formatDate('', 'UTC'), '');
  assert.equal(formatDate(null, 'UTC'), '');
  assert.equal(formatDate('soon', 'UTC'), 'soon');
});

test('a picked day becomes the instants at which it starts and ends in the zone', () => {
  assert.equal(startOfDay('2026-12-01', 'Asia/Shanghai'), '2026-11-30T16:00:00Z');
  assert.equal(endOfDay('2026-12-01', 'Asia/Shanghai'), '2026-12-01T15:59:59Z');
  assert.equal(startOfDay('2026-12-01', 'UTC'), '2026-12-01T00:00:00Z');
  // Across a daylight-saving change: New York is UTC-4 on 2026-11-01 until 02:00, then UTC-5.
  assert.equal(startOfDay('2026-11-01', 'America/New_York'), '2026-11-01T04:00:00Z');
  assert.equal(endOfDay('2026-11-01', 'America/New_York'), '2026-11-02T04:59:59Z');
  assert.equal(startOfDay('', 'UTC'), undefined);
  assert.equal(startOfDay('12/01/2026', 'UTC'), undefined);
});

test('only real zone names are zones', () => {
  assert.ok(isZone('Asia/Shanghai'));
  assert.ok(!isZone('Mars/Olympus'));
  assert.ok(!isZone(''));
});

test('a picked date and time is the instant of that wall clock in the zone, and back', () => {
  assert.equal(instantOfWall('2026-05-06 09:00', 'Asia/Shanghai'), '2026-05-06T01:00:00Z');
  assert.equal(instantOfWall('2026-05-06T00:30', 'Asia/Shanghai'), '2026-05-05T16:30:00Z');
  assert.equal(instantOfWall('2026-05-06 09:00', 'UTC'), '2026-05-06T09:00:00Z');
  // New York moves to daylight time on 2026-03-08: 12:00 is then UTC-4.
  assert.equal(instantOfWall('2026-03-09 12:00', 'America/New_York'), '2026-03-09T16:00:00Z');
  assert.equal(instantOfWall('tomorrow'), undefined);
  assert.equal(wallDateTime('2026-05-05T16:30:00Z', 'Asia/Shanghai'), '2026-05-06 00:30');
  assert.equal(wallDateTime('', 'Asia/Shanghai'), '');
});
