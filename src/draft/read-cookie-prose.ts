/**
 * Cookies named in sentences: each name with the lifetime, domain and provider written nearest
 * after it, and the statements after it that go on about the same cookies ("It lasts 13 months.").
 */
import type { CategoryId } from './category-cues.js';
import { cookieNamesIn } from './cookie-names.js';
import { domainsIn } from './domain-names.js';
import { knownCookie, type KnownService } from './known-services.js';
import { durationsIn, readDuration } from './read-duration.js';
import { addNamedCookie, type NamedCookie, type SectionReading } from './section-reading.js';
import type { Statement } from './section-statements.js';

/** A statement that goes on about the cookie(s) the one before it named: "It lasts 13 months." */
const FOLLOW_UP = /^(?:(it|this(?: one| cookie)?|that(?: one| cookie)?|the cookie)|they|these(?: cookies)?|those(?: cookies)?|both(?: of them| cookies)?|each(?: of them| cookie| one)?|the cookies)\b/i;

/**
 * Cookie names in a sentence, each with the duration and domain written nearest after it; the
 * names it gave, so the next statement can go on about them ("It lasts 13 months.").
 */
export function readProseCookies(statement: Statement, categories: Set<CategoryId>, services: KnownService[], reading: SectionReading): string[] {
  const { text } = statement;
  const written = cookieNamesIn(text);
  if (!written.length) return [];
  const names = written.filter((entry, index) => written.findIndex((other) => other.name === entry.name) === index);
  const durations = durationsIn(text);
  const domains = domainsIn(text);
  // A detail belongs to the name written last before it ("_ga (2 years) and IDE (13 months)"), the
  // same name written again counting ("sets _ga and _gid: _ga lasts 2 years and _gid 24 hours").
  const ownerOf = (name: string) => (item: { index: number }) =>
    ([...written].reverse().find((candidate) => candidate.index < item.index) ?? written[0]).name === name;
  // "_ga and _gid last 2 years and 24 hours (respectively)": as many lifetimes as names, all after
  // the last name, are theirs in order.
  const respectively = names.length > 1 && durations.length === names.length && durations[0].index > written[written.length - 1].index;
  const category = categories.size === 1 ? [...categories][0] : statement.heading;
  // A provider the sentence names that the built-in list does not know ("provided by Acme Chat Ltd").
  const namedProvider = /\b(?:set|provided|served|placed|run|operated) by ((?:[A-Z][\w&'’.-]*)(?: (?:[A-Z][\w&'’.-]*|of|and))*)/.exec(text)?.[1]?.replace(/(?: (?:of|and))+$/, '');
  names.forEach(({ name }, order) => {
    const lifetime = (respectively ? durations[order] : durations.find(ownerOf(name)))?.value ?? (durations.length === 1 ? durations[0].value : undefined);
    const domain = domains.find(ownerOf(name))?.domain;
    const known = knownCookie(name);
    const service = known?.service ?? (services.length === 1 ? services[0] : undefined);
    const sessionWords = !lifetime && /\bsession cookie\b/i.test(text) && names.length === 1 ? 'session' : undefined;
    addNamedCookie(reading, {
      name,
      category: category ?? (service && (!known || known.service === service) ? service.category : undefined),
      lifetime: lifetime ?? sessionWords,
      domain: domain ?? undefined,
      provider: service?.provider ?? namedProvider,
      purpose: text,
      service,
      from: { ...(lifetime ?? sessionWords ? { lifetime: 'policy' } : {}), ...(domain ? { domain: 'policy' } : {}), ...(category ? { category: categories.size === 1 ? 'policy' : 'heading' } : {}) },
      statement: text,
    });
  });
  return names.map(({ name }) => name);
}

/**
 * A statement that names no cookie but goes on about the ones the statement before it named ("It
 * lasts 13 months.", "Both are set on doubleclick.net."): what they lacked, from it. "It" and "this
 * cookie" speak of one cookie only. True when it is about them, so the next statement may be too.
 */
export function readFollowUp(text: string, previous: NamedCookie[]): boolean {
  const match = FOLLOW_UP.exec(text);
  if (!match || !previous.length || (match[1] && previous.length > 1)) return false;
  const lifetime = readDuration(text);
  const domain = domainsIn(text)[0]?.domain;
  for (const cookie of previous) {
    const added = { lifetime: !cookie.lifetime && lifetime, domain: !cookie.domain && domain };
    if (added.lifetime) cookie.lifetime = lifetime;
    if (added.domain) cookie.domain = domain;
    if (!added.lifetime && !added.domain) continue;
    cookie.from = { ...cookie.from, ...(added.lifetime ? { lifetime: 'policy' } : {}), ...(added.domain ? { domain: 'policy' } : {}) };
    cookie.statement = `${cookie.statement} ${text}`;
  }
  return true;
}
