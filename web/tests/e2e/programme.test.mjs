// The programme's own pages in a real browser: an editor imports a raw news page, checks what
// was found and publishes it; a visitor reads it from the headline list with its breadcrumbs;
// a ranked list runs from template to published results (set up over the API), and a visitor
// on a phone-sized screen sees the ranking with each criterion. An admin creates a committee,
// adds a member organisation and a member person and removes one; a visitor sees the result. An
// admin edits a campaign's review criteria on its page.
// Screenshots go to build/test-artifacts/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD, apiCall, checkPrerequisites, launchBrowser, screenshot, startServer,
} from './harness.mjs';

const stamp = Date.now().toString(36);
const TITLE = `长三角技术转移联盟在杭州成立${stamp}`;
// A page in the shape a browser's "copy all" gives: headline list, breadcrumbs, title, time
// and source, dateline, a caption printed twice, end mark, editor, footer.
const PAGE = [
  '要闻一 要闻二 要闻三 要闻四 要闻五 要闻六 要闻七 要闻八 要闻九 要闻十 要闻十一 要闻十二',
  '您的位置:首页 >新闻资讯 >',
  TITLE,
  '2023-05-06 14:20:05来源:示范新闻网',
  '示范网杭州5月6日电 (记者 李明)长三角32家高校和技术转移机构6日签署协议,成立技术转移联盟。',
  '签约仪式现场。 李明 摄签约仪式现场。 李明 摄',
  '联盟每季度举办一次成果对接会。(完)',
  '【编辑:赵强】',
  '关于我们 | 联系方式',
].join('\n\n');
const TIMEOUT = 15000;

let server;
let browser;

before(async () => {
  checkPrerequisites();
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function newPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e.message));
  return page;
}

// Calls the API from a browser context with its session cookie and CSRF token.
function apiAs(context, method, path, data) {
  return apiCall(server.url, context, method, path, data);
}

// A new browser context signed in through the API.
async function signedIn(username, password) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const res = await context.request.post(`${server.url}/api/v1/auth/login`, { data: { username, password } });
  assert.equal(res.status(), 200, await res.text());
  return context;
}

async function registered(username, org) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const password = `Pw-${[...username].reverse().join('')}-1`;  // must not hold the name
  const body = { username, password, display_name: username };
  if (org) body.org = { name: org, type: 'enterprise', region: '330106' };
  const res = await context.request.post(`${server.url}/api/v1/auth/register`, { data: body });
  assert.equal(res.status(), 201, await res.text());
  await context.close();
  return signedIn(username, password);
}

// A new edition of the emerging-enterprise list, open for nominations until tomorrow.
async function openCampaign(admin, year = new Date().getFullYear()) {
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  const campaign = await apiAs(admin, 'POST', '/campaigns', {
    template: 'emerging-enterprise',
    year,
    min_reviewers: 1,
    nomination_opens: iso(now - 86400000),
    nomination_closes: iso(now + 86400000),
    review_opens: iso(now + 86400000),
    review_closes: iso(now + 30 * 86400000),
  });
  await apiAs(admin, 'POST', `/campaigns/${campaign.id}/open`, {});
  return campaign;
}

// A newly registered enterprise nominates itself; resolves with its organisation id.
async function nominateEnterprise(campaign, username, name) {
  const ent = await registered(username, name);
  const me = await apiAs(ent, 'GET', '/me');
  await apiAs(ent, 'POST', `/campaigns/${campaign.id}/nominations`, {
    nominee_type: 'enterprise', nominee_name: name, nominee_org_id: me.org_id,
    founding_year: new Date().getFullYear() - 1, discipline: '材料科学与工程',
    materials: [{ title: '营业执照' }],
  });
  await ent.close();
  return me.org_id;
}

// A member with a published expert profile in 材料科学与工程, so in the reviewer pool.
async function reviewer(admin, username, org) {
  const expert = await registered(username, org);
  const profile = await apiAs(expert, 'POST', '/experts', {
    name: '评审专家', title: '研究员', disciplines: ['材料科学与工程'], bio: '从事新材料研究。',
  });
  await apiAs(expert, 'POST', `/experts/${profile.id}/submit`, {});
  await apiAs(admin, 'POST', `/experts/${profile.id}/approve`, {});
  return expert;
}

