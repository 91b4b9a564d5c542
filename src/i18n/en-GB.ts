/**
 * Every visitor-facing string of the widget, in British English. This is the one place strings
 * live: other languages (`locales/*.ts`) translate these keys, and a config's `texts` may override
 * any of them per language. `{name}` placeholders are filled in by `format`. Plural forms are keyed
 * by Intl.PluralRules category (`year_one`, `year_other`; Welsh also uses zero/two/few/many).
 */
export const enGB = {
  title: 'Cookies on this site',
  description: 'We use cookies that the site needs to work.',
  /** Added to `description` for the config's optional categories, named by their titles. */
  optionalCookies: 'With your consent, we would also like to use cookies for: {categories}.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  manage: 'Manage preferences',
  more: 'More',
  less: 'Less',
  save: 'Save choices',
  close: 'Close',
  preferencesTitle: 'Cookie preferences',
  preferencesDescription:
    'Choose which cookies we may use. Strictly necessary cookies are always on because the site cannot work without them. You can change your mind at any time with the Cookie settings link.',
  privacyPolicy: 'Privacy policy',
  cookiePolicy: 'Cookie policy',
  settings: 'Cookie settings',
  alwaysOn: 'Always on',
  saved: 'Your cookie choices have been saved.',
  on: 'On',
  off: 'Off',
  cookiesIn: 'Cookies used for {category}',
  name: 'Name',
  provider: 'Provider',
  purpose: 'Purpose',
  duration: 'Duration',
  kind: 'Type',
  noCookies: 'No cookies are declared for this category.',
  example: 'Example',
  consentCookiePurpose: 'Remembers your cookie choices.',
  consentId: 'Your consent ID (quote it to ask about your choices): {id}',
  kindSession: 'Session',
  kindPersistent: 'Persistent',
  kindThirdPartyAdvertising: 'Third-party advertising',
  untilClose: 'Until you close your browser',
  usesSession: 'We use session cookies.',
  usesPersistent: 'We use persistent cookies.',
  usesSessionAndPersistent: 'We use session and persistent cookies.',
  usesThirdPartyAdvertising: 'With your consent, advertising partners set third-party cookies.',
  gpcHonoured: 'Your browser sent a privacy signal (Global Privacy Control), so advertising cookies are off.',
  contact: 'Contact us',
  blockedTitle: 'Content from {provider} is blocked',
  blockedText: 'It needs your consent to {category} cookies.',
  blockedAllow: 'Allow {category} cookies',
  services: 'Services',
  year_one: '{n} year',
  year_other: '{n} years',
  month_one: '{n} month',
  month_other: '{n} months',
  week_one: '{n} week',
  week_other: '{n} weeks',
  day_one: '{n} day',
  day_other: '{n} days',
  hour_one: '{n} hour',
  hour_other: '{n} hours',
  minute_one: '{n} minute',
  minute_other: '{n} minutes',
  second_one: '{n} second',
  second_other: '{n} seconds',
  'necessary.title': 'Strictly necessary',
  'necessary.description':
    'Needed for the site to work: security, remembering your cookie choices and keeping you signed in. They cannot be switched off.',
  'preferences.title': 'Preferences',
  'preferences.description': 'Remember your choices, such as language or region, and recognise you when you return.',
  'analytics.title': 'Analytics',
  'analytics.description': 'Count visits and see how the site is used, so we can improve it.',
  'advertising.title': 'Advertising',
  'advertising.description':
    'Set by advertising partners to show relevant adverts and measure how many people respond to them, on this site and others.',
};

/** A string key; `<category>.title` and `<category>.description` exist for custom categories too. */
export type StringKey = keyof typeof enGB;
export type Strings = Record<string, string>;
