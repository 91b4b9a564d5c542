import { waitUntilUsable, withBudget } from '../lib/devtools.mjs';

/** Time from showPreferences() until the dialog is open with all `n` cookie rows, painted. */
export function measureDialog(browser, origin, contender, n) {
  return withBudget(browser, async ({ page, cdp }, remaining) => {
    await page.goto(`${origin}/bench/pages/dialog-${contender.id}.html?n=${n}`, { waitUntil: 'load', timeout: remaining() });
    await waitUntilUsable(cdp, remaining);
    const result = await page.evaluate(`(async () => {
      const ready = ${contender.dialogReady};
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const start = performance.now();
      ${contender.showPreferences};
      await frame();
      for (;;) {
        const done = ready(${n});
        // One more frame once the rows are there, so the frame that shows them has been painted.
        await frame();
        if (done) return { ms: performance.now() - start };
        if (performance.now() - start > ${remaining() - 500}) return {};
      }
    })()`);
    if (result.ms === undefined) throw new Error(`the dialog did not show ${n} cookie rows`);
    return result;
  });
}
