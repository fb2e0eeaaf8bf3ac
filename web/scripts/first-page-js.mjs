// The scripts the browser fetches before the home page can run (index.html's <script src> and
// modulepreload links), with their raw and gzipped sizes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function firstPageScripts(webDir) {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]);
  return urls.map((u) => {
    const path = join(webDir, u.replace(/^\//, ''));
    const gz = existsSync(`${path}.gz`) ? statSync(`${path}.gz`).size : gzipSync(readFileSync(path)).length;
    return { url: u, bytes: statSync(path).size, gzip: gz };
  });
}
