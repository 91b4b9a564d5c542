/**
 * The benchmark: our widget against vanilla-cookieconsent, Klaro and Osano cookieconsent, and a
 * floor (the same banner as static HTML, no script). See bench/README.md for what each figure means.
 *
 *   node bench/run.mjs [--rounds 10] [--scale-rounds 3] [--settle 1000] [--only ours,vanilla]
 *                      [--no-scaling] [--json bench/results/latest.json]
 *
 * `npm run bench` builds first. Without dist/cookie-consent.min.js our widget is left out and said so.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { startServer } from './server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE_TIMEOUT = 15_000;
const CPU_SLOWDOWN = 4;
const SCALE_SIZES = [10, 100, 1000];
const INSERTED_NODES = 10_000;
const INSERT_BATCH = 100;
// Timed repeats per load (the fastest counts: other load on the machine only adds time); one
// more runs first, untimed, to warm the JIT.
const INSERT_REPEATS = 4;

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    'scale-rounds': { type: 'string', default: '3' },
    settle: { type: 'string', default: '1000' },
    only: { type: 'string' },
    'no-scaling': { type: 'boolean', default: false },
    json: { type: 'string', default: 'bench/results/latest.json' },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('node bench/run.mjs [--rounds 10] [--scale-rounds 3] [--settle 1000] [--only floor,ours,...] [--no-scaling] [--json path]');
  process.exit(0);
}
const positiveInteger = (name) => {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} expects a whole number of at least 1, got "${options[name]}"`);
    process.exit(2);
  }
  return value;
};
const ROUNDS = positiveInteger('rounds');
const SCALE_ROUNDS = positiveInteger('scale-rounds');
const SETTLE = Number(options.settle);
if (!Number.isFinite(SETTLE) || SETTLE < 0) {
  console.error(`--settle expects milliseconds, got "${options.settle}"`);
  process.exit(2);
}
if (ROUNDS < 10) console.log(`Only ${ROUNDS} round(s): fewer than the 10 the figures are meant for; read them as indicative.`);

// Who is measured, and how each one is recognised on the wire and driven through its API.
const CONTENDERS = [
  {
    id: 'floor',
    label: 'floor (static HTML)',
    page: 'floor.html',
    widget: [],
    config: null,
    note: 'no script: banner is inline HTML/CSS, buttons do nothing',
  },
  {
    id: 'ours',
    label: 'cookie-consent (ours)',
    page: 'ours.html',
    widget: [/^\/dist\/.*\.(js|css)$/],
    config: 'inline',
    acceptAll: 'CookieConsent.acceptAll()',
    showPreferences: 'CookieConsent.showPreferences()',
    dialogReady: `(n) => {
      const host = document.querySelector('cookie-consent');
      if (!host || !host.shadowRoot) return false;
      let open = false;
      let rows = 0;
      const walk = (root) => {
        for (const element of root.querySelectorAll('*')) {
          if (element.localName === 'dialog' && element.open) open = true;
          else if (element.localName === 'tr' ? element.parentElement && element.parentElement.localName === 'tbody' : element.getAttribute('role') === 'row') rows++;
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(host.shadowRoot);
      return open && rows >= n;
    }`,
    blocker: true,
  },
  {
    id: 'vanilla',
    label: 'vanilla-cookieconsent 3.1',
    page: 'vanilla.html',
    widget: [/^\/node_modules\/vanilla-cookieconsent\//],
    config: /^\/bench\/pages\/vanilla-config\.js$/,
    acceptAll: "CookieConsent.acceptCategory('all')",
    showPreferences: 'CookieConsent.showPreferences()',
    dialogReady: `(n) => document.documentElement.classList.contains('show--preferences') &&
      document.querySelectorAll('#cc-main .pm tbody tr').length >= n`,
    blocker: true,
    peer: true,
  },
  {
    id: 'klaro',
    label: 'Klaro 0.7',
    page: 'klaro.html',
    widget: [/^\/node_modules\/klaro\//],
    config: /^\/bench\/pages\/klaro-config\.js$/,
    acceptAll: "(() => { const manager = klaro.getManager(); manager.changeAll(true); manager.saveAndApplyConsents('accept'); })()",
    blocker: true,
    peer: true,
    note: 'klaro.js bundles its CSS and 27 languages; its dialog lists services, not cookies',
  },
  {
    id: 'osano',
    label: 'Osano cookieconsent 3.1',
    page: 'osano.html',
    widget: [/^\/node_modules\/cookieconsent\//],
    config: 'inline',
    peer: true,
    note: 'no blocker and no categories: the page loads its tags itself after "Accept all"; no preferences dialog',
  },
].filter((contender) => !options.only || options.only.split(',').includes(contender.id));

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const median = (values) => {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Cumulative layout shift as Chromium defines it: the worst session window (1 s gap, 5 s cap). */
function cumulativeLayoutShift(shifts) {
  let worst = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { start, value } of [...shifts].sort((a, b) => a.start - b.start)) {
    if (start - last > 1000 || start - first > 5000) {
      current = 0;
      first = start;
    }
    current += value;
    last = start;
    worst = Math.max(worst, current);
  }
  return worst;
}

