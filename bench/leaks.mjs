/**
 * Leaks before consent, by route: how many of N fresh first visits sent a request to each vendor
 * of the pasted snippets before any decision (see bench/vendor-visits.mjs), for the README's and docs/server-rewrite.md's table.
 *
 * The last route is the strict-mode trial for the script tag alone: the first thing the tag would do
 * is write a Content-Security-Policy <meta> allowing only the page's own origin (a first visit has
 * granted nothing), and a grant would reload the page under a policy that allows the granted hosts.
 * Here an external script in the tag's place writes that <meta> (`/strict.js`, the same position and
 * timing as the tag's own code); the cost measured is the reload a grant needs, the page's own load.
 *
 *   npm run build && node bench/leaks.mjs [--visits 100]
 */
import { VENDORS, page, startVendorSite } from './vendor-visits.mjs';

const at = process.argv.indexOf('--visits');
const visits = at > 0 ? Number(process.argv[at + 1]) : 100;

const STRICT_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
const strict = {
  '/strict': () => ({ type: 'text/html; charset=utf-8', body: page.replace('<script src="/dist/cookie-consent.min.js"', '<script src="/strict.js"></script>$&') }),
  '/strict.js': () => ({ type: 'text/javascript', body: `document.write(${JSON.stringify(`<meta http-equiv="Content-Security-Policy" content="${STRICT_POLICY}">`)});` }),
};

const ROUTES = [
  ['/', 'script tag alone (snippets as pasted)'],
  ['/cli', 'markup form (as `cookie-consent rewrite` writes it)'],
  ['/server', 'server rewrite (`rewriteNodeStream`)'],
  ['/strict', 'strict mode trial (CSP <meta> written by the tag)'],
];

const site = await startVendorSite(strict);
try {
  console.log(`Visits that sent a request to a vendor before consent, of ${visits} fresh first visits (headless Chromium)\n`);
  console.log(`| route | any vendor | ${VENDORS.map(([, name]) => name).join(' | ')} |`);
  console.log(`|---|---|${VENDORS.map(() => '---').join('|')}|`);
  for (const [path, name] of ROUTES) {
    const { leaks, any } = await site.firstVisits(path, visits);
    console.log(`| ${name} | ${any} | ${VENDORS.map(([, vendor]) => leaks[vendor] ?? 0).join(' | ')} |`);
  }

  // Strict mode's cost: a grant reloads the page. Its load, measured as the browser times it.
  const loads = [];
  for (let round = 0; round < 10; round++) {
    const { tab, close } = await site.visitor();
    try {
      await site.open(tab, '/strict');
      loads.push(await tab.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    } finally {
      await close();
    }
  }
  loads.sort((a, b) => a - b);
  console.log(`\nStrict mode: each grant reloads the page, here a load of ${loads[5].toFixed(0)} ms (median of 10), and the policy must list every other third party the site uses.`);
} finally {
  await site.close();
}
