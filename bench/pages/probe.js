// The bench's probe, inlined first in <head> of every page by bench/server.mjs so it runs before
// anything else. It records long tasks, layout shifts, errors, and the moment the "Accept all"
// button becomes usable; bench/run.mjs reads window.__bench.
(() => {
  const bench = (window.__bench = { longTasks: [], shifts: [], errors: [], accept: null, acceptHit: null, acceptFound: null, probeMs: 0 });
  const observe = (type, handle) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(handle)).observe({ type, buffered: true });
    } catch (error) {
      bench.errors.push(`observer ${type}: ${error}`);
    }
  };
  observe('longtask', (entry) => bench.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) bench.shifts.push({ start: entry.startTime, value: entry.value });
  });
  addEventListener('error', (event) => bench.errors.push(String(event.message || event.error)));
  addEventListener('unhandledrejection', (event) => bench.errors.push(`unhandled rejection: ${event.reason}`));

  // The button to wait for: <html data-bench-accept="css selector">. "host >>> selector" searches
  // the host's shadow tree (nested shadow roots included); when the selector finds nothing there,
  // a <button> whose text is "Accept all" is taken instead.
  const spec = document.documentElement.dataset.benchAccept;
  if (!spec) return;
  const [hostSelector, innerSelector] = spec.split('>>>').map((part) => part.trim());
  const isAcceptText = (button) => /^\s*accept all\s*$/i.test(button.textContent);
  const deepFind = (root, test) => {
    for (const element of root.querySelectorAll('*')) {
      if (test(element)) return element;
      if (element.shadowRoot) {
        const found = deepFind(element.shadowRoot, test);
        if (found) return found;
      }
    }
    return null;
  };
  const find = () => {
    const host = document.querySelector(hostSelector);
    if (!host || innerSelector === undefined) return host;
    if (!host.shadowRoot) return null;
    return (
      deepFind(host.shadowRoot, (element) => element.matches(innerSelector)) ||
      deepFind(host.shadowRoot, (element) => element.localName === 'button' && isAcceptText(element))
    );
  };
  bench.findAccept = find;
  // Parent in the composed tree: through a shadow root to its host.
  const up = (element) => element.parentElement || (element.parentNode instanceof ShadowRoot ? element.parentNode.host : null);
  const opacity = (button) => {
    let lowest = 1;
    for (let element = button; element; element = up(element)) lowest = Math.min(lowest, Number(getComputedStyle(element).opacity));
    return lowest;
  };
  const hitTestable = (button) => {
    const box = button.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
    if (getComputedStyle(button).visibility !== 'visible') return false;
    const hit = button.getRootNode().elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return !!hit && (hit === button || button.contains(hit));
  };
  const deadline = 15000;
  // The probe's own time (its reads force style and layout) is kept so run.mjs can take it out of
  // the page's script time.
  const poll = () => {
    const now = performance.now();
    check(now);
    bench.probeMs += performance.now() - now;
  };
  const check = (now) => {
    const button = find();
    if (button) {
      if (bench.acceptFound === null) bench.acceptFound = now;
      if (hitTestable(button)) {
        const lowest = opacity(button);
        if (lowest > 0 && bench.acceptHit === null) bench.acceptHit = now;
        if (lowest >= 1) {
          bench.accept = now;
          return;
        }
      }
    }
    if (now < deadline) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
