// vanilla-cookieconsent 3 set up as its docs show ("Download & Import"): this module imports the
// UMD build and calls CookieConsent.run() with the same four categories and twelve cookies as
// bench/pages/config.json.
import '/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js';

const table = (rows) => ({
  headers: { name: 'Cookie', domain: 'Set by', expiration: 'Lasts', description: 'Purpose' },
  body: rows.map(([name, domain, expiration, description]) => ({ name, domain, expiration, description })),
});

CookieConsent.run({
  // Headless Chromium reports navigator.webdriver, and by default the banner is not shown to bots.
  hideFromBots: false,
  guiOptions: { consentModal: { layout: 'bar', position: 'bottom' }, preferencesModal: { layout: 'box' } },
  categories: {
    necessary: { enabled: true, readOnly: true },
    preferences: { autoClear: { cookies: [{ name: 'hlp_lang' }, { name: 'hlp_text_size' }] } },
    analytics: { autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }, { name: '_gat' }] } },
    advertising: { autoClear: { cookies: [{ name: '_fbp' }, { name: '_gcl_au' }] } },
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Cookies on Harbour Lane Physiotherapy',
          description:
            "We use some essential cookies to make this site work. We'd also like to set optional cookies to remember your settings, understand how you use the site and measure our adverts.",
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
          footer: '<a href="/cookies">Cookie policy</a>',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            { description: 'Choose which optional cookies we may set. You can change your mind at any time.' },
            {
              title: 'Strictly necessary',
              description: 'Needed for the site to work. They are always on.',
              linkedCategory: 'necessary',
              cookieTable: table([
                ['cc_cookie', 'This site', '6 months', 'Remembers your cookie choices.'],
                ['hlp_session', 'This site', 'Session', 'Keeps you signed in to the booking form.'],
              ]),
            },
            {
              title: 'Preferences',
              description: 'Remember your settings.',
              linkedCategory: 'preferences',
              cookieTable: table([
                ['hlp_lang', 'This site', '1 year', 'Remembers your language.'],
                ['hlp_text_size', 'This site', '1 year', 'Remembers your preferred text size.'],
              ]),
            },
            {
              title: 'Analytics',
              description: 'Help us understand how the site is used.',
              linkedCategory: 'analytics',
              cookieTable: table([
                ['_ga', 'Google', '2 years', 'Tells visits apart for statistics.'],
                ['_ga_*', 'Google', '2 years', 'Keeps the state of a visit for statistics.'],
                ['_gid', 'Google', '1 day', 'Tells visits apart for statistics.'],
                ['_gat', 'Google', '1 minute', 'Limits the rate of statistics requests.'],
              ]),
            },
            {
              title: 'Advertising',
              description: 'Measure and personalise our adverts.',
              linkedCategory: 'advertising',
              cookieTable: table([
                ['_fbp', 'Meta', '3 months', 'Measures the results of our adverts.'],
                ['_gcl_au', 'Google', '3 months', 'Measures the results of our adverts.'],
                ['IDE', '.doubleclick.net', '13 months', 'Shows adverts based on your visits.'],
                ['test_cookie', '.doubleclick.net', '15 minutes', 'Checks whether your browser accepts cookies.'],
              ]),
            },
            { title: 'More information', description: 'See our <a href="/cookies">cookie policy</a> or email hello@harbourlane.example.' },
          ],
        },
      },
    },
  },
});
