/**
 * What the readers of a cookie section find: the categories it describes or rules out, the cookies
 * and services it names, each with the statement it came from.
 */
import type { CategoryId, OptionalCategory } from './category-cues.js';
import type { KnownService } from './known-services.js';
import { CONSENT_COOKIE_NAME } from '../core/defaults.js';

/** A cookie the policy names. */
export interface NamedCookie {
  name: string;
  category?: CategoryId;
  lifetime?: string;
  domain?: string;
  provider?: string;
  purpose?: string;
  service?: KnownService;
  /** Where each detail came from: "policy" or "table" (the built-in list of services). */
  from: { lifetime?: 'policy' | 'table'; domain?: 'policy' | 'table'; category?: 'policy' | 'table' | 'heading' };
  statement: string;
}

/** What the cookie section says. */
export interface SectionReading {
  /** Categories the section describes, each with the first statement that does. */
  found: Map<CategoryId, string>;
  /** Categories the section rules out, each with the statement that does. */
  ruledOut: Map<OptionalCategory, string>;
  /** Session cookies described (named or not), with the statement. */
  session?: string;
  /** Third-party advertising described without naming a partner. */
  thirdPartyAdvertising?: string;
  cookies: NamedCookie[];
  /** Known services the section names, with the statement. */
  services: Map<KnownService, string>;
  /** Statements that name a category's purpose, for the visitor texts. */
  purposes: Map<CategoryId, string[]>;
  /** What the reader saw but could not settle. */
  undecided: string[];
}

/** A reading of a section that says nothing yet. */
export const emptyReading = (): SectionReading => ({ found: new Map(), ruledOut: new Map(), cookies: [], services: new Map(), purposes: new Map(), undecided: [] });

/** Notes a statement as one that gives a category's purpose. */
export function addPurpose(reading: SectionReading, category: CategoryId, statement: string): void {
  reading.purposes.set(category, [...(reading.purposes.get(category) ?? []), statement]);
}

/** Adds a named cookie, or fills in what an earlier mention of the same name left out. */
export function addNamedCookie(reading: SectionReading, cookie: NamedCookie): void {
  // The widget's own consent cookie is always declared, as the draft describes it.
  if (cookie.name === CONSENT_COOKIE_NAME) return;
  const existing = reading.cookies.find((other) => other.name === cookie.name);
  if (!existing) {
    reading.cookies.push(cookie);
    return;
  }
  for (const key of ['category', 'lifetime', 'domain', 'provider', 'purpose'] as const) {
    if (existing[key] === undefined && cookie[key] !== undefined) (existing as unknown as Record<string, unknown>)[key] = cookie[key];
  }
  existing.from = { ...cookie.from, ...existing.from };
}
