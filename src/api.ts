import type { ConsentRecord } from './core/consent-record.js';
import type { AuditEntry } from './core/audit.js';
import { mergedChoices } from './core/decision.js';
import type { ConsentRuntime } from './runtime/consent-runtime.js';
import type { ConfigSource } from './page/load-config.js';
import { hostElement } from './page/host-element.js';
import { VERSION } from './core/defaults.js';

/** `window.CookieConsent`: the page's way to read and change the visitor's decision. */
export interface CookieConsentApi {
  readonly version: string;
  /** Resolves once the config and the stored decision are known, and the banner is drawn if the visitor has to decide. */
  readonly ready: Promise<void>;
  /** Starts the widget with a config object, a URL or the `#id` of inline JSON (once per page). */
  init(config: ConfigSource): Promise<void>;
  /** Shows the banner again. */
  show(): void;
  /** Opens the preferences dialog. */
  showPreferences(): Promise<void>;
  acceptAll(): ConsentRecord | null;
  rejectAll(): ConsentRecord | null;
  /** Sets the named categories (and services); the others keep their current choice. */
  setConsent(categories: Record<string, boolean>, services?: Record<string, boolean>): ConsentRecord | null;
  /** The stored decision, or null before one is made. */
  getConsent(): ConsentRecord | null;
  /** True when the category (and so its scripts) may run now. */
  hasConsent(category: string): boolean;
  /** Forgets the decision and shows the banner again. */
  reset(): void;
  /** Every cookie the page can see, matched to the config's declarations and classified. */
  audit(): Promise<AuditEntry[]>;
}

declare global {
  interface Window {
    CookieConsent?: CookieConsentApi;
  }
}

/** Creates the API over the page's runtime and puts it on `window` (once). */
export function installApi(runtime: ConsentRuntime): CookieConsentApi {
  if (window.CookieConsent) return window.CookieConsent;
  const api: CookieConsentApi = {
    version: VERSION,
    ready: runtime.ready,
    async init(config) {
      const element = hostElement();
      await runtime.init(config);
      await element;
    },
    show: () => void runtime.open('banner'),
    showPreferences: () => runtime.open('preferences'),
    acceptAll: () => runtime.acceptAll('api'),
    rejectAll: () => runtime.rejectAll('api'),
    setConsent: (categories, services) => runtime.decide(mergedChoices(runtime.config, runtime.grants(), categories, services), 'api'),
    getConsent: () => runtime.record,
    hasConsent: (category) => runtime.hasConsent(category),
    reset: () => runtime.reset(),
    audit: () => runtime.audit(),
  };
  window.CookieConsent = api;
  return api;
}
