import { fixture, html } from '@open-wc/testing';
import type { ConsentRuntime } from '../src/runtime/consent-runtime.js';
import { disposeRuntime, pageRuntime } from '../src/runtime/page-runtime.js';
import { defineCookieConsent } from '../src/define.js';
import type { CookieConsentElement } from '../src/elements/cookie-consent/cookie-consent.js';

/** A small valid config, as a provider would write it. */
export const baseConfig = {
  revision: 1,
  provider: {
    name: 'Claranet SOHO',
    policyUrl: 'https://www.claranetsoho.co.uk/privacy-policy',
    cookiePolicyUrl: '/cookies',
    contact: { email: 'privacy@uk.clara.net', address: 'Claranet Limited, 21 Southampton Row, London WC1B 5HA' },
  },
  consent: { reloadOnWithdraw: false },
  cookies: [
    { name: 'PHPSESSID', category: 'necessary', lifetime: 'session', purpose: 'Keeps you signed in' },
    { name: '_ga', category: 'analytics', lifetime: 'P2Y', provider: 'Google', purpose: 'Counts visits' },
    { pattern: '^_gid', category: 'analytics', lifetime: 'P1D', provider: 'Google' },
    { name: 'IDE', category: 'advertising', domain: 'doubleclick.net', lifetime: 'P13M', provider: 'Google' },
  ],
};

/** Ends the page's runtime and API, and forgets every cookie, so each test starts as a first visit. */
export function resetPage(): void {
  disposeRuntime();
  clearCookies();
  document.querySelectorAll('cookie-consent').forEach((element) => element.remove());
  document.body.style.paddingBottom = '';
}

export function clearCookies(): void {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

/** A fresh `<cookie-consent>` with this config, once its stored state is known. */
export async function widget(config: object = baseConfig): Promise<{ element: CookieConsentElement; runtime: ConsentRuntime }> {
  defineCookieConsent();
  const runtime = pageRuntime();
  const element = await fixture<CookieConsentElement>(html`<cookie-consent .config=${config}></cookie-consent>`);
  await runtime.ready;
  await element.updateComplete;
  return { element, runtime };
}

/**
 * Whether `selector` matches in `root`. Assertions take this, never the node itself: chai reporting a
 * failed assertion on a DOM node disconnects the test runner's browser, so the failure reads as a crash.
 */
export const has = (root: ParentNode, selector: string): boolean => root.querySelector(selector) !== null;

/** An element inside the widget's shadow root. */
export function part<T extends Element = HTMLElement>(element: CookieConsentElement, selector: string): T {
  const found = element.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <cookie-consent>`);
  return found;
}

/** Captures console.error / console.warn calls while `body` runs. */
export async function captureConsole(kind: 'error' | 'warn', body: () => Promise<void> | void): Promise<string[]> {
  const messages: string[] = [];
  const original = console[kind];
  console[kind] = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console[kind] = original;
  }
  return messages;
}

export function readConsentCookie(name = 'cookie_consent'): unknown {
  const pair = document.cookie.split('; ').find((entry) => entry.startsWith(`${name}=`));
  return pair ? JSON.parse(decodeURIComponent(pair.slice(name.length + 1))) : undefined;
}
