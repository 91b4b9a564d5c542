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
const gzipped = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const bytes = (count) => `${count.toLocaleString('en-GB')} B`;
const verdict = (size) => `budget ${bytes(budget)}: ${size <= budget ? `OK, ${bytes(budget - size)} to spare` : `OVER by ${bytes(size - budget)}`}`;

const scriptTag = resolve(values.file);
if (!existsSync(scriptTag)) {
  console.error(`check-size: ${name(scriptTag)} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const scriptTagSize = gzipped(scriptTag);
console.log(
  `script-tag file (a first visit before the banner works; a returning visit): ${name(scriptTag)} ${bytes(scriptTagSize)} gzip -9 ` +
    `(${bytes(readFileSync(scriptTag).length)} raw); ${verdict(scriptTagSize)}`,
);

let largestVisit = scriptTagSize;
const largestParts = ['script-tag file'];
for (const [option, part, when] of [
  ['interface', 'interface', 'the interface, prefetched after the banner or fetched for the dialog or a placeholder'],
  ['panel', 'panel', 'the preferences dialog, with the interface'],
  ['log', null, 'the consent log, when the config has consentLog'],
]) {
  const path = resolve(values[option]);
  if (!existsSync(path)) continue;
  const size = gzipped(path);
  console.log(`later (not budgeted): ${name(path)} ${bytes(size)} gzip -9, ${when}`);
  if (part) {
    largestVisit += size;
    largestParts.push(part);
  }
}

const localesDir = resolve(values.locales);
const locales = existsSync(localesDir) ? readdirSync(localesDir).filter((entry) => entry.endsWith('.js')).sort() : [];
if (locales.length) {
  const sizes = locales.map((entry) => ({ entry, size: gzipped(join(localesDir, entry)) }));
  const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
  console.log(`one language at most, before the banner on a page in it (not budgeted): ${sizes.map(({ entry, size }) => `${entry} ${bytes(size)}`).join(', ')}`);
  largestVisit += largest.size;
  largestParts.push(largest.entry);
}
console.log(`largest visit (not budgeted): ${bytes(largestVisit)} (${largestParts.join(' + ')})`);

if (scriptTagSize > budget) {
  console.error(`check-size: the script-tag file, ${name(scriptTag)}, is ${bytes(scriptTagSize - budget)} over its ${bytes(budget)} gzip budget`);
  process.exit(1);
}
