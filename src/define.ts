import { CookieConsentElement } from './elements/cookie-consent/cookie-consent.js';
import { pageRuntime } from './runtime/page-runtime.js';

/**
 * Registers `<cookie-consent>` once, however many copies of the code the page loads. The page's
 * runtime is started first when there is none: each element is a view over it.
 */
export function defineCookieConsent(): void {
  pageRuntime();
  if (!customElements.get('cookie-consent')) customElements.define('cookie-consent', CookieConsentElement);
}
