/**
 * Drafts a cookie-consent config from the text of a privacy policy: who the provider is, where
 * its policies are, how to contact it, and the cookie categories and kinds its cookie section
 * describes. A draft is a starting point a person checks: cookies the policy describes but does
 * not name are declared as examples, and everything the text does not say is listed in `notes`.
 */
import { KNOWN_SERVICES, knownCookie } from './known-services.js';
import { escape, headingCategory, OPTIONAL_CATEGORIES, readCookieSection, statementsOf, type CategoryId, type OptionalCategory, type SectionReading, type Statement } from './read-cookie-section.js';

export { formatConfigErrors, formatConfigWarnings, parseConfig } from '../core/config/parse-config.js';
export { KNOWN_SERVICES } from './known-services.js';

/** A cookie declaration as written in a config file. */
export interface DraftCookie {
  name?: string;
  pattern?: string;
  category: string;
  lifetime: string;
  domain?: string;
  provider?: string;
  purpose: string;
  example?: true;
}

/** The config a draft produces: plain JSON in the shape `parseConfig` accepts. */
export interface DraftConfig {
  $schema: string;
  revision: number;
  provider: {
    name: string;
    policyUrl: string;
    cookiePolicyUrl?: string;
    contact?: { email?: string; phone?: string; address?: string };
  };
  consent: { days: number };
  categories: string[];
  cookies: DraftCookie[];
  hosts?: Record<string, string[]>;
  texts: { 'en-GB': Record<string, string> };
}

export const PLACEHOLDER_NAME = 'Your company name';
export const PLACEHOLDER_POLICY_URL = '/privacy-policy';
const SCHEMA_PATH = 'node_modules/cookie-consent/schema/cookie-consent.schema.json';
const CONSENT_DAYS = 182;

