import type { ConsentRecord } from './core/consent-record.js';
import type { AuditEntry } from './core/audit.js';
import type { ConsentRuntime } from './consent-runtime.js';
import type { ConfigSource } from './load-config.js';
import type { CookieConsentElement } from './elements/cookie-consent.js';

/** `window.CookieConsent`: the page's way to read and change the visitor's decision. */
export interface CookieConsentApi {
  readonly version: string;
  /** Resolves once the config and the stored decision are known. */
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

export const VERSION = '0.1.0';

/** The page's `<cookie-consent>`, added as the first thing in <body> when the page has none. */
async function pageElement(): Promise<CookieConsentElement> {
  if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  let element = document.querySelector('cookie-consent');
  if (!element) {
    element = document.createElement('cookie-consent');
    document.body.prepend(element);
  }
  return element;
}

/** Creates the API over the page's runtime and puts it on `window` (once). */
export function installApi(runtime: ConsentRuntime): CookieConsentApi {
  if (window.CookieConsent) return window.CookieConsent;
  const api: CookieConsentApi = {
    version: VERSION,
    ready: runtime.ready,
    async init(config) {
      const element = pageElement();
      await runtime.init(config);
      await element;
    },
    show: () => void pageElement().then((element) => element.showBanner()),
    showPreferences: () => pageElement().then((element) => element.showPreferences()),
    acceptAll: () => runtime.acceptAll('api'),
    rejectAll: () => runtime.rejectAll('api'),
    setConsent: (categories, services) =>
      runtime.decide(
        { categories: { ...runtime.grants()?.categories, ...categories }, services: { ...runtime.grants()?.services, ...services } },
        'api',
      ),
    getConsent: () => runtime.record,
    hasConsent: (category) => runtime.hasConsent(category),
    reset: () => runtime.reset(),
    audit: () => runtime.audit(),
  };
  window.CookieConsent = api;
  return api;
}
