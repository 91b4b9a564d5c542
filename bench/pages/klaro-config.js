// Klaro 0.7 set up as its docs show: a window.klaroConfig read by klaro.js, with the same four
// purposes and twelve cookies as bench/pages/config.json. Klaro consents to services, grouped by
// purpose; each purpose here has one service.
var klaroConfig = {
  version: 1,
  elementID: 'klaro',
  styling: { theme: ['light', 'bottom', 'wide'] },
  lang: 'en',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 182,
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  hideLearnMore: false,
  groupByPurpose: true,
  showNoticeTitle: true,
  htmlTexts: false,
  translations: {
    zz: { privacyPolicyUrl: '/privacy' },
    en: {
      consentNotice: {
        title: 'Cookies on Harbour Lane Physiotherapy',
        description:
          "We use some essential cookies to make this site work. We'd also like to set optional cookies to remember your settings, understand how you use the site and measure our adverts.",
        learnMore: 'Manage preferences',
      },
      consentModal: { title: 'Cookie preferences', description: 'Choose which optional cookies we may set. You can change your mind at any time.' },
      ok: 'Accept all',
      acceptAll: 'Accept all',
      decline: 'Reject all',
      save: 'Save preferences',
      purposes: {
        necessary: { title: 'Strictly necessary', description: 'Needed for the site to work. They are always on.' },
        preferences: { title: 'Preferences', description: 'Remember your settings.' },
        analytics: { title: 'Analytics', description: 'Help us understand how the site is used.' },
        advertising: { title: 'Advertising', description: 'Measure and personalise our adverts.' },
      },
      site: { description: 'Booking form session and your cookie choices.' },
      settings: { description: 'Language and text size.' },
      analytics: { description: 'Google Analytics visit statistics.' },
      advertising: { description: 'Meta and Google advert measurement.' },
    },
  },
  services: [
    { name: 'site', title: 'This site', purposes: ['necessary'], required: true, cookies: ['klaro', 'hlp_session'] },
    { name: 'settings', title: 'Saved settings', purposes: ['preferences'], cookies: ['hlp_lang', 'hlp_text_size'] },
    { name: 'analytics', title: 'Google Analytics', purposes: ['analytics'], cookies: [/^_ga/, '_gid', '_gat'] },
    {
      name: 'advertising',
      title: 'Meta and Google Ads',
      purposes: ['advertising'],
      cookies: ['_fbp', '_gcl_au', ['IDE', '/', '.doubleclick.net'], ['test_cookie', '/', '.doubleclick.net']],
    },
  ],
};
