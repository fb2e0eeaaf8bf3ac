// The platform in a real browser: an enterprise registers with its organisation, posts a demand
// and submits it; the administrator approves it as reviewer; a visitor sees it on the home page
// and the demand list, and finds it by searching; a university's achievement appears among the
// demand's matches with its explanation; a saved search brings a notification when a matching
// demand is approved; the English switch translates the page; bad input shows the API's error
// beside the field. Each test leaves a screenshot of its last page in build/test-artifacts/.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD, apiCall, checkPrerequisites, launchBrowser, screenshot, startServer,
} from './harness.mjs';

const stamp = Date.now().toString(36);
const ENTERPRISE = { username: `ent_${stamp}`, password: 'enterprise-pass-1', name: '王工程师' };
const ORG_NAME = `苏州测试精密制造有限公司${stamp}`;
// A valid 统一社会信用代码 (GB 32100-2015 check character) unique to this run.
function creditCode() {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = '91320506';
  for (let i = 0; i < 9; i++) body += chars[Math.floor(Math.random() * 10)];
  const sum = [...body].reduce((n, c, i) => n + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}
const CREDIT_CODE = creditCode();
const BAD_CREDIT_CODE = CREDIT_CODE.slice(0, 17) + (CREDIT_CODE[17] === '0' ? '1' : '0');
const DEMAND_TITLE = `高精度齿轮箱噪声诊断与降噪技术需求 ${stamp}`;
const INSTITUTION = { username: `uni_${stamp}`, password: 'university-pass-1' };
const ACHIEVEMENT_TITLE = `齿轮箱振动信号噪声诊断与结构降噪技术 ${stamp}`;
// Words no demo listing has, so that only the test's demand answers the saved search.
const SAVED_QUERY = '电液伺服阀';

let server;
let browser;
let enterprise; // the enterprise member's browser context, signed in from the second test on
let admin; // the administrator's, signed in by the reviewer test
let institution; // a university member's, registered by the matching test
const TIMEOUT = 15000;

before(async () => {
  checkPrerequisites();
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close(); // closes every context with it
  if (server) await server.stop();
});

const openPages = [];

async function newPage(context) {
  const page = await context.newPage();
  openPages.push(page);
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.pageErrors = errors;
  return page;
}

// Asserts that an el-form-item labelled `label` shows an error containing `text`.
async function expectFieldError(page, label, text) {
  const item = page.locator('.el-form-item', {
    has: page.locator('.el-form-item__label', { hasText: label }),
  }).first();
  const error = item.locator('.el-form-item__error');
  await error.waitFor();
  assert.match(await error.innerText(), text);
}

// Calls the API from a browser context with its session cookie and CSRF token; returns the JSON.
function apiAs(context, method, path, data) {
  return apiCall(server.url, context, method, path, data);
}

// Creates a listing as `owner`, submits it and approves it as the administrator.
async function publish(owner, plural, data) {
  const { id } = await apiAs(owner, 'POST', `/${plural}`, data);
  await apiAs(owner, 'POST', `/${plural}/${id}/submit`);
  await apiAs(admin, 'POST', `/${plural}/${id}/approve`);
  return id;
}

// The search index follows the store asynchronously: reloads the page until `locator` shows.
async function reloadUntil(page, locator, settle) {
  for (let attempt = 0; ; attempt++) {
    await settle();
    if (await locator.count() > 0 || attempt >= 8) break;
    await page.waitForTimeout(400);
    await page.reload();
  }
  await locator.first().waitFor();
}

// A failed test leaves a screenshot of every page it left open.
afterEach(async (t) => {
  for (const page of openPages.splice(0)) {
    if (!page.isClosed()) {
      await screenshot(page, `failed-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
    }
  }
});

describe('portal', () => {
  test('a form with bad input shows the field error from the API', async () => {
    enterprise = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await newPage(enterprise);
    await page.goto(`${server.url}/register`);
    await page.getByLabel('用户名').fill(ENTERPRISE.username);
    await page.getByLabel('密码', { exact: true }).fill(ENTERPRISE.password);
    await page.getByLabel('姓名').fill(ENTERPRISE.name);
    await page.getByLabel('机构名称').fill(ORG_NAME);
    // A credit code whose check character is wrong.
    await page.getByLabel('统一社会信用代码').fill(BAD_CREDIT_CODE);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expectFieldError(page, '统一社会信用代码', /统一社会信用代码无效/);
    assert.equal(new URL(page.url()).pathname, '/register');
    await screenshot(page, 'field-error');
    await page.close();
  });

  test('an enterprise registers with its organisation', async () => {
    const page = await newPage(enterprise);
    await page.goto(`${server.url}/register`);
    await page.getByLabel('用户名').fill(ENTERPRISE.username);
    await page.getByLabel('密码', { exact: true }).fill(ENTERPRISE.password);
    await page.getByLabel('姓名').fill(ENTERPRISE.name);
    await page.getByLabel('机构名称').fill(ORG_NAME);
    await page.getByLabel('统一社会信用代码').fill(CREDIT_CODE);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.waitForURL(/\/workspace/);
    await page.getByRole('heading', { name: '我的工作台' }).waitFor();
    await page.getByText('机构管理员').first().waitFor();
    await screenshot(page, 'registered');
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });

  test("the organisation's admin edits it and its members, with field errors", async () => {
    const page = await newPage(enterprise);
    await page.goto(`${server.url}/workspace`);
    await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '本机构' }).click();
    await page.getByRole('heading', { name: '本机构' }).waitFor();
    assert.equal(await page.getByLabel('机构名称').inputValue(), ORG_NAME);
    await page.getByLabel('统一社会信用代码').fill(BAD_CREDIT_CODE);
    await page.getByRole('button', { name: '保存机构信息' }).click();
    await expectFieldError(page, '统一社会信用代码', /统一社会信用代码无效/);
    await page.getByLabel('统一社会信用代码').fill(CREDIT_CODE);
    await page.getByLabel('机构简介').fill('专注精密传动部件的研发与制造。');
    await page.getByRole('button', { name: '保存机构信息' }).click();
    await page.getByText('已保存').first().waitFor();
    const members = page.locator('section', { has: page.getByRole('heading', { name: '成员' }) });
    await members.getByLabel('用户名').fill(`nobody_${stamp}`);
    await members.getByRole('button', { name: '添加成员' }).click();
    await expectFieldError(page, '用户名', /没有这个用户名/);
    await members.locator('.el-table__row', { hasText: ENTERPRISE.username }).getByText('机构管理员').waitFor();
    await screenshot(page, 'org-admin');
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });

  test('the enterprise posts a demand and submits it for review', async () => {
    const page = await newPage(enterprise);
    await page.goto(`${server.url}/workspace`);
    await page.getByRole('button', { name: '发布技术需求' }).click();
    await page.waitForURL(/\/workspace\/demands\/new/);
    await page.getByLabel('标题').fill(DEMAND_TITLE);
    await page.getByLabel('需求描述').fill(
      '减速机齿轮箱在 1500 rpm 工况下噪声超过 85 dB，需要基于振动信号的故障诊断方法和结构降噪方案，'
      + '目标将噪声降低 6 dB 以上，并形成可在产线上使用的检测装置。',
    );
    const keywords = page.getByLabel('关键词');
    for (const k of ['齿轮箱', '噪声诊断', '振动信号']) {
      await keywords.fill(k);
      await keywords.press('Enter');
    }
    // An amount range upside down: the API names the budget field.
    await page.getByRole('group', { name: '预算' }).getByText('面议').click();
    await page.getByLabel('最低（元）').fill('500000');
    await page.getByLabel('最高（元）').fill('100000');
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await expectFieldError(page, '预算', /范围无效/);
    await page.getByLabel('最高（元）').fill('900000');
    await page.getByLabel('最高（元）').blur();
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL(/\/workspace\?kind=demands/);
    const row = page.locator('.el-table__row', { hasText: DEMAND_TITLE });
    await row.getByText('待审核').waitFor();
    await screenshot(page, 'demand-submitted');
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });

  test('a reviewer approves the demand', async () => {
    admin = await browser.newContext({ locale: 'zh-CN' });
    const page = await newPage(admin);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/workspace/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '管理后台' }).click();
    await page.getByRole('heading', { name: '审核队列' }).waitFor();
    const row = page.locator('.el-table__row', { hasText: DEMAND_TITLE });
    await row.getByRole('button', { name: '通过' }).click();
    await page.getByText(`已通过：${DEMAND_TITLE}`).waitFor();
    await row.waitFor({ state: 'detached' });
    await screenshot(page, 'approved');
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });

  test("a rejected demand shows the reviewer's reason to its owner", async () => {
    // The owner creates and submits a second demand through the API with its session cookie.
    const csrf = (await enterprise.cookies()).find((c) => c.name === 'kc_csrf').value;
    const headers = { 'X-CSRF-Token': csrf };
    const title = `待驳回的需求 ${stamp}`;
    const created = await enterprise.request.post(`${server.url}/api/v1/demands`, {
      headers, data: { title, description: '描述过于简单。' },
    });
    assert.equal(created.status(), 201);
    const { id } = await created.json();
    assert.equal((await enterprise.request.post(`${server.url}/api/v1/demands/${id}/submit`, { headers })).status(), 200);

    const page = await newPage(admin);
    await page.goto(`${server.url}/review`);
    const row = page.locator('.el-table__row', { hasText: title });
    await row.getByRole('button', { name: '驳回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea').fill('请补充技术指标和应用场景');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await row.waitFor({ state: 'detached' });
    await page.close();

    const owner = await newPage(enterprise);
    await owner.goto(`${server.url}/workspace?kind=demands`);
    const mine = owner.locator('.el-table__row', { hasText: title });
    await mine.getByText('已驳回').waitFor();
    await mine.getByText('驳回原因：请补充技术指标和应用场景').waitFor();
    await screenshot(owner, 'rejected-reason');
    assert.deepEqual(owner.pageErrors, []);
    await owner.close();
  });

  test('an admin imports a file and sees the per-line error report', async () => {
    const page = await newPage(admin);
    await page.goto(`${server.url}/admin/import`);
    const lines = [
      { title: `导入需求甲 ${stamp}`, description: '第一条导入的需求。', keywords: ['导入'] },
      { description: '这一行没有标题。' },
      { title: `导入需求乙 ${stamp}`, description: '第三条导入的需求。', region: '320506' },
    ].map((x) => JSON.stringify(x)).join('\n');
    await page.getByLabel('文件').setInputFiles({
      name: 'demands.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines),
    });
    await page.getByRole('button', { name: '上传导入' }).click();
    await page.getByText('成功导入 2 条，失败 1 条').waitFor();
    const report = page.locator('.el-table__row').first();
    assert.match(await report.innerText(), /^2\s+title\s+required\s+此项为必填项/);
    await screenshot(page, 'import-report');
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });

  test('a visitor sees the demand on the home page and in the demand list', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await newPage(context);
    await page.goto(`${server.url}/`);
    const latest = page.locator('section', { has: page.getByRole('heading', { name: '最新技术需求' }) });
    await latest.getByRole('link', { name: DEMAND_TITLE }).waitFor();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '技术需求' }).click();
    await page.waitForURL(/\/demands$/);
    // More than a page of demands (the demo data's 20 and the test's): links to the others.
    const pages = page.getByRole('navigation', { name: '分页' });
    await pages.getByRole('link', { name: '第 2 页' }).click();
    await page.waitForURL(/\/demands\?page=2$/);
    await pages.locator('[aria-current=page]', { hasText: '2' }).waitFor();
    await page.locator('.listing-card').first().waitFor();
    await pages.getByRole('link', { name: '第 1 页' }).click();
    await page.waitForURL(/\/demands$/);
    await page.getByRole('link', { name: DEMAND_TITLE }).click();
    await page.getByRole('heading', { name: DEMAND_TITLE }).waitFor();
    await page.getByText(ORG_NAME).first().waitFor();
    await screenshot(page, 'visitor-demand');
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test("a visitor's search finds the demand", async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await newPage(context);
    await page.goto(`${server.url}/`);
    const box = page.getByRole('searchbox', { name: '搜索' });
    await box.fill('齿轮箱噪声诊断');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    // The search index follows the store within a second or so: look again a few times.
    const hit = page.getByRole('link', { name: DEMAND_TITLE });
    for (let attempt = 0; ; attempt++) {
      await page.locator('#results-heading').waitFor();
      await page.locator('.el-skeleton').waitFor({ state: 'detached' });
      if (await hit.count() > 0 || attempt >= 5) break;
      await page.waitForTimeout(500);
      await page.reload();
    }
    await hit.waitFor();
    await screenshot(page, 'search');
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test("the search page and a listing's page show the data their HTML carries, without asking the API", async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await newPage(context);
    const asked = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (/^\/api\/v1\/(search|demands)/.test(path)) asked.push(path);
    });
    await page.goto(`${server.url}/search?q=${encodeURIComponent('齿轮箱噪声诊断')}`);
    const hit = page.getByRole('link', { name: DEMAND_TITLE });
    await hit.waitFor();
    await page.getByRole('heading', { name: '类型', exact: true }).waitFor(); // the facets came with it
    assert.deepEqual(asked, []);
    // The carried answer serves the first page only: a filter asks the server.
    await page.locator('.toolbar').getByText('技术需求').click();
    await page.waitForURL(/type=demand/);
    await hit.waitFor();
    assert.deepEqual(asked, ['/api/v1/search']);

    const href = await hit.getAttribute('href');
    asked.length = 0;
    await page.goto(`${server.url}${href}`);
    await page.getByRole('heading', { name: DEMAND_TITLE }).waitFor();
    await page.getByText(ORG_NAME).first().waitFor();
    assert.deepEqual(asked.filter((p) => p === `/api/v1${href}`), []);
    await screenshot(page, 'listing-from-html');
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test("a university's achievement appears among the demand's matches with its explanation", async () => {
    institution = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    await apiAs(institution, 'POST', '/auth/register', {
      username: INSTITUTION.username, password: INSTITUTION.password, display_name: '李教授',
      org: { name: `华东测试理工大学${stamp}`, type: 'university' },
    });
    await apiAs(institution, 'POST', '/auth/login', { username: INSTITUTION.username, password: INSTITUTION.password });
    await publish(institution, 'achievements', {
      title: ACHIEVEMENT_TITLE,
      abstract: '面向减速机齿轮箱的噪声诊断技术：采集振动信号，提取啮合频率特征，定位齿面磨损与装配误差，'
        + '并给出结构降噪方案，已在产线检测装置中应用，噪声降低 8 dB。',
      keywords: ['齿轮箱', '噪声诊断', '振动信号', '降噪'],
      maturity: 6,
    });

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await newPage(context);
    const demands = await (await context.request.get(`${server.url}/api/v1/demands`, { params: { q: DEMAND_TITLE } })).json();
    const demand = demands.items.find((d) => d.title === DEMAND_TITLE);
    assert.ok(demand, 'the approved demand is listed');
    await page.goto(`${server.url}/demands/${demand.id}`);
    const matches = page.locator('section', { has: page.getByRole('heading', { name: '智能匹配' }) });
    const match = matches.locator('.match', { has: page.getByRole('link', { name: ACHIEVEMENT_TITLE }) });
    await reloadUntil(page, match, async () => {
      await page.getByRole('heading', { name: DEMAND_TITLE }).waitFor();
      await matches.locator('.el-skeleton').waitFor({ state: 'detached' });
    });
    // The explanation in sentences, with whole key terms and no arithmetic.
    const shared = match.getByText(/^共有关键术语：/);
    await shared.waitFor();
    const terms = (await shared.innerText()).replace(/^共有关键术语：/, '').split('、');
    assert.ok(terms.includes('齿轮箱'), `shared terms: ${terms.join(' ')}`);
    await match.getByText(/^文本相似度：[高中低]$/).waitFor();
    assert.doesNotMatch(await match.innerText(), /×/);
    assert.match(await match.locator('.score').innerText(), /^匹配度 \d+%$/);
    await match.getByText('文本相关度').waitFor();
    await matches.getByRole('tab', { name: '匹配的专家' }).waitFor();
    await screenshot(page, 'demand-matches');
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test('a saved search brings a notification when a matching demand is approved', async () => {
    const page = await newPage(institution);
    await page.goto(`${server.url}/search?q=${encodeURIComponent(SAVED_QUERY)}`);
    await page.getByRole('button', { name: '保存此搜索' }).click();
    await page.getByRole('button', { name: '已保存此搜索' }).waitFor();
    await page.goto(`${server.url}/workspace/subscriptions`);
    await page.locator('.el-table__row', { hasText: '保存的搜索' }).getByRole('link', { name: SAVED_QUERY }).waitFor();

    // Unread notices so far (the review outcomes of the institution's own listings).
    const badge = page.locator('.site-header .badge');
    const unreadBefore = (await badge.count()) ? Number(await badge.textContent()) : 0;

    const title = `液压伺服阀 ${SAVED_QUERY} 国产化替代需求 ${stamp}`;
    await publish(enterprise, 'demands', {
      title, description: `需要${SAVED_QUERY}的设计与测试能力，替代进口产品，寿命不低于 2000 小时。`,
    });

    // The header's unread count is read again on each navigation.
    await page.goto(`${server.url}/workspace/notifications`);
    const note = page.locator('.note', { has: page.getByRole('link', { name: title }) });
    await reloadUntil(page, note, () => page.locator('#notes-heading').waitFor());
    await note.getByText(`符合您保存的搜索“${SAVED_QUERY}”的新信息：`).waitFor();
    await page.locator('.site-header .badge', { hasText: new RegExp(`^${unreadBefore + 1}$`) }).waitFor();
    await page.getByRole('radio', { name: '未读' }).check({ force: true });
    await note.getByRole('button', { name: '标为已读' }).click();
    await note.getByRole('button', { name: '标为已读' }).waitFor({ state: 'detached' });
    if (unreadBefore === 0) await badge.waitFor({ state: 'detached' });
    else await page.locator('.site-header .badge', { hasText: new RegExp(`^${unreadBefore}$`) }).waitFor();
    await note.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    await screenshot(page, 'saved-search-notification');
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });

  test('the English switch translates the page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    const page = await newPage(context);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: '最新技术需求' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Latest demands' }).waitFor();
    // On a phone the main menu is a drawer behind the "Menu" button.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Achievements' }).waitFor();
    await page.getByRole('button', { name: 'Close the menu' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.getByText('最新技术需求').count(), 0);
    // Usable at 375 px: nothing wider than the screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375),
      'the page scrolls sideways at 375 px');
    // The choice holds on the next page load, and ?lang= works for a fresh visitor.
    await page.reload();
    await page.getByRole('heading', { name: 'Latest achievements' }).waitFor();
    await screenshot(page, 'english-375px');
    const fresh = await newPage(await browser.newContext({ locale: 'zh-CN' }));
    await fresh.goto(`${server.url}/demands?lang=en`);
    await fresh.getByRole('heading', { name: 'Demands' }).waitFor();
    await fresh.context().close();
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });
});
