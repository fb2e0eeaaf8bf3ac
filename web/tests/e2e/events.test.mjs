// Events (docs/events.md) in the browser: without JavaScript at 390 px the list and an event's
// page are readable with the time in Beijing time and schema.org Event data; with it, a visitor
// registers with an e-mail address and is shown the check-in code with its QR code, a second
// visitor lands on the waiting list, and the organiser sees both and checks the first one in.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD, apiCall, checkPrerequisites, launchBrowser, screenshot, startServer,
} from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString(36);
let server;
let browser;
let admin;
let event; // the event made here: one seat, starting in two hours

before(async () => {
  checkPrerequisites();
  server = await startServer();
  browser = await launchBrowser();
  admin = await browser.newContext({ locale: 'zh-CN' });
  await apiCall(server.url, admin, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  const me = await apiCall(server.url, admin, 'GET', '/me');
  const start = new Date(Date.now() + 2 * 3600 * 1000);
  start.setUTCSeconds(0, 0);
  const end = new Date(start.getTime() + 3 * 3600 * 1000);
  const created = await apiCall(server.url, admin, 'POST', '/events', {
    org_id: me.org_id, kind: 'roadshow', title: `浏览器测试路演 ${stamp}`,
    description: '一个席位的路演。', venue: '测试会场', capacity: 1,
    starts_at: start.toISOString().replace('.000Z', 'Z'), ends_at: end.toISOString().replace('.000Z', 'Z'),
  });
  event = await apiCall(server.url, admin, 'POST', `/events/${created.id}/publish`);
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const openPages = [];
afterEach(async (t) => {
  for (const page of openPages.splice(0)) {
    if (!page.isClosed()) {
      await screenshot(page, `events-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
      await page.close();
    }
  }
});

async function newPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  openPages.push(page);
  return page;
}

async function assertNoSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${what} is ${width} px wide at ${PHONE.width} px`);
}

describe('events without JavaScript', () => {
  test('the list links the upcoming events, the demo ones too', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'zh-CN' });
    const page = await newPage(context);
    const response = await page.goto(`${server.url}/events`);
    assert.equal(response.status(), 200);
    await page.locator(`a[href="/events/${event.id}"]`).waitFor();
    assert.ok(await page.locator('main a[href^="/events/"], #app a[href^="/events/"]').count() >= 2);
    await assertNoSidewaysScroll(page, '/events');
  });

  test('the search box finds by venue with no script, and keeps the words', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'zh-CN' });
    const page = await newPage(context);
    await page.goto(`${server.url}/events`);
    const box = page.locator('form.kc-search input[name="q"]');
    await box.fill('测试会场');
    await Promise.all([page.waitForURL(/\/events\?q=/), box.press('Enter')]);
    await page.locator(`a[href="/events/${event.id}"]`).waitFor();
    assert.equal(await page.locator('form.kc-search input[name="q"]').inputValue(), '测试会场');
    await assertNoSidewaysScroll(page, '/events?q=');
    await page.goto(`${server.url}/events?q=${encodeURIComponent('没有这样的活动')}`);
    assert.equal(await page.locator(`a[href="/events/${event.id}"]`).count(), 0);
  });

  test('an event shows its time in Beijing time and Event data', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'zh-CN' });
    const page = await newPage(context);
    const response = await page.goto(`${server.url}/events/${event.id}`);
    assert.equal(response.status(), 200);
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
    await page.getByText('(UTC+08:00)', { exact: false }).first().waitFor();
    await page.getByText('测试会场').first().waitFor();
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(ld['@type'], 'Event');
    assert.match(ld.startDate, /\+08:00$/);
    assert.equal(ld.maximumAttendeeCapacity, 1);
    await page.locator(`a[href="/api/v1/events/${event.id}/calendar.ics"]`).waitFor();
    await assertNoSidewaysScroll(page, `/events/${event.id}`);
  });
});

describe('registration and check-in with JavaScript', () => {
  test('a visitor gets a seat and a QR code, the next waits and learns by code of the freed seat, the organiser checks in', async () => {
    const first = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    let page = await newPage(first);
    await page.goto(`${server.url}/events/${event.id}`);
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
    await page.getByText('北京时间', { exact: false }).first().waitFor();
    await page.locator('input[name="name"]').fill('访客甲');
    await page.locator('input[name="email"]').fill(`jia-${stamp}@example.cn`);
    await page.getByRole('button', { name: '报名', exact: true }).click();
    await page.getByText('您的签到码').waitFor();
    const code = (await page.locator('strong.code').textContent()).trim();
    assert.match(code, /^[0-9A-Z]{10}$/);
    assert.equal(await page.locator('.qr svg').count(), 1);
    await assertNoSidewaysScroll(page, 'the event page after registering');

    const second = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    page = await newPage(second);
    await page.goto(`${server.url}/events/${event.id}`);
    await page.locator('input[name="name"]').fill('访客乙');
    await page.locator('input[name="email"]').fill(`yi-${stamp}@example.cn`);
    await page.getByRole('button', { name: '报名', exact: true }).click();
    await page.getByText('活动已满，您在候补名单中', { exact: false }).waitFor();
    const waitingCode = (await page.locator('strong.code').textContent()).trim();

    // The first visitor gives up the seat; the second, coming back later in a new browser
    // (no account), learns with the code that the seat is now theirs.
    await apiCall(server.url, first, 'POST', `/events/${event.id}/registrations/cancel`, { code });
    const later = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    page = await newPage(later);
    await page.goto(`${server.url}/events/${event.id}`);
    await page.getByText('已报名？凭签到码查看或取消').click();
    await page.locator('input[name="cancel-code"]').fill(waitingCode.toLowerCase());
    await page.getByRole('button', { name: '查看报名状态' }).click();
    await page.getByText('已确认席位').first().waitFor();
    assert.equal(await page.locator('.qr svg').count(), 1);
    await later.close();

    page = await newPage(admin);
    await page.goto(`${server.url}/events/${event.id}`);
    // The first visitor cancelled: only the seated second one is listed.
    await page.getByText(`yi-${stamp}@example.cn`).waitFor();
    await page.locator('#check-in-code').fill(waitingCode.toLowerCase());
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await page.getByText('已签到：访客乙').waitFor();
    await first.close();
    await second.close();
  });
});
