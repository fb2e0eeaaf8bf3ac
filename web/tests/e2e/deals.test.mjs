// One demand from its match to a registered contract, in a real browser: an enterprise's demand
// matches a university's achievement; the enterprise opens a deal from the match and moves it to
// the NDA; the university (on a 375 px phone screen) sees the achievement's confidential details
// only after the NDA, writes a message, uploads a document (a wrong type is refused) and signs;
// registering without a contract record shows the API's error; with the contract recorded the
// deal is registered, its history exported, and the dashboard's funnel counts it. An challenge
// goes from a demand through a proposal (on a phone), judging and the announced winner to a deal.
// A service agency's member opens a deal from an achievement, naming the buyer, and brokers it.
// The deals list pages and filters by stage.
// Screenshots go to build/test-artifacts/.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD, apiCall, checkPrerequisites, launchBrowser, screenshot, startServer,
} from './harness.mjs';

const stamp = Date.now().toString(36);
const DEMAND_TITLE = `风电主轴轴承早期故障预警技术需求 ${stamp}`;
const ACHIEVEMENT_TITLE = `基于声发射的风电轴承早期故障诊断技术 ${stamp}`;
const SECRET = `传感器布置与报警阈值 ${stamp}`;
const TIMEOUT = 15000;

let server;
let browser;
const openPages = [];

before(async () => {
  checkPrerequisites();
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

afterEach(async (t) => {
  for (const page of openPages.splice(0)) {
    if (!page.isClosed()) await screenshot(page, `failed-${t.name.replace(/\W+/g, '-')}`).catch(() => {});
  }
});

async function newPage(context) {
  const page = await context.newPage();
  openPages.push(page);
  page.setDefaultTimeout(TIMEOUT);
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e.message));
  return page;
}

// Calls the API with the context's session cookie and CSRF token; returns the JSON.
function apiAs(context, method, path, data) {
  return apiCall(server.url, context, method, path, data);
}

async function member(username, org, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  const password = `Pw-${[...username].reverse().join('')}-1`;  // must not hold the name
  await apiAs(context, 'POST', '/auth/register', {
    username, password, display_name: username, org: { ...org, region: '440305' },
  });
  await apiAs(context, 'POST', '/auth/login', { username, password });
  return context;
}

async function publish(owner, admin, plural, data) {
  const { id } = await apiAs(owner, 'POST', `/${plural}`, data);
  await apiAs(owner, 'POST', `/${plural}/${id}/submit`);
  await apiAs(admin, 'POST', `/${plural}/${id}/approve`);
  return id;
}

const stageTag = (page) => page.locator('[data-test=stage]');
const formItem = (page, label) => page.locator('.el-form-item', {
  has: page.locator('.el-form-item__label', { hasText: label }),
}).first();

