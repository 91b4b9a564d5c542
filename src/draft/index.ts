/**
 * The drafter's public face, bundled as dist-cli/draft.js: `npx cookie-consent draft` and the
 * configurator page draft with `draftConfig` and check the result with the widget's own parser.
 */
export { formatConfigErrors, formatConfigWarnings, parseConfig } from '../core/config/parse-config.js';
export { draftConfig } from './draft-config.js';
export { PLACEHOLDER_NAME, PLACEHOLDER_POLICY_URL } from './draft-provider.js';
export type { DraftConfig, DraftCookie, DraftDecision, DraftResult } from './draft-result.js';
export { findAddress, findEmail, findPhones, findProviderName, findUrls } from './find-contact-details.js';
export { findCookieSection } from './find-cookie-section.js';
export { KNOWN_SERVICES } from './known-services.js';
export { rejectInput } from './reject-input.js';
