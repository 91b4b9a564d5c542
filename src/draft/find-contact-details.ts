/**
 * Who the provider is and how to reach it, read from anywhere in a policy: the company's name, the
 * policy's web addresses, an email address, a UK postal address and telephone numbers.
 */
import { escapeRegExp, linesOf, sentencesOf } from './policy-lines.js';

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
    const full = new RegExp(`\\b${escapeRegExp(brand)}(?: (?:${COMPANY_WORDS}))+\\b`).exec(text)?.[0];
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
