/** Driving Chromium through puppeteer and the DevTools protocol: one fresh, slowed page per load. */
export const PAGE_TIMEOUT = 15_000;
export const CPU_SLOWDOWN = 4;

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A fresh incognito context and page with the CPU slowed down; every measurement starts here. */
export async function openPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp, close: () => context.close().catch(() => {}) };
}

/** Runs `task` with the page's 15 s budget; a page that runs out fails this round only. */
export async function withBudget(browser, task) {
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
export async function waitUntilUsable(cdp, remaining) {
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__bench ? window.__bench.accept : null', returnByValue: true });
    if (typeof result.value === 'number') return result.value;
    if (remaining() <= 100) throw new Error('"Accept all" never became usable');
    await sleep(100);
  }
}

/**
 * Records every response of the page: its path, status, and body bytes as they came over the wire.
 * Returns the list, filled in as responses finish.
 */
export async function recordResponses(cdp) {
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
export function widgetFilesOf(contender, responses, { required = true } = {}) {
  const widgetResponses = [...responses.values()].filter(({ path }) => contender.widget.some((pattern) => pattern.test(path)));
  if (required && contender.widget.length && !widgetResponses.length) throw new Error('none of the widget files was loaded');
  const broken = widgetResponses.filter(({ status }) => status !== 200).map(({ path, status }) => `${path} ${status}`);
  if (broken.length) throw new Error(`widget files failed: ${broken.join(', ')}`);
  const mismatch = widgetResponses.find(({ bodyBytes, contentLength }) => bodyBytes !== contentLength);
  if (mismatch) throw new Error(`${mismatch.path}: ${mismatch.bodyBytes} bytes received, content-length ${mismatch.contentLength}`);
  return widgetResponses;
}
