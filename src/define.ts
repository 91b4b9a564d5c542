import { CookieConsentElement } from './elements/cookie-consent.js';

/** Registers `<cookie-consent>` once, however many copies of the code the page loads. */
export function defineCookieConsent(): void {
  if (!customElements.get('cookie-consent')) customElements.define('cookie-consent', CookieConsentElement);
}
