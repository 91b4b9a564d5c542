/**
 * The size budget CI checks: dist/cookie-consent.min.js (everything the script tag needs,
 * Lit included) must be at most 12 KB after gzip -9 (zlib level 9). The files it fetches only when
 * needed (the preferences panel the first time the dialog opens, the consent log when a config
 * names one, dist/locales/*.js for a page in another language) are printed for information; they
 * are not budgeted.
 *
 *   node bench/check-size.mjs [--file dist/cookie-consent.min.js] [--budget 12288] [--locales dist/locales]
 *                             [--panel dist/cookie-consent.preferences.js] [--log dist/cookie-consent.consent-log.js]
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
    log: { type: 'string', default: join(ROOT, 'dist/cookie-consent.consent-log.js') },
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

for (const [option, when] of [
  ['panel', 'the preferences dialog, the first time it opens'],
  ['log', 'the consent log, when the config has consentLog'],
]) {
  const path = resolve(values[option]);
  if (existsSync(path)) console.log(`on demand (not budgeted): ${name(path)} ${bytes(gzipped(path))} gzip -9, ${when}`);
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