describe('deals', () => {
  test('a demand goes from its match to a registered contract shown on the dashboard', async () => {
    const admin = await browser.newContext();
    await apiAs(admin, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const ent = await member(`ent_${stamp}`, { name: `风电运维测试公司${stamp}`, type: 'enterprise' });
    const uni = await member(`uni_${stamp}`, { name: `测试能源大学${stamp}`, type: 'university' },
      { width: 375, height: 800 });
    const demand = await publish(ent, admin, 'demands', {
      title: DEMAND_TITLE,
      description: '风电机组主轴轴承早期故障难以发现，需要基于振动或声发射信号的在线监测与早期故障预警方案。',
      keywords: ['风电', '轴承', '故障诊断', '声发射'],
      category: '工学',
    });
    const achievement = await publish(uni, admin, 'achievements', {
      title: ACHIEVEMENT_TITLE,
      abstract: '利用声发射信号对风电主轴轴承进行早期故障诊断，提取特征并预警，已在风电场验证。',
      keywords: ['风电', '轴承', '故障诊断', '声发射'],
      maturity: 6,
    });
    await apiAs(uni, 'PUT', `/achievements/${achievement}/confidential`, { details: SECRET });

    // The enterprise opens a deal from the demand's match.
    const page = await newPage(ent);
    await page.goto(`${server.url}/demands/${demand}`);
    const matches = page.locator('section', { has: page.getByRole('heading', { name: '智能匹配' }) });
    const match = matches.locator('.match', { has: page.getByRole('link', { name: ACHIEVEMENT_TITLE }) });
    for (let attempt = 0; ; attempt++) {
      await page.getByRole('heading', { name: DEMAND_TITLE }).waitFor();
      await matches.locator('.el-skeleton').waitFor({ state: 'detached' });
      if (await match.count() > 0 || attempt >= 8) break;
      await page.waitForTimeout(400);
      await page.reload();
    }
    await match.getByRole('button', { name: '发起交易' }).click();
    await page.waitForURL(/\/workspace\/deals\/\d+$/);
    const dealUrl = page.url();
    assert.equal(await stageTag(page).innerText(), '意向');
    await page.getByRole('button', { name: '进入“保密协议”' }).click();
    await page.locator('[data-test=stage]', { hasText: '保密协议' }).waitFor();
    await page.getByText('保密信息在保密协议阶段完成后可见').waitFor();
    assert.equal(await page.getByText(SECRET).count(), 0);

    // The university, on a phone, goes on past the NDA and sees the confidential details.
    const phone = await newPage(uni);
    await phone.goto(dealUrl);
    await phone.getByRole('button', { name: '进入“谈判”' }).click();
    await phone.locator('[data-test=confidential]', { hasText: SECRET }).waitFor();
    await phone.getByPlaceholder('输入留言').fill('样机可在下月到现场测试。');
    await phone.getByRole('button', { name: '发送' }).click();
    await phone.getByText('样机可在下月到现场测试。').waitFor();
    await phone.getByLabel('上传文件').setInputFiles({
      name: '测试方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n测试方案\n%%EOF'),
    });
    await phone.getByRole('link', { name: '测试方案.pdf' }).waitFor();
    await phone.getByLabel('上传文件').setInputFiles({
      name: 'run.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ'),
    });
    await phone.getByText('不支持的文件类型').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the deal page is ${overflow}px wider than a 375 px screen`);
    // Signing binds both parties: the university proposes it, the enterprise confirms it.
    await phone.getByRole('button', { name: '提议“签约”' }).click();
    await phone.locator('[data-test=pending]', { hasText: '等待对方确认' }).waitFor();
    assert.equal(await stageTag(phone).innerText(), '谈判');
    await screenshot(phone, 'deal-phone');
    await page.reload();
    await page.locator('[data-test=pending]', { hasText: '对方提议进入“签约”' }).waitFor();
    await page.getByRole('button', { name: '确认“签约”' }).click();
    await page.locator('[data-test=stage]', { hasText: '签约' }).waitFor();

    // Registering needs the contract record.
    await page.getByRole('button', { name: '提议“合同登记”' }).click();
    await page.getByText('登记前请先填写合同信息').waitFor();
    await formItem(page, '合同金额').locator('input').fill('1200000');
    const date = formItem(page, '签订日期').locator('input');
    await date.fill('2026-11-20');
    await date.press('Enter');
    await formItem(page, '登记编号').locator('input').fill(`4403${stamp}`);
    await page.getByRole('button', { name: '保存合同信息' }).click();
    await page.getByText(`登记合同 4403${stamp}`).waitFor();
    await page.getByRole('button', { name: '提议“合同登记”' }).click();
    await page.locator('[data-test=pending]').waitFor();
    await phone.reload();
    await phone.getByRole('button', { name: '确认“合同登记”' }).click();
    await phone.locator('[data-test=stage]', { hasText: '合同登记' }).waitFor();
    await page.reload();
    await page.locator('[data-test=stage]', { hasText: '合同登记' }).waitFor();
    await page.getByText(`4403${stamp}`).first().waitFor();
    // Every history entry names who did it, and times are Beijing time.
    assert.ok(await page.locator('[data-test=history-actor]').count() >= 6);
    await page.getByText('北京时间').first().waitFor();
    await screenshot(page, 'deal-registered');

    // The enterprise's admin finds the deal in the list and exports the history.
    await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '技术交易' }).click();
    await page.getByRole('link', { name: DEMAND_TITLE.slice(0, 10) }).first().waitFor();
    const csvHref = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    const csv = await (await ent.request.get(`${server.url}${csvHref}`)).text();
    assert.match(csv, /deal_id,title,buyer,seller/);
    assert.match(csv, /,contract,/);

    // The dashboard counts the whole path.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据看板' }).click();
    await page.getByRole('heading', { name: '数据看板' }).waitFor();
    const figure = (k) => page.locator(`[data-test=funnel-${k}] .n`);
    await figure('registered').waitFor();
    assert.ok(Number(await figure('matches_shown').innerText()) >= 1);
    assert.equal(await figure('deals_opened').innerText(), '1');
    assert.equal(await figure('signed').innerText(), '1');
    assert.equal(await figure('registered').innerText(), '1');
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'dashboard');
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(phone.pageErrors, []);
  });
  test('an agency member opens a deal from a listing, names the buyer and brokers it', async () => {
    const admin = await browser.newContext();
    await apiAs(admin, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const uni = await member(`buni_${stamp}`, { name: `经纪测试理工大学${stamp}`, type: 'university' });
    const buyerName = `经纪测试储能科技公司${stamp}`;
    await member(`bent_${stamp}`, { name: buyerName, type: 'enterprise' });
    const agencyName = `经纪测试技术转移中心${stamp}`;
    const agent = await member(`agent_${stamp}`, { name: agencyName, type: 'service_agency' });
    const title = `固态电解质低温烧结工艺 ${stamp}`;
    const achievement = await publish(uni, admin, 'achievements', {
      title, abstract: '固态电解质片在八百度以下烧结致密，离子电导率达到室温应用要求。', keywords: ['固态电池', '烧结'],
    });

    // The agency names no buyer first: the API refuses and the form says why.
    const page = await newPage(agent);
    await page.goto(`${server.url}/achievements/${achievement}`);
    await page.getByRole('article', { name: title }).getByRole('button', { name: '发起交易' }).click();
    const dialog = page.getByRole('dialog', { name: '以技术经纪身份发起交易' });
    await dialog.getByRole('button', { name: '发起交易' }).click();
    const buyerField = dialog.locator('.el-form-item', { hasText: '需求方机构' });
    await buyerField.getByText('此项为必填项').waitFor();

    // It finds the buyer by part of its name and opens the deal as its broker.
    await buyerField.locator('input').fill(`储能科技公司${stamp}`);
    await page.getByRole('option', { name: buyerName }).click();
    await dialog.getByRole('button', { name: '发起交易' }).click();
    await page.waitForURL(/\/workspace\/deals\/\d+$/);
    assert.equal(await stageTag(page).innerText(), '意向');
    const party = (label) => page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
    assert.equal(await party('技术经纪').innerText(), agencyName);
    assert.equal(await party('需求方').innerText(), buyerName);
    assert.equal(await party('供给方').innerText(), `经纪测试理工大学${stamp}`);
    await screenshot(page, 'deal-brokered');
    assert.deepEqual(page.pageErrors, []);
  });
  test('the deals list pages, and its stage filter starts again from page 1', async () => {
    const admin = await browser.newContext();
    await apiAs(admin, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const uni = await member(`luni_${stamp}`, { name: `列表测试大学${stamp}`, type: 'university' });
    const ent = await member(`lent_${stamp}`, { name: `列表测试公司${stamp}`, type: 'enterprise' });
    const achievement = await publish(uni, admin, 'achievements', {
      title: `列表测试成果 ${stamp}`, abstract: '用于检验交易列表分页的成果。', keywords: ['分页'],
    });
    const titles = [];
    for (let i = 1; i <= 21; i++) {
      titles.push(`列表测试交易 ${i} ${stamp}`);
      await apiAs(ent, 'POST', '/deals', { achievement_id: achievement, title: titles[i - 1] });
    }
    const { items: [oldest] } = await apiAs(ent, 'GET', '/deals?page=2&size=20');
    await apiAs(ent, 'POST', `/deals/${oldest.id}/stage`, { stage: 'nda' });

    // Newest first, 20 a page: the first deal is alone on page 2.
    const page = await newPage(ent);
    await page.goto(`${server.url}/workspace/deals`);
    await page.getByText('共 21 条').waitFor();
    const deals = page.locator('.deal');
    await page.getByRole('link', { name: titles[20], exact: true }).waitFor();
    assert.equal(await deals.count(), 20);
    await page.locator('.el-pager').getByText('2', { exact: true }).click();
    await page.getByRole('link', { name: titles[0], exact: true }).waitFor();
    assert.equal(await deals.count(), 1);

    // Choosing a stage shows its first page, not the second.
    await page.getByRole('combobox', { name: '阶段' }).click({ force: true });
    await page.getByRole('option', { name: '保密协议' }).click();
    await page.getByText('共 1 条').waitFor();
    await page.getByRole('link', { name: titles[0], exact: true }).waitFor();
    assert.equal(await deals.count(), 1);
    assert.equal(await page.locator('.el-pagination').count(), 0);
    assert.deepEqual(page.pageErrors, []);
  });
  test('a challenge goes from a demand through proposals and judging to a winner and a deal', async () => {
    const admin = await browser.newContext();
    await apiAs(admin, 'POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const ent = await member(`cent_${stamp}`, { name: `张榜测试公司${stamp}`, type: 'enterprise' });
    const lab = await member(`clab_${stamp}`, { name: `揭榜测试研究所${stamp}`, type: 'institute' },
      { width: 375, height: 800 });
    const judge = await browser.newContext({ locale: 'zh-CN' });
    await apiAs(judge, 'POST', '/auth/register', { username: `judge_${stamp}`, password: 'judge-password-1' });
    await apiAs(judge, 'POST', '/auth/login', { username: `judge_${stamp}`, password: 'judge-password-1' });
    const title = `海上风电防腐涂层揭榜 ${stamp}`;
    const demand = await publish(ent, admin, 'demands', {
      title, description: '需要寿命二十五年以上的海上风电塔筒防腐涂层方案。', keywords: ['防腐涂层', '海上风电'],
    });

    // The demand's organisation turns it into a challenge from the demand's page.
    const page = await newPage(ent);
    await page.goto(`${server.url}/demands/${demand}`);
    await page.getByRole('link', { name: '张榜求解' }).click();
    await page.getByRole('heading', { name: '发布揭榜挂帅' }).waitFor();
    await formItem(page, '悬赏金额').locator('input').fill('3000000');
    const deadline = formItem(page, '截止日期').locator('input');
    await deadline.fill('2099-12-31');
    await deadline.press('Enter');
    await formItem(page, '评审标准').locator('input').fill('技术先进性:60、成本:40');
    await formItem(page, '评审专家').locator('input').fill(`judge_${stamp}`);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.waitForURL(/\/challenges\/\d+$/);
    const callUrl = page.url();
    assert.equal(await page.locator('[data-test=phase]').innerText(), '征集中');

    // An institute proposes from a phone.
    const phone = await newPage(lab);
    await phone.goto(callUrl);
    await formItem(phone, '方案概要').locator('textarea').fill('石墨烯改性环氧富锌涂层，盐雾试验 6000 小时。');
    await phone.getByRole('button', { name: '提交方案' }).click();
    await phone.getByText('石墨烯改性环氧富锌涂层').waitFor();
    assert.equal(await phone.getByRole('button', { name: '提交方案' }).count(), 0, 'one proposal each');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the call page is ${overflow}px wider than a 375 px screen`);

    // The poster closes the call, the judge scores, the poster announces the winner.
    await page.reload();
    await page.getByRole('button', { name: '截止征集，开始评审' }).click();
    await page.locator('[data-test=phase]', { hasText: '评审中' }).waitFor();
    const judging = await newPage(judge);
    await judging.goto(callUrl);
    await judging.getByRole('button', { name: '提交评分' }).click();
    await judging.getByText('得分 80.0（1 位评审）').waitFor();
    await page.reload();
    await page.getByRole('button', { name: '公布为揭榜方' }).click();
    await page.locator('[data-test=phase]', { hasText: '已公布' }).waitFor();
    await page.locator('.proposals').getByText('揭榜方').waitFor();
    await page.getByRole('link', { name: /^#\d+$/ }).last().click();
    await page.waitForURL(/\/workspace\/deals\/\d+$/);
    assert.equal(await stageTag(page).innerText(), '意向');
    await screenshot(phone, 'call-phone');
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(phone.pageErrors, []);
    assert.deepEqual(judging.pageErrors, []);
  });
});
