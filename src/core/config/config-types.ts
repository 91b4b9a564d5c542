/**
 * The shape of a cookie-consent config: what a site writes (`RawConfig`, plain JSON)
 * and what the parser hands to the rest of the widget (`ConsentConfig`, every default filled).
 */

/** The built-in category ids. Sites may add their own (lower-case ids). */
export type BuiltInCategoryId = 'necessary' | 'preferences' | 'analytics' | 'advertising';

/** One named vendor inside a category, with its own switch in the dialog. */
export interface ServiceConfig {
  id: string;
  name: string;
  provider?: string;
  purpose?: string;
}

export interface CategoryConfig {
  id: string;
  /** Strictly necessary: always on, shown locked. Exactly one category is required: `necessary`. */
  required: boolean;
  /**
   * Under Global Privacy Control this category starts refused and is never re-granted by a
   * stored "accept all" (the advertising category always is).
   */
  saleOrSharing: boolean;
  services: ServiceConfig[];
}

/** A cookie the site declares, as its privacy policy describes it. */
export interface CookieDeclaration {
  /** Exact cookie name; one of `name` or `pattern` is present. */
  name?: string;
  /** A regular expression (source text) matched against cookie names. */
  pattern?: string;
  category: string;
  service?: string;
  /** "session" or an ISO 8601 duration such as "P2Y", "P13M", "PT30M". */
  lifetime: string;
  /** Domain the cookie is set on; absent means the site's own host. */
  domain?: string;
  path?: string;
  provider?: string;
  purpose?: string;
  /** A placeholder the site edits (shown as an example, not a fact about the site). */
  example?: boolean;
}

/** A declared localStorage / sessionStorage key, removed when its category is withdrawn. */
export interface StorageDeclaration {
  key?: string;
  pattern?: string;
  category: string;
  area: 'local' | 'session';
}

export interface ProviderConfig {
  name: string;
  policyUrl: string;
  cookiePolicyUrl?: string;
  contact?: { email?: string; phone?: string; address?: string };
}

export interface ConsentSettings {
  /** Name of the first-party cookie holding the visitor's decision. */
  cookieName: string;
  /** Lifetime of that cookie, the same for acceptance and refusal. */
  days: number;
  /** Domain for the consent cookie (to share it across subdomains); default: the current host. */
  domain?: string;
  /** Reload the page when a category is withdrawn, since code that already ran cannot be un-run. */
  reloadOnWithdraw: boolean;
}

export type Layout = 'bar' | 'box' | 'center';
export type ThemeSetting = 'auto' | 'light' | 'dark';

export interface UiSettings {
  layout: Layout;
  theme: ThemeSetting;
  /** The small "Cookie settings" button that stays on every page after a decision. */
  floatingButton: boolean;
}

export interface GoogleConsentModeSettings {
  /** Category id → Consent Mode v2 types granted with it. */
  mapping: Record<string, string[]>;
}

export interface ConsentLogSettings {
  endpoint: string;
}

/**
 * Visitor-facing strings a config overrides for one language: keys from `i18n/en-GB.ts`, plus
 * `<category>.title` / `<category>.description` for the config's own categories.
 */
export type TextOverrides = Record<string, string>;

/** A parsed, validated config with every default filled in. */
export interface ConsentConfig {
  revision: number;
  provider: ProviderConfig;
  consent: ConsentSettings;
  categories: CategoryConfig[];
  cookies: CookieDeclaration[];
  storage: StorageDeclaration[];
  /** Category id → host patterns ("*.doubleclick.net", "connect.facebook.net") held until consent. */
  hosts: Record<string, string[]>;
  /** Language tag → string overrides. */
  texts: Record<string, TextOverrides>;
  ui: UiSettings;
  googleConsentMode: GoogleConsentModeSettings | null;
  consentLog: ConsentLogSettings | null;
}

/** One problem in a config, with the JSON path where it is. */
export interface ConfigError {
  path: string;
  message: string;
}

/**
 * What `parseConfig` returns. With errors, `config` is still there: only what could be read, with
 * the defaults and the necessary category, to word the banner; never a config to release anything
 * by. Check `errors.length` before using it for anything else.
 */
export interface ParseResult {
  /** Every default filled; with errors, only what could be read (to word the banner, never to release anything). */
  config: ConsentConfig;
  errors: ConfigError[];
  /** Mistakes in cosmetic keys (`texts`, `ui`): ignored, the default used. */
  warnings: ConfigError[];
}
