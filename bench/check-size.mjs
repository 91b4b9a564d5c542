/**
 * The size budget CI checks: dist/cookie-consent.min.js (everything the script tag needs,
 * Lit included) must be at most 12 KB after gzip -9 (zlib level 9). Its second file, the preferences
 * panel fetched the first time the dialog opens, and the languages fetched on demand
 * (dist/locales/*.js) are printed for information; they are not budgeted.
 *
 *   node bench/check-size.mjs [--file dist/cookie-consent.min.js] [--budget 12288]
 *                             [--panel dist/cookie-consent.preferences.js] [--locales dist/locales]
 *
 * Exit 0 within budget, 1 over budget or when the file is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: join(ROOT, 'dist/cookie-consent.min.js') },
    budget: { type: 'string', default: '12288' },
    panel: { type: 'string', default: join(ROOT, 'dist/cookie-consent.preferences.js') },
    locales: { type: 'string', default: join(ROOT, 'dist/locales') },
  },
});

const budget = Number(values.budget);
if (!Number.isInteger(budget) || budget <= 0) {
  console.error(`check-size: --budget expects a number of bytes, got "${values.budget}"`);
  process.exit(1);
}
const name = (path) => relative(process.cwd(), path) || path;
const gzipped = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const bytes = (count) => `${count.toLocaleString('en-GB')} B`;

const file = resolve(values.file);
if (!existsSync(file)) {
  console.error(`check-size: ${name(file)} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const size = gzipped(file);
const within = size <= budget;
console.log(
  `${name(file)}: ${bytes(size)} gzip -9 (${bytes(readFileSync(file).length)} raw); budget ${bytes(budget)}: ` +
    (within ? `OK, ${bytes(budget - size)} to spare` : `OVER by ${bytes(size - budget)}`),
);

const panel = resolve(values.panel);
if (existsSync(panel)) {
  console.log(`second file, fetched when the preferences dialog first opens (not budgeted): ${name(panel)} ${bytes(gzipped(panel))} gzip -9`);
}

const localesDir = resolve(values.locales);
const locales = existsSync(localesDir) ? readdirSync(localesDir).filter((entry) => entry.endsWith('.js')).sort() : [];
if (locales.length) {
  const sizes = locales.map((entry) => ({ entry, size: gzipped(join(localesDir, entry)) }));
  const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
  console.log(`loaded on demand, one language at most (not budgeted): ${sizes.map(({ entry, size: gz }) => `${entry} ${bytes(gz)}`).join(', ')}`);
  console.log(`largest visit: ${bytes(size + largest.size)} (with ${largest.entry})`);
}

if (!within) {
  console.error(`check-size: ${name(file)} is ${bytes(size - budget)} over its ${bytes(budget)} gzip budget`);
  process.exit(1);
}
