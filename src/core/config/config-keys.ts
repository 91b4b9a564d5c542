import { CONSENT_COOKIE_NAME, CONSENT_DAYS } from '../defaults.js';

/**
 * One rule of the config's schema: what the reader checks a value against and the default it fills.
 * The fields are JSON Schema's own, so test/core/config-keys.test.ts compares each rule with
 * schema/cookie-consent.schema.json and fails when the two differ.
 */
export interface KeyRule {
  type?: 'string' | 'integer' | 'boolean' | 'array';
  /** As JSON Schema's `pattern` (an ECMAScript expression without flags), compiled. */
  pattern?: RegExp;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

/** A non-empty text. */
export const TEXT: KeyRule = { type: 'string', pattern: /\S/ };
/** A lower-case id, of a category or a service. */
export const ID = { type: 'string', pattern: /^[a-z][a-z0-9_-]*$/ } as const;
export const BOOLEAN: KeyRule = { type: 'boolean' };
/** An absolute http(s) URL, or a path or fragment on the same site. */
export const URL_OR_PATH = { type: 'string', pattern: /^(?:[hH][tT][tT][pP][sS]?:\/\/[^\s/]|\.{0,2}\/\S*$|#[\w-]+$)/ } as const;
export const EMAIL = { type: 'string', pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ } as const;
/** A cookie name: RFC 6265's token characters. */
export const COOKIE_NAME = { type: 'string', pattern: /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/ } as const;
export const COOKIE_DOMAIN = { type: 'string', pattern: /^\.?[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/ } as const;
export const COOKIE_PATH = { type: 'string', pattern: /^\// } as const;
/** A regular expression's source; the reader also compiles it. */
export const REGEX: KeyRule = { type: 'string', pattern: /\S/ };
/** The reader checks a lifetime with parseDuration, which also gives the dialog its length. */
export const LIFETIME: KeyRule = { type: 'string', pattern: /^(?:session|P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?!$)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$/ };
export const HOST = { type: 'string', pattern: /^(\*\.)?[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/ } as const;
export const LANGUAGE_TAG = { pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/ } as const;
export const REVISION = { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 } as const;
export const CONSENT_COOKIE = { ...COOKIE_NAME, default: CONSENT_COOKIE_NAME } as const;
// 13 months is the longest a consent is commonly held to stay valid; the default is six months.
export const CONSENT_DAYS_RULE = { type: 'integer', minimum: 1, maximum: 395, default: CONSENT_DAYS } as const;
export const RELOAD_ON_WITHDRAW = { type: 'boolean', default: true } as const;
export const CATEGORIES = { type: 'array', default: ['necessary', 'preferences', 'analytics', 'advertising'] } as const;
export const STORAGE_AREA = { enum: ['local', 'session'], default: 'local' } as const;
export const LAYOUT = { enum: ['bar', 'box', 'center'], default: 'bar' } as const;
export const THEME = { enum: ['auto', 'light', 'dark'], default: 'auto' } as const;
export const FLOATING_BUTTON = { type: 'boolean', default: true } as const;
export const CONSENT_MODE = { type: 'boolean', default: false } as const;
export const CONSENT_MODE_TYPES = {
  enum: ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'],
} as const;

/**
 * Every value a config can hold, by its path in the schema: `[]` is an item of an array, `.*` the
 * value of any key and `{}` the key itself. The texts of each language are the widget's own string
 * keys (`i18n/en-GB.ts`), checked apart. The reader imports the rules one by one, so a build keeps
 * only those it checks with.
 */
export const CONFIG_KEYS: Record<string, KeyRule> = {
  $schema: TEXT,
  revision: REVISION,
  'provider.name': TEXT,
  'provider.policyUrl': URL_OR_PATH,
  'provider.cookiePolicyUrl': URL_OR_PATH,
  'provider.contact.email': EMAIL,
  'provider.contact.phone': TEXT,
  'provider.contact.address': TEXT,
  'consent.cookieName': CONSENT_COOKIE,
  'consent.days': CONSENT_DAYS_RULE,
  'consent.domain': COOKIE_DOMAIN,
  'consent.reloadOnWithdraw': RELOAD_ON_WITHDRAW,
  categories: CATEGORIES,
  'categories[]': ID,
  'categories[].id': ID,
  'categories[].required': BOOLEAN,
  'categories[].saleOrSharing': BOOLEAN,
  'categories[].services[].id': ID,
  'categories[].services[].name': TEXT,
  'categories[].services[].provider': TEXT,
  'categories[].services[].purpose': TEXT,
  'cookies[].name': COOKIE_NAME,
  'cookies[].pattern': REGEX,
  'cookies[].category': ID,
  'cookies[].service': ID,
  'cookies[].lifetime': LIFETIME,
  'cookies[].domain': COOKIE_DOMAIN,
  'cookies[].path': COOKIE_PATH,
  'cookies[].provider': TEXT,
  'cookies[].purpose': TEXT,
  'cookies[].example': BOOLEAN,
  'storage[].key': TEXT,
  'storage[].pattern': REGEX,
  'storage[].category': ID,
  'storage[].area': STORAGE_AREA,
  'hosts{}': { pattern: ID.pattern },
  'hosts.*[]': HOST,
  'texts{}': LANGUAGE_TAG,
  'ui.layout': LAYOUT,
  'ui.theme': THEME,
  'ui.floatingButton': FLOATING_BUTTON,
  googleConsentMode: CONSENT_MODE,
  'googleConsentMode.mapping{}': { pattern: ID.pattern },
  'googleConsentMode.mapping.*[]': CONSENT_MODE_TYPES,
  'consentLog.endpoint': URL_OR_PATH,
};
