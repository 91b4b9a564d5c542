import type { ConsentConfig } from './config/config-types.js';
import type { ConsentGrants as Grants } from './consent-record.js';
import { isOwnTrue } from './own-property.js';

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
    if (required || isOwnTrue(grants?.categories, category)) for (const type of types) state[type] = 'granted';
  }
  return state;
}
