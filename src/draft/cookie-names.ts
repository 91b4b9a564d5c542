/**
 * Cookie names as a policy writes them in a sentence: tokens with an underscore, capitals near the
 * word "cookie" (or "cwci"), names the built-in list knows, and names with a site-specific part ("_ga_<id>").
 */
import { KNOWN_COOKIES, knownCookie } from './known-services.js';

const COMMON_CAPS = new Set(['UK', 'EU', 'EEA', 'GDPR', 'PECR', 'ICO', 'IP', 'ID', 'URL', 'HTML', 'HTTP', 'HTTPS', 'SMS', 'VAT', 'CCTV', 'NHS', 'FAQ', 'PDF', 'API', 'USA', 'US', 'DPO', 'SAR', 'ISP', 'ICT', 'CEO', 'IT', 'TV', 'PC', 'CV', 'OK', 'AND', 'OR', 'THE', 'NOT', 'ALL', 'DPA', 'LTD', 'PLC', 'LLP', 'ISO', 'SSL', 'TLS', 'CSS', 'JS', 'JSON', 'XML', 'GA4']);
const CAPS_NAME_ENDING = /(?:SESS(?:ION)?(?:ID)?|ID|TOKEN|AUTH|CSRF|XSRF)$/;
const NAME_TOKEN = /(?<![\w@./-])(?:[`'"‘“])?([A-Za-z_][\w.-]*[\w])(?:[`'"’”])?(?![\w@/])/g;
/**
 * A name with a site-specific part, as policies write it: "intercom-id-*", "_ga_<container-id>",
 * "_hjSession_{id}". The fixed part ends in "-", "_" or ".", so a footnote mark ("cookies*") is no name.
 */
const SITE_SPECIFIC = /(?<![\w@./-])([A-Za-z_][\w.-]*?[-_.])(?:\*|<[^<>\s]{1,40}>|\{[^{}\s]{1,40}\}|\[[^[\]\s]{1,40}\])(?![\w*])/g;
const WHOLLY_SITE_SPECIFIC = new RegExp(`^${SITE_SPECIFIC.source}$`);

/** A name as written in a statement: where, and how many characters it takes there. */
export interface WrittenName {
  name: string;
  index: number;
  length: number;
}

/**
 * The name to declare for one written with a site-specific part: the built-in list's label when it
 * knows the prefix ("intercom-id-*" is Intercom's "intercom-id-<app-id>"), else the prefix and "*"
 * (declared as a pattern). Undefined for a name without such a part.
 */
export function siteSpecificName(written: string): string | undefined {
  const match = WHOLLY_SITE_SPECIFIC.exec(written);
  if (!match || !/[a-z]/i.test(match[1])) return undefined;
  const prefix = match[1];
  const known = KNOWN_COOKIES.find((cookie) => cookie.pattern && new RegExp(cookie.pattern).test(prefix) && cookie.label.startsWith(prefix));
  return known?.label ?? `${prefix}*`;
}

/**
 * Cookie names a statement of the cookie section gives: tokens with an underscore, capitals near the
 * word "cookie", known names. Every place a name is written, in order: a detail belongs to the
 * nearest name before it ("sets _ga and _gid: _ga lasts 2 years and _gid 24 hours").
 */
export function cookieNamesIn(text: string): WrittenName[] {
  const names: WrittenName[] = [];
  for (const match of text.matchAll(NAME_TOKEN)) {
    const name = match[1];
    const quoted = match[0] !== name;
    const before = text.slice(Math.max(0, match.index - 16), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 10);
    // "cwci" is Welsh for cookie: "y cwci IDE".
    const nearCookie = /\b(?:called|named|cookies?|cwci(?:s|au)?)\s*$/i.test(before) || /^\s*(?:cookies?|cwci(?:s|au)?)\b/i.test(after);
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
  for (const match of text.matchAll(SITE_SPECIFIC)) {
    const name = siteSpecificName(match[0]);
    if (name) names.push({ name, index: match.index, length: match[0].length });
  }
  return names
    .filter((candidate) => !names.some((other) => other !== candidate && other.length > candidate.length && other.index <= candidate.index && other.index + other.length > candidate.index))
    .sort((a, b) => a.index - b.index);
}
