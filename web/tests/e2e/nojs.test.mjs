// Pages read without JavaScript (docs/pages.md): with scripts off, at 390 px wide, each kind of
// page the server writes shows its title and a field in the reader's language, a members-only
// listing keeps its details out, list pages link their items, an unknown path and a missing
// listing answer 404, and no page scrolls sideways. The app's stylesheet does not hold back the
// first paint, and changes nothing of the written page when it applies. With scripts on, the app
// replaces the server's content instead of showing it twice, styled from its first render.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD, apiCall, checkPrerequisites, launchBrowser, screenshot, startServer,
} from './harness.mjs';

const stamp = Date.now().toString(36);
const PHONE = { width: 390, height: 844 };
let server;
let browser;
let admin; // a browser context signed in as the administrator, for set-up through the API
let nojs; // a context with JavaScript off
const made = {}; // paths of the records the set-up made

function apiAs(context, method, path, data) {
  return apiCall(server.url, context, method, path, data);
}

before(async () => {
  checkPrerequisites();
  server = await startServer();
  browser = await launchBrowser();
  admin = await browser.newContext();
  await apiAs(admin, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  // The demo data's organisations and listings, and a news article, a members-only demand and
  // an open ranked list made here.
  const demands = await apiAs(admin, 'GET', '/demands?size=1&view=summary');
  const orgId = demands.items[0].org.id;
  made.demand = { path: `/demands/${demands.items[0].id}`, title: demands.items[0].title };
  const achievement = (await apiAs(admin, 'GET', '/achievements?size=1&view=summary')).items[0];
  made.achievement = { path: `/achievements/${achievement.id}`, title: achievement.title };
  const expert = (await apiAs(admin, 'GET', '/experts?size=1&view=summary')).items[0];
  made.expert = { path: `/experts/${expert.id}`, title: expert.name };
  const org = await apiAs(admin, 'GET', `/orgs/${orgId}`);
  made.org = { path: `/orgs/${orgId}`, title: org.name };
  const article = await apiAs(admin, 'POST', '/news', {
    title: `无脚本也能读的新闻 ${stamp}`, source: '示范新闻网', author: '李明',
    published_at: '2026-11-02T09:30:00+08:00', paragraphs: ['第一段正文。', '第二段正文。'],
    publish: true,
  });
  made.news = { path: `/news/${article.id}`, title: article.title };
  const secret = `MEMBERS-ONLY-${stamp}`;
  const hidden = await apiAs(admin, 'POST', '/demands', {
    org_id: orgId, title: `会员可见需求 ${stamp}`, visibility: 'members', category: '工学',
    description: `${'公开摘要。'.repeat(30)}${secret}`, keywords: ['会员'],
    budget: { min_cny: 7654321, max_cny: 7654321 },
  });
  await apiAs(admin, 'POST', `/demands/${hidden.id}/submit`);
  await apiAs(admin, 'POST', `/demands/${hidden.id}/approve`);
  made.hidden = { path: `/demands/${hidden.id}`, title: hidden.title, secret };
  const campaign = await apiAs(admin, 'POST', '/campaigns', {
    template: 'pioneer-technology', year: 2026,
    nomination_opens: '2026-01-01T00:00:00Z', nomination_closes: '2027-01-01T00:00:00Z',
    review_opens: '2027-01-01T00:00:00Z', review_closes: '2027-02-01T00:00:00Z',
  });
  await apiAs(admin, 'POST', `/campaigns/${campaign.id}/open`);
  made.campaign = { path: `/campaigns/${campaign.id}`, title: campaign.title };
  nojs = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'zh-CN' });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const openPages = [];
afterEach(async (t) => {
  for (const page of openPages.splice(0)) {
    if (!page.isClosed()) {
      await screenshot(page, `nojs-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
      await page.close();
    }
  }
});

// Opens `path` with scripts off; returns the page and the response.
async function open(path) {
  const page = await nojs.newPage();
  openPages.push(page);
  const response = await page.goto(`${server.url}${path}`);
  return { page, response };
}

// The page is no wider than the phone's screen.
async function assertNoSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${what} is ${width} px wide at ${PHONE.width} px`);
}

describe('pages without JavaScript', () => {
  const cases = [
    ['demand', '门类'],
    ['achievement', '门类'],
    ['expert', '机构'],
    ['org', '机构类型'],
    ['news', '来源'],
    ['campaign', '提名时间'],
  ];
  for (const [kind, label] of cases) {
    test(`a ${kind}'s page shows its title and fields`, async () => {
      const { page, response } = await open(made[kind].path);
      assert.equal(response.status(), 200);
      await page.getByRole('heading', { level: 1, name: made[kind].title }).waitFor();
      assert.ok(await page.getByText(label, { exact: false }).first().isVisible(), `${kind}: ${label}`);
      assert.equal(await page.locator('meta[name="description"]').count(), 1);
      const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
      assert.equal(ld['@context'], 'https://schema.org');
      await assertNoSidewaysScroll(page, made[kind].path);
    });
  }

  test('an article names its time zone and carries NewsArticle data', async () => {
    const { page } = await open(made.news.path);
    await page.getByText('2026-11-02 09:30 (UTC+08:00)').waitFor();
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.datePublished, '2026-11-02T09:30:00+08:00');
  });

  test('English on request', async () => {
    const { page } = await open(`${made.demand.path}?lang=en`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByText('Category', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'News', exact: true }).waitFor();
  });

  test('a members-only listing shows a visitor its summary, never its details', async () => {
    const { page } = await open(made.hidden.path);
    await page.getByRole('heading', { level: 1, name: made.hidden.title }).waitFor();
    const html = await page.content();
    assert.ok(!html.includes(made.hidden.secret), 'members-only text in the page');
    assert.ok(!html.includes('7654321') && !html.includes('765.4321'), 'the budget in the page');
    await page.getByRole('link', { name: '登录' }).first().waitFor();
  });

  test('list pages link their items', async () => {
    let { page } = await open('/news');
    await page.locator(`a[href="${made.news.path}"]`).waitFor();
    await assertNoSidewaysScroll(page, '/news');
    ({ page } = await open('/demands'));
    assert.ok(await page.locator('main a[href^="/demands/"]').count() >= 1);
    await assertNoSidewaysScroll(page, '/demands');
    ({ page } = await open('/'));
    assert.ok(await page.locator('main a[href^="/achievements/"]').count() >= 1);
  });

  test('an unknown path and a missing listing answer 404', async () => {
    let { page, response } = await open(`/no-such-page-${stamp}`);
    assert.equal(response.status(), 404);
    await page.getByText('页面不存在').first().waitFor();
    ({ response } = await open('/demands/987654321'));
    assert.equal(response.status(), 404);
    ({ response } = await open('/workspace'));
    assert.equal(response.status(), 200);
  });
});

describe('the app\'s stylesheet', () => {
  // Where each element of the page is and how it looks, and the page's pixels.
  async function appearance(page) {
    const boxes = await page.evaluate(() => [...document.querySelectorAll('body, body *')].map((e) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return `${e.tagName} ${r.x},${r.y} ${r.width}x${r.height} ${s.color} ${s.backgroundColor} ${s.textDecorationLine} ${s.font}`;
    }));
    return { boxes, pixels: await page.screenshot({ fullPage: true }) };
  }

  test('is not render-blocking and changes nothing of a written page when it applies', async () => {
    for (const path of ['/', '/demands', made.demand.path]) {
      // Scripts on, but the app's entry script never arrives: the page as it first paints.
      const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
      const page = await context.newPage();
      openPages.push(page);
      await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
      await page.goto(`${server.url}${path}`);
      const link = page.locator('link#kc-app-style');
      assert.equal(await link.getAttribute('media'), 'print', `${path}: the stylesheet blocks the first paint`);
      await page.waitForFunction(() => document.getElementById('kc-app-style').sheet !== null);
      const before = await appearance(page);
      await link.evaluate((l) => { l.media = 'all'; });
      const after = await appearance(page);
      assert.deepEqual(after.boxes, before.boxes, `${path}: the written page moves when the stylesheet applies`);
      assert.ok(after.pixels.equals(before.pixels), `${path}: the written page changes when the stylesheet applies`);
      await assertNoSidewaysScroll(page, path);
      await context.close();
    }
  });
});

describe('with JavaScript', () => {
  test('the app replaces the server-written content', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    openPages.push(page);
    await page.goto(`${server.url}${made.demand.path}`);
    await page.locator('#detail-heading').waitFor();
    assert.equal(await page.locator('.kc-page').count(), 0);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await context.close();
  });

  test('the app mounts with its stylesheet applied', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    openPages.push(page);
    // The stylesheet arrives long after the entry script: the app waits for it.
    await page.route(/\/assets\/index-[^/]+\.css$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.addInitScript(() => {
      new MutationObserver((records, observer) => {
        const app = document.getElementById('app');
        if (app && app.querySelector('header')) {
          const link = document.getElementById('kc-app-style');
          window.kcStyleAtMount = link && `${link.media} ${link.sheet ? 'loaded' : 'loading'}`;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: '最新技术需求' }).waitFor();
    assert.equal(await page.evaluate(() => window.kcStyleAtMount), 'all loaded');
    await context.close();
  });
});