/** A fresh incognito context and page with the CPU slowed down; every measurement starts here. */
async function openPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp, close: () => context.close().catch(() => {}) };
}

/** Runs `task` with the page's 15 s budget; a page that runs out fails this round only. */
async function withBudget(browser, task) {
  const session = await openPage(browser);
  const deadline = Date.now() + PAGE_TIMEOUT;
  let timer;
  try {
    return await Promise.race([
      task(session, () => Math.max(1, deadline - Date.now())),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`gave up after ${PAGE_TIMEOUT / 1000} s`)), PAGE_TIMEOUT + 2000);
      }),
    ]);
  } catch (error) {
    return { error: String(error.message ?? error).split('\n')[0] };
  } finally {
    clearTimeout(timer);
    await session.close();
  }
}

/**
 * Waits for the probe to see "Accept all" usable. Polled with bare Runtime.evaluate calls rather
 * than page.waitForFunction, which injects Puppeteer's helper script into the page's script time.
 */
async function waitUntilUsable(cdp, remaining) {
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__bench ? window.__bench.accept : null', returnByValue: true });
    if (typeof result.value === 'number') return result.value;
    if (remaining() <= 100) throw new Error('"Accept all" never became usable');
    await sleep(100);
  }
}

/**
 * The timing pass: one cold load with the probe watching "Accept all" after every frame. Only
 * the times come from this load, because watching costs the page script and task time.
 */
function measureTiming(browser, origin, contender, { checkConsent = false } = {}) {
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

/**
 * Records every response of the page: its path, status, and body bytes as they came over the wire.
 * Returns the list, filled in as responses finish.
 */
async function recordResponses(cdp) {
  const responses = new Map();
  await cdp.send('Network.enable');
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]));
    responses.set(requestId, {
      path: new URL(response.url).pathname,
      status: response.status,
      headerBytes: response.encodedDataLength,
      contentLength: Number(headers['content-length']),
      encoding: headers['content-encoding'],
    });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const entry = responses.get(requestId);
    // encodedDataLength counts headers and body; the headers' share came with responseReceived.
    if (entry) entry.bodyBytes = encodedDataLength - entry.headerBytes;
  });
  return responses;
}

/** The contender's own files among the responses, checked to have arrived whole. */
function widgetFilesOf(contender, responses, { required = true } = {}) {
  const widgetResponses = [...responses.values()].filter(({ path }) => contender.widget.some((pattern) => pattern.test(path)));
  if (required && contender.widget.length && !widgetResponses.length) throw new Error('none of the widget files was loaded');
  const broken = widgetResponses.filter(({ status }) => status !== 200).map(({ path, status }) => `${path} ${status}`);
  if (broken.length) throw new Error(`widget files failed: ${broken.join(', ')}`);
  const mismatch = widgetResponses.find(({ bodyBytes, contentLength }) => bodyBytes !== contentLength);
  if (mismatch) throw new Error(`${mismatch.path}: ${mismatch.bodyBytes} bytes received, content-length ${mismatch.contentLength}`);
  return widgetResponses;
}

/** Lighthouse's Total Blocking Time over the probe's long tasks: the part of each beyond 50 ms. */
const totalBlockingTime = (longTasks) => longTasks.reduce((sum, { duration }) => sum + Math.max(0, duration - 50), 0);

/**
 * The cost pass: another cold load of the same page with the probe only observing (?pass=cost),
 * held until the time the timing pass found "Accept all" usable plus the settle time. Bytes,
 * script and task time, long tasks, layout shift and heap come from this load.
 */
