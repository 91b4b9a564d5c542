/**
 * Example cookies: one for each kind the cookie section describes without naming a cookie of it,
 * marked `"example": true` for a person to replace with the cookie the site really sets.
 */
import type { CategoryId, OptionalCategory } from './category-cues.js';
import type { DraftCookie } from './draft-result.js';
import type { DraftReport } from './draft-report.js';
import { policyWords } from './draft-texts.js';
import type { SectionReading } from './section-reading.js';
import { CONSENT_COOKIE_NAME } from '../core/defaults.js';

const example = (cookie: Omit<DraftCookie, 'example'>): DraftCookie => ({ ...cookie, example: true });

/** The examples `cookies` lacks, with a decision for each and one note for them all. */
export function exampleCookies(reading: SectionReading, categories: Set<OptionalCategory>, cookies: DraftCookie[], providerName: string, report: DraftReport): DraftCookie[] {
  const has = (category: string) => cookies.some((cookie) => cookie.category === category && cookie.name !== CONSENT_COOKIE_NAME);
  const examples: DraftCookie[] = [];
  if (reading.session && !cookies.some((cookie) => cookie.lifetime === 'session')) {
    examples.push(example({ name: 'PHPSESSID', category: 'necessary', lifetime: 'session', provider: providerName, purpose: 'Example: replace with your session cookie. Keeps the site working as you move from page to page; deleted when you close your browser.' }));
  }
  if (categories.has('preferences') && !has('preferences')) {
    examples.push(example({ name: 'example_preferences', category: 'preferences', lifetime: 'P1Y', provider: providerName, purpose: `Example: replace with your preferences cookie. ${policyWords(reading.purposes.get('preferences')) ?? ''}`.trim() }));
  }
  if (categories.has('analytics') && !has('analytics')) {
    examples.push(example({ name: '_ga', category: 'analytics', lifetime: 'P2Y', provider: 'Google Analytics', purpose: 'Example: replace with your analytics cookie. Tells visitors apart so we can count them and see how the site is used.' }));
  }
  if (categories.has('advertising') && !has('advertising')) {
    examples.push(
      reading.thirdPartyAdvertising
        ? example({ name: 'IDE', category: 'advertising', lifetime: 'P13M', domain: 'doubleclick.net', provider: 'Google', purpose: "Example: replace with your advertising partner's cookie. Set by the third party that serves adverts, to count how many people respond to them." })
        : example({ name: '_gcl_au', category: 'advertising', lifetime: 'P3M', provider: 'Google Ads', purpose: 'Example: replace with your advertising cookie. Measures how many people respond to our adverts.' }),
    );
  }
  for (const cookie of examples) report.decide(`example cookie ${cookie.name} (${cookie.category}): the policy describes such a cookie without naming it`, cookie.category === 'necessary' ? reading.session : reading.found.get(cookie.category as CategoryId));
  if (examples.length) {
    report.note(
      `${examples.length > 1 ? `${examples.length} cookies are examples` : '1 cookie is an example'} ("example": true): replace ${examples.length > 1 ? 'them' : 'it'} with the cookies the site really sets, and their real lifetimes, and list the hosts their scripts load from under "hosts".`,
    );
  }
  return examples;
}
