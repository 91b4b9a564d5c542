/**
 * The config's provider block: the company's name, the policy's addresses and the contact details,
 * with placeholders and a note for each the policy does not give.
 */
import type { DraftConfig } from './draft-result.js';
import type { DraftReport } from './draft-report.js';
import { findAddress, findEmail, findPhones, findProviderName, findUrls } from './find-contact-details.js';

export const PLACEHOLDER_NAME = 'Your company name';
export const PLACEHOLDER_POLICY_URL = '/privacy-policy';

/** The provider's name, or the placeholder and a note that says so. */
export function draftProviderName(policyText: string, report: DraftReport): string {
  const name = findProviderName(policyText);
  if (!name) report.note(`No company name found: provider.name is a placeholder ("${PLACEHOLDER_NAME}").`);
  return name ?? PLACEHOLDER_NAME;
}

/** The provider block: name, policy addresses and contact details, noting what is missing. */
export function draftProvider(policyText: string, sectionLines: string[] | null, providerName: string, report: DraftReport): DraftConfig['provider'] {
  const urls = findUrls(policyText);
  const cookiePolicyUrl = findUrls(sectionLines?.join('\n') ?? '')[0] ?? urls.find((url) => /cookie/i.test(new URL(url).pathname));
  const policyUrl = urls.find((url) => /privacy|policy|data-protection|gdpr/i.test(new URL(url).pathname));
  if (!policyUrl) {
    const site = urls.find((url) => new URL(url).pathname === '/');
    report.note(`No address for the privacy policy found${site ? ` (the policy names the website ${site})` : ''}: provider.policyUrl is a placeholder ("${PLACEHOLDER_POLICY_URL}").`);
  }
  if (!cookiePolicyUrl) report.note('No cookie-policy address found: provider.cookiePolicyUrl left out.');
  const email = findEmail(policyText);
  const address = findAddress(policyText);
  const phones = findPhones(policyText);
  const phone = phones.find((candidate) => candidate.forContact)?.phone;
  if (!email) report.note('No email address found for provider.contact.email.');
  if (!address) report.note('No UK postal address found for provider.contact.address.');
  if (!phone) {
    report.note(
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
