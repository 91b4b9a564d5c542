/**
 * The size budget, in gzip -9 bytes (zlib level 9): the script-tag file, dist/cookie-consent.min.js,
 * at most 12 KB. It is all a first visit loads before the banner can be used (the banner is drawn
 * by it, with the config inline: one request), and all a returning visitor's page view loads.
 *
 * The files fetched later are printed for information, with the largest visit that includes them;
 * they are not budgeted: the interface and the preferences dialog (prefetched when the browser is
 * idle after the banner, or fetched when the dialog first opens or a placeholder is drawn), the
 * consent log when a config names one, and dist/locales/*.js for a page in another language (one
 * more request before the banner, started at once).
 *
 *   node bench/check-size.mjs [--file dist/cookie-consent.min.js] [--budget 12288]
 *                             [--interface dist/cookie-consent.interface.js]
 *                             [--panel dist/cookie-consent.preferences-panel.js] [--log dist/cookie-consent.consent-log.js]
 *                             [--locales dist/locales]
 *
 * Exit 0 when the budget holds; 1 when it is exceeded or the script-tag file is missing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUDGET, overBudget, readSizes, SCRIPT_TAG_FILE } from './built-sizes.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: join(ROOT, SCRIPT_TAG_FILE) },
    budget: { type: 'string', default: String(BUDGET) },
    interface: { type: 'string', default: join(ROOT, 'dist/cookie-consent.interface.js') },
    panel: { type: 'string', default: join(ROOT, 'dist/cookie-consent.preferences-panel.js') },
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
const bytes = (count) => `${count.toLocaleString('en-GB')} B`;
const verdict = (size) => `budget ${bytes(budget)}: ${size <= budget ? `OK, ${bytes(budget - size)} to spare` : `OVER by ${bytes(size - budget)}`}`;

const scriptTag = resolve(values.file);
const later = [
  ['interface', 'interface', 'the interface, prefetched after the banner or fetched for the dialog or a placeholder'],
  ['panel', 'panel', 'the preferences dialog, with the interface'],
  ['log', null, 'the consent log, when the config has consentLog'],
].map(([option, part, when]) => ({ path: resolve(values[option]), part, when }));
const localesDir = resolve(values.locales);
const locales = existsSync(localesDir) ? readdirSync(localesDir).filter((entry) => entry.endsWith('.js')).sort() : [];
const sizes = readSizes(ROOT, [scriptTag, ...later.map(({ path }) => path), ...locales.map((entry) => join(localesDir, entry))]);

if (!sizes[scriptTag]) {
  console.error(`check-size: ${name(scriptTag)} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const scriptTagSize = sizes[scriptTag].gzip;
console.log(
  `script-tag file (a first visit before the banner works; a returning visit): ${name(scriptTag)} ${bytes(scriptTagSize)} gzip -9 ` +
    `(${bytes(sizes[scriptTag].raw)} raw); ${verdict(scriptTagSize)}`,
);

let largestVisit = scriptTagSize;
const largestParts = ['script-tag file'];
for (const { path, part, when } of later) {
  if (!sizes[path]) continue;
  console.log(`later (not budgeted): ${name(path)} ${bytes(sizes[path].gzip)} gzip -9, ${when}`);
  if (part) {
    largestVisit += sizes[path].gzip;
    largestParts.push(part);
  }
}

if (locales.length) {
  const localeSizes = locales.map((entry) => ({ entry, size: sizes[join(localesDir, entry)].gzip }));
  const largest = localeSizes.reduce((a, b) => (b.size > a.size ? b : a));
  console.log(`one language at most, before the banner on a page in it (not budgeted): ${localeSizes.map(({ entry, size }) => `${entry} ${bytes(size)}`).join(', ')}`);
  largestVisit += largest.size;
  largestParts.push(largest.entry);
}
console.log(`largest visit (not budgeted): ${bytes(largestVisit)} (${largestParts.join(' + ')})`);

const excess = overBudget(sizes[scriptTag], budget);
if (excess > 0) {
  console.error(`check-size: the script-tag file, ${name(scriptTag)}, is ${bytes(excess)} over its ${bytes(budget)} gzip budget`);
  process.exit(1);
}
