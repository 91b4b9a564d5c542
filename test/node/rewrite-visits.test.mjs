/**
 * The vendors' snippets pasted unchanged, served through the server rewrite and as the output of
 * `cookie-consent rewrite` (see bench/vendor-visits.mjs for the site, the stand-ins and how
 * requests are counted at the network layer). Each visit is a fresh incognito context of one
 * browser. bench/leaks.mjs measures the other routes for the README. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCRIPTS, figures, startVendorSite } from '../../bench/vendor-visits.mjs';

const VISITS = 100;
let site;
let visitor;
let open;

before(async () => {
  site = await startVendorSite();
  ({ visitor, open } = site);
});

after(() => site?.close());

const ran = (tab) => tab.evaluate(() => window.__vendors ?? []);
const click = (tab, action) => tab.evaluate((action) => document.querySelector('cookie-consent').shadowRoot.querySelector(`.banner [data-action="${action}"]`).click(), action);
const count = (list) => list.reduce((counts, name) => ({ ...counts, [name]: (counts[name] ?? 0) + 1 }), {});

for (const [route, path] of [
  ['the server rewrite', '/server'],
  ["the rewrite command's output", '/cli'],
]) {
  describe(`vendor snippets through ${route}`, () => {
    it(`sends no request to any vendor before consent in ${VISITS} fresh first visits`, async (t) => {
      const { leaks, ran } = await site.firstVisits(path, VISITS);
      t.diagnostic(`${path}: visits that requested each vendor before consent, of ${VISITS}: ${figures(leaks)}`);
      assert.deepEqual(leaks, {}, `requested before consent: ${figures(leaks)}`);
      assert.equal(ran, 0, `a vendor script ran before consent in ${ran} visits`);
    });

    it('runs each vendor exactly once, in document order, after Accept all', async () => {
      const { tab, requests, close } = await visitor();
      try {
        await open(tab, path);
        await click(tab, 'accept');
        await tab.waitForFunction((count) => (window.__vendors ?? []).length >= count, { timeout: 5000 }, SCRIPTS.length);
        await tab.waitForFunction(() => document.querySelector('iframe[src*="youtube"]'), { timeout: 5000 });
        // A released element that ran twice would do so right after the first: one more round trip lets it show.
        await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
        assert.deepEqual(requests, [...SCRIPTS, 'youtube'], 'vendor requests, in the order made');
        assert.deepEqual((await ran(tab)).sort(), [...SCRIPTS].sort());
      } finally {
        await close();
      }
    });

    it('runs none after Reject all and a reload', async () => {
      const { tab, requests, close } = await visitor();
      try {
        await open(tab, path);
        await click(tab, 'reject');
        await open(tab, path);
        assert.equal(await tab.evaluate(() => !!document.querySelector('cookie-consent')?.shadowRoot?.querySelector('.banner')), false, 'the banner came back');
        assert.deepEqual(await ran(tab), []);
        assert.deepEqual(requests, []);
      } finally {
        await close();
      }
    });
  });
}

describe('vendor snippets through the server rewrite, for a returning visitor', () => {
  it('sends what the visitor granted (analytics) as written, so it runs at once, and holds the rest', async () => {
    const { tab, requests, close } = await visitor();
    try {
      await open(tab, '/server');
      await tab.evaluate(() => window.CookieConsent.setConsent({ analytics: true, advertising: false }));
      // The decision releases the analytics tags on this page too: they have run before the count starts again.
      await tab.waitForFunction(() => (window.__vendors ?? []).length >= 3, { timeout: 5000 });
      requests.length = 0;
      const response = await open(tab, '/server');
      const html = await response.text();
      assert.ok(html.includes('<script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST123"></script>'), 'the gtag.js tag is not as written');
      assert.ok(html.includes("'https://static.hotjar.com/c/hotjar-','.js?sv=');\n</script>") && !html.includes('data-category="analytics"'), 'an analytics snippet is still held');
      await tab.waitForFunction(() => (window.__vendors ?? []).length >= 3, { timeout: 5000 });
      assert.deepEqual((await ran(tab)).sort(), ['gtag', 'gtm', 'hotjar']);
      assert.deepEqual(count(requests), { gtag: 1, gtm: 1, hotjar: 1 }, 'advertising was requested');
    } finally {
      await close();
    }
  });
});
