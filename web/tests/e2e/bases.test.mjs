// Offshore innovation bases (docs/bases.md): the platform admin adds a base in the form (zh-CN),
// gives it people and a hosted project and publishes it; the directory and the base's page are
// then readable without JavaScript at 390 px in English, with the table of bases by country; with
// JavaScript the directory draws its chart, and the base's update time is shown in the zone the
// viewer picks; a visitor never sees a draft.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, screenshot } from './harness.mjs';
import { startPlatform } from './ux-fixtures.mjs';

const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString(36);
const NAME = `慕尼黑离岸创新创业基地 ${stamp}`;
const NAME_EN = `Munich Offshore Base <b>${stamp}</b>`;
let env;
let admin;
let baseId;
let project; // a published demo listing the base hosts

before(async () => {
  env = await startPlatform();
  admin = await env.signedIn('admin', ADMIN_PASSWORD, { viewport: { width: 1280, height: 900 } });
  project = (await env.apiAs(admin, 'GET', '/demands?size=1&view=summary')).items[0];
});

after(async () => {
  if (env) await env.stop();
});

async function assertNoSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${what} is ${width} px wide at ${PHONE.width} px`);
}

describe('offshore bases', () => {
  test('the admin adds a base in the form, with a person and a project', async () => {
    const page = await env.newPage(admin);
    await page.goto(`${env.server.url}/bases`);
    await page.getByRole('heading', { name: '海外人才离岸创新创业基地' }).waitFor();
    await page.getByRole('link', { name: '新增基地' }).click();
    await page.getByRole('heading', { name: '新增基地' }).waitFor();
    await page.locator('input[name=name]').fill(NAME);
    await page.locator('input[name=name_en]').fill(NAME_EN);
    await page.locator('input[name=city]').fill('München');
    await page.locator('.el-form-item', { hasText: '国家或地区' }).locator('.el-select').click();
    await page.getByRole('option', { name: /德国/ }).click();
    await page.getByText('孵化服务').click();
    await page.getByText('法律服务').click();
    await page.getByRole('button', { name: '添加人员' }).click();
    await page.getByRole('textbox', { name: '姓名' }).fill('王芳');
    await page.getByRole('textbox', { name: '职务' }).fill('主任');
    await page.getByRole('button', { name: '添加项目' }).click();
    await page.locator('.pair .el-input-number input').fill(String(project.id));
    await page.getByRole('textbox', { name: '备注' }).fill('孵化中');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/bases\/\d+$/);
    baseId = Number(page.url().match(/\/bases\/(\d+)$/)[1]);
    await page.getByRole('heading', { name: NAME }).waitFor();
    await page.getByText('草稿', { exact: true }).waitFor();
    await page.getByRole('link', { name: project.title }).waitFor();
    await page.getByText('孵化服务、法律服务').waitFor();
    await screenshot(page, 'bases-admin-added');
    assert.deepEqual(page.pageErrors, []);

    // A visitor does not see the draft, in the list or alone.
    const visitor = await env.browser.newContext({ javaScriptEnabled: false });
    const res = await (await env.newPage(visitor)).goto(`${env.server.url}/bases/${baseId}`);
    assert.equal(res.status(), 404);
    const api = await visitor.request.get(`${env.server.url}/api/v1/bases/${baseId}`);
    assert.equal(api.status(), 404);
    await visitor.close();

    await env.apiAs(admin, 'PATCH', `/bases/${baseId}`, { status: 'published' });
  });

  test('the directory and the base read without JavaScript at 390 px, in English', async () => {
    const nojs = await env.browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'en' });
    const page = await env.newPage(nojs);
    const res = await page.goto(`${env.server.url}/bases`);
    assert.equal(res.status(), 200);
    await page.getByRole('heading', { name: 'Offshore innovation bases', level: 1 }).waitFor();
    // The chart as a table: Germany with one base.
    const row = page.locator('tr', { hasText: 'Germany' });
    assert.equal(await row.locator('td').nth(1).innerText(), '1');
    // The English name is text, never markup.
    await page.getByRole('link', { name: NAME_EN }).click();
    await page.getByRole('heading', { name: NAME_EN, level: 1 }).waitFor();
    assert.equal(await page.locator('b', { hasText: stamp }).count(), 0);
    await page.getByText('Germany · München').waitFor();
    await page.getByText('Incubation, Legal services').waitFor();
    await page.getByRole('link', { name: project.title }).waitFor();
    await page.getByText('王芳').waitFor();
    await page.getByText(/\(UTC\+08:00\)/).waitFor();
    await assertNoSidewaysScroll(page, 'the base page');
    await screenshot(page, 'bases-nojs-base-390');
    await page.goto(`${env.server.url}/bases`);
    await assertNoSidewaysScroll(page, 'the directory');
    await nojs.close();
  });

  test('with JavaScript the chart is drawn and the time is in the viewer\'s zone', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, locale: 'en', timezoneId: 'UTC' });
    const page = await env.newPage(context);
    await page.goto(`${env.server.url}/bases?lang=en`);
    await page.getByRole('heading', { name: 'Bases by country or region' }).waitFor();
    await page.locator('[role=img][aria-label*="Germany"] canvas').waitFor();
    await assertNoSidewaysScroll(page, 'the directory with its chart');
    await page.locator('[data-test=zone-select]').selectOption('UTC');
    await page.getByRole('link', { name: NAME_EN }).click();
    await page.getByRole('heading', { name: NAME_EN }).waitFor();
    const base = await (await context.request.get(`${env.server.url}/api/v1/bases/${baseId}`)).json();
    const utc = base.updated_at.replace('T', ' ').slice(0, 16);
    const shown = await page.locator('.facts time').innerText();
    assert.ok(shown.startsWith(utc), `${shown} is not ${utc} UTC`);
    await assertNoSidewaysScroll(page, 'the base page with JavaScript');
    await screenshot(page, 'bases-js-base-390');
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });
});
