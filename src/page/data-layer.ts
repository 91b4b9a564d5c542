import type { ConsentModeState } from '../core/consent-mode.js';

type DataLayerWindow = Window & { dataLayer?: unknown[] };

/**
 * Writes `gtag('consent', command, state)` into `window.dataLayer`. Google's tag reads an Arguments
 * object, not an array, so the entry is made the way the gtag snippet makes it. The default goes
 * first in the layer, ahead of anything the page queued before the config arrived, since Google's
 * tags are held by the blocker until consent and so have not read the layer yet.
 */
export function pushConsentMode(win: DataLayerWindow, command: 'default' | 'update', state: ConsentModeState): void {
  const dataLayer = (win.dataLayer ??= []);
  if (!Array.isArray(dataLayer)) {
    console.error('cookie-consent: window.dataLayer is not an array, so Consent Mode cannot be written to it; Google tags stay held until consent.');
    return;
  }
  const entry = (function (..._args: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    return arguments;
  })('consent', command, state);
  if (command === 'default') dataLayer.unshift(entry);
  else dataLayer.push(entry);
}
