import type { ConsentConfig, CookieDeclaration } from './config/config-types.js';
import { describeDuration, parseDuration, type Duration, type DurationUnit } from './duration.js';
import { parentDomains, registrableDomain } from './domains.js';

/** How long a cookie lives: until the browser closes, or until a date. */
export type LifetimeClass = 'session' | 'persistent';
/** Whether the site itself sets and reads the cookie, or another site does. */
export type Party = 'first-party' | 'third-party';
/** The terms visitors see, as UK privacy policies use them. */
export type CookieKind = 'session' | 'persistent' | 'third-party-advertising';

export interface CookieClassification {
  lifetime: LifetimeClass;
  /** For persistent cookies, the visitor-facing duration ("2 years" = { count: 2, unit: 'year' }). */
  duration: { count: number; unit: DurationUnit } | null;
  party: Party;
  kind: CookieKind;
}

/**
 * First-party when the cookie's domain is the site's host, one of its parent domains or another
 * host of the same registrable domain ("www.example.co.uk" and "example.co.uk" are one site);
 * third-party otherwise ("doubleclick.net" on "example.co.uk").
 */
export function cookieParty(domain: string | undefined, siteHost: string): Party {
  if (!domain) return 'first-party';
  const cookieDomain = domain.replace(/^\./, '').toLowerCase();
  // Parent domains stop at the registrable domain: a public suffix ("co.uk") or part of an IP address is never the site.
  if (parentDomains(siteHost).includes(cookieDomain)) return 'first-party';
  return registrableDomain(cookieDomain) === registrableDomain(siteHost) ? 'first-party' : 'third-party';
}

/** Classifies a declared cookie for the site at `siteHost`. The lifetime was validated by the config parser. */
export function classifyCookie(cookie: CookieDeclaration, siteHost: string): CookieClassification {
  const duration: Duration | null = cookie.lifetime === 'session' ? null : parseDuration(cookie.lifetime);
  const lifetime: LifetimeClass = duration ? 'persistent' : 'session';
  const party = cookieParty(cookie.domain, siteHost);
  const kind: CookieKind = party === 'third-party' && cookie.category === 'advertising' ? 'third-party-advertising' : lifetime;
  return { lifetime, duration: duration && describeDuration(duration), party, kind };
}

/** Which kinds a config declares, for the first layer's plain statement of what the site uses. */
export function declaredKinds(config: ConsentConfig, siteHost: string): Set<CookieKind> {
  const kinds = new Set<CookieKind>();
  for (const cookie of config.cookies) kinds.add(classifyCookie(cookie, siteHost).kind);
  return kinds;
}

/** The declaration a cookie name falls under: an exact name first, then the first matching pattern. */
export function findDeclaration(config: ConsentConfig, name: string): CookieDeclaration | undefined {
  return (
    config.cookies.find((cookie) => cookie.name === name) ??
    config.cookies.find((cookie) => cookie.pattern !== undefined && new RegExp(cookie.pattern).test(name))
  );
}
