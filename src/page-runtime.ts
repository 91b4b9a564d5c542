import { ConsentRuntime } from './consent-runtime.js';

const KEY = Symbol.for('cookie-consent.runtime');

/** Kept on `window`, so every copy of the widget's code on the page finds the same runtime. */
const holder = () => window as unknown as { [KEY]?: ConsentRuntime };

/**
 * Starts a fresh runtime and makes it the page's: the entries call it once, when the page has none;
 * tests call it to start again as a first visit. A runtime it replaces is disposed of first.
 */
export function createRuntime(localeBase: string | null = null): ConsentRuntime {
  disposeRuntime();
  return (holder()[KEY] = new ConsentRuntime(window, localeBase));
}

/**
 * The page's one runtime, shared by every copy of the widget's code on the page (the script tag
 * loaded twice, or the script tag and an ES module import), so there is one blocker and one record.
 */
export function pageRuntime(localeBase: string | null = null): ConsentRuntime {
  return holder()[KEY] ?? createRuntime(localeBase);
}

/**
 * Ends the page's runtime, if there is one: its blocker lets go of the page, it stops following
 * other tabs, and `window.CookieConsent` over it goes. The next `pageRuntime()` starts a fresh one.
 */
export function disposeRuntime(): void {
  const runtime = holder()[KEY];
  if (!runtime) return;
  delete holder()[KEY];
  runtime.dispose();
}
