// The admin's import page in a real browser: the column guide lists exactly the columns of the
// server's template, in Chinese and on a 390 px phone in English; the template links download;
// the XLSX template uploaded as it is imports one listing, and a workbook with a bad row reports
// that row by its number. Screenshots go to build/test-artifacts/.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD, checkPrerequisites, launchBrowser, screenshot, startServer,
} from './harness.mjs';

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

async function adminPage(locale, viewport) {
  const context = await browser.newContext({ locale, viewport });
  const csrf = async () => (await context.cookies()).find((c) => c.name === 'kc_csrf')?.value || '';
  const res = await context.request.fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', data: { username: 'admin', password: ADMIN_PASSWORD }, headers: { 'X-CSRF-Token': await csrf() },
  });
  assert.ok(res.ok(), `login: ${res.status()}`);
  const page = await context.newPage();
  openPages.push(page);
  page.setDefaultTimeout(TIMEOUT);
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e.message));
  return { context, page };
}

// The header row of a kind's CSV template, as the server writes it.
async function templateHeader(context, plural) {
  const res = await context.request.get(`${server.url}/api/v1/import/${plural}/template?format=csv`);
  assert.equal(res.status(), 200);
  const text = (await res.text()).replace(/^\uFEFF/, '');
  return text.split('\r\n')[0].split(',');
}

const guideColumns = (page) => page.locator('table.guide tbody th code').allInnerTexts();

describe('import page', () => {
  test('the guide matches the templates, and an uploaded template imports', async () => {
    const { context, page } = await adminPage('zh-CN', { width: 1280, height: 900 });
    await page.goto(`${server.url}/admin/import`);
    await page.getByRole('heading', { name: '列说明 · 技术需求' }).waitFor();
    assert.deepEqual(await guideColumns(page), await templateHeader(context, 'demands'));
    await page.getByText('工学').first().waitFor(); // categories from the taxonomy
    await screenshot(page, 'import-guide-zh');

    // Another kind: its own guide and template links.
    await page.locator('#import-kind').click({ force: true });
    await page.getByRole('option', { name: '科技成果' }).click();
    await page.getByRole('heading', { name: '列说明 · 科技成果' }).waitFor();
    assert.deepEqual(await guideColumns(page), await templateHeader(context, 'achievements'));
    const xlsxLink = page.getByRole('link', { name: /Excel（XLSX）模板/ });
    assert.equal(await xlsxLink.getAttribute('href'), '/api/v1/import/achievements/template?format=xlsx');
    const [download] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
    const workbook = await download.path();

    // The template as it is: its example row imports.
    await page.locator('#import-file').setInputFiles({
      name: 'achievements.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await import('node:fs').then((fs) => fs.readFileSync(workbook)),
    });
    await page.getByRole('button', { name: '上传导入' }).click();
    await page.getByText('成功导入 1 条，失败 0 条').waitFor();
    // Again: the same ref is refused, and the report names row 2.
    await page.getByRole('button', { name: '上传导入' }).click();
    await page.getByText('成功导入 0 条，失败 1 条').waitFor();
    await page.locator('.el-table__row', { hasText: 'ref' }).first().waitFor();
    assert.equal(await page.locator('.el-table__row td').first().innerText(), '2');
    await screenshot(page, 'import-report-zh');
    assert.deepEqual(page.pageErrors, []);
  });

  test('events import from a CSV file and a bad line is reported by its number', async () => {
    const { page } = await adminPage('zh-CN', { width: 1280, height: 900 });
    await page.goto(`${server.url}/admin/import`);
    await page.locator('#import-kind').click({ force: true });
    await page.getByRole('option', { name: '活动' }).click();
    await page.getByRole('heading', { name: '列说明 · 活动' }).waitFor();
    assert.ok((await guideColumns(page)).includes('starts_at'));
    assert.equal(await page.getByRole('heading', { name: '模板' }).count(), 0, 'no template for events');
    const stamp = Date.now().toString(36);
    const csv = '类型,标题,开始时间,结束时间,地点\n'
      + `对接会,导入的对接会${stamp},2099-05-06 09:00,2099-05-06 12:00,深圳会展中心\n`
      + `路演,没有地点的路演${stamp},2099-05-07 09:00,2099-05-07 12:00,\n`;
    await page.locator('#import-file').setInputFiles({ name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '上传导入' }).click();
    await page.getByText('成功导入 1 条，失败 1 条').waitFor();
    assert.equal(await page.locator('.el-table__row td').first().innerText(), '3');
    await page.locator('.el-table__row', { hasText: 'venue' }).waitFor();
    assert.deepEqual(page.pageErrors, []);
  });

  test('the guide reads on a phone in English', async () => {
    const { context, page } = await adminPage('en', { width: 390, height: 844 });
    await page.goto(`${server.url}/admin/import`);
    await page.getByRole('heading', { name: /Column guide/ }).waitFor();
    assert.deepEqual(await guideColumns(page), await templateHeader(context, 'demands'));
    await page.getByText('Administrative division code', { exact: false }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await screenshot(page, 'import-guide-en-390');
    assert.deepEqual(page.pageErrors, []);
  });
});
