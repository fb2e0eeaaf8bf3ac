// The partner network between two real servers on loopback (docs/network.md §2): node A's admin
// adds B by address and fingerprint; B's admin accepts A in B's partner directory (the admin
// view); A's partners page (朋友圈) then lists B by country without JavaScript at 390 px, and
// with it; and a demand B shares, pulled by A, is marked on A as coming from the partner, with a
// link to its page on B and no contact details; an inquiry sent from it on A reaches B's deals
// workspace (docs/network.md §6).
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD, apiCall, checkPrerequisites, launchBrowser, screenshot, startServer,
} from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString(36);
// A partner's name is text it chose: it must never become markup here.
const B_NAME = `Tokyo TLO <img src=x onerror="window.pwned=1"> ${stamp}`;
let a;
let b;
let browser;
let adminA;
let adminB;
let nodeA; // A's node document
let shared; // the demand B shares: {title, orgName}

before(async () => {
  checkPrerequisites();
  // A pulls its partners' feeds every second; B is in Japan.
  [a, b] = await Promise.all([
    startServer({ args: ['--node-name', `Node A ${stamp}`, '--net-sync-interval', '1', '--net-allow-internal'] }),
    startServer({ args: ['--node-name', B_NAME, '--node-country', 'JP', '--net-allow-internal'] }),
  ]);
  browser = await launchBrowser();
  adminA = await browser.newContext({ locale: 'zh-CN' });
  adminB = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  await apiCall(a.url, adminA, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  await apiCall(b.url, adminB, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  nodeA = await (await adminA.request.get(`${a.url}/.well-known/kechuang-node`)).json();
  const nodeB = await (await adminB.request.get(`${b.url}/.well-known/kechuang-node`)).json();

  // B's own published demand (demo listings are never shared).
  const demo = (await apiCall(b.url, adminB, 'GET', '/demands?size=1&view=summary')).items[0];
  const demand = await apiCall(b.url, adminB, 'POST', '/demands', {
    org_id: demo.org.id, title: `合作平台的需求 ${stamp}`, category: '工学', keywords: ['钠电池'],
    description: '寒冷地区使用的钠离子电池。',
    contact: { name: '田中', phone: '03-1234-5678', email: 'tanaka@example.jp' },
  });
  await apiCall(b.url, adminB, 'POST', `/demands/${demand.id}/submit`);
  await apiCall(b.url, adminB, 'POST', `/demands/${demand.id}/approve`);
  shared = { title: demand.title, orgName: demo.org.name };

  // A's admin adds B with the fingerprint B's admin read out, grouped by four.
  const grouped = nodeB.fingerprint.match(/.{4}/g).join(' ');
  const added = await apiCall(a.url, adminA, 'POST', '/net/peers', {
    base_url: b.url, fingerprint: grouped, frameworks: ['rcep', 'china_japan_korea'],
  });
  assert.equal(added.status, 'requested');
});

after(async () => {
  if (browser) await browser.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

const openPages = [];
afterEach(async (t) => {
  for (const page of openPages.splice(0)) {
    if (!page.isClosed()) {
      await screenshot(page, `partners-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
      await page.close();
    }
  }
});

async function newPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e.message));
  openPages.push(page);
  return page;
}

async function assertNoSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${what} is ${width} px wide at ${PHONE.width} px`);
}

describe('partner network', () => {
  test('B\'s admin sees A\'s request in the partner directory and accepts it', async () => {
    const page = await newPage(adminB);
    await page.goto(`${b.url}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '管理后台' }).click();
    await page.getByRole('navigation', { name: '管理后台菜单' }).getByRole('link', { name: '合作平台管理' }).click();
    await page.getByRole('heading', { name: '合作平台管理' }).waitFor();
    const row = page.locator('.el-table__row', { hasText: `Node A ${stamp}` });
    await row.getByText('待接受').waitFor();
    await row.getByText('对方申请').waitFor();
    // The fingerprint reads in groups of four.
    await row.getByText(nodeA.fingerprint.match(/.{4}/g).join(' ')).waitFor();
    await row.getByRole('button', { name: `接受：Node A ${stamp}` }).click();
    const dialog = page.locator('.el-message-box');
    await dialog.getByText(nodeA.fingerprint.slice(0, 4), { exact: false }).waitFor();
    await dialog.getByRole('button', { name: '接受' }).click();
    await row.getByText('合作中').waitFor();
    await row.getByRole('button', { name: `暂停：Node A ${stamp}` }).waitFor();
    // The add form and the frameworks, in Chinese.
    await page.getByRole('heading', { name: '添加合作平台' }).waitFor();
    await page.getByText('一带一路').first().waitFor();
    assert.deepEqual(page.pageErrors, []);
  });

  test('A\'s partners page lists B by country without JavaScript at 390 px', async () => {
    const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'zh-CN' });
    const page = await newPage(nojs);
    // A learns of the acceptance when B sends it; the page is written from A's directory.
    let response;
    for (let i = 0; i < 20; i += 1) {
      response = await page.goto(`${a.url}/partners`);
      if (await page.getByText(B_NAME).count()) break;
      await page.waitForTimeout(250);
    }
    assert.equal(response.status(), 200);
    await page.getByRole('heading', { level: 1, name: '朋友圈' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '日本' }).waitFor();
    const link = page.getByRole('link', { name: B_NAME });
    assert.equal(await link.getAttribute('href'), b.url);
    assert.match(await link.getAttribute('rel'), /noopener/);
    await page.getByText('合作机制：RCEP · 中日韩').waitFor();
    assert.equal(await page.locator('main img').count(), 0, 'the partner\'s name became markup');
    await assertNoSidewaysScroll(page, '/partners');
    // The site navigation leads there.
    await page.locator('nav.kc-nav a[href="/partners"]').waitFor();

    await page.goto(`${a.url}/partners?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Partner platforms' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Japan' }).waitFor();
    await page.getByText('Cooperation frameworks: RCEP · China–Japan–Korea').waitFor();
    await nojs.close();
  });

  test('with JavaScript the partners page charts and lists them', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await newPage(context);
    await page.goto(`${a.url}/partners`);
    await page.locator('#partners-heading').waitFor();
    await page.getByRole('heading', { level: 2, name: '日本' }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    assert.equal(await page.locator('.kc-page').count(), 0, 'the server\'s content stays');
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    await assertNoSidewaysScroll(page, '/partners (app)');
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test('a demand pulled from B is marked as the partner\'s, with a link to it there', async () => {
    // A pulls B's feed every second once B has accepted it.
    let copy;
    for (let i = 0; i < 60 && !copy; i += 1) {
      const list = await apiCall(a.url, adminA, 'GET', '/demands?size=50&view=summary');
      copy = list.items.find((d) => d.title === shared.title);
      if (!copy) await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(copy, 'A did not pull B\'s demand');
    assert.equal(copy.origin.org_name, shared.orgName);
    const tag = `来自合作平台 · ${shared.orgName}`;

    const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'zh-CN' });
    let page = await newPage(nojs);
    await page.goto(`${a.url}/demands/${copy.id}`);
    await page.getByRole('heading', { level: 1, name: shared.title }).waitFor();
    await page.getByText(tag).waitFor();
    let view = page.getByRole('link', { name: /在合作平台查看/ });
    assert.equal(await view.getAttribute('href'), copy.origin.url);
    assert.match(await view.getAttribute('rel'), /noopener/);
    await assertNoSidewaysScroll(page, 'a partner\'s demand');
    await nojs.close();

    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    page = await newPage(context);
    await page.goto(`${a.url}/demands/${copy.id}`);
    await page.locator('#detail-heading').waitFor();
    await page.locator('[data-test=origin-tag]').getByText(tag).waitFor();
    view = page.getByRole('link', { name: /在合作平台查看/ });
    assert.equal(await view.getAttribute('href'), copy.origin.url);
    assert.match(await view.getAttribute('rel'), /noopener/);
    assert.equal(await view.getAttribute('target'), '_blank');
    const text = await page.locator('article').innerText();
    assert.doesNotMatch(text, /03-1234-5678|联系方式/);
    await assertNoSidewaysScroll(page, 'a partner\'s demand (app)');
    // In the list, too.
    await page.goto(`${a.url}/demands`);
    await page.locator('.listing-card', { hasText: shared.title }).locator('[data-test=origin-tag]').waitFor();
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test('an inquiry sent on A about B\'s demand reaches B\'s deals workspace', async () => {
    const list = await apiCall(a.url, adminA, 'GET', '/demands?size=50&view=summary');
    const copy = list.items.find((d) => d.title === shared.title);
    assert.ok(copy, 'A did not pull B\'s demand');
    // A member of an enterprise on A.
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const password = `Inquirer-${stamp}-9`;
    await apiCall(a.url, context, 'POST', '/auth/register', {
      username: `inquirer${stamp}`, password, display_name: '王工',
      org: { name: `哈尔滨低温储能 ${stamp}`, type: 'enterprise', region: '230103' },
    });
    await apiCall(a.url, context, 'POST', '/auth/login', { username: `inquirer${stamp}`, password });
    let page = await newPage(context);
    await page.goto(`${a.url}/demands/${copy.id}`);
    await page.locator('#detail-heading').waitFor();
    await page.getByRole('button', { name: '发起询价' }).click();
    await page.waitForURL(/\/workspace\/deals\/\d+$/);
    const note = page.locator('[data-test=network]');
    await note.getByText(`与合作平台“${B_NAME}”之间的询价`).waitFor();
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    await assertNoSidewaysScroll(page, 'an inquiry (app)');
    assert.deepEqual(page.pageErrors, []);
    await context.close();

    // A sends it within a sync interval; on B it is a deal at the intent stage about its demand.
    let deals;
    for (let i = 0; i < 60; i += 1) {
      deals = await apiCall(b.url, adminB, 'GET', '/deals');
      if (deals.total === 1) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(deals.total, 1, 'the inquiry did not reach B');
    assert.equal(deals.items[0].stage, 'intent');
    assert.equal(deals.items[0].network.node_name, `Node A ${stamp}`);
    page = await newPage(adminB);
    await page.goto(`${b.url}/workspace/deals`);
    await page.locator('[data-test=inquiry-tag]').getByText(`询价 · Node A ${stamp}`).waitFor();
    assert.deepEqual(page.pageErrors, []);
  });
});
