// Every page on a phone (390×844), in both languages, for a visitor, a member and an
// administrator: nothing is wider than the screen (no sideways scroll), and the visible text
// speaks only the page's language — no raw codes (`negotiating`, `pending`, `org_admin`, any
// snake_case word) on a Chinese page, no Chinese characters in the interface of an English page
// (user content aside). Also: the phone menu opens in a drawer, a visitor's home page logs
// no console error (no failing session probe), and the chart's code loads only when scrolled to.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './harness.mjs';
import { seededPlatform } from './ux-fixtures.mjs';

const PHONE = { width: 390, height: 844 };
let env;
let data;

seededPlatform((e, d) => {
  env = e;
  data = d;
});

function pagesFor(role) {
  const pub = [
    '/', `/search?q=${encodeURIComponent('热变形')}`, '/demands', '/achievements', '/experts',
    `/demands/${data.demand}`, `/achievements/${data.achievement}`, '/challenges', '/news',
    '/dashboard', '/campaigns', `/campaigns/${data.campaign}`, '/bodies', `/orgs/${data.org}`,
    '/partners', '/events', '/talents', '/talent-demands', `/talents/${data.talent}`,
    `/talent-demands/${data.talentDemand}`,
  ];
  if (role === 'visitor') return [...pub, '/login', '/register'];
  const member = [
    ...pub, '/workspace', '/workspace/deals', `/workspace/deals/${data.deal}`,
    '/workspace/notifications', '/workspace/subscriptions', '/workspace/demands/new',
    '/workspace/reviews', '/challenges/new',
  ];
  if (role === 'member') return [...member, '/workspace/org'];
  return [...member, '/review', '/admin/users', '/admin/orgs', '/admin/import', '/admin/peers', '/news/new', '/events/new'];
}

// Codes that must never reach a Chinese page as they are.
const CODES = [
  'draft', 'pending', 'published', 'rejected', 'closed', 'expired', 'intent', 'nda',
  'negotiating', 'signed', 'registered', 'completed', 'declined', 'cancelled', 'enterprise',
  'university', 'institute', 'agency', 'org_admin', 'reviewer', 'editor', 'members',
];
const CODE_RE = new RegExp(`\\b(${CODES.join('|')}|[a-z]+_[a-z_]+)\\b`);

// The interface's own text of the page (not the records shown in it): headings of cards,
// labels, buttons, table heads, tabs, menus, breadcrumbs, empty-state texts, the footer.
function chromeText() {
  const selectors = [
    '.site-header .mainnav', '.site-header .topbar .lang-switch ~ *:not(.user-link)', '.card-title h2',
    '.el-form-item__label', 'button', 'th', '[role=tab]', '.el-empty__description',
    // A breadcrumb trail's last item names the record (user content).
    '.el-breadcrumb__item:not(:last-child)',
    '.ws-nav', '.side', 'dt', 'legend', '.site-footer', '.el-radio-button', '.el-check-tag',
  ];
  const out = [];
  for (const el of document.querySelectorAll(selectors.join(','))) {
    if (!el.checkVisibility?.() && el.offsetParent === null) continue;
    if (el.closest('[lang]:not(html)') || el.closest('.logo') || el.closest('.user-link')) continue;
    const text = el.innerText.trim();
    if (text) out.push(text);
  }
  return out;
}

