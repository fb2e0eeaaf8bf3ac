// Action plans (docs/action-plans.md): the platform admin writes a draft plan, which no visitor
// sees, and publishes it from its page (zh-CN); the admin of the task's owner organisation marks
// the overdue milestone done and files a progress report with evidence, while another
// organisation's admin may not; the dashboard and the task read without JavaScript at 390 px in
// English (the charts as tables); with JavaScript the charts are drawn and the report's time is
// shown in the zone the viewer picks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD, screenshot } from './harness.mjs';
import { beijingDay, startPlatform } from './ux-fixtures.mjs';

const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString(36);
const TITLE = `科技成果转化三年行动计划 ${stamp}`;
const TITLE_EN = `Three-year plan <b>${stamp}</b>`;
const TASK = `建成技术转移服务平台${stamp}`;
const REPORT = `平台已上线试运行，接入高校 12 家（${stamp}）`;
const EVIDENCE = `https://example.org/plan-${stamp}.pdf`;
let env;
let admin;
let owner;
let stranger;
let planId;
let taskId;

before(async () => {
  env = await startPlatform();
  admin = await env.signedIn('admin', ADMIN_PASSWORD, { viewport: { width: 1280, height: 900 } });
  const register = async (username, orgName) => {
    const c = await env.browser.newContext();
    await env.apiAs(c, 'POST', '/auth/register', {
      username, password: 'plan-owner-pass-1', display_name: username,
      org: { name: orgName, type: 'service_agency', region: '110108' },
    });
    await c.close();
    return env.signedIn(username, 'plan-owner-pass-1', { viewport: { width: 1280, height: 900 } });
  };
  owner = await register(`owner${stamp}`, `计划牵头单位${stamp}`);
  stranger = await register(`other${stamp}`, `无关单位${stamp}`);
  const me = await env.apiAs(owner, 'GET', '/me');
  const plan = await env.apiAs(admin, 'POST', '/plans', {
    title: TITLE, title_en: TITLE_EN, start_year: 2025, end_year: 2027,
    description: '示例计划说明。',
  });
  planId = plan.id;
  const category = await env.apiAs(admin, 'POST', `/plans/${planId}/categories`, { title: '平台建设', title_en: 'Platform' });
  const task = await env.apiAs(admin, 'POST', `/plans/${planId}/tasks`, {
    category_id: category.id, code: '1.1', title: TASK, owner_org_id: me.org_id, status: 'on_track',
  });
  taskId = task.id;
  await env.apiAs(admin, 'POST', `/plan-tasks/${taskId}/milestones`, { title: '平台上线', due_date: beijingDay(-3) });
  await env.apiAs(admin, 'POST', `/plan-tasks/${taskId}/milestones`, { title: '通过验收', due_date: beijingDay(60) });
});

after(async () => {
  if (env) await env.stop();
});