const LIST_ITEM = /^(?:[•·*–-]|\(?[a-z0-9]{1,2}[.)])\s/i;
const ADVERTISING = /\badvert(?:s|isements?|ising)\b|\bads\b/i;
// Sites a policy links to that are not the provider's own (the regulator, general cookie advice).
const OTHER_SITES = /(?:^|\.)(?:ico\.org\.uk|aboutcookies\.org|allaboutcookies\.org|youronlinechoices\.(?:com|eu))$/i;
const URL_TEXT = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+\.[a-z]{2,}(?:\/[^\s<>"')\]]*)?/gi;
const EMAIL_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// UK postcodes: outward code (area, district, optional sub-district), then inward code.
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})\b/g;
const PHONE_TEXT = /(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|0)\d[\d\s-]{7,12}\d(?!\d)/g;
const CONTACT_CUE = /contact|withdraw|privacy|personal data|object|rights|consent|complain|question|subject access|\bSAR\b|in writing|write to|request/i;
const COMPANY_SUFFIX = /\b((?:(?:[A-Z][\w&'.-]*|&) ){1,5}(?:Limited|Ltd|LLP|PLC|plc))\b/g;
const COMPANY_WORDS = 'Limited|Ltd|LLP|PLC|plc|Services|Solutions|Telecoms?|Communications|Group|Networks|Systems|Holdings|UK';
const NAME = "[A-Z][\\w&'-]*(?: [A-Z][\\w&'-]*)*";
const SENTENCE_START = /^(?:If|The|To|And|At|By|For|From|With|Our|Contact|Contacting|Write|Dear|Please|Whereas)\s+/;

/** Non-empty, trimmed lines: one paragraph, heading or list item each. */
const linesOf = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+|\n/).filter(Boolean);

/** A line about cookies, or a heading over them, in English or Welsh ("Cwcis"). */
const COOKIE_WORD = /\bcookies?\b|\bcwci(?:s|au)?\b/i;
const isTableRow = (line: string) => /\S\s*(?:\||\t)\s*\S/.test(line);

/**
 * The lines about cookies. Under a heading about cookies ("Cookies", "Cwcis / Cookies", "IP
 * Addresses and Cookies"), the section runs on through the headings below it while their lines
 * still speak of cookies or list them in a table. Without such a heading: the largest run of lines
 * that mention cookies, kept together across a single line between them or a list one of them
 * introduces. Null when the text never mentions cookies.
 */
export function findCookieSection(text: string): string[] | null {
  const lines = linesOf(text);
  const headed = new Set<number>();
  lines.forEach((line, index) => {
    // The document's own title ("Privacy and Cookie Policy") is no section heading.
    if (headed.has(index) || !isHeading(lines, index) || !COOKIE_WORD.test(line) || /privacy|preifatrwydd/i.test(line)) return;
    // A heading with nothing under it (a table of contents entry) starts no section.
    if (index + 1 >= lines.length || isHeading(lines, index + 1)) return;
    headed.add(index);
    for (let next = index + 1; next < lines.length; next++) {
      if (isHeading(lines, next) && !COOKIE_WORD.test(lines[next]) && !blockSpeaksOfCookies(lines, next)) break;
      headed.add(next);
    }
  });
  if (headed.size) return lines.filter((_, index) => headed.has(index));
  const runs: number[][] = [];
  lines.forEach((line, index) => {
    if (!COOKIE_WORD.test(line)) return;
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const between = last === undefined ? [] : lines.slice(last + 1, index);
    if (run && (between.length <= 1 || (lines[last!].endsWith(':') && between.every((item) => LIST_ITEM.test(item))))) run.push(index);
    else runs.push([index]);
  });
  if (!runs.length) return null;
  const run = runs.reduce((best, candidate) => (candidate.length > best.length ? candidate : best));
  let end = run[run.length - 1];
  while (end + 1 < lines.length && LIST_ITEM.test(lines[end + 1]) && (lines[end].endsWith(':') || LIST_ITEM.test(lines[end]))) end++;
  return lines.slice(run[0], end + 1);
}

/** Whether the lines under the heading at `index`, up to the next heading, mention cookies or hold a table. */
function blockSpeaksOfCookies(lines: string[], index: number): boolean {
  for (let next = index + 1; next < lines.length && !isHeading(lines, next); next++) {
    if (COOKIE_WORD.test(lines[next]) || isTableRow(lines[next])) return true;
  }
  return false;
}

/** A short line that is not a sentence, list item or table row ("About cookies.", "Your rights"), nor a list's lead-in. */
function isHeading(lines: string[], index: number): boolean {
  const line = lines[index];
  const words = line.split(/\s+/).length;
  if (words > 8 || LIST_ITEM.test(line) || isTableRow(line) || /[,;]$/.test(line) || (line.endsWith('.') && words > 3)) return false;
  return !(line.endsWith(':') && LIST_ITEM.test(lines[index + 1] ?? ''));
}

/** The provider's name: a registered company, the brand customers sign up with, or whom the policy covers. */
export function findProviderName(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(COMPANY_SUFFIX)) {
    const name = match[1].replace(SENTENCE_START, '');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (counts.size) return [...counts].reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
  const brand = new RegExp(`\\b(?:Sign up|Register|Join) as an? (${NAME}?) [Cc]ustomer`).exec(text)?.[1];
  if (brand) {
    // "Sign up as a Clear Picture Customer" names the brand; the full name adds "Services", "Limited"…
    const full = new RegExp(`\\b${brand.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: (?:${COMPANY_WORDS}))+\\b`).exec(text)?.[0];
    return full ?? brand;
  }
  return (
    new RegExp(`(?:on behalf of|(?:policy|notice) applies to|data controller is) (${NAME})`).exec(text)?.[1] ??
    new RegExp(`(?:^|[.\\n] *)(${NAME}) is the (?:data )?controller\\b`).exec(text)?.[1]
  );
}

/** Every web address in the text, as an absolute URL without trailing punctuation. */
export function findUrls(text: string): string[] {
  const urls = [...text.matchAll(URL_TEXT)].map((match) => {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    return /^www\./i.test(url) ? `https://${url}${url.includes('/') ? '' : '/'}` : url;
  });
  return [...new Set(urls)].filter((url) => URL.canParse(url) && !OTHER_SITES.test(new URL(url).hostname));
}

/** The address for privacy questions: one at a privacy or data-protection mailbox first. */
export function findEmail(text: string): string | undefined {
  const emails = [...text.matchAll(EMAIL_TEXT)].map((match) => match[0].replace(/\.+$/, ''));
  return emails.find((email) => /^(?:privacy|dpo|data|gdpr|dataprotection)\b/i.test(email)) ?? emails[0];
}

/**
 * A UK postal address: the capitalised words and numbers before a postcode, back to the phrase that
 * introduces them ("write to", "send it to:", "of"). One given for requests or contact comes first.
 */
export function findAddress(text: string): string | undefined {
  const candidates: Array<{ address: string; forContact: boolean; parts: number }> = [];
  for (const match of text.matchAll(POSTCODE)) {
    const before = text.slice(0, match.index);
    const line = before.slice(before.lastIndexOf('\n') + 1);
    const tokens = line.split(/\s+/).filter(Boolean);
    const kept: string[] = [];
    for (let index = tokens.length - 1; index >= 0; index--) {
      const token = tokens[index];
      const sentenceEnd = (/[.!?]$/.test(token) && !/^[A-Z][a-z]{0,2}\.$/.test(token)) || /[:;]$/.test(token);
      const connector = /^(?:on|upon|under|the|le|de|la)$/.test(token) || (token === 'of' && tokens[index - 1] === 'Isle');
      if (sentenceEnd || !(/^[A-Z0-9]/.test(token) || (connector && kept.length))) break;
      kept.unshift(token);
    }
    if (kept.length < 2) continue;
    const sentence = sentencesOf(line).pop() ?? line;
    candidates.push({ address: `${kept.join(' ')} ${match[1]} ${match[2]}`, forContact: CONTACT_CUE.test(sentence), parts: kept.length });
  }
  candidates.sort((a, b) => Number(b.forContact) - Number(a.forContact) || b.parts - a.parts);
  return candidates[0]?.address;
}

/** UK telephone numbers, each with whether the text offers it for privacy or contact questions. */
export function findPhones(text: string): Array<{ phone: string; forContact: boolean }> {
  const lines = linesOf(text);
  return lines.flatMap((line, index) =>
    [...line.matchAll(PHONE_TEXT)]
      .map((match) => match[0].trim())
      .filter((phone) => /^0\d{9,10}$/.test(phone.replace('(0)', '').replace(/\D/g, '').replace(/^44/, '0')))
      // The number may sit on its own line under the sentence that says what it is for.
      .map((phone) => ({ phone, forContact: CONTACT_CUE.test(`${lines[index - 1] ?? ''} ${line}`) })),
  );
}

const joinWords = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0] ?? '');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const quote = (text: string, index: number) => `"…${text.slice(Math.max(0, index - 40), index + 40).replace(/\s+/g, ' ').trim()}…"`;

/** One thing the draft decided, with the policy's words it decided it from. */
export interface DraftDecision {
  decision: string;
  /** The sentence, list item or table row it came from, or the documentation it relied on. */
  source?: string;
}

/** A draft, or why there can be none. */
export type DraftResult =
  | { ok: true; config: DraftConfig; decisions: DraftDecision[]; notes: string[] }
  | { ok: false; error: string };

/**
 * Why a text cannot be a privacy policy, or null when it may be one: empty, binary, JSON (a
 * config, perhaps cut short) or prose that never speaks of privacy, personal data or cookies.
 */
export function rejectInput(text: string): string | null {
  if (!text.trim()) return 'the text is empty: give the privacy policy as plain text.';
  const control = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (text.includes('\u0000') || control > text.length / 100) return 'this is a binary file, not text: give the privacy policy as plain text.';
  if (/^\s*[{[]/.test(text)) {
    try {
      JSON.parse(text);
      return 'this is JSON, not a privacy policy: give the policy as plain text (a config is checked by the widget itself).';
    } catch {
      return 'this looks like JSON, and broken JSON at that (cut short?), not a privacy policy: give the policy as plain text.';
    }
  }
  if (!/privacy|personal (?:data|information|details)|data protection|\bcookies?\b|\bcwcis\b|preifatrwydd/i.test(text)) {
    return 'no privacy-policy text found: the text never mentions privacy, personal data or cookies.';
  }
  return null;
}

/** Lines of the cookie section, each with the category its nearest heading names. */
function sectionStatements(lines: string[]): Statement[] {
  let heading: CategoryId | undefined;
  const tagged: Array<{ text: string; heading?: CategoryId }> = [];
  lines.forEach((text, index) => {
    // Headings set the category of what follows; they are not statements themselves.
    if (isHeading(lines, index)) heading = headingCategory(text);
    else tagged.push({ text, heading });
  });
  return statementsOf(tagged);
}

const CATEGORY_WORDS: Record<OptionalCategory, string> = { preferences: 'preferences', analytics: 'analytics', advertising: 'advertising' };

/** A visitor text from the policy's own statements: the first, and the next if the first is short. */
function policyWords(statements: string[] | undefined): string | undefined {
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

/**
 * Drafts a config from a privacy policy's text. Cookies the policy names are declared with the
 * lifetime, domain and provider it gives (the built-in list of services fills what it leaves
 * out); only what it describes without naming becomes an example. `decisions` says what was
 * decided from which sentence; `notes` lists what the text did not settle. Text that is not a
 * policy at all (empty, binary, JSON) gets `ok: false` and the reason.
 */
export function draftConfig(policyText: string): DraftResult {
  const rejected = rejectInput(policyText);
  if (rejected) return { ok: false, error: rejected };
  const notes: string[] = [];
  const decisions: DraftDecision[] = [];
  const decide = (decision: string, source?: string) => decisions.push({ decision, ...(source ? { source } : {}) });

  const sectionLines = findCookieSection(policyText);
  const reading = readCookieSection(sectionStatements(sectionLines ?? []));
  if (!sectionLines) {
    notes.push('No section about cookies found: drafted a config with strictly necessary cookies only. If the site sets other cookies, describe them in the policy and add their categories.');
  }
  const outside = linesOf(policyText)
    .filter((line) => !sectionLines?.includes(line))
    .join('\n');
  const advertising = ADVERTISING.exec(outside);
  if (!reading.found.has('advertising') && !reading.ruledOut.has('advertising') && advertising) {
    notes.push(`The policy mentions advertising outside a cookie section (${quote(outside, advertising.index)}); if that advertising uses cookies on the site, add the "advertising" category.`);
  }

  const name = findProviderName(policyText);
  if (!name) notes.push(`No company name found: provider.name is a placeholder ("${PLACEHOLDER_NAME}").`);
  const providerName = name ?? PLACEHOLDER_NAME;

  // Categories: what the section describes, what its named cookies and services belong to, less
  // what it rules out. A cookie the policy names keeps its category even against a ruling-out.
  const named: DraftCookie[] = [];
  const hosts: Record<string, Set<string>> = {};
  const addHosts = (category: string, patterns: string[], source: string) => {
    if (category === 'necessary') return;
    const set = (hosts[category] ??= new Set());
    const added = patterns.filter((pattern) => !set.has(pattern));
    added.forEach((pattern) => set.add(pattern));
    if (added.length) decide(`hosts.${category}: ${added.join(', ')}`, source);
  };
  const optionalFound = new Set<OptionalCategory>();
  for (const id of OPTIONAL_CATEGORIES) {
    const sentence = reading.found.get(id);
    if (!sentence) continue;
    const ruledOut = reading.ruledOut.get(id);
    if (ruledOut && ruledOut !== sentence) {
      notes.push(`The policy both describes ${id} cookies ("${sentence}") and rules them out ("${ruledOut}"): left the category out; add it if the site uses them.`);
      continue;
    }
    if (ruledOut) continue;
    optionalFound.add(id);
    decide(`category "${id}"`, sentence);
  }
  for (const [id, sentence] of reading.ruledOut) decide(`no "${id}" category: the policy rules it out`, sentence);
  if (reading.found.has('necessary')) decide('category "necessary" (strictly necessary cookies)', reading.found.get('necessary'));

  for (const cookie of reading.cookies) {
    const known = knownCookie(cookie.name);
    let category: CategoryId | undefined = cookie.category;
    if (!category && known) {
      category = known.service.category;
      decide(`${cookie.name}: category "${category}", as for ${known.service.name} in the built-in list of services`, known.service.source);
    }
    if (!category && /sess|csrf|xsrf|token|auth|login/i.test(cookie.name) && cookie.lifetime === 'session') category = 'necessary';
    if (!category) {
      category = optionalFound.values().next().value ?? 'necessary';
      notes.push(`Could not tell what ${cookie.name} is for ("${cookie.statement}"): put it under "${category}"; move it to its category.`);
    }
    if (category !== 'necessary' && reading.ruledOut.has(category) && !optionalFound.has(category)) {
      notes.push(`${cookie.name} is a ${category} cookie, though the policy rules ${category} cookies out ("${reading.ruledOut.get(category)}"): kept it and the category; check the policy.`);
    }
    if (category !== 'necessary') optionalFound.add(category);
    let lifetime = cookie.lifetime;
    if (!lifetime && known) {
      lifetime = known.cookie.lifetime;
      decide(`${cookie.name}: lifetime ${lifetime}, the usual one for ${known.service.name} (the policy gives none)`, known.service.source);
    }
    if (!lifetime) {
      lifetime = 'P1Y';
      notes.push(`The policy gives no lifetime for ${cookie.name} ("${cookie.statement}"): set to P1Y; put in the real one.`);
    }
    let domain = cookie.domain;
    if (!domain && known?.cookie.domain) {
      domain = known.cookie.domain;
      decide(`${cookie.name}: set on ${domain}, as ${known.service.name}'s documentation says`, known.service.source);
    }
    const provider = cookie.provider ?? (domain ? undefined : providerName);
    named.push({
      name: cookie.name,
      category,
      lifetime,
      ...(domain ? { domain } : {}),
      ...(provider ? { provider } : {}),
      purpose: cookie.purpose ?? known?.cookie.purpose ?? `Named in our privacy policy as a ${category} cookie.`,
    });
    decide(`cookie ${cookie.name}: ${category}, ${lifetime}${domain ? `, on ${domain}` : ''}${provider ? `, provider ${provider}` : ''}`, cookie.statement);
    if (domain && category !== 'necessary') addHosts(category, [`*.${domain.replace(/^\./, '')}`], cookie.statement);
  }

  // Services the policy names: their hosts, and their cookies when the policy names none of them.
  for (const [service, sentence] of reading.services) {
    const namedOfService = named.filter((cookie) => cookie.name && knownCookie(cookie.name)?.service === service);
    const category = (namedOfService[0]?.category ?? service.category) as CategoryId;
    if (category !== 'necessary' && reading.ruledOut.has(category) && !optionalFound.has(category)) {
      notes.push(`The policy names ${service.name} ("${sentence}") but rules ${category} cookies out: left ${service.name} out; check the policy.`);
      continue;
    }
    if (category !== 'necessary' && !optionalFound.has(category)) {
      optionalFound.add(category);
      decide(`category "${category}", for ${service.name}`, sentence);
    }
    if (!namedOfService.length && !service.cookies.length) {
      notes.push(`The policy names ${service.name} ("${sentence}") but not its cookies, and the built-in list has none confirmed from the vendor's documentation: add the cookies it sets, with their lifetimes (${service.source}).`);
    } else if (!namedOfService.length) {
      for (const cookie of service.cookies) {
        named.push({
          ...(cookie.name ? { name: cookie.name } : { name: cookie.label }),
          category,
          lifetime: cookie.lifetime,
          ...(cookie.domain ? { domain: cookie.domain } : {}),
          provider: service.provider,
          purpose: cookie.purpose,
        });
      }
      const labels = service.cookies.map((cookie) => cookie.label).join(', ');
      decide(`cookies of ${service.name} (${labels}) from the built-in list of services, since the policy names the service but not its cookies: "${sentence}"`, service.source);
      notes.push(`The policy names ${service.name} ("${sentence}") but none of its cookies: declared ${labels} from the built-in list of services (${service.source}); check that the site sets them, and name them in the policy.`);
    }
    addHosts(category, service.hosts, service.source);
  }
  // A cookie name with a site-specific part ("_ga_<container-id>") is declared as a pattern.
  const cookies: DraftCookie[] = [
    { name: 'cookie_consent', category: 'necessary', lifetime: `P${CONSENT_DAYS}D`, provider: providerName, purpose: 'Remembers your cookie choices so we do not ask you again on every page.' },
  ];
  for (const cookie of named) {
    const known = KNOWN_SERVICES.flatMap((service) => service.cookies).find((entry) => entry.label === cookie.name && entry.pattern);
    // A prefix the built-in list does not know, written "acme-visitor-*": every name it starts.
    const pattern = known?.pattern ?? (cookie.name?.endsWith('*') ? `^${escape(cookie.name.slice(0, -1))}` : undefined);
    if (pattern && !cookies.some((other) => other.pattern === pattern)) {
      const { name: _label, ...rest } = cookie;
      cookies.push({ ...rest, pattern, purpose: `${cookie.purpose} (${known?.label ?? cookie.name})` } as DraftCookie);
    } else if (!pattern && !cookies.some((other) => other.name === cookie.name)) cookies.push(cookie);
  }

  // Kinds the section describes without naming a cookie: one example each, to replace.
  const example = (cookie: Omit<DraftCookie, 'example'>): DraftCookie => ({ ...cookie, example: true });
  const has = (category: string) => cookies.some((cookie) => cookie.category === category && cookie.name !== 'cookie_consent');
  const examples: DraftCookie[] = [];
  if (reading.session && !cookies.some((cookie) => cookie.lifetime === 'session')) {
    examples.push(example({ name: 'PHPSESSID', category: 'necessary', lifetime: 'session', provider: providerName, purpose: 'Example: replace with your session cookie. Keeps the site working as you move from page to page; deleted when you close your browser.' }));
  }
  if (optionalFound.has('preferences') && !has('preferences')) {
    examples.push(example({ name: 'example_preferences', category: 'preferences', lifetime: 'P1Y', provider: providerName, purpose: `Example: replace with your preferences cookie. ${policyWords(reading.purposes.get('preferences')) ?? ''}`.trim() }));
  }
  if (optionalFound.has('analytics') && !has('analytics')) {
    examples.push(example({ name: '_ga', category: 'analytics', lifetime: 'P2Y', provider: 'Google Analytics', purpose: 'Example: replace with your analytics cookie. Tells visitors apart so we can count them and see how the site is used.' }));
  }
  if (optionalFound.has('advertising') && !has('advertising')) {
    examples.push(
      reading.thirdPartyAdvertising
        ? example({ name: 'IDE', category: 'advertising', lifetime: 'P13M', domain: 'doubleclick.net', provider: 'Google', purpose: "Example: replace with your advertising partner's cookie. Set by the third party that serves adverts, to count how many people respond to them." })
        : example({ name: '_gcl_au', category: 'advertising', lifetime: 'P3M', provider: 'Google Ads', purpose: 'Example: replace with your advertising cookie. Measures how many people respond to our adverts.' }),
    );
  }
  for (const cookie of examples) decide(`example cookie ${cookie.name} (${cookie.category}): the policy describes such a cookie without naming it`, cookie.category === 'necessary' ? reading.session : reading.found.get(cookie.category as CategoryId));
  cookies.push(...examples);
  if (examples.length) {
    notes.push(
      `${examples.length > 1 ? `${examples.length} cookies are examples` : '1 cookie is an example'} ("example": true): replace ${examples.length > 1 ? 'them' : 'it'} with the cookies the site really sets, and their real lifetimes, and list the hosts their scripts load from under "hosts".`,
    );
  }
  if (sectionLines && !optionalFound.size) {
    notes.push('The cookie section gives no purpose beyond the site working: drafted strictly necessary cookies only.');
  }

  const categories = ['necessary', ...OPTIONAL_CATEGORIES.filter((id) => optionalFound.has(id))];
  const config: DraftConfig = {
    $schema: SCHEMA_PATH,
    revision: 1,
    provider: draftProvider(policyText, sectionLines, providerName, notes),
    consent: { days: CONSENT_DAYS },
    categories,
    cookies,
    ...(Object.keys(hosts).length ? { hosts: Object.fromEntries(Object.entries(hosts).map(([id, set]) => [id, [...set]])) } : {}),
    texts: { 'en-GB': draftTexts(categories, reading, cookies) },
  };
  notes.push(...reading.undecided);
  return { ok: true, config, decisions, notes };
}

/** Visitor texts that say only what the policy says, in its own words where it has them. */
function draftTexts(categories: string[], reading: SectionReading, cookies: DraftCookie[]): Record<string, string> {
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

/** The provider block: name, policy addresses and contact details, noting what is missing. */
function draftProvider(policyText: string, sectionLines: string[] | null, providerName: string, notes: string[]): DraftConfig['provider'] {
  const urls = findUrls(policyText);
  const cookiePolicyUrl = findUrls(sectionLines?.join('\n') ?? '')[0] ?? urls.find((url) => /cookie/i.test(new URL(url).pathname));
  const policyUrl = urls.find((url) => /privacy|policy|data-protection|gdpr/i.test(new URL(url).pathname));
  if (!policyUrl) {
    const site = urls.find((url) => new URL(url).pathname === '/');
    notes.push(`No address for the privacy policy found${site ? ` (the policy names the website ${site})` : ''}: provider.policyUrl is a placeholder ("${PLACEHOLDER_POLICY_URL}").`);
  }
  if (!cookiePolicyUrl) notes.push('No cookie-policy address found: provider.cookiePolicyUrl left out.');
  const email = findEmail(policyText);
  const address = findAddress(policyText);
  const phones = findPhones(policyText);
  const phone = phones.find((candidate) => candidate.forContact)?.phone;
  if (!email) notes.push('No email address found for provider.contact.email.');
  if (!address) notes.push('No UK postal address found for provider.contact.address.');
  if (!phone) {
    notes.push(
      phones.length
        ? `The policy gives phone numbers (${phones.map((candidate) => candidate.phone).join(', ')}) but not for privacy questions: provider.contact.phone left out.`
        : 'No phone number found for provider.contact.phone.',
    );
  }
  const contact = { ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(address ? { address } : {}) };
  return {
    name: providerName,
    policyUrl: policyUrl ?? PLACEHOLDER_POLICY_URL,
    ...(cookiePolicyUrl ? { cookiePolicyUrl } : {}),
    ...(Object.keys(contact).length ? { contact } : {}),
  };
}
