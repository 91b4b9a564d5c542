import { waitUntilUsable, withBudget } from '../lib/devtools.mjs';

/**
 * The timing pass: one cold load with the probe watching "Accept all" after every frame. Only
 * the times come from this load, because watching costs the page script and task time.
 */
export function measureTiming(browser, origin, contender, { checkConsent = false } = {}) {
  return withBudget(browser, async ({ page, cdp }, remaining) => {
    await page.goto(`${origin}/bench/pages/${contender.page}`, { timeout: remaining() });
    await waitUntilUsable(cdp, remaining);
    const probe = await page.evaluate(() => ({ accept: window.__bench.accept, acceptHit: window.__bench.acceptHit }));
    let releasedOnAccept = null;
    if (checkConsent && contender.id !== 'floor') {
      // A correctness check, not a measurement: a real click on "Accept all" must release both tags.
      await page.evaluate(() => window.__bench.acceptButton.click());
      releasedOnAccept = await page
        .waitForFunction(() => window.__analyticsRan === 1 && window.__advertisingRan === 1, { timeout: Math.min(5000, remaining()), polling: 50 })
        .then(() => true, () => false);
    }
    return { acceptMs: probe.accept, acceptHitMs: probe.acceptHit, releasedOnAccept };
  });
}
