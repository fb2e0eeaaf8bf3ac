// Measures the front end's budgets (issue 4) on the built front end and a real server:
//  - first-page JavaScript, gzipped (entry script + modulepreloads of index.html);
//  - first contentful paint of the home page in headless chromium over loopback, cold cache,
//    median of RUNS fresh browser contexts.
// Usage: node scripts/measure.mjs   (after `make build`; KC_BINARY/KC_WEB_DIR as in the tests)
import { checkPrerequisites, launchBrowser, startServer, WEB_DIR } from '../tests/e2e/harness.mjs';
import { firstPageScripts } from './first-page-js.mjs';

const RUNS = Number(process.env.RUNS || 7);

checkPrerequisites();
const scripts = firstPageScripts(WEB_DIR);
const js = scripts.reduce((n, s) => n + s.gzip, 0);
console.log(`first-page JS: ${scripts.map((s) => s.url).join(', ')}`);
console.log(`first-page JS gzipped: ${(js / 1024).toFixed(1)} KB (raw ${(scripts.reduce((n, s) => n + s.bytes, 0) / 1024).toFixed(1)} KB); budget 300 KB`);

const server = await startServer();
const browser = await launchBrowser();
try {
  const fcps = [];
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: '最新技术需求' }).waitFor();
    const [fcp, load, transferred] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      performance.getEntriesByType('navigation')[0]?.loadEventEnd,
      performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
        .reduce((n, r) => n + r.transferSize, 0),
    ]);
    fcps.push(fcp);
    loads.push(load);
    if (i === 0) console.log(`JS transferred on the first visit (all scripts incl. lazy chunks): ${(transferred / 1024).toFixed(1)} KB`);
    await context.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`home FCP (ms), ${RUNS} cold loads: ${fcps.map((x) => x.toFixed(0)).join(' ')}; median ${median(fcps).toFixed(0)}; budget 1000`);
  console.log(`home load event (ms) median ${median(loads).toFixed(0)}`);
} finally {
  await browser.close();
  await server.stop();
}