async function visitAll(role, lang) {
  const { browser, server } = env;
  const u = data.users[role === 'member' ? 'ent' : 'admin'];
  const options = { viewport: PHONE, locale: lang === 'en' ? 'en-US' : 'zh-CN' };
  const context = role === 'visitor'
    ? await browser.newContext(options)
    : await env.signedIn(u.username, u.password, options);
  await context.addInitScript((l) => localStorage.setItem('kc-lang', l), lang);
  const page = await env.newPage(context);
  const problems = [];
  for (const path of pagesFor(role)) {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.locator('.el-skeleton').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    if (new URL(page.url()).pathname !== path.split('?')[0]) {
      problems.push(`${path}: went to ${page.url()}`);
      continue;
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) {
      const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('.el-table__body-wrapper, .el-table__header-wrapper, .el-scrollbar'))
        .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`), PHONE.width);
      problems.push(`${path}: ${width} px wide (${wide.join(', ')})`);
      await screenshot(page, `phone-${role}-${lang}-${path.replace(/\W+/g, '-')}`);
    }
    if (lang === 'zh-CN') {
      // Codes a user has to type (import column names, mode codes) are typeset as <code>
      // and are not words of the interface; everything else is.
      const body = await page.evaluate(() => [...document.querySelectorAll('main, .site-header, .site-footer')]
        .map((el) => {
          const copy = el.cloneNode(true);
          for (const c of copy.querySelectorAll('code')) c.remove();
          document.body.appendChild(copy); // innerText needs a rendered node
          const text = copy.innerText;
          copy.remove();
          return text;
        }));
      for (const line of body.join('\n').split('\n')) {
        const m = line.match(CODE_RE);
        if (m) problems.push(`${path}: code "${m[0]}" in "${line.trim().slice(0, 80)}"`);
      }
    } else {
      for (const text of await page.evaluate(chromeText)) {
        if (/[\u4e00-\u9fff]/.test(text)) problems.push(`${path}: Chinese in "${text.slice(0, 80)}"`);
      }
    }
  }
  assert.deepEqual(page.pageErrors, []);
  await context.close();
  return problems;
}

describe('every page on a phone', () => {
  for (const role of ['visitor', 'member', 'admin']) {
    for (const lang of ['zh-CN', 'en']) {
      test(`${role}, ${lang}: no sideways scroll, no words of the other language`, async () => {
        const problems = await visitAll(role, lang);
        assert.deepEqual(problems, []);
      });
    }
  }
});

describe('phone menu and a visitor\'s console', () => {
  test('the phone menu opens in a drawer with every item', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await env.newPage(context);
    await page.goto(`${env.server.url}/`);
    await page.getByRole('button', { name: '菜单' }).click();
    const drawer = page.getByRole('dialog', { name: '导航菜单' });
    for (const name of ['技术需求', '科技成果', '专家人才', '揭榜挂帅', '新闻资讯', '榜单奖项', '委员会', '数据看板']) {
      await drawer.getByRole('link', { name, exact: true }).waitFor();
    }
    await drawer.getByRole('link', { name: '数据看板', exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await drawer.waitFor({ state: 'detached' });
    await context.close();
  });

  test('a visitor\'s home page logs no console error and asks for no session', async () => {
    const context = await env.browser.newContext({ locale: 'zh-CN' });
    const page = await env.newPage(context);
    const errors = [];
    const asked = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/me')) asked.push(r.url());
    });
    await page.goto(`${env.server.url}/`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: '登录' }).waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(asked, []);
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test('the home page loads the chart\'s code only when it is scrolled to', async () => {
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 700 } });
    const page = await env.newPage(context);
    const scripts = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${env.server.url}/`);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(scripts.filter((s) => /echarts|CategoryChart/.test(s)), []);
    await page.getByRole('heading', { name: '近期发布按门类分布' }).waitFor({ state: 'detached' });
    await page.mouse.wheel(0, 5000);
    await page.getByRole('heading', { name: '近期发布按门类分布' }).waitFor();
    assert.ok(scripts.some((s) => /echarts/.test(s)), scripts.join(', '));
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test('at 1366 px every menu item of an admin is reachable', async () => {
    const { admin } = data.users;
    for (const locale of ['zh-CN', 'en']) {
      const context = await env.signedIn(admin.username, admin.password, { viewport: { width: 1366, height: 900 } });
      await context.addInitScript((l) => localStorage.setItem('kc-lang', l), locale);
      const page = await env.newPage(context);
      await page.goto(`${env.server.url}/`);
      const nav = page.getByRole('navigation', { name: locale === 'en' ? 'Main navigation' : '主导航' });
      await nav.waitFor();
      await page.waitForTimeout(300); // the row settles after its first measurement
      const visible = await nav.getByRole('link').count();
      const more = page.locator('[data-test=nav-more]');
      let hidden = 0;
      if (await more.count()) {
        await more.click();
        hidden = await page.locator('.more-list a').count();
      }
      // Home, 11 portal pages, workspace, admin area: 14 items, all in the row or under "more".
      assert.equal(visible + hidden, 14, `${locale}: ${visible} shown + ${hidden} under more`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false);
      await screenshot(page, `header-1366-${locale}`);
      await context.close();
    }
  });
});
