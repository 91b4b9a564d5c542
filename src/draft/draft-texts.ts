/** The config's visitor texts: they say only what the policy says, in its own words where it has them. */
import type { OptionalCategory } from './category-cues.js';
import type { DraftCookie } from './draft-result.js';
import type { SectionReading } from './section-reading.js';

const CATEGORY_WORDS: Record<OptionalCategory, string> = { preferences: 'preferences', analytics: 'analytics', advertising: 'advertising' };

const joinWords = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0] ?? '');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A visitor text from the policy's own statements: the first, and the next if the first is short. */
export function policyWords(statements: string[] | undefined): string | undefined {
  if (!statements?.length) return undefined;
  const picked: string[] = [];
  for (const statement of statements) {
    const clean = capitalise(statement.replace(/\s+/g, ' ').replace(/:$/, '.').trim());
    if (picked.includes(clean) || /^(?:they|these|it) (?:enable|help|allow) us\.?$/i.test(clean)) continue;
    // A second statement only when the first is short ("These cookies are for analytics.").
    if (picked.length && (picked[0].length > 80 || picked[0].length + clean.length > 300)) break;
    picked.push(/[.!?]$/.test(clean) ? clean : `${clean}.`);
    if (picked.length === 2) break;
  }
  return picked.join(' ') || undefined;
}

/** Visitor texts that say only what the policy says, in its own words where it has them. */
export function draftTexts(categories: string[], reading: SectionReading, cookies: DraftCookie[]): Record<string, string> {
  const optional = categories.filter((id): id is OptionalCategory => id !== 'necessary');
  const texts: Record<string, string> = {
    title: 'Cookies on our website',
    description: optional.length
      ? `We use cookies that our website needs to work. With your consent, we would also like to use ${joinWords(optional.map((id) => CATEGORY_WORDS[id]))} cookies.`
      : 'We only use cookies that our website needs to work.',
    'necessary.description': [
      'Needed for our website to work and to remember your cookie choices. They cannot be switched off.',
      policyWords(reading.purposes.get('necessary')),
    ]
      .filter(Boolean)
      .join(' '),
  };
  for (const id of optional) {
    const providers = [...new Set(cookies.filter((cookie) => cookie.category === id && !cookie.example && cookie.provider).map((cookie) => cookie.provider!))];
    texts[`${id}.description`] = policyWords(reading.purposes.get(id)) ?? (providers.length ? `Set by ${joinWords(providers)}.` : `Cookies our privacy policy lists as ${id} cookies.`);
  }
  return texts;
}
