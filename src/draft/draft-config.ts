/**
 * Drafts a cookie-consent config from the text of a privacy policy: who the provider is, where
 * its policies are, how to contact it, and the cookie categories and kinds its cookie section
 * describes. A draft is a starting point a person checks: cookies the policy describes but does
 * not name are declared as examples, and everything the text does not say is listed in `notes`.
 */
import { OPTIONAL_CATEGORIES } from './category-cues.js';
import { draftCategories } from './draft-categories.js';
import { draftCookies } from './draft-cookies.js';
import { CONSENT_DAYS } from '../core/defaults.js';
import { draftProvider, draftProviderName } from './draft-provider.js';
import { DraftReport } from './draft-report.js';
import type { DraftConfig, DraftResult } from './draft-result.js';
import { draftTexts } from './draft-texts.js';
import { exampleCookies } from './example-cookies.js';
import { findCookieSection } from './find-cookie-section.js';
import { linesOf } from './policy-lines.js';
import { readCookieSection } from './read-cookie-section.js';
import { rejectInput } from './reject-input.js';
import { sectionStatements } from './section-statements.js';

const SCHEMA_PATH = 'node_modules/cookie-consent/schema/cookie-consent.schema.json';
const ADVERTISING = /\badvert(?:s|isements?|ising)\b|\bads\b/i;

const quote = (text: string, index: number) => `"…${text.slice(Math.max(0, index - 40), index + 40).replace(/\s+/g, ' ').trim()}…"`;

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
  const report = new DraftReport();

  const sectionLines = findCookieSection(policyText);
  const reading = readCookieSection(sectionStatements(sectionLines ?? []));
  if (!sectionLines) {
    report.note('No section about cookies found: drafted a config with strictly necessary cookies only. If the site sets other cookies, describe them in the policy and add their categories.');
  }
  const outside = linesOf(policyText)
    .filter((line) => !sectionLines?.includes(line))
    .join('\n');
  const advertising = ADVERTISING.exec(outside);
  if (!reading.found.has('advertising') && !reading.ruledOut.has('advertising') && advertising) {
    report.note(`The policy mentions advertising outside a cookie section (${quote(outside, advertising.index)}); if that advertising uses cookies on the site, add the "advertising" category.`);
  }
  const providerName = draftProviderName(policyText, report);

  // Categories: what the section describes, what its named cookies and services belong to, less
  // what it rules out. A cookie the policy names keeps its category even against a ruling-out.
  const optionalFound = draftCategories(reading, report);
  const { cookies, hosts } = draftCookies(reading, providerName, optionalFound, report);
  cookies.push(...exampleCookies(reading, optionalFound, cookies, providerName, report));
  if (sectionLines && !optionalFound.size) {
    report.note('The cookie section gives no purpose beyond the site working: drafted strictly necessary cookies only.');
  }

  const categories = ['necessary', ...OPTIONAL_CATEGORIES.filter((id) => optionalFound.has(id))];
  const config: DraftConfig = {
    $schema: SCHEMA_PATH,
    revision: 1,
    provider: draftProvider(policyText, sectionLines, providerName, report),
    consent: { days: CONSENT_DAYS },
    categories,
    cookies,
    ...(Object.keys(hosts).length ? { hosts: Object.fromEntries(Object.entries(hosts).map(([id, set]) => [id, [...set]])) } : {}),
    texts: { 'en-GB': draftTexts(categories, reading, cookies) },
  };
  reading.undecided.forEach((note) => report.note(note));
  return { ok: true, config, decisions: report.decisions, notes: report.notes };
}
