/**
 * The two size budgets, in gzip -9 bytes (zlib level 9):
 *
 * - the guard, dist/cookie-consent.min.js, at most 7 KB: it is the script tag, so every page view
 *   loads it, a returning visitor's alone;
 * - the first visit, the guard plus dist/cookie-consent.interface.js, at most 18 KB: what a visitor
 *   who has to decide loads before the banner can be used. Each file is its own response, so the
 *   figure is the sum of the two files gzipped one by one, as they travel.
 *
 * The files fetched only when needed (the preferences panel the first time the dialog opens, the
 * consent log when a config names one, dist/locales/*.js for a page in another language) are
 * printed for information, with the largest visit that includes them; they are not budgeted.
 *
 *   node bench/check-size.mjs [--file dist/cookie-consent.min.js] [--budget 7168]
 *                             [--interface dist/cookie-consent.interface.js] [--first-visit-budget 18432]
 *                             [--panel dist/cookie-consent.preferences-panel.js] [--log dist/cookie-consent.consent-log.js]
 *                             [--locales dist/locales]
 *
 * Exit 0 when both budgets hold; 1 when either is exceeded or the guard or interface file is missing.
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
    budget: { type: 'string', default: '7168' },
    interface: { type: 'string', default: join(ROOT, 'dist/cookie-consent.interface.js') },
    'first-visit-budget': { type: 'string', default: '18432' },
    panel: { type: 'string', default: join(ROOT, 'dist/cookie-consent.preferences-panel.js') },
    log: { type: 'string', default: join(ROOT, 'dist/cookie-consent.consent-log.js') },
    locales: { type: 'string', default: join(ROOT, 'dist/locales') },
  },
});

const byteCount = (option) => {
  const count = Number(values[option]);
  if (!Number.isInteger(count) || count <= 0) {
    console.error(`check-size: --${option} expects a number of bytes, got "${values[option]}"`);
    process.exit(1);
  }
  return count;
};
const guardBudget = byteCount('budget');
const firstVisitBudget = byteCount('first-visit-budget');

const name = (path) => relative(process.cwd(), path) || path;
const gzipped = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const bytes = (count) => `${count.toLocaleString('en-GB')} B`;
const verdict = (size, budget) => `budget ${bytes(budget)}: ${size <= budget ? `OK, ${bytes(budget - size)} to spare` : `OVER by ${bytes(size - budget)}`}`;

const guard = resolve(values.file);
if (!existsSync(guard)) {
  console.error(`check-size: ${name(guard)} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const guardSize = gzipped(guard);
console.log(`guard: ${name(guard)} ${bytes(guardSize)} gzip -9 (${bytes(readFileSync(guard).length)} raw); ${verdict(guardSize, guardBudget)}`);

const ui = resolve(values.interface);
if (!existsSync(ui)) {
  // Without it the first-visit figure would be the guard alone, a pass that means nothing.
  console.error(`check-size: ${name(ui)} is missing, so the first visit cannot be measured; run \`npm run build\` first`);
  process.exit(1);
}
const uiSize = gzipped(ui);
const firstVisit = guardSize + uiSize;
console.log(
  `first visit: guard + ${name(ui)} ${bytes(uiSize)} gzip -9 (${bytes(readFileSync(ui).length)} raw) = ${bytes(firstVisit)}; ` +
    verdict(firstVisit, firstVisitBudget),
);

let largestVisit = firstVisit;
const largestParts = ['guard', 'interface'];
const panel = resolve(values.panel);
for (const [option, when] of [
  ['panel', 'the preferences dialog, the first time it opens'],
  ['log', 'the consent log, when the config has consentLog'],
]) {
  const path = resolve(values[option]);
  if (!existsSync(path)) continue;
  const size = gzipped(path);
  console.log(`on demand (not budgeted): ${name(path)} ${bytes(size)} gzip -9, ${when}`);
  if (path === panel) {
    largestVisit += size;
    largestParts.push('panel');
  }
}

const localesDir = resolve(values.locales);
const locales = existsSync(localesDir) ? readdirSync(localesDir).filter((entry) => entry.endsWith('.js')).sort() : [];
if (locales.length) {
  const sizes = locales.map((entry) => ({ entry, size: gzipped(join(localesDir, entry)) }));
  const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
  console.log(`loaded on demand, one language at most (not budgeted): ${sizes.map(({ entry, size }) => `${entry} ${bytes(size)}`).join(', ')}`);
  largestVisit += largest.size;
  largestParts.push(largest.entry);
}
console.log(`largest visit (not budgeted): ${bytes(largestVisit)} (${largestParts.join(' + ')})`);

let over = false;
if (guardSize > guardBudget) {
  over = true;
  console.error(`check-size: the guard, ${name(guard)}, is ${bytes(guardSize - guardBudget)} over its ${bytes(guardBudget)} gzip budget`);
}
if (firstVisit > firstVisitBudget) {
  over = true;
  console.error(`check-size: the first visit (guard + interface) is ${bytes(firstVisit - firstVisitBudget)} over its ${bytes(firstVisitBudget)} gzip budget`);
}
if (over) process.exit(1);
