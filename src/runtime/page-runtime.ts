import { ConsentRuntime, type WidgetInterface } from './consent-runtime.js';
import { RUNTIME_KEY as KEY, runtimeHolder as holder } from './runtime-on-window.js';

/**
 * Starts a fresh runtime as the page's: the entries call it once, when the page has none; tests call
 * it, after `disposeRuntime()`, to start again with options (a locale base). The ES module passes
 * the interface it carries; the script tag's runtime fetches it from beside itself.
 */
export function createRuntime(base: string | null = null, importInterface: () => Promise<WidgetInterface> = () => import('../interface.js')): ConsentRuntime {
  return (holder()[KEY] = new ConsentRuntime(window, base, importInterface));
}

/**
 * The page's one runtime, shared by every copy of the widget's code on the page (the script tag
 * loaded twice, or the script tag and an ES module import), so there is one blocker and one record.
 */
export function pageRuntime(base: string | null = null): ConsentRuntime {
  return holder()[KEY] ?? createRuntime(base);
}

/**
 * Ends the page's runtime, if there is one, so the next `pageRuntime()` starts a fresh one: its
 * blocker lets go of the page, it stops following other tabs, and
 * `window.CookieConsent` over it goes. For tests: a page's runtime lasts as long as the page.
 */
export function disposeRuntime(): void {
  const runtime = holder()[KEY];
  if (!runtime) return;
  delete holder()[KEY];
  runtime.stop();
  // The API hands out its runtime's `ready`, so that tells whether it is the API over this runtime.
  if (window.CookieConsent?.ready === runtime.ready) delete window.CookieConsent;
}
