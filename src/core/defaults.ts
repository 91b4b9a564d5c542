/**
 * The widget's defaults and the names of the files it loads from beside the script-tag file, in one
 * place: the config reader, the drafter, the runtime and the build (rollup.config.mjs) all read them here.
 */

/** The consent cookie's name when a config does not set `consent.cookieName`. */
export const CONSENT_COOKIE_NAME = 'cookie_consent';

/** How long a decision is kept when a config does not set `consent.days`: six months. */
export const CONSENT_DAYS = 182;

/** The interface (Lit, the dialog's content, the placeholders, the audit), loaded when needed. */
export const INTERFACE_FILE = 'cookie-consent.interface.js';

/** The consent log's sender, loaded when a config has `consentLog`. */
export const LOG_FILE = 'cookie-consent.consent-log.js';

/** The wording of config problems, loaded when a config is wrong. */
export const CONFIG_ERRORS_FILE = 'cookie-consent.config-errors.js';

/**
 * The package's version. The build writes package.json's in place of this placeholder, so the
 * number lives in one file; run from the source, the widget says it is a development copy.
 */
export const VERSION: string = '0.0.0-development';
