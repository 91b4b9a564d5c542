import { waitUntilUsable, withBudget } from '../lib/devtools.mjs';

/** Time from the contender's "accept all" call until `n` held inline scripts have all run. */
export function measureActivation(browser, origin, contender, n) {
  return withBudget(browser, async ({ page, cdp }, remaining) => {
    await page.goto(`${origin}/bench/pages/activation-${contender.id}.html?n=${n}`, { waitUntil: 'load', timeout: remaining() });
    await waitUntilUsable(cdp, remaining);
    const early = await page.evaluate(() => window.__n);
    if (early !== 0) throw new Error(`${early} of ${n} held scripts ran before consent`);
    const result = await page.evaluate(`(async () => {
      const start = performance.now();
      ${contender.acceptAll};
      const end = await Promise.race([window.__benchActivated, new Promise((done) => setTimeout(() => done(null), ${remaining() - 500}))]);
      return end === null ? { ran: window.__n } : { ms: end - start };
    })()`);
    if (result.ms === undefined) throw new Error(`only ${result.ran} of ${n} held scripts ran after consent`);
    return result;
  });
}
