import { ConsentRuntime } from './consent-runtime.js';

const KEY = Symbol.for('cookie-consent.runtime');

type RuntimeHolder = { [KEY]?: ConsentRuntime };

/**
 * The page's one runtime, shared by every copy of the widget's code on the page (the script tag
 * loaded twice, or the script tag and an ES module import), so there is one blocker and one record.
 */
export function pageRuntime(localeBase: string | null = null): ConsentRuntime {
  const holder = window as unknown as RuntimeHolder;
  return (holder[KEY] ??= new ConsentRuntime(window, localeBase));
}
