import type { CookieConsentElement } from '../elements/cookie-consent/cookie-consent.js';

/**
 * The page's `<cookie-consent>`, added as the first thing in <body> when the page has none. It may
 * not be defined yet (the interface defines it): then it is a plain element.
 */
export async function hostElement(doc: Document = document): Promise<CookieConsentElement | HTMLElement> {
  if (doc.readyState === 'loading') await new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }));
  let element = doc.querySelector<HTMLElement>('cookie-consent');
  if (!element) {
    element = doc.createElement('cookie-consent');
    doc.body.prepend(element);
  }
  return element;
}