function measureCost(browser, origin, contender, usableAt) {
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

/**
 * The returning-visitor pass: a first visit clicks "Accept all" (not measured), then the measured
 * page view is the next one, opened in a new tab of the same context so the decision is stored and
 * the tab's metrics are its own. Most page views are of this kind: a visitor who has decided.
 */
function measureReturning(browser, origin, contender) {
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

/** One round of a contender: the timing pass, then the cost pass. */
async function measureLoad(browser, origin, contender) {
  const timing = await measureTiming(browser, origin, contender);
  if (timing.error) return { error: `timing pass: ${timing.error}` };
  const cost = await measureCost(browser, origin, contender, timing.acceptMs);
  if (cost.error) return { error: `cost pass: ${cost.error}`, ...timing };
  return { ...timing, ...cost };
}

/** Time from the contender's "accept all" call until `n` held inline scripts have all run. */
function measureActivation(browser, origin, contender, n) {
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

/** Time from showPreferences() until the dialog is open with all `n` cookie rows, painted. */
function measureDialog(browser, origin, contender, n) {
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

/**
 * In-page: appends 10,000 mixed nodes (div, span, p, a, img, inline scripts, a few held scripts)
 * in batches of 100, half one appendChild at a time into a live container, half as a detached
 * subtree appended once. Each batch is timed up to the end of its microtasks, so mutation
 * observers' callbacks are inside the figure.
 */
async function insertNodes(total, batchSize, repeats) {
  const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
  const make = (index) => {
    const kind = index % 20;
    let node;
    if (index % 100 === 1) {
      node = document.createElement('script');
      node.type = 'text/plain';
      node.dataset.category = 'analytics';
      node.textContent = 'window.__heldInserted = (window.__heldInserted || 0) + 1';
    } else if (kind === 0) {
      node = document.createElement('script');
      node.textContent = 'window.__inserted = (window.__inserted || 0) + 1';
    } else if (kind < 3) {
      node = document.createElement('img');
      node.alt = '';
      node.width = node.height = 1;
      node.src = pixel;
    } else if (kind < 4) {
      node = document.createElement('a');
      node.href = `#item-${index}`;
      node.textContent = `Item ${index}`;
    } else if (kind < 6) {
      node = document.createElement('p');
      node.textContent = `Paragraph ${index}`;
    } else if (kind < 9) {
      node = document.createElement('span');
      node.textContent = `${index} `;
    } else {
      node = document.createElement('div');
      node.className = `row row-${kind}`;
    }
    return node;
  };
  const channel = new MessageChannel();
  const nextTask = () => new Promise((done) => {
    channel.port1.onmessage = done;
    channel.port2.postMessage(0);
  });
  const times = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    // A hidden container: layout and paint of 10,000 nodes would be the same with or without a
    // widget, so they are kept out of a figure that is about script.
    const container = document.createElement('section');
    container.hidden = true;
    document.body.append(container);
    await nextTask();
    let spent = 0;
    for (let first = 0, batch = 0; first < total; first += batchSize, batch++) {
      const start = performance.now();
      if (batch % 2) {
        const subtree = document.createElement('div');
        for (let index = first; index < first + batchSize; index++) subtree.appendChild(make(index));
        container.appendChild(subtree);
      } else {
        for (let index = first; index < first + batchSize; index++) container.appendChild(make(index));
      }
      await Promise.resolve();
      spent += performance.now() - start;
    }
    times.push(spent);
    container.remove();
    await nextTask();
  }
  return times;
}

// ---------- printing ----------

const COLUMNS = [
  { key: 'widgetBytes', title: 'widget gz', unit: 'B', format: (v) => Math.round(v).toLocaleString('en-GB') },
  { key: 'configBytes', title: 'config gz', unit: 'B', format: (v) => Math.round(v).toLocaleString('en-GB'), noRatio: true },
  { key: 'acceptMs', title: 'Accept usable', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'acceptHitMs', title: '(clickable)', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'scriptMs', title: 'script', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'taskMs', title: 'tasks', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'longTasks', title: 'long tasks', unit: 'n', format: (v) => String(v) },
  { key: 'longTaskMs', title: 'long task', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'tbtMs', title: 'TBT', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'fcpMs', title: 'FCP', unit: 'ms', format: (v) => v.toFixed(0) },
  { key: 'lcpMs', title: 'LCP', unit: 'ms', format: (v) => v.toFixed(0) },
  { key: 'cls', title: 'CLS', unit: '', format: (v) => v.toFixed(3) },
  { key: 'heapMB', title: 'JS heap', unit: 'MB', format: (v) => v.toFixed(2) },
];

function printTable(header, rows, rightAlignFrom = 1) {
  const all = [...header, ...rows];
  const widths = all[0].map((_, column) => Math.max(...all.map((row) => String(row[column] ?? '').length)));
  const line = (row) =>
    row.map((cell, column) => (column < rightAlignFrom ? String(cell ?? '').padEnd(widths[column]) : String(cell ?? '').padStart(widths[column]))).join('  ').trimEnd();
  header.forEach((row) => console.log(line(row)));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

const ratio = (value, base) => (value == null || base == null ? '—' : base === 0 ? (value === 0 ? '1.00' : '—') : (value / base).toFixed(2));

function printMain(results) {
  const present = CONTENDERS.filter((contender) => results[contender.id]);
  console.log(`\nMain table: median of ${ROUNDS} interleaved cold loads, CPU slowed ${CPU_SLOWDOWN}x, fresh incognito context each`);
  printTable(
    [['contender', ...COLUMNS.map((column) => column.title), 'rounds ok'], ['', ...COLUMNS.map((column) => column.unit), '']],
    present.map((contender) => {
      const { median: values, ok } = results[contender.id];
      return [contender.label, ...COLUMNS.map((column) => (values[column.key] == null ? '—' : column.format(values[column.key]))), `${ok}/${ROUNDS}`];
    }),
  );

  const peers = present.filter((contender) => contender.peer && results[contender.id].ok);
  const best = {};
  for (const column of COLUMNS) {
    const candidates = peers.filter((peer) => results[peer.id].median[column.key] != null);
    if (candidates.length) best[column.key] = candidates.reduce((a, b) => (results[b.id].median[column.key] < results[a.id].median[column.key] ? b : a));
  }
  const floor = results.floor?.median ?? {};
  const ratioColumns = COLUMNS.filter((column) => !column.noRatio);
  console.log('\nRatios: median ÷ floor / median ÷ best peer (lower is better; — where the base is zero or missing)');
  printTable(
    [['contender', ...ratioColumns.map((column) => column.title)]],
    present
      .filter((contender) => contender.id !== 'floor')
      .map((contender) => {
        const values = results[contender.id].median;
        return [
          contender.label,
          ...ratioColumns.map((column) => {
            const peer = best[column.key] && results[best[column.key].id].median[column.key];
            return `${ratio(values[column.key], floor[column.key])} / ${ratio(values[column.key], peer)}`;
          }),
        ];
      }),
  );
  console.log(`best peer per column: ${ratioColumns.map((column) => `${column.title} = ${best[column.key]?.id ?? '—'}`).join(', ')}`);
  return best;
}

function printNotes(results, consentChecks) {
  console.log('\nSetup notes');
  for (const contender of CONTENDERS) {
    const result = results[contender.id];
    if (!result) continue;
    const check = consentChecks[contender.id];
    const parts = [];
    if (contender.note) parts.push(contender.note);
    if (contender.id !== 'floor') {
      const measured = result.runs.filter((run) => !run.error);
      parts.push(
        !measured.length ? 'tags held before consent: not checked' : measured.every((run) => run.heldBeforeConsent) ? 'tags held before consent: yes' : 'tags held before consent: NO (a tag ran before consent)',
      );
      if (check) parts.push(`tags released by a click on "Accept all": ${check.releasedOnAccept === true ? 'yes' : check.error ? `not checked (${check.error})` : 'NO'}`);
    }
    const lcpElements = [...new Set(result.runs.map((run) => run.lcpElement).filter(Boolean))];
    if (lcpElements.length) parts.push(`LCP element: ${lcpElements.join(' or ')}`);
    const files = result.runs.find((run) => run.widgetFiles)?.widgetFiles ?? [];
    if (files.length) parts.push(`files: ${files.map((file) => `${file.path.replace(/^\/node_modules\//, '')} ${file.bytes} B ${file.encoding}`).join(', ')}`);
    const errors = [...new Set(result.runs.flatMap((run) => (run.error ? [run.error] : run.errors ?? [])))];
    if (errors.length) parts.push(`problems: ${errors.slice(0, 3).join(' | ')}`);
    console.log(`  ${contender.label}: ${parts.join('; ')}`);
  }
}

const RETURNING_COLUMNS = [
  ...COLUMNS.filter((column) => ['widgetBytes', 'scriptMs', 'taskMs', 'tbtMs', 'fcpMs', 'lcpMs'].includes(column.key)),
  { key: 'analyticsRequestedMs', title: 'analytics requested', unit: 'ms', format: (v) => v.toFixed(0) },
  { key: 'analyticsMs', title: 'analytics ran', unit: 'ms', format: (v) => v.toFixed(0) },
  { key: 'domContentLoadedMs', title: 'DCL end', unit: 'ms', format: (v) => v.toFixed(0) },
];

function printReturning(returning) {
  console.log(`\nReturning visitor: the page view after "Accept all" (median of ${ROUNDS}, CPU slowed ${CPU_SLOWDOWN}x; the floor has no decision to keep)`);
  printTable(
    [
      ['contender', ...RETURNING_COLUMNS.map((column) => column.title), 'before DCL end', 'files loaded', 'rounds ok'],
      ['', ...RETURNING_COLUMNS.map((column) => column.unit), 'requested / ran', '', ''],
    ],
    CONTENDERS.filter((contender) => returning[contender.id]).map((contender) => {
      const { median: values, ok, runs } = returning[contender.id];
      const good = runs.filter((run) => !run.error);
      const files = good[0]?.widgetFiles.map(({ path }) => path.split('/').pop()).join(' ') ?? '—';
      return [
        contender.label,
        ...RETURNING_COLUMNS.map((column) => (values[column.key] == null ? '—' : column.format(values[column.key]))),
        `${good.filter((run) => run.releasedBeforeDomContentLoaded).length} / ${good.filter((run) => run.ranBeforeDomContentLoaded).length} of ${good.length}`,
        files,
        `${ok}/${ROUNDS}`,
      ];
    }),
  );
  const failed = Object.entries(returning).flatMap(([id, { runs }]) => [...new Set(runs.filter((run) => run.error).map((run) => run.error))].map((error) => `${id}: ${error}`));
  if (failed.length) console.log(`  failed rounds: ${failed.join(' | ')}`);
}

function printScaling(scaling) {
  const cell = (entry) => (!entry ? '—' : entry.ms == null ? `failed` : entry.ms.toFixed(1));
  const growth = (entries) => {
    const [, mid, high] = SCALE_SIZES.map((n) => entries?.[n]?.ms);
    return mid && high ? (high / SCALE_SIZES[2] / (mid / SCALE_SIZES[1])).toFixed(2) : '—';
  };
  const section = (title, key, reasons) => {
    console.log(`\n${title}`);
    printTable(
      [['contender', ...SCALE_SIZES.map((n) => `N=${n.toLocaleString('en-GB')}`), 'per-item ms 100→1,000'], ['', ...SCALE_SIZES.map(() => 'ms'), '(ratio)']],
      CONTENDERS.filter((contender) => contender.id !== 'floor').map((contender) =>
        scaling[key][contender.id]
          ? [contender.label, ...SCALE_SIZES.map((n) => cell(scaling[key][contender.id][n])), growth(scaling[key][contender.id])]
          : [contender.label, reasons[contender.id] ?? 'not run', '', '', ''],
      ),
    );
  };
  section(`Activation: "accept all" until N held inline scripts have run (median of ${SCALE_ROUNDS})`, 'activation', {
    osano: 'n/a: no blocker',
    ours: 'n/a: no build',
  });
  section(`Preferences dialog: showPreferences() until open with N cookie rows painted (median of ${SCALE_ROUNDS})`, 'dialog', {
    klaro: 'n/a: dialog lists services, no cookie table',
    osano: 'n/a: no preferences dialog',
    ours: 'n/a: no build',
  });
}

/** Per-load spread of the insertion time: half the interquartile range, as a share of the median. */
function spread(values) {
  const sorted = values.filter(Number.isFinite).sort((x, y) => x - y);
  if (sorted.length < 4) return null;
  const at = (q) => sorted[Math.round(q * (sorted.length - 1))];
  return (at(0.75) - at(0.25)) / 2 / median(sorted);
}

function printOverhead(results) {
  const base = results.floor?.median.insertMs;
  console.log(
    `\nBlocker overhead: a script appends ${INSERTED_NODES.toLocaleString('en-GB')} mixed nodes in batches of ${INSERT_BATCH}, timed in-page before consent` +
      `\n(median over ${ROUNDS} loads of the fastest of ${INSERT_REPEATS} timed repeats; peers observe no insertions: what they add is noise, or their stylesheets and heap)`,
  );
  printTable(
    [['page', 'insert', 'spread', 'overhead'], ['', 'ms', '± %', 'vs floor']],
    CONTENDERS.filter((contender) => results[contender.id]?.ok).flatMap((contender) => {
      const row = (label, key) => {
        const ms = results[contender.id].median[key];
        const noise = spread(results[contender.id].runs.map((run) => run[key]));
        return [
          label,
          ms == null ? 'failed' : ms.toFixed(1),
          noise == null ? '—' : (noise * 100).toFixed(1),
          key === 'insertMs' && contender.id === 'floor' ? '' : ms == null || !base ? '' : `${(((ms - base) / base) * 100).toFixed(1)} %`,
        ];
      };
      if (contender.id !== 'floor') return [row(contender.label, 'insertMs')];
      return [row('without a widget (floor)', 'insertMs'), row('floor + an empty MutationObserver', 'observedInsertMs')];
    }),
  );
}

function checkTargets(results, scaling, returning) {
  const ours = results.ours?.ok ? results.ours.median : null;
  const oursBack = returning?.ours?.ok ? returning.ours : null;
  const osanoBack = returning?.osano?.ok ? returning.osano.median : null;
  const floor = results.floor?.ok ? results.floor.median : null;
  const osano = results.osano?.ok ? results.osano.median : null;
  const perItemGrowth = (entries) => {
    const mid = entries?.[100]?.ms;
    const high = entries?.[1000]?.ms;
    return mid && high ? high / 1000 / (mid / 100) : null;
  };
  const oursInsert = ours?.insertMs;
  const floorInsert = floor?.insertMs;
  const floorSpread = floor ? spread(results.floor.runs.map((run) => run.insertMs)) : null;
  const activationGrowth = perItemGrowth(scaling?.activation.ours);
  const dialogGrowth = perItemGrowth(scaling?.dialog.ours);
  const targets = [
    {
      name: '"Accept all" usable no later than Osano\'s',
      value: ours && osano ? `${ours.acceptMs.toFixed(1)} ms vs Osano ${osano.acceptMs.toFixed(1)} ms` : null,
      pass: ours && osano ? ours.acceptMs <= osano.acceptMs : null,
    },
    {
      name: '(stretch) "Accept all" usable within 1.15x the floor',
      value: ours && floor ? `${ours.acceptMs.toFixed(1)} ms vs floor ${floor.acceptMs.toFixed(1)} ms = ${(ours.acceptMs / floor.acceptMs).toFixed(2)}x` : null,
      pass: ours && floor ? ours.acceptMs <= 1.15 * floor.acceptMs : null,
    },
    {
      name: "script time no more than Osano's",
      value: ours && osano ? `${ours.scriptMs.toFixed(1)} ms vs Osano ${osano.scriptMs.toFixed(1)} ms` : null,
      pass: ours && osano ? ours.scriptMs <= osano.scriptMs : null,
    },
    {
      // Under 4x CPU the page's own first render is already a long task on the floor, so "zero"
      // means none added: no more long tasks than the floor, and no more than 1.15x its long-task time.
      name: 'zero long tasks added (count <= floor, long-task time <= 1.15x floor)',
      value: ours && floor ? `median ${ours.longTasks} / ${ours.longTaskMs.toFixed(1)} ms vs floor ${floor.longTasks} / ${floor.longTaskMs.toFixed(1)} ms` : null,
      pass: ours && floor ? ours.longTasks <= floor.longTasks && ours.longTaskMs <= 1.15 * floor.longTaskMs : null,
    },
    {
      name: "long-task time added over the floor no more than Osano's",
      value: ours && floor && osano ? `+${(ours.longTaskMs - floor.longTaskMs).toFixed(1)} ms vs Osano +${(osano.longTaskMs - floor.longTaskMs).toFixed(1)} ms` : null,
      pass: ours && floor && osano ? ours.longTaskMs - floor.longTaskMs <= osano.longTaskMs - floor.longTaskMs : null,
    },
    {
      name: 'LCP no later than the floor +10 %',
      value: ours?.lcpMs != null && floor?.lcpMs != null ? `${ours.lcpMs.toFixed(0)} ms vs floor ${floor.lcpMs.toFixed(0)} ms` : null,
      pass: ours?.lcpMs != null && floor?.lcpMs != null ? ours.lcpMs <= 1.1 * floor.lcpMs : null,
    },
    {
      name: 'opening the dialog the first time (10 / 100 / 1,000 cookies) no slower than vanilla-cookieconsent',
      value: scaling?.dialog.ours && scaling?.dialog.vanilla ? [10, 100, 1000].map((n) => `${scaling.dialog.ours[n]?.ms?.toFixed(0)} vs ${scaling.dialog.vanilla[n]?.ms?.toFixed(0)} ms`).join(' / ') : null,
      pass: scaling?.dialog.ours && scaling?.dialog.vanilla ? [10, 100, 1000].every((n) => scaling.dialog.ours[n]?.ms <= scaling.dialog.vanilla[n]?.ms) : null,
    },
    {
      name: 'zero layout shift',
      value: ours ? `median CLS ${ours.cls.toFixed(4)} (${results.ours.runs.filter((run) => run.cls > 0).length}/${results.ours.ok} loads had any)` : null,
      pass: ours ? ours.cls === 0 : null,
    },
    {
      name: 'activation grows linearly (per-item time N=1,000 / N=100 within 3x)',
      value: activationGrowth == null ? null : `${activationGrowth.toFixed(2)}x`,
      pass: activationGrowth == null ? null : activationGrowth <= 3,
    },
    {
      name: 'dialog rendering grows linearly (per-item time N=1,000 / N=100 within 3x)',
      value: dialogGrowth == null ? null : `${dialogGrowth.toFixed(2)}x`,
      pass: dialogGrowth == null ? null : dialogGrowth <= 3,
    },
    {
      // An observer is the only way to see every insertion, so the reference is the floor watched by
      // an observer that does nothing: the blocker may cost at most 1.5x that page's insertion time.
      name: 'blocker insertion time within 1.5x the empty-MutationObserver reference',
      value:
        oursInsert && floor?.observedInsertMs
          ? `${oursInsert.toFixed(1)} ms vs ${floor.observedInsertMs.toFixed(1)} ms = ${(oursInsert / floor.observedInsertMs).toFixed(2)}x` +
            ` (floor without an observer ${floorInsert.toFixed(1)} ms${floorSpread == null ? '' : `, spread ±${(floorSpread * 100).toFixed(1)} %`})`
          : null,
      pass: oursInsert && floor?.observedInsertMs ? oursInsert <= 1.5 * floor.observedInsertMs : null,
    },
  ];
  if (returning) {
    const scriptTagOnly = oursBack && oursBack.runs.filter((run) => !run.error).every((run) => run.widgetFiles.every(({ path }) => path === '/dist/cookie-consent.min.js'));
    const scriptTagBytes = oursBack?.median.widgetBytes;
    const vanillaBack = returning?.vanilla?.ok ? returning.vanilla.median : null;
    targets.push(
      {
        // The banner is drawn by the script-tag file alone (test/integration/on-demand-files.test.ts):
        // on a first visit it is what loads before "Accept all" works, and all a returning visitor loads.
        name: 'the script-tag file (dist/cookie-consent.min.js: a first visit before "Accept all" works; a returning visit) at most 12 KB gzip',
        value: scriptTagBytes == null ? null : `${Math.round(scriptTagBytes).toLocaleString('en-GB')} B`,
        pass: scriptTagBytes == null ? null : scriptTagBytes <= 12 * 1024,
      },
      {
        name: 'returning visitor loads only the script-tag file (dist/cookie-consent.min.js)',
        value: oursBack ? [...new Set(oursBack.runs.filter((run) => !run.error).flatMap((run) => run.widgetFiles.map(({ path }) => path)))].join(', ') : null,
        pass: oursBack ? scriptTagOnly : null,
      },
      {
        name: "returning visitor: held analytics ran no later than vanilla-cookieconsent's",
        value: oursBack?.median.analyticsMs != null && vanillaBack?.analyticsMs != null ? `${oursBack.median.analyticsMs.toFixed(0)} ms vs vanilla ${vanillaBack.analyticsMs.toFixed(0)} ms` : null,
        pass: oursBack?.median.analyticsMs != null && vanillaBack?.analyticsMs != null ? oursBack.median.analyticsMs <= vanillaBack.analyticsMs : null,
      },
      {
        name: "returning visitor: script time no more than Osano's",
        value: oursBack && osanoBack ? `${oursBack.median.scriptMs.toFixed(1)} ms vs Osano ${osanoBack.scriptMs.toFixed(1)} ms` : null,
        pass: oursBack && osanoBack ? oursBack.median.scriptMs <= osanoBack.scriptMs : null,
      },
      {
        name: 'returning visitor: held analytics released (its request sent) before DOMContentLoaded ends',
        value: oursBack
          ? `${oursBack.runs.filter((run) => run.releasedBeforeDomContentLoaded).length}/${oursBack.ok} loads (it also ran before then in ${oursBack.runs.filter((run) => run.ranBeforeDomContentLoaded).length})`
          : null,
        pass: oursBack ? oursBack.runs.filter((run) => !run.error).every((run) => run.releasedBeforeDomContentLoaded) : null,
      },
    );
  }
  console.log('\nTargets (informational; they do not fail the run)');
  for (const target of targets) {
    const mark = target.pass === null ? 'n/a ' : target.pass ? 'PASS' : 'FAIL';
    console.log(`  [${mark}] ${target.name}${target.value ? `: ${target.value}` : ': not measured'}`);
  }
  return targets;
}

// ---------- main ----------

async function main() {
  const started = Date.now();
  const hasBuild = existsSync(resolve(ROOT, 'dist/cookie-consent.min.js'));
  const contenders = CONTENDERS.filter((contender) => contender.id !== 'ours' || hasBuild);
  if (!hasBuild && CONTENDERS.some((contender) => contender.id === 'ours')) {
    console.log('dist/cookie-consent.min.js is missing (run `npm run build`): our widget is left out of this run.');
  }
  const server = await startServer();
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    defaultViewport: { width: 1280, height: 800 },
  });
  let last = Date.now();
  const progress = (text) => {
    if (process.env.BENCH_DEBUG) process.stderr.write(`  (${Date.now() - last} ms)\n${text}`);
    else if (process.stderr.isTTY) process.stderr.write(`\r${text}`.padEnd(70));
    last = Date.now();
  };
  try {
    const version = await browser.version();
    console.log(`${version}, Node ${process.version}, ${cpus().length} CPUs, served gzip -9 from ${server.origin}`);

    // Warm-up: one load each, not counted; it also checks that "Accept all" releases the tags.
    const consentChecks = {};
    for (const contender of contenders) {
      progress(`warm-up: ${contender.id}`);
      consentChecks[contender.id] = await measureTiming(browser, server.origin, contender, { checkConsent: true });
    }

    /**
     * ROUNDS measurements of each contender, interleaved, the order rotating each round so no one
     * always goes first; each contender's runs with how many succeeded and the median of `keys`.
     */
    const measureRounds = async (list, label, measure, keys) => {
      const runs = Object.fromEntries(list.map((contender) => [contender.id, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (let step = 0; step < list.length; step++) {
          const contender = list[(round + step) % list.length];
          progress(`${label} ${round + 1}/${ROUNDS}: ${contender.id}`);
          runs[contender.id].push(await measure(browser, server.origin, contender));
        }
      }
      return Object.fromEntries(
        list.map(({ id }) => {
          const good = runs[id].filter((run) => !run.error);
          return [id, { runs: runs[id], ok: good.length, median: Object.fromEntries(keys.map((key) => [key, median(good.map((run) => run[key]))])) }];
        }),
      );
    };
    const results = await measureRounds(contenders, 'round', measureLoad, [...COLUMNS.map((column) => column.key), 'insertMs', 'observedInsertMs']);
    // Returning visitors: the floor has no decision to come back to.
    const returners = contenders.filter((contender) => contender.id !== 'floor');
    const returning = await measureRounds(returners, 'returning', measureReturning, RETURNING_COLUMNS.map((column) => column.key));

    let scaling = null;
    if (!options['no-scaling']) {
      scaling = { activation: {}, dialog: {} };
      const cases = [];
      for (const contender of contenders) {
        for (const n of SCALE_SIZES) {
          if (contender.blocker) cases.push({ kind: 'activation', contender, n, run: () => measureActivation(browser, server.origin, contender, n) });
          if (contender.dialogReady) cases.push({ kind: 'dialog', contender, n, run: () => measureDialog(browser, server.origin, contender, n) });
        }
      }
      const samples = new Map(cases.map((entry) => [entry, []]));
      for (let round = 0; round < SCALE_ROUNDS; round++) {
        for (let step = 0; step < cases.length; step++) {
          const entry = cases[(round + step) % cases.length];
          progress(`scaling ${round + 1}/${SCALE_ROUNDS}: ${entry.kind} ${entry.contender.id}${entry.n ? ` N=${entry.n}` : ''}`);
          samples.get(entry).push(await entry.run());
        }
      }
      for (const [entry, list] of samples) {
        const good = list.filter((sample) => !sample.error);
        const summary = { ms: median(good.map((sample) => sample.ms)), ok: good.length, errors: [...new Set(list.filter((sample) => sample.error).map((sample) => sample.error))] };
        (scaling[entry.kind][entry.contender.id] ??= {})[entry.n] = summary;
      }
    }
    if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(71) + '\r');

    const best = printMain(results);
    printNotes(results, consentChecks);
    printReturning(returning);
    printOverhead(results);
    if (scaling) {
      printScaling(scaling);
      const failures = Object.entries(scaling).flatMap(([kind, byContender]) =>
        Object.entries(byContender).flatMap(([id, value]) =>
          Object.entries(value).filter(([, summary]) => summary.errors.length).map(([n, summary]) => `${kind} ${id} N=${n}: ${summary.errors.join(' | ')}`),
        ),
      );
      if (failures.length) console.log(`\nScaling runs that failed:\n  ${failures.join('\n  ')}`);
    }
    const targets = checkTargets(results, scaling, returning);
    if (!hasBuild) console.log('  (our widget was not built, so its targets are not measured)');

    const seconds = (Date.now() - started) / 1000;
    console.log(`\n${ROUNDS} rounds in ${seconds.toFixed(0)} s; raw figures in ${options.json}`);
    const output = resolve(ROOT, options.json);
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(
      output,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          environment: { browser: version, node: process.version, cpus: cpus().length, cpuSlowdown: CPU_SLOWDOWN, rounds: ROUNDS, scaleRounds: SCALE_ROUNDS, settleMs: SETTLE, gzipLevel: 9 },
          contenders: Object.fromEntries(
            contenders.map((contender) => [contender.id, { label: contender.label, note: contender.note ?? null, consentCheck: consentChecks[contender.id], ...results[contender.id] }]),
          ),
          bestPeer: Object.fromEntries(Object.entries(best).map(([key, contender]) => [key, contender.id])),
          returning,
          scaling,
          targets,
          seconds,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
