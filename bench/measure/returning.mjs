import { CPU_SLOWDOWN, recordResponses, sleep, waitUntilUsable, widgetFilesOf, withBudget } from '../lib/devtools.mjs';
import { SETTLE } from '../lib/options.mjs';
import { totalBlockingTime } from '../lib/stats.mjs';

/**
 * The returning-visitor pass: a first visit clicks "Accept all" (not measured), then the measured
 * page view is the next one, opened in a new tab of the same context so the decision is stored and
 * the tab's metrics are its own. Most page views are of this kind: a visitor who has decided.
 */
export function measureReturning(browser, origin, contender) {
  return withBudget(browser, async ({ context, page, cdp }, remaining) => {
    const url = `${origin}/bench/pages/${contender.page}`;
    await page.goto(url, { timeout: remaining() });
    await waitUntilUsable(cdp, remaining);
    await page.evaluate(() => window.__bench.acceptButton.click());
    await page.waitForFunction(() => window.__analyticsRan === 1, { timeout: Math.min(5000, remaining()), polling: 50 });
    await page.close();

    const next = await context.newPage();
    const nextCdp = await next.createCDPSession();
    await nextCdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const responses = await recordResponses(nextCdp);
    await nextCdp.send('Performance.enable');
    await next.goto(`${url}?pass=cost`, { waitUntil: 'load', timeout: remaining() });
    await next.waitForFunction(() => window.__analyticsRan === 1, { timeout: Math.min(5000, remaining()), polling: 50 });
    await sleep(Math.min(SETTLE, remaining() - 1000));
    const metrics = Object.fromEntries((await nextCdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
    const probe = await next.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      return {
        analyticsAt: window.__analyticsAt,
        // When the browser sent the request for the held tag: the moment the widget let it go. It
        // runs later, when its response is in and the parser next yields, as any async tag does.
        analyticsRequestedAt: performance.getEntriesByName(new URL('/bench/pages/analytics.js', location.href).href)[0]?.startTime ?? null,
        analyticsRan: window.__analyticsRan,
        domContentLoadedEnd: navigation.domContentLoadedEventEnd,
        longTasks: window.__bench.longTasks,
        fcp: window.__bench.fcp,
        lcp: window.__bench.lcp,
        errors: window.__bench.errors,
      };
    });
    const widgetResponses = widgetFilesOf(contender, responses);
    return {
      widgetBytes: widgetResponses.reduce((sum, { bodyBytes }) => sum + bodyBytes, 0),
      widgetFiles: widgetResponses.map(({ path, bodyBytes }) => ({ path, bytes: bodyBytes })),
      scriptMs: metrics.ScriptDuration * 1000,
      taskMs: metrics.TaskDuration * 1000,
      longTasks: probe.longTasks.length,
      tbtMs: totalBlockingTime(probe.longTasks),
      fcpMs: probe.fcp,
      lcpMs: probe.lcp?.at ?? null,
      analyticsRequestedMs: probe.analyticsRequestedAt,
      analyticsMs: probe.analyticsAt,
      domContentLoadedMs: probe.domContentLoadedEnd,
      releasedBeforeDomContentLoaded: probe.analyticsRequestedAt !== null && probe.analyticsRequestedAt <= probe.domContentLoadedEnd,
      ranBeforeDomContentLoaded: probe.analyticsAt <= probe.domContentLoadedEnd,
      ranOnce: probe.analyticsRan === 1,
      errors: probe.errors,
    };
  });
}
