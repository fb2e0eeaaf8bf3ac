// Talent (docs/talent.md): a talent centre's member fills in a talent profile in the form (zh-CN)
// and submits it; once approved, a visitor reads it without JavaScript at 390 px in English with
// its headline and what the person seeks but never their name; a member of another organisation
// sees the name but not the contact, finds the enterprise's talent demand among its matches and
// opens a talent engagement, whose steps have no contract registration.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, screenshot } from './harness.mjs';
import { startPlatform } from './ux-fixtures.mjs';

const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString(36);
const HEADLINE = `德国固态电池电解质研究员 ${stamp}`;
const NAME = `欧阳明远${stamp}`;
const EMAIL = `oy-${stamp}@example.de`;
const WANT = `引进固态电池电解质领军人才 ${stamp}`;
let env;
let admin;
let centre; // the talent centre's member (owns the profile)
let enterprise; // another organisation's member (owns the talent demand)
let talentId;

const PASSWORD = 'Kc-talent-e2e-pass-7';

async function registerWithOrg(username, orgName, type) {
  const c = await env.browser.newContext();
  await env.apiAs(c, 'POST', '/auth/register', {
    username, password: PASSWORD, display_name: username,
    org: { name: orgName, type, region: '110108' },
  });
  await c.close();
  return env.signedIn(username, PASSWORD, { viewport: { width: 1280, height: 900 } });
}

before(async () => {
  env = await startPlatform();
  admin = await env.signedIn('admin', ADMIN_PASSWORD);
  centre = await registerWithOrg(`centre${stamp}`, `海外人才服务中心${stamp}`, 'service_agency');
  enterprise = await registerWithOrg(`ent${stamp}`, `固态电池科技有限公司${stamp}`, 'enterprise');
  const want = await env.apiAs(enterprise, 'POST', '/talent-demands', {
    title: WANT, description: '提供研发岗位与启动经费，方向为硫化物固态电池电解质。',
    keywords: ['固态电池', '电解质'], offers: ['post', 'funding'],
  });
  await env.apiAs(enterprise, 'POST', `/talent-demands/${want.id}/submit`);
  await env.apiAs(admin, 'POST', `/talent-demands/${want.id}/approve`);
});

after(async () => {
  if (env) await env.stop();
});

async function assertNoSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${what} is ${width} px wide at ${PHONE.width} px`);
}

describe('talent', () => {
  test('a member fills in a talent profile and submits it', async () => {
    const page = await env.newPage(centre);
    await page.goto(`${env.server.url}/workspace/talents/new`);
    await page.getByRole('heading', { name: '发布人才' }).waitFor();
    await page.getByLabel('简介标题').fill(HEADLINE);
    await page.getByLabel('姓名', { exact: true }).fill(NAME);
    await page.getByLabel('职称').fill('研究员');
    await page.getByLabel('工作单位', { exact: true }).fill('慕尼黑工业大学');
    await page.getByLabel('个人简介').fill('长期从事硫化物固态电池电解质研究，发表论文三十余篇。');
    const keywords = page.getByLabel('关键词');
    for (const k of ['固态电池', '电解质']) {
      await keywords.fill(k);
      await keywords.press('Enter');
    }
    await page.locator('.el-form-item', { hasText: '国家或地区' }).locator('.el-select').click();
    await page.getByRole('option', { name: /德国/ }).click();
    await page.locator('.el-form-item', { hasText: '人才类型' }).locator('.el-select').click();
    await page.getByRole('option', { name: '海外人才' }).click();
    await page.locator('.el-form-item', { hasText: '工作语言' }).locator('.el-select').click();
    await page.getByRole('option', { name: '德语' }).click();
    await page.getByRole('option', { name: '中文' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('岗位', { exact: true }).click();
    await page.getByText('合作伙伴', { exact: true }).click();
    await page.getByLabel('电子邮箱').fill(EMAIL);
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL(/\/workspace\?kind=talents/);
    await page.locator('.el-table__row', { hasText: HEADLINE }).getByText('待审核').waitFor();
    assert.deepEqual(page.pageErrors, []);
    await page.close();

    const mine = await env.apiAs(centre, 'GET', '/talents?org_id=mine&status=pending');
    const item = mine.items.find((x) => x.title === HEADLINE);
    assert.ok(item, JSON.stringify(mine.items.map((x) => x.title)));
    assert.equal(item.visibility, 'members');
    assert.deepEqual(item.seeking, ['post', 'partner']);
    assert.deepEqual(item.languages, ['de', 'zh']);
    assert.equal(item.country, 'DE');
    talentId = item.id;
    await env.apiAs(admin, 'POST', `/talents/${talentId}/approve`);
  });

  test('a visitor reads it without JavaScript at 390 px, in English, without the name', async () => {
    const nojs = await env.browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'en' });
    const page = await env.newPage(nojs);
    let res = await page.goto(`${env.server.url}/talents`);
    assert.equal(res.status(), 200);
    await page.getByRole('link', { name: HEADLINE }).click();
    await page.getByRole('heading', { name: HEADLINE, level: 1 }).waitFor();
    await page.getByText('Researcher abroad').waitFor();
    await page.getByText('A post、A partner').or(page.getByText('A post, A partner')).waitFor();
    await page.getByText('Germany').first().waitFor();
    const html = await page.content();
    for (const secret of [NAME, '慕尼黑工业大学', EMAIL]) {
      assert.ok(!html.includes(secret), `${secret} in a visitor's page`);
    }
    await assertNoSidewaysScroll(page, 'the talent page');
    await screenshot(page, 'talent-nojs-390');
    res = await page.goto(`${env.server.url}/talents`);
    assert.ok(!(await page.content()).includes(NAME));
    await assertNoSidewaysScroll(page, 'the talent list');
    await nojs.close();
  });

  test('another organisation sees the name, not the contact, and opens a talent engagement', async () => {
    const page = await env.newPage(enterprise);
    await page.goto(`${env.server.url}/talents/${talentId}`);
    await page.getByRole('heading', { name: HEADLINE, level: 1 }).waitFor();
    await page.getByText(NAME).waitFor();
    await page.getByText('慕尼黑工业大学').waitFor();
    assert.ok(!(await page.content()).includes(EMAIL), 'the contact reached another organisation');
    // The enterprise's talent demand is among the profile's matches.
    await page.getByRole('tab', { name: '匹配的引才需求' }).waitFor();
    await page.getByRole('link', { name: WANT }).waitFor();
    await page.getByRole('button', { name: '发起交易' }).first().click();
    await page.waitForURL(/\/workspace\/deals\/\d+$/);
    await page.getByText('签约', { exact: true }).first().waitFor();
    const steps = await page.locator('.el-step__title').allInnerTexts();
    assert.ok(steps.includes('履约完成'), steps.join(', '));
    assert.ok(!steps.includes('合同登记'), `a talent engagement shows a registration step: ${steps.join(', ')}`);
    await screenshot(page, 'talent-engagement');
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });
});
