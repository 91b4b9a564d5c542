import { gzipSync } from 'node:zlib';
import { recordResponses, sleep, widgetFilesOf, withBudget } from '../lib/devtools.mjs';
import { SETTLE } from '../lib/options.mjs';
import { cumulativeLayoutShift, totalBlockingTime } from '../lib/stats.mjs';
import { INSERT_BATCH, INSERT_REPEATS, INSERTED_NODES, insertNodes } from './insert-nodes.mjs';

/**
 * The cost pass: another cold load of the same page with the probe only observing (?pass=cost),
 * held until the time the timing pass found "Accept all" usable plus the settle time. Bytes,
 * script and task time, long tasks, layout shift and heap come from this load.
 */
export function measureCost(browser, origin, contender, usableAt) {
  return withBudget(browser, async ({ page, cdp }, remaining) => {
    const responses = await recordResponses(cdp);
    await cdp.send('Performance.enable');

    await page.goto(`${origin}/bench/pages/${contender.page}?pass=cost`, { waitUntil: 'load', timeout: remaining() });
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'performance.now()', returnByValue: true });
    // Let late work (animations, idle callbacks, deferred rendering) land before reading the counters.
    await sleep(Math.min(Math.max(0, usableAt + SETTLE - result.value), remaining() - 1000));

    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
    const probe = await page.evaluate(() => ({
      longTasks: window.__bench.longTasks,
      shifts: window.__bench.shifts,
      errors: window.__bench.errors,
      trackersRan: Boolean(window.__analyticsRan || window.__advertisingRan),
      fcp: window.__bench.fcp,
      lcp: window.__bench.lcp,
      inlineConfig: document.querySelector('script[data-bench-config]')?.textContent ?? null,
    }));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Performance.getMetrics')).metrics.find(({ name }) => name === 'JSHeapUsedSize').value;

    const finished = [...responses.values()];
    const widgetResponses = widgetFilesOf(contender, responses);
    let configBytes = 0;
    if (contender.config === 'inline') configBytes = probe.inlineConfig ? gzipSync(probe.inlineConfig, { level: 9 }).length : 0;
    else if (contender.config) configBytes = finished.filter(({ path }) => contender.config.test(path)).reduce((sum, { bodyBytes }) => sum + bodyBytes, 0);

    // Last, on the idle page before any consent: the blocker-overhead workload (see insertNodes).
    const insertTimes = await page.evaluate(insertNodes, INSERTED_NODES, INSERT_BATCH, INSERT_REPEATS + 1);
    // The floor again, watched by an observer that does nothing: what any blocker that observes
    // insertions (the only way to see every one) costs before it does any work of its own.
    let observedInsertMs = null;
    if (contender.id === 'floor') {
      await page.evaluate(() => new MutationObserver(() => {}).observe(document, { childList: true, subtree: true }));
      observedInsertMs = Math.min(...(await page.evaluate(insertNodes, INSERTED_NODES, INSERT_BATCH, INSERT_REPEATS + 1)).slice(1));
    }

    return {
      insertMs: Math.min(...insertTimes.slice(1)),
      observedInsertMs,
      widgetBytes: widgetResponses.reduce((sum, { bodyBytes }) => sum + bodyBytes, 0),
      widgetFiles: widgetResponses.map(({ path, bodyBytes, encoding }) => ({ path, bytes: bodyBytes, encoding: encoding ?? 'identity' })),
      configBytes,
      scriptMs: metrics.ScriptDuration * 1000,
      taskMs: metrics.TaskDuration * 1000,
      longTasks: probe.longTasks.length,
      longTaskMs: probe.longTasks.reduce((sum, { duration }) => sum + duration, 0),
      tbtMs: totalBlockingTime(probe.longTasks),
      fcpMs: probe.fcp,
      lcpMs: probe.lcp?.at ?? null,
      lcpElement: probe.lcp?.element ?? null,
      cls: cumulativeLayoutShift(probe.shifts),
      heapMB: heap / 2 ** 20,
      heldBeforeConsent: !probe.trackersRan,
      errors: probe.errors,
    };
  });
}
