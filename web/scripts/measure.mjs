// Measures the front end's budgets (issue 4) on the built front end and a real server:
//  - first-page JavaScript, gzipped (entry script + modulepreloads of index.html);
//  - first contentful paint of the home page in headless chromium over loopback, cold cache,
//    median of RUNS fresh browser contexts;
//  - the home page's API responses: size on the wire and Content-Encoding.
// PROFILE=phone: a 390 x 844 viewport, the CPU slowed 4x and a slow network (150 ms latency,
// 1.6 Mbit/s down, 750 kbit/s up) emulated through the DevTools protocol; PROFILE=desktop
// (default): 1280 px, loopback, no throttling.
// Usage: node scripts/measure.mjs   (after `make build`; KC_BINARY/KC_WEB_DIR as in the tests)
import { checkPrerequisites, launchBrowser, startServer, WEB_DIR } from '../tests/e2e/harness.mjs';
import { firstPageScripts } from './first-page-js.mjs';

const RUNS = Number(process.env.RUNS || 7);
const PROFILE = process.env.PROFILE || 'desktop';
const PROFILES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: {
    viewport: { width: 390, height: 844 },
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) },
  },
};
const profile = PROFILES[PROFILE];
if (!profile) throw new Error(`PROFILE must be one of ${Object.keys(PROFILES).join(', ')}`);

checkPrerequisites();
const scripts = firstPageScripts(WEB_DIR);
const js = scripts.reduce((n, s) => n + s.gzip, 0);
console.log(`first-page JS: ${scripts.map((s) => s.url).join(', ')}`);
console.log(`first-page JS gzipped: ${(js / 1024).toFixed(1)} KB (raw ${(scripts.reduce((n, s) => n + s.bytes, 0) / 1024).toFixed(1)} KB); budget 150 KB`);

const server = await startServer();
const browser = await launchBrowser();
try {
  const fcps = [];
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: profile.viewport });
    const page = await context.newPage();
    if (profile.cpu || profile.network) {
      const cdp = await context.newCDPSession(page);
      if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
      if (profile.network) {
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', profile.network);
      }
    }
    const apiResponses = [];
    if (i === 0) {
      page.on('response', (res) => {
        if (res.url().includes('/api/')) apiResponses.push(res);
      });
    }
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
    if (i === 0) {
      await page.waitForLoadState('networkidle');
      for (const res of apiResponses) {
        const sizes = await res.request().sizes();
        const enc = (await res.allHeaders())['content-encoding'] || 'identity';
        console.log(`  API ${new URL(res.url()).pathname}${new URL(res.url()).search}: ${sizes.responseBodySize} B on the wire, ${enc}`);
      }
    }
    if (i === 0) console.log(`JS transferred on the first visit (all scripts incl. lazy chunks): ${(transferred / 1024).toFixed(1)} KB`);
    await context.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`home FCP (ms), profile ${PROFILE}, ${RUNS} cold loads: ${fcps.map((x) => x.toFixed(0)).join(' ')}; median ${median(fcps).toFixed(0)}; budget 1000`);
  console.log(`home load event (ms) median ${median(loads).toFixed(0)}`);
} finally {
  await browser.close();
  await server.stop();
}
