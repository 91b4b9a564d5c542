/**
 * Reads a policy's cookie section statement by statement (a sentence, a list item or a table row):
 * which categories it describes or rules out, and which cookies it names, with their lifetimes,
 * domains and providers. Pure: text in, findings out, each with the statement it came from.
 */
import { KNOWN_SERVICES, knownCookie, type KnownService } from './known-services.js';

export type OptionalCategory = 'preferences' | 'analytics' | 'advertising';
export type CategoryId = 'necessary' | OptionalCategory;
export const OPTIONAL_CATEGORIES: OptionalCategory[] = ['preferences', 'analytics', 'advertising'];

/** One sentence, list item or table row of the cookie section. */
export interface Statement {
  text: string;
  /** The category the heading above it names ("Analytics cookies", "Cwcis dadansoddi"), if any. */
  heading?: CategoryId;
  /** Cells, when the statement is a table row. */
  cells?: string[];
}

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

const CUES: Record<CategoryId, RegExp> = {
  necessary:
    /strictly necessary|\bessential\b|\blog(?:ged)? ?(?:on|in)\b|\bsign(?:ed)? ?in\b|create an account|shopping (?:basket|cart)|checkout|\bsecurity\b|load[- ]balanc|needed for (?:the|our) (?:site|website) to work|(?:site|website) needs to work|(?:site|website) (?:to )?work properly|\bhanfodol\b/i,
  preferences:
    /remembers? (?:your |who you are|you\b)|notices? (?:that )?you(?:'ve| have|’ve)? already (?:read|seen)|(?:won't|will not|don't|do not|don’t|won’t) show you [^.]{0,60}\b(?:again|already (?:read|seen))\b|information about your preferences|your (?:language|region) (?:choice|preference)|customi[sz]e|personali[sz]ed|tailored|speed up (?:your )?search|recogni[sz]e you when you (?:return|come back)|visited (?:\w+ ){0,2}before|when you (?:revisit|return)|your last visit|\bfunctional(?:ity)? cookies|\bpreference cookies|\bdewisiadau\b/i,
  analytics:
    /analytic|statistic|audience size|usage patterns?|\btraffic\b|site usage|number of (?:visits|visitors|people who visit)|(?:most )?popular pages|how (?:our )?(?:customers|visitors|users|people|you)\b[^.]{0,40}\b(?:use|move|navigate|find)\b|performance cookies|measure (?:how|the|which|visits)|\bdadansoddi\b|\bystadegau\b/i,
  advertising:
    /\badvert(?:s|isements?|ising)?\b|\bads\b|marketing cookies|targeting cookies|re-?targeting|remarketing|\bhysbysebu\b/i,
};
/** Statements about how to control cookies in the browser say nothing about what the site uses. */
const BROWSER_CONTROL = /^(?:you (?:can|may|could)|to (?:refuse|block|delete|disable|manage|opt out)|most (?:web )?browsers|if you (?:do not|don't|don’t) want|your browser|find out (?:more|how)|for more information)/i;
const NEGATION = /\b(?:do not|don't|don’t|does not|doesn't|never|will not|won't|won’t|no longer)\s+(?:currently\s+|ever\s+)?(?:use|set|place|serve|show|carry|run|allow|have|display|store)\b|\bno\s+(?:third[- ]party\s+)?(?:advert|analytic|tracking|marketing|targeting|statistic)|\b(?:set|use|place)\s+no\s+cookies\b|\bnot\s+used\s+for\b|\bnor\b/i;
const NOT_AGAIN = /(?:won't|will not|don't|do not|don’t|won’t) show you [^.]{0,60}\b(?:again|already (?:read|seen))\b/gi;
const RESTRICTIVE = /\b(?:other than|except(?: for)?|apart from|besides|only)\b/i;
const THIRD_PARTY = /third[- ]part(?:y|ies)|advertis(?:er|ing partner)s?\b|ad (?:server|network)|partners?\b/i;
const SESSION = /\bsession cookies?\b|\btemporary cookies?\b|until you (?:leave|close)|when you close your browser|end of (?:your|the) (?:browser )?session/i;

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, ninety: 90,
};
const UNIT_CODES: Record<string, string> = { year: 'Y', month: 'M', week: 'W', day: 'D', hour: 'H', minute: 'M' };
// A lifetime in figures or words ("2 years", "thirteen months", "a year"), or one of the ways a
// policy says a cookie ends with the visit ("session", "until you close your browser").
const DURATION = new RegExp(
  `\\b(\\d{1,4}|${Object.keys(NUMBER_WORDS).join('|')})[\\s-]*(years?|months?|weeks?|days?|hours?|minutes?|mins?|yrs?)\\b|\\b(session(?! cookies? (?:and|or)\\b)|until you (?:close|leave|quit) (?:your|the) (?:browser|site|website)|when you close your browser|end of (?:your|the) (?:browser )?session|browser session)\\b`,
  'gi',
);
const DOMAIN = /(?<![@\w.-])\.?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|io|ms|co\.uk|org\.uk|uk))\b(?![\w@-])/gi;
const COMMON_CAPS = new Set(['UK', 'EU', 'EEA', 'GDPR', 'PECR', 'ICO', 'IP', 'ID', 'URL', 'HTML', 'HTTP', 'HTTPS', 'SMS', 'VAT', 'CCTV', 'NHS', 'FAQ', 'PDF', 'API', 'USA', 'US', 'DPO', 'SAR', 'ISP', 'ICT', 'CEO', 'IT', 'TV', 'PC', 'CV', 'OK', 'AND', 'OR', 'THE', 'NOT', 'ALL', 'DPA', 'LTD', 'PLC', 'LLP', 'ISO', 'SSL', 'TLS', 'CSS', 'JS', 'JSON', 'XML', 'GA4']);
const CAPS_NAME_ENDING = /(?:SESS(?:ION)?(?:ID)?|ID|TOKEN|AUTH|CSRF|XSRF)$/;
const NAME_TOKEN = /(?<![\w@./-])(?:[`'"‘“])?([A-Za-z_][\w.-]*[\w])(?:[`'"’”])?(?![\w@/])/g;
/**
 * A name with a site-specific part, as policies write it: "intercom-id-*", "_ga_<container-id>",
 * "_hjSession_{id}". The fixed part ends in "-", "_" or ".", so a footnote mark ("cookies*") is no name.
 */
const SITE_SPECIFIC = /(?<![\w@./-])([A-Za-z_][\w.-]*?[-_.])(?:\*|<[^<>\s]{1,40}>|\{[^{}\s]{1,40}\}|\[[^[\]\s]{1,40}\])(?![\w*])/g;
/** A statement that goes on about the cookie(s) the one before it named: "It lasts 13 months." */
const FOLLOW_UP = /^(?:(it|this(?: one| cookie)?|that(?: one| cookie)?|the cookie)|they|these(?: cookies)?|those(?: cookies)?|both(?: of them| cookies)?|each(?: of them| cookie| one)?|the cookies)\b/i;

/**
 * The name to declare for one written with a site-specific part: the built-in list's label when it
 * knows the prefix ("intercom-id-*" is Intercom's "intercom-id-<app-id>"), else the prefix and "*"
 * (declared as a pattern). Undefined for a name without such a part.
 */
export function siteSpecificName(written: string): string | undefined {
  SITE_SPECIFIC.lastIndex = 0;
  const match = SITE_SPECIFIC.exec(written);
  if (!match || match.index !== 0 || match[0].length !== written.length || !/[a-z]/i.test(match[1])) return undefined;
  const prefix = match[1];
  const known = KNOWN_SERVICES.flatMap((service) => service.cookies).find((cookie) => cookie.pattern && new RegExp(cookie.pattern).test(prefix) && cookie.label.startsWith(prefix));
  return known?.label ?? `${prefix}*`;
}

/** "2 years" → "P2Y", "session" → "session"; undefined for anything else. */
export function readDuration(text: string): string | undefined {
  DURATION.lastIndex = 0;
  const match = DURATION.exec(text);
  return match ? durationFromMatch(match) : undefined;
}

function durationFromMatch(match: RegExpExecArray): string {
  if (match[3]) return 'session';
  const count = /^\d+$/.test(match[1]) ? Number(match[1]) : NUMBER_WORDS[match[1].toLowerCase()];
  const unit = match[2].toLowerCase().replace(/s$/, '').replace(/^yr$/, 'year').replace(/^min$/, 'minute');
  const code = UNIT_CODES[unit];
  return unit === 'hour' || unit === 'minute' ? `PT${count}${code}` : `P${count}${code}`;
}

/** The categories a statement's words point to. */
function cuesOf(text: string): CategoryId[] {
  const categories = (Object.keys(CUES) as CategoryId[]).filter((id) => CUES[id].test(text));
  // "Measure how many people respond to adverts" is about advertising, not site analytics.
  return categories.includes('advertising') && !/analytic|statistic|audience size|popular pages|number of visits/i.test(text)
    ? categories.filter((id) => id !== 'analytics')
    : categories;
}

/** The category a heading names, if it is a heading about one kind of cookie. */
export function headingCategory(heading: string): CategoryId | undefined {
  const cues = cuesOf(heading);
  if (/necessary|essential|hanfodol|required/i.test(heading)) return 'necessary';
  if (/preference|functional|dewisiadau/i.test(heading)) return 'preferences';
  return cues.length === 1 ? cues[0] : undefined;
}

/** Splits prose into sentences; list items and table rows are statements of their own. */
export function statementsOf(lines: Array<{ text: string; heading?: CategoryId }>): Statement[] {
  const statements: Statement[] = [];
  for (const { text, heading } of lines) {
    const cells = text.includes('|') ? text.split('|').map((cell) => cell.trim()).filter(Boolean) : text.includes('\t') ? text.split(/\t+/).map((cell) => cell.trim()) : null;
    if (cells && cells.length >= 2) {
      statements.push({ text: cells.join(' | '), heading, cells });
      continue;
    }
    // A sentence ends at a full stop followed by a capital, so "e.g. the" stays whole.
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z"“‘(•*-])/)) {
      const clean = sentence.replace(/^[•·*–-]\s*|^\(?[a-z0-9]{1,2}[.)]\s+/i, '').trim();
      if (clean) statements.push({ text: clean, heading });
    }
  }
  return statements;
}

// Header cells may be bilingual ("Enw / Name", "Hyd / Duration").
const NAME_HEADER = /^(?:(?:cookie|cwci)(?: name)?|name|enw)(?:\s*\/\s*(?:(?:cookie|cwci)(?: name)?|name|enw))?$/i;
const isTableHeader = (cells: string[]) => cells.some((cell) => NAME_HEADER.test(cell)) && cells.some((cell) => /duration|expir|lifetime|how long|retention|\bhyd\b/i.test(cell));

/**
 * Cookie names a statement of the cookie section gives: tokens with an underscore, capitals near the
 * word "cookie", known names. Every place a name is written, in order: a detail belongs to the
 * nearest name before it ("sets _ga and _gid: _ga lasts 2 years and _gid 24 hours").
 */
function namesIn(text: string): Array<{ name: string; index: number; length: number }> {
  const names: Array<{ name: string; index: number; length: number }> = [];
  NAME_TOKEN.lastIndex = 0;
  for (const match of text.matchAll(NAME_TOKEN)) {
    const name = match[1];
    const quoted = match[0] !== name;
    const before = text.slice(Math.max(0, match.index - 16), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 10);
    const nearCookie = /\b(?:called|named|cookies?)\s*$/i.test(before) || /^\s*cookies?\b/i.test(after);
    const looksLikeName =
      (/_/.test(name) && /[a-z]/i.test(name)) ||
      /^[a-z]+[A-Z][A-Za-z]*\d*$/.test(name) && nearCookie ||
      (/^[A-Z][A-Z0-9]{2,}$/.test(name) && !COMMON_CAPS.has(name) && (CAPS_NAME_ENDING.test(name) || nearCookie)) ||
      (quoted && nearCookie && !/\s/.test(name)) ||
      (knownCookie(name) !== undefined && name.length > 2 && (nearCookie || /[_A-Z]/.test(name)));
    if (!looksLikeName || /^\d|^https?$|\.(?:com|net|org|uk|io)$/i.test(name) || /^(?:e\.g|i\.e|etc)$/i.test(name)) continue;
    names.push({ name, index: match.index, length: match[0].length });
  }
  // Names with a site-specific part ("_ga_<container-id>", "intercom-id-*"), wherever they are written.
  SITE_SPECIFIC.lastIndex = 0;
  for (const match of text.matchAll(SITE_SPECIFIC)) {
    const name = siteSpecificName(match[0]);
    if (name) names.push({ name, index: match.index, length: match[0].length });
  }
  return names
    .filter((candidate) => !names.some((other) => other !== candidate && other.length > candidate.length && other.index <= candidate.index && other.index + other.length > candidate.index))
    .sort((a, b) => a.index - b.index);
}

/** Domains a statement names, without the policy's own web addresses or email domains. */
function domainsIn(text: string): Array<{ domain: string; index: number }> {
  const withoutUrls = text.replace(/https?:\/\/\S+|www\.\S+|\S+@\S+/g, (whole) => ' '.repeat(whole.length));
  return [...withoutUrls.matchAll(DOMAIN)].map((match) => ({ domain: match[1].toLowerCase(), index: match.index }));
}

/** `text` as a regular expression that matches it literally. */
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Services a statement names. Once the section has named one in full ("Microsoft Clarity"), a
 * later statement may use its last word alone ("Apart from Clarity"), capitalised as a name.
 */
const servicesIn = (text: string, named: Map<KnownService, string>) =>
  KNOWN_SERVICES.filter(
    (service) =>
      service.aliases.some((alias) => new RegExp(`\\b${escape(alias)}\\b`, 'i').test(text)) ||
      (named.has(service) && service.aliases.some((alias) => alias.includes(' ') && new RegExp(`\\b${escape(alias.split(' ').pop()!)}\\b`).test(text))),
  );

/** Reads the statements of a cookie section. */
export function readCookieSection(statements: Statement[]): SectionReading {
  const reading: SectionReading = { found: new Map(), ruledOut: new Map(), cookies: [], services: new Map(), purposes: new Map(), undecided: [] };
  let columns: Record<string, number> | null = null;

  const addCookie = (cookie: NamedCookie) => {
    // The widget's own consent cookie is always declared, as the draft describes it.
    if (cookie.name === 'cookie_consent') return;
    const existing = reading.cookies.find((other) => other.name === cookie.name);
    if (!existing) reading.cookies.push(cookie);
    else {
      for (const key of ['category', 'lifetime', 'domain', 'provider', 'purpose'] as const) {
        if (existing[key] === undefined && cookie[key] !== undefined) (existing as unknown as Record<string, unknown>)[key] = cookie[key];
      }
      existing.from = { ...cookie.from, ...existing.from };
    }
  };

  /** The cookies the statement before named: the next may go on about them. */
  let previous: NamedCookie[] = [];
  for (const statement of statements) {
    const { text } = statement;
    const before = previous;
    previous = [];
    if (statement.cells) {
      if (isTableHeader(statement.cells)) {
        columns = {};
        statement.cells.forEach((cell, index) => {
          const key = NAME_HEADER.test(cell) ? 'name'
            : /duration|expir|lifetime|how long|retention|hyd/i.test(cell) ? 'lifetime'
            : /provider|set by|owner|darparwr/i.test(cell) ? 'provider'
            : /purpose|description|used for|what it does|diben/i.test(cell) ? 'purpose'
            : /domain|host|parth/i.test(cell) ? 'domain'
            : /category|type|math/i.test(cell) ? 'category' : null;
          if (key && columns![key] === undefined) columns![key] = index;
        });
        continue;
      }
      readTableRow(statement, columns, reading, addCookie);
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
      reading.purposes.set(id, [...(reading.purposes.get(id) ?? []), text]);
    }
    if (SESSION.test(text) && !reading.session) reading.session = text;
    if (categories.has('advertising') && THIRD_PARTY.test(text) && !reading.thirdPartyAdvertising) reading.thirdPartyAdvertising = text;
    for (const service of services) if (!reading.services.has(service)) reading.services.set(service, text);
    const named = readProseCookies(statement, categories, services, addCookie);
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

/** A table row: each column the header named, else the cells as name, then whatever they look like. */
function readTableRow(statement: Statement, columns: Record<string, number> | null, reading: SectionReading, addCookie: (cookie: NamedCookie) => void): void {
  const cells = statement.cells!;
  const cell = (key: string) => (columns?.[key] !== undefined ? cells[columns[key]] : undefined);
  const name = (cell('name') ?? cells[0]).replace(/[`'"‘’“”]/g, '').trim();
  const lifetimeText = cell('lifetime') ?? cells.find((text) => readDuration(text));
  // Without a header naming the columns, a row is a cookie only when it gives a lifetime.
  if (!/^[\w.<>{}*[\]-]+$/.test(name) || !/[a-z]/i.test(name) || (!columns && !lifetimeText)) return;
  const lifetime = lifetimeText ? readDuration(lifetimeText) : undefined;
  const domainText = cell('domain') ?? '';
  const domain = domainsIn(domainText)[0]?.domain;
  const categoryText = cell('category') ?? statement.text;
  const category = headingCategory(categoryText) ?? statement.heading;
  const purpose = cell('purpose') ?? cells.filter((text) => text !== lifetimeText && text !== cells[0]).sort((a, b) => b.length - a.length)[0];
  const known = knownCookie(name);
  const provider = cell('provider') ?? known?.service.provider;
  if (category && !reading.found.has(category)) reading.found.set(category, statement.text);
  if (category && purpose) reading.purposes.set(category, [...(reading.purposes.get(category) ?? []), purpose]);
  if (lifetime === 'session' && !reading.session) reading.session = statement.text;
  if (known && !reading.services.has(known.service)) reading.services.set(known.service, statement.text);
  addCookie({
    name: siteSpecificName(name) ?? name,
    category,
    lifetime,
    domain: domain && !/^(?:first|own|this site)/i.test(domainText) ? domain : undefined,
    provider,
    purpose,
    service: known?.service,
    from: { ...(lifetime ? { lifetime: 'policy' } : {}), ...(domain ? { domain: 'policy' } : {}), ...(category ? { category: cell('category') ? 'policy' : 'heading' } : {}) },
    statement: statement.text,
  });
}

/**
 * Cookie names in a sentence, each with the duration and domain written nearest after it; the
 * names it gave, so the next statement can go on about them ("It lasts 13 months.").
 */
function readProseCookies(statement: Statement, categories: Set<CategoryId>, services: KnownService[], addCookie: (cookie: NamedCookie) => void): string[] {
  const { text } = statement;
  const written = namesIn(text);
  if (!written.length) return [];
  const names = written.filter((entry, index) => written.findIndex((other) => other.name === entry.name) === index);
  DURATION.lastIndex = 0;
  const durations = [...text.matchAll(DURATION)].map((match) => ({ value: durationFromMatch(match as RegExpExecArray), index: match.index }));
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
    addCookie({
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
function readFollowUp(text: string, previous: NamedCookie[]): boolean {
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
