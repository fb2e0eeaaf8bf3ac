// Shared set-up of the browser tests: a real kechuang server on a free loopback port with a
// fresh data directory, and Debian's chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
export const BINARY = process.env.KC_BINARY || join(repo, 'build/kechuang');
export const WEB_DIR = process.env.KC_WEB_DIR || join(repo, 'build/web');
export const ARTIFACTS = process.env.KC_ARTIFACTS || join(repo, 'build/test-artifacts');
export const CHROMIUM = process.env.KC_CHROMIUM || '/usr/bin/chromium';
export const ADMIN_PASSWORD = 'Browser-Keeper-e2e-1';

// Fails loudly when a part is missing: these tests never skip.
export function checkPrerequisites() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (run scripts/install-deps.sh: Debian package chromium)`);
  if (!existsSync(BINARY)) missing.push(`${BINARY} (run make build)`);
  if (!existsSync(join(WEB_DIR, 'index.html'))) missing.push(`${WEB_DIR}/index.html (run make build)`);
  if (missing.length) throw new Error(`browser tests cannot run; missing: ${missing.join('; ')}`);
}

// Starts the server on 127.0.0.1 with a port the kernel picks; resolves once it prints its URL.
// `args` are further flags of `kechuang serve` (--node-name, --net-sync-interval …).
export async function startServer({ args = [] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kc-e2e-'));
  const child = spawn(BINARY, [
    'serve', '--data', dataDir, '--listen', '127.0.0.1:0', '--web', WEB_DIR, '--access-log', 'off',
    // The tests register many accounts from one address.
    '--registrations-per-client', '0', ...args,
  ], {
    env: { ...process.env, KECHUANG_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${output}`)), 20000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/serving (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Headless chromium with a fresh profile (playwright-core gives every launch its own
// temporary --user-data-dir and removes it on close).
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// Calls the API of the server at `url` from a browser context, with its session cookie and CSRF
// token; fails the test on an error status; resolves to the JSON (null for 204).
export async function apiCall(url, context, method, path, data) {
  const csrf = (await context.cookies()).find((c) => c.name === 'kc_csrf')?.value || '';
  const res = await context.request.fetch(`${url}/api/v1${path}`, {
    method, data, headers: { 'X-CSRF-Token': csrf },
  });
  assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? null : res.json();
}
