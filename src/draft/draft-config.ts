/**
 * Drafts a cookie-consent config from the text of a privacy policy: who the provider is, where
 * its policies are, how to contact it, and the cookie categories and kinds its cookie section
 * describes. A draft is a starting point a person checks: cookies the policy describes but does
 * not name are declared as examples, and everything the text does not say is listed in `notes`.
 */
export { formatConfigErrors, parseConfig } from '../config/parse-config.js';

/** A cookie declaration as written in a config file. */
export interface DraftCookie {
  name: string;
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

/** What the cookie section says the site's cookies do, and which kinds it uses. */
export interface CookieFindings {
  session: boolean;
  persistent: boolean;
  /** Any of the four below: the preferences category. */
  preferences: boolean;
  choices: boolean;
  tailored: boolean;
  searches: boolean;
  returningVisitors: boolean;
  analytics: boolean;
  advertising: boolean;
  thirdPartyAdvertising: boolean;
}

export const PLACEHOLDER_NAME = 'Your company name';
export const PLACEHOLDER_POLICY_URL = '/privacy-policy';
const SCHEMA_PATH = 'node_modules/cookie-consent/schema/cookie-consent.schema.json';
const CONSENT_DAYS = 182;

const COOKIE = /\bcookies?\b/i;
const LIST_ITEM = /^(?:[•·*–-]|\(?[a-z0-9]{1,2}[.)])\s/i;
const FINDINGS: Record<Exclude<keyof CookieFindings, 'preferences' | 'thirdPartyAdvertising'>, RegExp> = {
  session: /\bsession cookies?\b|\btemporary cookies?\b|until you (?:leave|close)|\blog(?:ged)? ?(?:on|in)\b|\bsign(?:ed)? in\b/i,
  persistent: /\bpersistent cookies?\b|stored on your (?:computer|device)|hard (?:drive|disk)/i,
  choices: /\bpreferences\b|remember (?:who you are|your)/i,
  tailored: /customi[sz]e|personali[sz]ed|tailored/i,
  searches: /speed up (?:your )?search/i,
  returningVisitors: /visited (?:\w+ ){0,2}before|recogni[sz]e you when you (?:return|come back)|when you (?:revisit|return)|your last visit/i,
  analytics: /audience size|usage patterns?|traffic|site usage|statistic|analytic|number of visit|how (?:our )?(?:customers|visitors|users|people)\b[^.]*\buse\b/i,
  advertising: /\badvert(?:s|isements?|ising)\b|\bads\b/i,
};
const ADVERTISING = FINDINGS.advertising;
const THIRD_PARTY = /third[- ]part(?:y|ies)/i;
// Sites a policy links to that are not the provider's own (the regulator, general cookie advice).
const OTHER_SITES = /(?:^|\.)(?:ico\.org\.uk|aboutcookies\.org|allaboutcookies\.org|youronlinechoices\.(?:com|eu))$/i;
const URL_TEXT = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+\.[a-z]{2,}(?:\/[^\s<>"')\]]*)?/gi;
const EMAIL_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// UK postcodes: outward code (area, district, optional sub-district), then inward code.
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})\b/g;
const PHONE_TEXT = /(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|0)\d[\d\s-]{7,12}\d(?!\d)/g;
const CONTACT_CUE = /contact|withdraw|privacy|personal data|object|rights|consent|complain|question|subject access|\bSAR\b|in writing|write to|request/i;
const COMPANY_SUFFIX = /\b((?:[A-Z][\w&'.-]* ){1,5}(?:Limited|Ltd|LLP|PLC|plc))\b/g;
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

/**
 * The lines about cookies: the largest run of lines that mention cookies, kept together across a
 * single line between them or a list one of them introduces, and running on to the next heading
 * when it ends with a heading ("Cookies"). Null when the text never mentions cookies.
 */
export function findCookieSection(text: string): string[] | null {
  const lines = linesOf(text);
  const runs: number[][] = [];
  lines.forEach((line, index) => {
    if (!COOKIE.test(line)) return;
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const between = last === undefined ? [] : lines.slice(last + 1, index);
    if (run && (between.length <= 1 || (lines[last!].endsWith(':') && between.every((item) => LIST_ITEM.test(item))))) run.push(index);
    else runs.push([index]);
  });
  if (!runs.length) return null;
  const run = runs.reduce((best, candidate) => (candidate.length > best.length ? candidate : best));
  let end = run[run.length - 1];
  // Under a "Cookies" heading the section runs to the next heading; a list a cookie line
  // introduces ("They enable us:") is part of it either way.
  const underHeading = isHeading(lines, end);
  while (end + 1 < lines.length) {
    const listGoesOn = LIST_ITEM.test(lines[end + 1]) && (lines[end].endsWith(':') || LIST_ITEM.test(lines[end]));
    if (!listGoesOn && !(underHeading && !isHeading(lines, end + 1))) break;
    end++;
  }
  return lines.slice(run[0], end + 1);
}

/** A short line that is not a sentence or list item ("About cookies.", "Your rights"), nor a list's lead-in. */
function isHeading(lines: string[], index: number): boolean {
  const line = lines[index];
  const words = line.split(/\s+/).length;
  if (words > 8 || LIST_ITEM.test(line) || /[,;]$/.test(line) || (line.endsWith('.') && words > 3)) return false;
  return !(line.endsWith(':') && LIST_ITEM.test(lines[index + 1] ?? ''));
}

/** Which purposes and kinds of cookie the section describes. */
export function findCookieUses(section: string): CookieFindings {
  const findings = {} as CookieFindings;
  for (const key of Object.keys(FINDINGS) as Array<keyof typeof FINDINGS>) findings[key] = FINDINGS[key].test(section);
  // Third parties count only where the same sentence is about advertising, not e.g. about sharing data.
  findings.thirdPartyAdvertising = sentencesOf(section).some((sentence) => ADVERTISING.test(sentence) && THIRD_PARTY.test(sentence));
  findings.preferences = findings.choices || findings.tailored || findings.searches || findings.returningVisitors;
  return findings;
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
  return new RegExp(`(?:on behalf of|(?:policy|notice) applies to|data controller is) (${NAME})`).exec(text)?.[1];
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

/** What the preferences cookies do, in the words the texts use ("speed up your searches"). */
const preferenceUses = (found: CookieFindings) => [
  ...(found.choices ? ['remember your preferences'] : []),
  ...(found.tailored ? ['tailor the site to you'] : []),
  ...(found.searches ? ['speed up your searches'] : []),
  ...(found.returningVisitors ? ['recognise you when you come back'] : []),
];

/** Visitor-facing texts in plain words, built from what the cookie section says. */
function draftTexts(found: CookieFindings): Record<string, string> {
  const preferences = preferenceUses(found);
  const purposes = [
    ...preferences,
    ...(found.analytics ? ['see how many people visit and how the site is used'] : []),
    ...(found.advertising
      ? [found.thirdPartyAdvertising ? 'let the third party that serves adverts on our site count how many people respond to them' : 'show you relevant advertising']
      : []),
  ];
  const texts: Record<string, string> = {
    title: 'Cookies on our website',
    description: purposes.length
      ? `We use cookies that our website needs to work. With your consent, we would also like to use cookies to ${joinWords(purposes)}.`
      : 'We only use cookies that our website needs to work.',
    'necessary.description': `Needed for our website to work${found.session ? ', for example to keep you logged on as you move from page to page,' : ''} and to remember your cookie choices. They cannot be switched off.`,
  };
  if (preferences.length) texts['preferences.description'] = `${capitalise(joinWords(preferences))}.`;
  if (found.analytics) texts['analytics.description'] = 'Show us how many people visit and how they use the site, so we can improve it.';
  if (found.advertising) {
    texts['advertising.description'] = found.thirdPartyAdvertising
      ? 'Set by the third party that serves adverts on our site, so advertisers can count how many people respond to them.'
      : 'Used for our advertising.';
  }
  return texts;
}

/** The cookies a config declares for what was found: our own consent cookie, then examples to edit. */
function draftCookies(found: CookieFindings, provider: string): DraftCookie[] {
  const example = (cookie: Omit<DraftCookie, 'example'>): DraftCookie => ({ ...cookie, example: true });
  return [
    { name: 'cookie_consent', category: 'necessary', lifetime: `P${CONSENT_DAYS}D`, provider, purpose: 'Remembers your cookie choices so we do not ask you again on every page.' },
    ...(found.session
      ? [example({ name: 'PHPSESSID', category: 'necessary', lifetime: 'session', provider, purpose: 'Example: replace with your session cookie. Keeps the site working as you move from page to page; deleted when you close your browser.' })]
      : []),
    ...(found.preferences
      ? [example({ name: 'example_preferences', category: 'preferences', lifetime: 'P1Y', provider, purpose: `Example: replace with your preferences cookie. Used to ${joinWords(preferenceUses(found))}.` })]
      : []),
    ...(found.analytics
      ? [
          example({ name: '_ga', category: 'analytics', lifetime: 'P2Y', provider: 'Google Analytics', purpose: 'Example: replace with your analytics cookie. Tells visitors apart so we can count them and see how the site is used.' }),
          example({ name: '_gid', category: 'analytics', lifetime: 'P1D', provider: 'Google Analytics', purpose: 'Example: replace with your analytics cookie. Tells visitors apart over one day.' }),
        ]
      : []),
    ...(found.thirdPartyAdvertising
      ? [example({ name: 'IDE', category: 'advertising', lifetime: 'P13M', domain: 'doubleclick.net', provider: 'Google', purpose: "Example: replace with your advertising partner's cookie. Set by the third party that serves adverts, to count how many people respond to them." })]
      : found.advertising
        ? [example({ name: '_gcl_au', category: 'advertising', lifetime: 'P3M', provider: 'Google Ads', purpose: 'Example: replace with your advertising cookie. Measures how many people respond to our adverts.' })]
        : []),
  ];
}

const quote = (text: string, index: number) => `"…${text.slice(Math.max(0, index - 40), index + 40).replace(/\s+/g, ' ').trim()}…"`;

/**
 * Drafts a config from a privacy policy's text. `notes` lists what the text did not say (for the
 * person finishing the config), and the example cookies they must replace. The config passes
 * `parseConfig`; a policy without a cookie section gets a strictly-necessary-only draft.
 */
export function draftConfig(policyText: string): { config: DraftConfig; notes: string[] } {
  const notes: string[] = [];
  const sectionLines = findCookieSection(policyText);
  const section = sectionLines?.join('\n') ?? '';
  const found = findCookieUses(section);
  if (!sectionLines) {
    notes.push('No section about cookies found: drafted a config with strictly necessary cookies only. If the site sets other cookies, describe them in the policy and add their categories.');
  } else if (!found.preferences && !found.analytics && !found.advertising) {
    notes.push('The cookie section gives no purpose beyond the site working: drafted strictly necessary cookies only.');
  }
  const outside = linesOf(policyText)
    .filter((line) => !sectionLines?.includes(line))
    .join('\n');
  const advertising = ADVERTISING.exec(outside);
  if (!found.advertising && advertising) {
    notes.push(`The policy mentions advertising outside a cookie section (${quote(outside, advertising.index)}); if that advertising uses cookies on the site, add the "advertising" category.`);
  }

  const name = findProviderName(policyText);
  if (!name) notes.push(`No company name found: provider.name is a placeholder ("${PLACEHOLDER_NAME}").`);
  const providerName = name ?? PLACEHOLDER_NAME;

  const urls = findUrls(policyText);
  const cookiePolicyUrl = findUrls(section)[0] ?? urls.find((url) => /cookie/i.test(new URL(url).pathname));
  const policyUrl = urls.find((url) => /privacy|policy|data-protection|gdpr/i.test(new URL(url).pathname));
  if (!policyUrl) {
    const site = urls.find((url) => new URL(url).pathname === '/');
    notes.push(
      `No address for the privacy policy found${site ? ` (the policy names the website ${site})` : ''}: provider.policyUrl is a placeholder ("${PLACEHOLDER_POLICY_URL}").`,
    );
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

  const categories = ['necessary', 'preferences', 'analytics', 'advertising'].filter((id) => id === 'necessary' || found[id as keyof CookieFindings]);
  const cookies = draftCookies(found, providerName);
  const examples = cookies.filter((cookie) => cookie.example).length;
  if (examples) {
    notes.push(
      `${examples > 1 ? `${examples} cookies are examples` : '1 cookie is an example'} ("example": true): replace ${examples > 1 ? 'them' : 'it'} with the cookies the site really sets, and their real lifetimes.`,
    );
  }
  const hosts: Record<string, string[]> = {
    ...(found.analytics ? { analytics: ['www.google-analytics.com', '*.googletagmanager.com'] } : {}),
    ...(found.thirdPartyAdvertising ? { advertising: ['*.doubleclick.net'] } : {}),
  };

  const config: DraftConfig = {
    $schema: SCHEMA_PATH,
    revision: 1,
    provider: {
      name: providerName,
      policyUrl: policyUrl ?? PLACEHOLDER_POLICY_URL,
      ...(cookiePolicyUrl ? { cookiePolicyUrl } : {}),
      ...(Object.keys(contact).length ? { contact } : {}),
    },
    consent: { days: CONSENT_DAYS },
    categories,
    cookies,
    ...(Object.keys(hosts).length ? { hosts } : {}),
    texts: { 'en-GB': draftTexts(found) },
  };
  return { config, notes };
}
