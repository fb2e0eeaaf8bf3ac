// Writes FILE.gz beside every compressible file of the built front end (level 9), so the server
// can send precompressed bytes. Files that would not shrink by at least 5% are left alone.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|map|webmanifest)$/;
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/compress.mjs DIR');
  process.exit(2);
}

let count = 0;
function walk(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (COMPRESSIBLE.test(name)) {
      const raw = readFileSync(path);
      const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
      if (gz.length < raw.length * 0.95) {
        writeFileSync(path + '.gz', gz);
        count++;
      }
    }
  }
}
walk(dir);
console.log(`compress: ${count} .gz files in ${dir}`);
