import type { ConsentConfig, CookieDeclaration } from './config/config-types.js';
import { classifyCookie, findDeclaration, type CookieClassification } from './classify.js';

/** A cookie as the page sees it. `expires` is known only through the Cookie Store API. */
export interface ObservedCookie {
  name: string;
  /** Expiry in ms since the epoch; null for a session cookie; undefined when the browser cannot tell. */
  expires?: number | null;
  domain?: string | null;
  path?: string;
}

export interface AuditEntry {
  name: string;
  declared: boolean;
  /** The declaration it matched, by exact name or pattern. */
  declaration?: CookieDeclaration;
  category?: string;
  classification?: CookieClassification;
  /** Where what the browser shows contradicts the declaration (session vs persistent). */
  mismatch?: string;
  observed: ObservedCookie;
}

/** Matches every cookie the page can see to the config's declarations and classifies it. */
export function auditCookies(config: ConsentConfig, siteHost: string, observed: ObservedCookie[]): AuditEntry[] {
  return observed.map((cookie) => {
    const declaration = findDeclaration(config, cookie.name);
    if (!declaration) return { name: cookie.name, declared: false, observed: cookie };
    const classification = classifyCookie(declaration, siteHost);
    const entry: AuditEntry = { name: cookie.name, declared: true, declaration, category: declaration.category, classification, observed: cookie };
    if (cookie.expires === null && classification.lifetime === 'persistent') {
      entry.mismatch = `declared to last ${declaration.lifetime}, but the browser holds it as a session cookie`;
    } else if (typeof cookie.expires === 'number' && classification.lifetime === 'session') {
      entry.mismatch = `declared as a session cookie, but it persists until ${new Date(cookie.expires).toISOString()}`;
    }
    return entry;
  });
}
