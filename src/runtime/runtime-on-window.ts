import type { ConsentRuntime } from './consent-runtime.js';

export const RUNTIME_KEY = Symbol.for('cookie-consent.runtime');

/** Kept on `window`, so every copy of the widget's code on the page finds the same runtime. */
export const runtimeHolder = () => window as unknown as { [RUNTIME_KEY]?: ConsentRuntime };

/**
 * The page's runtime, for the interface: it is a file of its own in the script-tag build, so it
 * finds the runtime the script started rather than importing (and so bundling) one.
 */
export function currentRuntime(): ConsentRuntime {
  const runtime = runtimeHolder()[RUNTIME_KEY];
  if (!runtime) throw new Error("cookie-consent: the page has no consent runtime; load the widget's script or module before its interface");
  return runtime;
}