async function assertNoSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${what} is ${width} px wide at ${PHONE.width} px`);
}

describe('action plans', () => {
  test('a draft is the admins\' alone until the admin publishes it', async () => {
    const visitor = await env.browser.newContext({ javaScriptEnabled: false });
    const res = await (await env.newPage(visitor)).goto(`${env.server.url}/plans/${planId}`);
    assert.equal(res.status(), 404);
    for (const path of [`/plans/${planId}`, `/plan-tasks/${taskId}`, `/plans/${planId}/dashboard`]) {
      const api = await visitor.request.get(`${env.server.url}/api/v1${path}`);
      assert.equal(api.status(), 404, path);
    }
    await visitor.close();
    // Neither the owner organisation nor another sees the draft.
    const seen = await owner.request.get(`${env.server.url}/api/v1/plan-tasks/${taskId}`);
    assert.equal(seen.status(), 404);

    const page = await env.newPage(admin);
    await page.goto(`${env.server.url}/plans/${planId}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByText('草稿', { exact: true }).waitFor();
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByRole('button', { name: '退回草稿' }).waitFor();
    const plan = await env.apiAs(admin, 'GET', `/plans/${planId}`);
    assert.equal(plan.status, 'published');
    assert.deepEqual(page.pageErrors, []);
  });

  test('the owner\'s admin marks the overdue milestone done and reports; another organisation may not', async () => {
    const other = await stranger.request.patch(`${env.server.url}/api/v1/plan-tasks/${taskId}`, {
      data: { status: 'done' }, headers: { 'X-CSRF-Token': await csrf(stranger) },
    });
    assert.equal(other.status(), 403);
    const report = await stranger.request.post(`${env.server.url}/api/v1/plan-tasks/${taskId}/reports`, {
      data: { report_date: beijingDay(0), text: '冒名报告' }, headers: { 'X-CSRF-Token': await csrf(stranger) },
    });
    assert.equal(report.status(), 403);

    const page = await env.newPage(owner);
    await page.goto(`${env.server.url}/plans/${planId}/tasks/${taskId}`);
    await page.getByRole('heading', { name: `1.1 ${TASK}` }).waitFor();
    // The overdue milestone makes the task late, whatever was set.
    await page.locator('.card-title .el-tag', { hasText: '滞后' }).waitFor();
    await page.getByText('有里程碑已逾期').waitFor();
    const overdue = page.locator('li.milestone', { hasText: '平台上线' });
    await overdue.getByText('已逾期').waitFor();
    await overdue.getByRole('button', { name: '标记完成' }).click();
    await overdue.getByRole('button', { name: '重新打开' }).waitFor();
    await page.locator('.card-title .el-tag', { hasText: '按计划推进' }).waitFor();

    await page.locator('.el-form-item', { hasText: '报告日期' }).locator('input').fill(beijingDay(0));
    await page.keyboard.press('Enter');
    await page.locator('textarea[name=report_text]').fill(REPORT);
    await page.locator('textarea[name=evidence]').fill(EVIDENCE);
    await page.getByRole('button', { name: '提交进展报告' }).click();
    await page.locator('li.report', { hasText: REPORT }).getByRole('link', { name: EVIDENCE }).waitFor();
    await screenshot(page, 'plans-owner-reported');
    assert.deepEqual(page.pageErrors, []);
    const task = await env.apiAs(admin, 'GET', `/plan-tasks/${taskId}`);
    assert.equal(task.shown_status, 'on_track');
    assert.equal(task.reports.length, 1);
  });

  test('the dashboard and the task read without JavaScript at 390 px, in English', async () => {
    const nojs = await env.browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'en' });
    const page = await env.newPage(nojs);
    const res = await page.goto(`${env.server.url}/plans`);
    assert.equal(res.status(), 200);
    await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
    await assertNoSidewaysScroll(page, 'the list of plans');
    // The English title is text, never markup.
    await page.getByRole('link', { name: TITLE_EN }).click();
    await page.getByRole('heading', { name: TITLE_EN, level: 1 }).waitFor();
    assert.equal(await page.locator('b', { hasText: stamp }).count(), 0);
    // The chart as a table: one task on track in "Platform".
    const row = page.locator('tr', { hasText: 'Platform' });
    const cells = await row.locator('td').allInnerTexts();
    assert.deepEqual(cells, ['Platform', '0', '1', '0', '0', '0', '1']);
    await assertNoSidewaysScroll(page, 'the plan\'s dashboard');
    await screenshot(page, 'plans-nojs-dashboard-390');
    await page.getByRole('link', { name: TASK }).click();
    await page.getByRole('heading', { name: `1.1 ${TASK}`, level: 1 }).waitFor();
    await page.getByText(REPORT).waitFor();
    await page.getByRole('link', { name: EVIDENCE }).waitFor();
    await page.getByText(/\(UTC\+08:00\)/).first().waitFor();
    await assertNoSidewaysScroll(page, 'the task page');
    await screenshot(page, 'plans-nojs-task-390');
    await nojs.close();
  });

  test('with JavaScript the charts are drawn and the report\'s time is in the viewer\'s zone', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, locale: 'en', timezoneId: 'UTC' });
    const page = await env.newPage(context);
    await page.goto(`${env.server.url}/plans/${planId}?lang=en`);
    await page.getByRole('heading', { name: 'Tasks by category and status' }).waitFor();
    await page.locator('[role=img][aria-label*="Platform"] canvas').waitFor();
    await assertNoSidewaysScroll(page, 'the dashboard with its charts');
    await screenshot(page, 'plans-js-dashboard-390');
    await page.locator('[data-test=zone-select]').selectOption('UTC');
    await page.getByRole('link', { name: TASK }).click();
    await page.getByRole('heading', { name: `1.1 ${TASK}` }).waitFor();
    const task = await (await context.request.get(`${env.server.url}/api/v1/plan-tasks/${taskId}`)).json();
    const utc = task.reports[0].created_at.replace('T', ' ').slice(0, 16);
    const shown = await page.locator('li.report time').first().innerText();
    assert.ok(shown.startsWith(utc), `${shown} is not ${utc} UTC`);
    await assertNoSidewaysScroll(page, 'the task page with JavaScript');
    assert.deepEqual(page.pageErrors, []);
    await context.close();
  });
});

// The CSRF token of a signed-in context (the kc_csrf cookie).
async function csrf(context) {
  return (await context.cookies()).find((c) => c.name === 'kc_csrf')?.value || '';
}
