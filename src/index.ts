/**
 * The ES module: `import 'cookie-consent'` registers `<cookie-consent>` and `window.CookieConsent`;
 * the named exports give bundlers and tools the pure core.
 */
import { installApi } from './api.js';
import { defineCookieConsent } from './define.js';
import { createRuntime } from './runtime/page-runtime.js';
import * as widgetInterface from './interface.js';

// The page may have the script-tag build already: its runtime and API stay the page's. The runtime
// comes first: defining the element upgrades any <cookie-consent> in the page, which takes the page's
// runtime and needs the base URL its locale files (`locales/cy.js`) are found from. A plain
// `import.meta.url` rather than `new URL('./', import.meta.url)`, which bundlers treat as an asset.
// The element is defined here, so every page view draws with the interface: it comes in this file
// rather than as a chunk fetched on each page view, which could fail to load.
if (!window.CookieConsent) installApi(createRuntime(import.meta.url, async () => widgetInterface));
defineCookieConsent();

export { CookieConsentElement } from './elements/cookie-consent/cookie-consent.js';
export { defineCookieConsent } from './define.js';
export { parseConfig, formatConfigErrors, fallbackConfig } from './core/config/parse-config.js';
export { classifyCookie, cookieParty, declaredKinds, findDeclaration } from './core/classify.js';
export { createRecord, parseRecord, serializeRecord } from './core/consent-record.js';
export type * from './core/config/config-types.js';
export type { ConsentRecord, Choices } from './core/consent-record.js';
export type { CookieConsentApi } from './api.js';