describe('news', () => {
  test('an editor imports a news page and publishes it; a visitor reads it', async () => {
    const admin = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await newPage(admin);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/workspace/);

    await page.goto(`${server.url}/news`);
    await page.getByRole('link', { name: '写新闻' }).click();
    await page.getByRole('heading', { name: '导入新闻页面' }).waitFor();
    await page.getByRole('textbox', { name: '导入新闻页面' }).fill(PAGE);
    await page.getByRole('button', { name: '解析页面' }).click();
    await page.getByText('各项均已找到').waitFor();
    await page.getByText('页面未写时区，按北京时间（UTC+8）推定').waitFor();
    assert.equal(await page.getByLabel('标题', { exact: true }).inputValue(), TITLE);
    assert.equal(await page.getByLabel('来源').inputValue(), '示范新闻网');
    assert.equal(await page.getByLabel('电头').inputValue(), '示范网杭州5月6日电');
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.waitForURL(/\/news\/\d+$/);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await screenshot(page, 'news-published');
    assert.deepEqual(page.pageErrors, []);

    const visitor = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    const v = await newPage(visitor);
    await v.goto(`${server.url}/`);
    await v.getByRole('link', { name: TITLE }).first().click();
    await v.getByRole('heading', { name: TITLE }).waitFor();
    const crumbs = await v.locator('.el-breadcrumb').innerText();
    assert.match(crumbs, /首页\s*>\s*新闻资讯/);
    await v.getByText('示范网杭州5月6日电').waitFor();
    await v.getByText('签约仪式现场。', { exact: false }).first().waitFor();
    const captions = v.locator('figcaption');
    assert.equal(await captions.count(), 1, 'the repeated caption appears once');
    assert.match(await captions.innerText(), /^签约仪式现场。\s*李明 摄$/);
    await v.getByText('【编辑：赵强】').waitFor();
    assert.match(await v.locator('.article .meta').innerText(), /2023-05-06 14:20 \(北京时间\)/);
    const width = await v.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no horizontal scrolling at 375 px (${width})`);
    await screenshot(v, 'news-article-375');
    assert.deepEqual(v.pageErrors, []);
    await admin.close();
    await visitor.close();
  });
});

describe('ranked list', () => {
  test('a published list shows rank, nominee, total and each criterion', async () => {
    const admin = await signedIn('admin', ADMIN_PASSWORD);
    const campaign = await openCampaign(admin);
    const names = [`新锐甲科技${stamp}`, `新锐乙科技${stamp}`];
    for (const [i, name] of names.entries()) await nominateEnterprise(campaign, `ent${i}_${stamp}`, name);
    const expert = await reviewer(admin, `expert_${stamp}`, `评审研究院${stamp}`);
    const review = await apiAs(admin, 'POST', `/campaigns/${campaign.id}/review`, {});
    assert.equal(review.assigned, 2);
    // The demo data's experts (owned by the admin) are in the pool too: every reviewer scores
    // what they were given.
    for (const reviewer of [expert, admin]) {
      const tasks = (await apiAs(reviewer, 'GET', '/me/reviews')).items;
      for (const task of tasks) {
        const first = task.nomination.nominee_name === names[0];
        await apiAs(reviewer, 'POST', `/nominations/${task.nomination.id}/scores`, {
          scores: first
            ? { technology: 9, growth: 8, team: 8, impact: 7 }
            : { technology: 6, growth: 5, team: 6, impact: 6 },
        });
      }
    }
    await apiAs(admin, 'POST', `/campaigns/${campaign.id}/publish`, {});

    const visitor = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    const page = await newPage(visitor);
    await page.goto(`${server.url}/campaigns`);
    await page.getByRole('link', { name: campaign.title }).click();
    await page.getByRole('heading', { name: '评选结果' }).waitFor();
    const rows = page.locator('.results .el-table__body tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    const first = await rows.nth(0).innerText();
    assert.match(first, new RegExp(`^1\\s+${names[0]}`));
    assert.match(await page.locator('.results .el-table__header').innerText(), /核心技术/);
    await page.getByText('评审专家匿名').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no horizontal scrolling at 375 px (${width})`);
    await screenshot(page, 'ranked-list-375');
    assert.deepEqual(page.pageErrors, []);
    await visitor.close();
    await admin.close();
    await expert.close();
  });
});

