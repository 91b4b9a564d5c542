/**
 * Reads a policy's cookie section statement by statement (a sentence, a list item or a table row):
 * which categories it describes or rules out, and which cookies and services it names. Pure: text
 * in, findings out, each with the statement it came from.
 */
import { cuesOf, OPTIONAL_CATEGORIES, type CategoryId } from './category-cues.js';
import { KNOWN_SERVICES, type KnownService } from './known-services.js';
import { escapeRegExp } from './policy-lines.js';
import { readFollowUp, readProseCookies } from './read-cookie-prose.js';
import { readTableRow, tableColumns, type TableColumns } from './read-cookie-table.js';
import { addPurpose, emptyReading, type NamedCookie, type SectionReading } from './section-reading.js';
import type { Statement } from './section-statements.js';

/** Statements about how to control cookies in the browser say nothing about what the site uses. */
const BROWSER_CONTROL = /^(?:you (?:can|may|could)|to (?:refuse|block|delete|disable|manage|opt out)|most (?:web )?browsers|if you (?:do not|don't|don’t) want|your browser|find out (?:more|how)|for more information)/i;
const NEGATION = /\b(?:do not|don't|don’t|does not|doesn't|never|will not|won't|won’t|no longer)\s+(?:currently\s+|ever\s+)?(?:use|set|place|serve|show|carry|run|allow|have|display|store)\b|\bno\s+(?:third[- ]party\s+)?(?:advert|analytic|tracking|marketing|targeting|statistic)|\b(?:set|use|place)\s+no\s+cookies\b|\bnot\s+used\s+for\b|\bnor\b/i;
const NOT_AGAIN = /(?:won't|will not|don't|do not|don’t|won’t) show you [^.]{0,60}\b(?:again|already (?:read|seen))\b/gi;
const RESTRICTIVE = /\b(?:other than|except(?: for)?|apart from|besides|only)\b/i;
const THIRD_PARTY = /third[- ]part(?:y|ies)|advertis(?:er|ing partner)s?\b|ad (?:server|network)|partners?\b/i;
const SESSION = /\bsession cookies?\b|\btemporary cookies?\b|until you (?:leave|close)|when you close your browser|end of (?:your|the) (?:browser )?session/i;

/**
 * Services a statement names. Once the section has named one in full ("Microsoft Clarity"), a
 * later statement may use its last word alone ("Apart from Clarity"), capitalised as a name.
 */
const servicesIn = (text: string, named: Map<KnownService, string>) =>
  KNOWN_SERVICES.filter(
    (service) =>
      service.aliases.some((alias) => new RegExp(`\\b${escapeRegExp(alias)}\\b`, 'i').test(text)) ||
      (named.has(service) && service.aliases.some((alias) => alias.includes(' ') && new RegExp(`\\b${escapeRegExp(alias.split(' ').pop()!)}\\b`).test(text))),
  );

/** Reads the statements of a cookie section. */
export function readCookieSection(statements: Statement[]): SectionReading {
  const reading = emptyReading();
  let columns: TableColumns | null = null;
  /** The cookies the statement before named: the next may go on about them. */
  let previous: NamedCookie[] = [];
  for (const statement of statements) {
    const { text } = statement;
    const before = previous;
    previous = [];
    if (statement.cells) {
      const header = tableColumns(statement.cells);
      if (header) columns = header;
      else readTableRow(statement, columns, reading);
      continue;
    }
    if (BROWSER_CONTROL.test(text)) continue;
    // "It lasts 13 months. It is set on doubleclick.net.": still the same cookies.
    if (readFollowUp(text, before)) previous = before;
    // A statement may say yes and no ("… to see how visitors use the site; we do not use them for
    // advertising"): each clause is read on its own, a negated one only for what it rules out.
    const clauses = text.split(/;\s*|,?\s+but\s+|,?\s+however,?\s+/i);
    // "We won't show you notices you have already read" describes a preference, not a refusal.
    const negatedClauses = clauses.filter((clause) => NEGATION.test(clause.replace(NOT_AGAIN, '')));
    for (const clause of negatedClauses) readNegation(clause, text, reading);
    const positive = clauses.filter((clause) => !negatedClauses.includes(clause)).join('; ');
    if (!positive.trim()) continue;
    const cues = cuesOf(positive);
    const services = servicesIn(positive, reading.services);
    // "We only use session cookies" / "only cookies that are strictly necessary" rule out the rest.
    if (/\bonly\b/i.test(positive) && /\bcookies\b/i.test(positive) && (SESSION.test(positive) || cues.includes('necessary')) && !cues.some((id) => id !== 'necessary')) {
      const kept = new Set(services.map((service) => service.category));
      for (const id of OPTIONAL_CATEGORIES) if (!kept.has(id) && !reading.ruledOut.has(id)) reading.ruledOut.set(id, text);
    }
    const categories = new Set<CategoryId>(cues);
    if (statement.heading && statement.heading !== 'necessary' && /cookie|cwci|\bthey\b|\bthese\b|\bwe use\b/i.test(text) && !cues.length) categories.add(statement.heading);
    for (const id of categories) {
      if (!reading.found.has(id)) reading.found.set(id, text);
      addPurpose(reading, id, text);
    }
    if (SESSION.test(text) && !reading.session) reading.session = text;
    if (categories.has('advertising') && THIRD_PARTY.test(text) && !reading.thirdPartyAdvertising) reading.thirdPartyAdvertising = text;
    for (const service of services) if (!reading.services.has(service)) reading.services.set(service, text);
    const named = readProseCookies(statement, categories, services, reading);
    if (named.length) previous = reading.cookies.filter((cookie) => named.includes(cookie.name));
  }
  return reading;
}

/** What a negated clause rules out; `text` is the whole statement, kept as the report's source. */
function readNegation(clause: string, text: string, reading: SectionReading): void {
  const cues = cuesOf(clause);
  if (RESTRICTIVE.test(clause)) {
    // "We do not use any cookies other than those needed for the site to work": every category
    // the exception does not name is ruled out. The exception is what follows "other than" up to
    // a colon, less any "no …".
    const exception = clause.slice(RESTRICTIVE.exec(clause)!.index).split(':')[0].replace(/\bno\s+[\w-]+(?:\s+[\w-]+)?/gi, '');
    const exceptionCues = cuesOf(exception);
    const kept = new Set<CategoryId>([...(exceptionCues.length ? exceptionCues : ['necessary' as const]), ...servicesIn(exception, reading.services).map((service) => service.category)]);
    if (SESSION.test(clause)) kept.add('necessary');
    for (const id of OPTIONAL_CATEGORIES) if (!kept.has(id) && !reading.ruledOut.has(id)) reading.ruledOut.set(id, text);
    for (const id of kept) if (!reading.found.has(id)) reading.found.set(id, text);
    return;
  }
  for (const id of cues) if (id !== 'necessary' && !reading.ruledOut.has(id)) reading.ruledOut.set(id, text);
  for (const service of servicesIn(clause, reading.services)) reading.undecided.push(`"${text}" says ${service.name} is not used: left out.`);
  // "We do not use third-party cookies" names no category word, but means advertising partners.
  if (!cues.length && /third[- ]party (?:cookies|tracking)/i.test(clause)) reading.ruledOut.set('advertising', text);
}
