/**
 * The ES module: `import 'cookie-consent'` registers `<cookie-consent>` and `window.CookieConsent`;
 * the named exports give bundlers and tools the pure core.
 */
import { installApi } from './api.js';
import { defineCookieConsent } from './define.js';
import { pageRuntime } from './page-runtime.js';

defineCookieConsent();
installApi(pageRuntime(new URL('./', import.meta.url).href));

export { CookieConsentElement } from './elements/cookie-consent.js';
export { defineCookieConsent } from './define.js';
export { parseConfig, formatConfigErrors, fallbackConfig } from './config/parse-config.js';
export { classifyCookie, cookieParty, declaredKinds, findDeclaration } from './core/classify.js';
export { createRecord, parseRecord, serializeRecord } from './core/consent-record.js';
export type * from './config/config-types.js';
export type { ConsentRecord, Choices } from './core/consent-record.js';
export type { CookieConsentApi } from './api.js';