describe('bodies', () => {
  test('an admin creates a committee, adds an organisation and a person, removes one; a visitor sees it', async () => {
    const orgName = `技术转移成员单位${stamp}`;
    await (await registered(`body_org_${stamp}`, orgName)).close();
    const committee = `专家咨询委员会${stamp}`;

    const admin = await signedIn('admin', ADMIN_PASSWORD);
    const page = await newPage(admin);
    await page.goto(`${server.url}/bodies`);
    const form = page.getByRole('region', { name: '新建委员会或联合体' });
    const field = (scope, label) => scope.locator('.el-form-item', {
      has: page.locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }),
    });

    // A slug the API refuses is named beside its field; a good one creates the committee.
    await field(form, '名称').locator('input').fill(committee);
    await field(form, '网址标识').locator('input').fill('Not A Slug');
    await form.getByRole('button', { name: '创建' }).click();
    await field(form, '网址标识').getByText('网址标识只能用小写字母、数字和连字符').waitFor();
    await field(form, '网址标识').locator('input').fill(`committee-${stamp}`);
    await field(form, '成立时间').locator('input').fill('2024');
    await form.getByRole('button', { name: '创建' }).click();
    const section = page.getByRole('region', { name: committee });
    await section.getByText('暂无成员').waitFor();

    // An organisation, found by part of its name.
    await section.getByRole('button', { name: '添加成员' }).click();
    let dialog = page.getByRole('dialog', { name: `为“${committee}”添加成员` });
    await dialog.locator('.el-radio', { hasText: '机构' }).click();
    await field(dialog, '机构').locator('input').fill(`成员单位${stamp}`);
    await page.getByRole('option', { name: orgName }).click();
    await field(dialog, '职务').locator('input').fill('成员单位');
    await dialog.getByRole('button', { name: '添加成员' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section.getByRole('link', { name: orgName }).waitFor();

    // A person: a term that ends before it starts is refused beside the end date.
    await section.getByRole('button', { name: '添加成员' }).click();
    dialog = page.getByRole('dialog', { name: `为“${committee}”添加成员` });
    await field(dialog, '姓名').locator('input').fill('王立新');
    await field(dialog, '头衔').locator('input').fill('中国工程院院士');
    await field(dialog, '职务').locator('input').fill('主任委员');
    for (const [label, date] of [['任期开始', '2025-01-01'], ['任期结束', '2024-01-01']]) {
      const input = field(dialog, label).locator('input');
      await input.fill(date);
      await input.press('Enter');
    }
    await dialog.getByRole('button', { name: '添加成员' }).click();
    await field(dialog, '任期结束').getByText('任期结束不能早于开始').waitFor();
    const end = field(dialog, '任期结束').locator('input');
    await end.fill('2028-12-31');
    await end.press('Enter');
    await dialog.getByRole('button', { name: '添加成员' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section.getByText('王立新').waitFor();

    // The organisation is removed after a confirmation.
    await section.getByRole('button', { name: `移除${orgName}` }).click();
    await page.getByRole('dialog').getByText(`确定将“${orgName}”移出“${committee}”吗？`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await section.getByRole('link', { name: orgName }).waitFor({ state: 'detached' });
    await screenshot(page, 'bodies-admin');
    assert.deepEqual(page.pageErrors, []);

    const visitor = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    const v = await newPage(visitor);
    await v.goto(`${server.url}/bodies`);
    const shown = v.getByRole('region', { name: committee });
    const rows = shown.locator('.el-table__body tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /王立新\s+中国工程院院士\s+主任委员\s+2025-01-01 – 2028-12-31/);
    assert.equal(await v.getByRole('button', { name: '添加成员' }).count(), 0);
    assert.equal(await v.getByRole('region', { name: '新建委员会或联合体' }).count(), 0);
    await screenshot(v, 'bodies-375');
    assert.deepEqual(v.pageErrors, []);
    await visitor.close();
    await admin.close();
  });
});

describe('conflicts of interest', () => {
  test('a reviewer declares a conflict on the campaign page and is never given that nomination', async () => {
    const admin = await signedIn('admin', ADMIN_PASSWORD);
    const campaign = await openCampaign(admin, new Date().getFullYear() + 1);
    const tied = `回避测试科技${stamp}`;
    await nominateEnterprise(campaign, `tied_${stamp}`, tied);
    const expert = await reviewer(admin, `conflicted_${stamp}`, `回避专家研究院${stamp}`);

    const page = await newPage(expert);
    await page.goto(`${server.url}/campaigns/${campaign.id}`);
    const form = page.getByRole('region', { name: '申报利益冲突' });
    const orgField = form.locator('.el-form-item', { hasText: '存在利益关系的机构' });
    const declare = async () => {
      await orgField.locator('input').fill(`测试科技${stamp}`);
      await page.getByRole('option', { name: tied }).click();
      await form.getByLabel('说明').fill('近三年有合作项目');
      await form.getByRole('button', { name: '申报回避' }).click();
    };
    await declare();
    await page.getByText('已申报，评审分配将回避该机构').waitFor();
    // A second declaration is refused beside the organisation.
    await declare();
    await orgField.getByText('已申报过与该机构的利益冲突').waitFor();
    await screenshot(page, 'campaign-conflict');
    assert.deepEqual(page.pageErrors, []);

    await apiAs(admin, 'POST', `/campaigns/${campaign.id}/review`, {});
    const tasks = (await apiAs(expert, 'GET', '/me/reviews')).items;
    assert.deepEqual(tasks.filter((task) => task.nomination.nominee_name === tied), []);
    await admin.close();
    await expert.close();
  });
});

describe('review criteria', () => {
  test('an admin changes a weight and adds a criterion; a bad weight is refused beside the table', async () => {
    const admin = await signedIn('admin', ADMIN_PASSWORD);
    const campaign = await openCampaign(admin, new Date().getFullYear() + 2);
    const page = await newPage(admin);
    await page.goto(`${server.url}/campaigns/${campaign.id}`);
    await page.getByRole('button', { name: '编辑评审指标' }).click();
    const form = page.getByRole('form', { name: '编辑评审指标' });
    const setWeight = async (n, weight) => {
      const input = form.getByLabel(`第 ${n} 项指标的权重`);
      await input.fill(weight);
      await input.blur();
    };

    await setWeight(2, '0.35');
    await form.getByRole('button', { name: '添加指标' }).click();
    await form.getByLabel('第 5 项指标的名称').fill('知识产权');
    await form.getByLabel('第 5 项指标的说明').fill('专利数量与质量');
    // A weight of 0 is refused, named beside the criteria.
    await setWeight(5, '0');
    await form.getByRole('button', { name: '保存评审指标' }).click();
    await form.locator('.el-form-item__error', { hasText: '权重大于 0 且不超过 1000' }).waitFor();
    await screenshot(page, 'campaign-criteria-refused');
    await setWeight(5, '0.2');
    await form.getByRole('button', { name: '保存评审指标' }).click();
    await page.getByText('评审指标已保存').waitFor();
    await form.waitFor({ state: 'detached' });

    await page.reload();
    const rows = page.locator('.criteria .el-table__body tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 5);
    assert.match(await rows.nth(1).innerText(), /成长性\s+0\.35\s+/);
    assert.match(await rows.nth(4).innerText(), /^知识产权\s+0\.2\s+专利数量与质量$/);
    await screenshot(page, 'campaign-criteria');
    assert.deepEqual(page.pageErrors, []);

    // The kept criteria keep their keys and maximum scores; the new one has a key of its own.
    const saved = await apiAs(admin, 'GET', `/campaigns/${campaign.id}`);
    assert.deepEqual(saved.criteria.map((k) => k.key), [...campaign.criteria.map((k) => k.key), 'criterion']);
    assert.deepEqual(saved.criteria.map((k) => k.max_score), [...campaign.criteria.map((k) => k.max_score), 10]);
    await admin.close();
  });
});
