// Dates in the viewer's zone (docs/web.md, "Time zone"): a browser whose clock reads 01:00 in
// Beijing — set in a UTC zone, where the day is still the one before — shows a campaign's
// windows, which open and close between 00:00 and 08:00 Beijing time, on their Beijing days;
// a notice's time is named "北京时间"; the footer's zone switch shows the UTC days instead; a
// window picked in the campaign form is sent as the instants at which those Beijing days start
// and end.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './harness.mjs';
import { beijingDay, seededPlatform } from './ux-fixtures.mjs';

let env;
let data;

seededPlatform((e, d) => {
  env = e;
  data = d;
});

// 01:00 Beijing time on the Beijing day after today's (17:00 UTC today).
const oneAmBeijing = () => new Date(`${beijingDay(1)}T01:00:00+08:00`);
const utcDay = (iso) => new Date(iso).toISOString().slice(0, 10);

describe('time zone', () => {
  test('a campaign window shows its Beijing days in a browser set to UTC at 01:00 Beijing', async () => {
    const context = await env.browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' });
    const page = await env.newPage(context);
    await page.clock.setFixedTime(oneAmBeijing());
    await page.goto(`${env.server.url}/campaigns/${data.campaign}`);
    const w = data.window;
    const nomination = page.locator('dd', { hasText: ' – ' }).first();
    await nomination.waitFor();
    // The Beijing days (the UTC day before each opening would be the old, wrong display).
    assert.equal(await nomination.innerText(), `${beijingDay(2)} – ${beijingDay(7)}`);
    assert.notEqual(utcDay(w.nomination_opens), beijingDay(2), 'the fixture must straddle midnight');
    const review = page.locator('dd', { hasText: ' – ' }).nth(1);
    assert.equal(await review.innerText(), `${beijingDay(8)} – ${beijingDay(20)}`);
    await screenshot(page, 'timezone-campaign-beijing');

    // The viewer picks UTC in the footer: the same windows show their UTC days.
    await page.locator('[data-test=zone-select]').selectOption('UTC');
    await page.waitForFunction((want) => [...document.querySelectorAll('dd')].some((d) => d.textContent.includes(want)),
      `${utcDay(w.nomination_opens)} – ${utcDay(w.nomination_closes)}`);
    await page.reload();
    assert.equal(await page.locator('dd', { hasText: ' – ' }).first().innerText(),
      `${utcDay(w.nomination_opens)} – ${utcDay(w.nomination_closes)}`, 'the choice is remembered');
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test('a notice time is named in Beijing time', async () => {
    const { uni } = data.users;
    const context = await env.signedIn(uni.username, uni.password, { timezoneId: 'UTC' });
    const page = await env.newPage(context);
    await page.clock.setFixedTime(oneAmBeijing());
    await page.goto(`${env.server.url}/workspace/notifications`);
    const note = page.locator('.note').first();
    await note.waitFor();
    const text = await note.innerText();
    assert.match(text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(北京时间\)/);
    // The notice was made a moment ago: its day is today's in Beijing.
    const shown = text.match(/(\d{4}-\d{2}-\d{2}) \d{2}:\d{2} \(北京时间\)/)[1];
    assert.equal(shown, beijingDay(0));
    // The stage move is told in words, not codes.
    assert.doesNotMatch(text, /\b(intent|nda|negotiating)\b/);
    await context.close();
  });

  test('a window picked in the form is sent as the Beijing days start and end', async () => {
    const { admin } = data.users;
    const context = await env.signedIn(admin.username, admin.password, { timezoneId: 'UTC', viewport: { width: 1366, height: 900 } });
    const page = await env.newPage(context);
    await page.goto(`${env.server.url}/campaigns`);
    await page.getByRole('heading', { name: '榜单管理' }).waitFor();
    const sent = new Promise((resolve) => {
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/v1/campaigns')) resolve(r.postDataJSON());
      });
    });
    // Pick the first template, then type each window into its date-range picker.
    await page.locator('.el-form-item', { hasText: '模板' }).first().locator('.el-select').click();
    await page.locator('.el-select-dropdown__item:visible').first().click();
    const range = async (label, from, to) => {
      const inputs = page.locator('.el-form-item', { hasText: label }).locator('input.el-range-input');
      await inputs.nth(0).click();
      await inputs.nth(0).fill(from);
      await inputs.nth(1).fill(to);
      await inputs.nth(1).press('Enter');
      await page.keyboard.press('Escape');
    };
    await range('提名时间', '2031-12-01', '2031-12-10');
    await range('评审时间', '2031-12-11', '2031-12-20');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    const body = await sent;
    assert.equal(body.nomination_opens, '2031-11-30T16:00:00Z');
    assert.equal(body.nomination_closes, '2031-12-10T15:59:59Z');
    assert.equal(body.review_opens, '2031-12-10T16:00:00Z');
    assert.equal(body.review_closes, '2031-12-20T15:59:59Z');
    await context.close();
  });
});
