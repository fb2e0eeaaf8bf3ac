// The Content-Security-Policy every response carries (src/http/security_headers.h) lets the app
// run: on each kind of page, for a visitor and for a signed-in administrator, the page is served
// with the policy, the browser reports no violation of it, and the app has drawn the page
// (charts included).
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN_PASSWORD, checkPrerequisites, launchBrowser, screenshot, startServer,
} from './harness.mjs';

let server;
let browser;
let visitor;
let admin;
let lastPage;

before(async () => {
  checkPrerequisites();
  server = await startServer();
  browser = await launchBrowser();
  visitor = await browser.newContext();
  admin = await browser.newContext();
  const res = await admin.request.post(`${server.url}/api/v1/auth/login`, {
    data: { username: 'admin', password: ADMIN_PASSWORD },
  });
  assert.equal(res.status(), 200, await res.text());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  if (lastPage && !lastPage.isClosed()) await screenshot(lastPage, 'csp-last-page');
});

// Opens `path` in `context`; returns the CSP violations the browser reported, and the page.
async function visit(context, path) {
  const page = await context.newPage();
  lastPage = page;
  const violations = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  page.on('pageerror', (err) => violations.push(`page error: ${err.message}`));
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  assert.match(response.headers()['content-security-policy'] || '', /script-src 'self'/, path);
  assert.equal(response.headers()['x-frame-options'], 'DENY', path);
  return { page, violations };
}

const VISITOR_PAGES = [
  ['/', '.el-menu, nav'],
  ['/demands', 'a[href^="/demands/"]'],
  ['/achievements', 'a[href^="/achievements/"]'],
  ['/search?q=%E6%99%BA%E8%83%BD', 'main'],
  ['/news', 'main'],
  ['/campaigns', 'main'],
  ['/dashboard', 'canvas'],
  ['/login', 'input[type="password"]'],
  ['/register', 'input[type="password"]'],
];

test('the app runs under the policy on every public page', async () => {
  for (const [path, selector] of VISITOR_PAGES) {
    const { page, violations } = await visit(visitor, path);
    await page.locator(selector).first().waitFor({ state: 'attached', timeout: 15000 });
    assert.deepEqual(violations, [], `${path}: ${violations.join('\n')}`);
    await page.close();
  }
});

test('a listing page with its JSON-LD and embedded data runs under the policy', async () => {
  const res = await visitor.request.get(`${server.url}/api/v1/demands?size=1&view=summary`);
  const id = (await res.json()).items[0].id;
  const { page, violations } = await visit(visitor, `/demands/${id}`);
  // The server's page carries data in <script type="application/ld+json"> and
  // type="application/json"; neither is run, so the policy has nothing to block.
  const html = await (await visitor.request.get(`${server.url}/demands/${id}`)).text();
  assert.match(html, /<script type="application\/ld\+json">/);
  await page.locator('h1, h2').first().waitFor({ timeout: 15000 });
  assert.deepEqual(violations, [], violations.join('\n'));
});

test('the workspace and the admin area run under the policy', async () => {
  for (const [path, selector] of [
    ['/workspace', 'main'], ['/admin/users', 'table'], ['/review', 'main'],
    ['/workspace/demands/new', 'input'],
  ]) {
    const { page, violations } = await visit(admin, path);
    await page.locator(selector).first().waitFor({ state: 'attached', timeout: 15000 });
    assert.deepEqual(violations, [], `${path}: ${violations.join('\n')}`);
    await page.close();
  }
});
