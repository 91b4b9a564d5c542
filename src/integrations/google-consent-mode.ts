import type { ConsentConfig } from '../config/config-types.js';
import type { Grants } from '../blocker/blocker.js';

export type ConsentModeState = Record<string, 'granted' | 'denied'>;

/** Every Consent Mode v2 type a default must name. */
const CONSENT_TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];

/**
 * The Consent Mode v2 state for these grants (null: before any decision). Security storage is
 * always granted; a type mapped to a required category (e.g. functionality_storage, when the site
 * declares it strictly necessary) is granted from the start; everything else follows its category.
 */
export function consentModeState(config: ConsentConfig, grants: Grants | null): ConsentModeState {
  const state: ConsentModeState = {};
  for (const type of CONSENT_TYPES) state[type] = type === 'security_storage' ? 'granted' : 'denied';
  for (const [category, types] of Object.entries(config.googleConsentMode?.mapping ?? {})) {
    const required = config.categories.find((candidate) => candidate.id === category)?.required;
    if (required || grants?.categories[category]) for (const type of types) state[type] = 'granted';
  }
  return state;
}

type DataLayerWindow = Window & { dataLayer?: unknown[] };

/**
 * Writes `gtag('consent', command, state)` into `window.dataLayer`. Google's tag reads an Arguments
 * object, not an array, so the entry is made the way the gtag snippet makes it. The default goes
 * first in the layer, ahead of anything the page queued before the config arrived, since Google's
 * tags are held by the blocker until consent and so have not read the layer yet.
 */
export function pushConsentMode(win: DataLayerWindow, command: 'default' | 'update', state: ConsentModeState): void {
  const dataLayer = (win.dataLayer ??= []);
  const entry = (function (..._args: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    return arguments;
  })('consent', command, state);
  if (command === 'default') dataLayer.unshift(entry);
  else dataLayer.push(entry);
}
