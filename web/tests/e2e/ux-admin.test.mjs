// The admin area: a side menu and breadcrumbs around the review queue, counts per status, and a
// batch approval that reports the item that failed. The region picker finds 北京 by pinyin and
// initials and takes nothing typed that is not on its list.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './harness.mjs';
import { seededPlatform } from './ux-fixtures.mjs';

let env;
let data;

seededPlatform((e, d) => {
  env = e;
  data = d;
});

describe('admin area', () => {
  test('the review queue approves several at once and names the one that failed', async () => {
    const { admin } = data.users;
    const context = await env.signedIn(admin.username, admin.password, { viewport: { width: 1366, height: 900 } });
    const page = await env.newPage(context);
    await page.goto(`${env.server.url}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '管理后台' }).click();
    await page.getByRole('heading', { name: '审核队列' }).waitFor();
    const side = page.getByRole('navigation', { name: '管理后台菜单' });
    for (const name of ['审核队列', '用户管理', '机构管理', '批量导入']) await side.getByRole('link', { name }).waitFor();
    await page.locator('.el-breadcrumb', { hasText: '管理后台' }).getByText('审核队列').waitFor();

    // Counts per status come from the list totals.
    const pendingTag = page.locator('[data-test=status-pending]');
    await pendingTag.getByText('2').waitFor();

    // Select both pending demands; one is approved elsewhere before the batch runs.
    for (const p of data.pending) {
      await page.locator('.el-table__row', { hasText: p.title }).locator('.el-checkbox').click();
    }
    await page.getByText('已选择 2 项').waitFor();
    const other = await env.signedIn(admin.username, admin.password);
    await env.apiAs(other, 'POST', `/demands/${data.pending[0].id}/approve`);
    await other.close();
    await page.locator('[data-test=batch-approve]').click();
    await page.getByText('已处理 1 项').waitFor();
    const failures = page.locator('.el-alert', { hasText: '1 项未能处理' });
    await failures.getByText(data.pending[0].title, { exact: false }).waitFor();
    await pendingTag.getByText('0').waitFor();
    await screenshot(page, 'review-batch');

    // The side menu leads to the other admin pages, with their breadcrumbs.
    await side.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.locator('.el-breadcrumb').getByText('用户管理').waitFor();
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });

  test('reviewers\' items are not offered to members', async () => {
    const { ent } = data.users;
    const context = await env.signedIn(ent.username, ent.password, { viewport: { width: 1366, height: 900 } });
    const page = await env.newPage(context);
    await page.goto(`${env.server.url}/workspace`);
    await page.getByRole('navigation', { name: '工作台导航' }).waitFor();
    const everything = (await page.locator('.site-header, .ws-nav').allInnerTexts()).join('\n');
    assert.doesNotMatch(everything, /管理后台|评审任务|审核/);
    await context.close();
  });
});

describe('region picker', () => {
  test('typing beijing or bj offers 北京; free text is not taken', async () => {
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await env.newPage(context);
    await page.goto(`${env.server.url}/register`);
    await page.getByRole('checkbox', { name: /机构/ }).check();
    const item = page.locator('.el-form-item', { hasText: '所在地区' }).first();
    const input = item.locator('input');
    for (const typed of ['beijing', 'bj']) {
      await input.click();
      await input.fill(typed);
      await page.locator('.el-select-dropdown__item:visible', { hasText: '北京市' }).waitFor();
      assert.equal(await page.locator('.el-select-dropdown__item:visible').count(), 1, typed);
      await page.keyboard.press('Escape');
    }
    await input.click();
    await input.fill('bj');
    await page.keyboard.press('Enter');
    await item.getByText('北京市 (110000)').waitFor();
    // Text that names no province offers nothing and leaves the choice as it was.
    await input.click();
    await input.fill('火星基地');
    await page.getByText('没有匹配的省份').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await item.getByText('北京市 (110000)').waitFor();
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });
});
