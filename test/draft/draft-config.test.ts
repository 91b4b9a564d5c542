import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { parseDuration } from '../../src/core/duration.js';
import {
  draftConfig,
  findAddress,
  findCookieSection,
  findEmail,
  findPhones,
  findProviderName,
  findUrls,
  PLACEHOLDER_NAME,
  PLACEHOLDER_POLICY_URL,
  rejectInput,
  type DraftConfig,
  type DraftResult,
} from '../../src/draft/draft-config.js';
import { KNOWN_SERVICES } from '../../src/draft/known-services.js';
import { readCookieSection, readDuration, statementsOf } from '../../src/draft/read-cookie-section.js';

const text = async (path: string) => (await fetch(path)).text();

/** The draft of a seed policy (`seeds/<name>/policy.txt`) or one of ours (`test/draft/policies/<name>.txt`). */
async function draft(name: string) {
  const policy = await text(name.includes('/') ? name : `/seeds/${name}/policy.txt`);
  const result = draftConfig(policy);
  if (!result.ok) throw new Error(result.error);
  return { policy, ...result, notes: result.notes.join('\n') };
}
const ours = (name: string) => draft(`/test/draft/policies/${name}.txt`);

/** Each cookie as [name or pattern, category, lifetime, domain, "example" or ""]: what a test checks field by field. */
const rows = (config: DraftConfig) =>
  config.cookies.map((cookie) => [cookie.name ?? cookie.pattern, cookie.category, cookie.lifetime, cookie.domain ?? '', cookie.example ? 'example' : '']);

describe('draftConfig', () => {
  describe('text that is no privacy policy', () => {
    const CASES: Array<[string, string, RegExp]> = [
      ['an empty file', '', /empty/],
      ['white space', '  \n\n\t', /empty/],
      ['a binary file', `\u007fELF\u0002\u0001\u0001\u0000\u0000${'\u0000'.repeat(40)}GNU bug reports: bug-coreutils@gnu.org`, /binary/],
      ['JSON cut short', '{\n  "$schema": "../../schema/cookie-consent.schema.json",\n  "revision": 1,\n  "provider": {\n    "name": "Call Fl', /broken JSON/],
      ['a whole JSON config', '{ "revision": 1, "cookies": [] }', /this is JSON/],
      ['prose about something else', 'Shopping list: eggs, milk, flour and two lemons for the cake on Saturday.', /no privacy-policy text/],
    ];
    for (const [what, input, message] of CASES) {
      it(`refuses ${what} with a clear message`, () => {
        const result = draftConfig(input) as Extract<DraftResult, { ok: false }>;
        expect(result.ok).to.equal(false);
        expect(result.error).to.match(message);
        expect(rejectInput(input)).to.equal(result.error);
      });
    }

    it('drafts from text that speaks of privacy but not of cookies, saying it found no cookie section', () => {
      const result = draftConfig('Privacy notice. We keep your personal data safe.');
      expect(result.ok).to.equal(true);
      if (result.ok) expect(result.notes[0]).to.match(/^No section about cookies found/);
    });
  });

  describe('every policy', () => {
    const ALL = ['clear-picture', 'call-flow', 'cloud-phone', 'claranet-soho', 'cmm-telecoms', ...['cookie-table', 'prose-only', 'no-advertising', 'session-only', 'welsh-english', 'services-named'].map((name) => `/test/draft/policies/${name}.txt`)];
    for (const name of ALL) {
      it(`drafts a config for ${name} that passes the validator, with the consent cookie first`, async () => {
        const { config } = await draft(name);
        const { errors, warnings } = parseConfig(config);
        expect([...errors, ...warnings]).to.deep.equal([]);
        expect(config.cookies[0]).to.include({ name: 'cookie_consent', category: 'necessary', lifetime: 'P182D' });
      });

      it(`marks only cookies the policy does not name as examples, for ${name}`, async () => {
        const { config, policy, notes } = await draft(name);
        for (const cookie of config.cookies.slice(1)) {
          if (cookie.example) {
            expect(cookie.purpose, cookie.name).to.match(/^Example: replace with /);
            // An example stands for a cookie the policy describes without naming it.
            expect(cookie.name !== undefined && policy.includes(cookie.name), `${cookie.name} is named in the policy, yet drafted as an example`).to.equal(false);
          } else {
            // A declared cookie is one the policy names, or one of a service it names.
            const named = cookie.name ? policy.includes(cookie.name) : false;
            const ofNamedService = KNOWN_SERVICES.some((service) => policy.includes(service.name) && service.cookies.some((known) => known.name === cookie.name || known.pattern === cookie.pattern));
            expect(named || ofNamedService || cookie.pattern !== undefined, `${cookie.name ?? cookie.pattern} is neither named in the policy nor a cookie of a service it names`).to.equal(true);
          }
        }
        if (config.cookies.some((cookie) => cookie.example)) expect(notes).to.include('"example": true');
      });

      it(`says nothing in its texts that ${name} does not say`, async () => {
        const { config, policy } = await draft(name);
        const texts = Object.values(config.texts['en-GB']).join(' ');
        if (!/anonymous/i.test(policy)) expect(texts).to.not.match(/anonymous/i);
        for (const id of ['preferences', 'analytics', 'advertising']) {
          if (!config.categories.includes(id)) expect(config.texts['en-GB']).to.not.have.property(`${id}.description`);
          if (!config.categories.includes(id)) expect(config.texts['en-GB'].description).to.not.include(id);
        }
      });
    }
  });

  describe('the seed policies', () => {
    it('Clear Picture: cookies that recognise a return visit, in the policy’s words, as an example', async () => {
      const { config } = await draft('clear-picture');
      expect(config.categories).to.deep.equal(['necessary', 'preferences']);
      expect(rows(config)).to.deep.equal([
        ['cookie_consent', 'necessary', 'P182D', '', ''],
        ['example_preferences', 'preferences', 'P1Y', '', 'example'],
      ]);
      expect(config.texts['en-GB']['preferences.description']).to.include('identify that you’ve visited websites before');
      expect(config.hosts).to.equal(undefined);
    });

    it('Call Flow: keeps to the cookie section and points out the banner advertising elsewhere', async () => {
      const { config, notes } = await draft('call-flow');
      expect(config.categories).to.deep.equal(['necessary', 'preferences']);
      expect(notes).to.include('online banner advertising').and.include('"advertising" category');
    });

    it('the cloud phone provider: traffic measurement and options tailored to the last visit, both examples', async () => {
      const { config } = await draft('cloud-phone');
      expect(config.categories).to.deep.equal(['necessary', 'preferences', 'analytics']);
      expect(rows(config).slice(1)).to.deep.equal([
        ['example_preferences', 'preferences', 'P1Y', '', 'example'],
        ['_ga', 'analytics', 'P2Y', '', 'example'],
      ]);
      expect(config.texts['en-GB']['analytics.description']).to.include('monitor site user traffic patterns and site usage');
    });

    it('Claranet SOHO: a log-on session, preferences, audience measurement and a third party’s adverts, none named', async () => {
      const { config, decisions } = await draft('claranet-soho');
      expect(config.categories).to.deep.equal(['necessary', 'preferences', 'analytics', 'advertising']);
      expect(rows(config).slice(1)).to.deep.equal([
        ['PHPSESSID', 'necessary', 'session', '', 'example'],
        ['example_preferences', 'preferences', 'P1Y', '', 'example'],
        ['_ga', 'analytics', 'P2Y', '', 'example'],
        ['IDE', 'advertising', 'P13M', 'doubleclick.net', 'example'],
      ]);
      // The policy names no ad server, so the draft holds back no hosts it would have to guess.
      expect(config.hosts).to.equal(undefined);
      expect(config.texts['en-GB']['advertising.description']).to.include('We may use a third party to serve advertisements on our site.');
      expect(decisions.find((entry) => entry.decision.startsWith('category "advertising"'))?.source).to.equal('We may use a third party to serve advertisements on our site.');
    });

    it('Claranet SOHO: leaves out the sales and support numbers and says why, and reports the missing policy address', async () => {
      const { config, notes } = await draft('claranet-soho');
      expect(config.provider).to.deep.include({ name: 'Claranet Limited', policyUrl: PLACEHOLDER_POLICY_URL });
      expect(config.provider.contact).to.deep.equal({ email: 'privacy@uk.clara.net', address: 'Claranet Limited, 21 Southampton Row, London WC1B 5HA' });
      expect(notes).to.include('0800 640 8009').and.include('not for privacy questions').and.include('https://www.claranetsoho.co.uk/');
    });

    it('the cloud phone provider: names no company, since the policy names none, and says so', async () => {
      const { config, notes } = await draft('cloud-phone');
      expect(config.provider.name).to.equal(PLACEHOLDER_NAME);
      expect(notes).to.include('No company name found');
      expect(config.provider.contact).to.equal(undefined);
    });

    it('CMM Telecoms: no cookie section, so strictly necessary cookies only, and says so', async () => {
      const { policy, config, notes } = await draft('cmm-telecoms');
      expect(findCookieSection(policy)).to.equal(null);
      expect(config.categories).to.deep.equal(['necessary']);
      expect(rows(config)).to.deep.equal([['cookie_consent', 'necessary', 'P182D', '', '']]);
      expect(config.texts['en-GB'].description).to.equal('We only use cookies that our website needs to work.');
      expect(notes).to.match(/^No section about cookies found/).and.include('pop ups');
    });
  });

  describe('policies in other styles', () => {
    it('a table of named cookies under category headings: each row as the policy gives it', async () => {
      const { config } = await ours('cookie-table');
      expect(config.categories).to.deep.equal(['necessary', 'preferences', 'analytics', 'advertising']);
      expect(rows(config)).to.deep.equal([
        ['cookie_consent', 'necessary', 'P182D', '', ''],
        ['HB_SESSION', 'necessary', 'session', '', ''],
        ['hb_csrf', 'necessary', 'session', '', ''],
        ['hb_region', 'preferences', 'P1Y', '', ''],
        ['_ga', 'analytics', 'P2Y', '', ''],
        ['_gid', 'analytics', 'PT24H', '', ''],
        ['IDE', 'advertising', 'P13M', 'doubleclick.net', ''],
      ]);
      expect(config.cookies.find((cookie) => cookie.name === 'IDE')).to.include({ provider: 'Google (DoubleClick)', purpose: 'Shows our adverts on other sites and counts responses' });
      expect(config.hosts?.advertising).to.include('*.doubleclick.net');
      expect(config.hosts?.analytics).to.deep.equal(['*.google-analytics.com', '*.googletagmanager.com']);
      expect(config.provider).to.deep.include({ name: 'Harbour Broadband Ltd' });
      expect(config.provider.contact).to.deep.equal({
        email: 'dataprotection@harbourbroadband.co.uk',
        address: 'The Data Protection Officer, Harbour Broadband Ltd, Unit 4, Quay Business Park, Falmouth, TR11 4SN',
      });
    });

    it('prose only: names, lifetimes and the third-party domain read from sentences, and synonyms understood', async () => {
      const { config, decisions } = await ours('prose-only');
      expect(config.categories).to.deep.equal(['necessary', 'preferences', 'analytics', 'advertising']);
      expect(rows(config)).to.deep.equal([
        ['cookie_consent', 'necessary', 'P182D', '', ''],
        ['NFSESSION', 'necessary', 'session', '', ''],
        ['_ga', 'analytics', 'P2Y', '', ''],
        ['IDE', 'advertising', 'P13M', 'doubleclick.net', ''],
        ['example_preferences', 'preferences', 'P1Y', '', 'example'],
      ]);
      expect(config.hosts?.advertising).to.include('*.doubleclick.net');
      expect(config.texts['en-GB']['preferences.description']).to.equal('We also remember your settings, so that we won’t show you notices you have already read.'.replace('’', "'"));
      expect(config.texts['en-GB']['advertising.description']).to.include('sets a third-party cookie named IDE on doubleclick.net for 13 months');
      expect(decisions.find((entry) => entry.decision.startsWith('cookie IDE'))?.source).to.include("Google's DoubleClick");
      expect(config.provider.contact).to.deep.equal({ email: 'privacy@penrosetelecom.co.uk', phone: '01872 550192' });
    });

    it('a policy that rules advertising out: no advertising, and the named analytics service\'s hosts from the built-in list', async () => {
      const { config, decisions, notes } = await ours('no-advertising');
      expect(config.categories).to.deep.equal(['necessary', 'analytics']);
      expect(config.hosts).to.deep.equal({ analytics: ['*.clarity.ms'] });
      const ruledOut = decisions.find((entry) => entry.decision === 'no "advertising" category: the policy rules it out');
      expect(ruledOut?.source).to.include('We do not use third-party advertising cookies');
      expect(decisions.some((entry) => entry.source === 'https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list')).to.equal(true);
      // Clarity's cookie list gives no lifetimes, so the draft asks for its cookies instead of guessing them.
      expect(rows(config).some(([name]) => name.startsWith('_cl'))).to.equal(false);
      expect(notes).to.include('names Microsoft Clarity');
      expect(notes).to.include('add the cookies it sets, with their lifetimes (https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list)');
    });

    it('only session cookies: both named ones, and every optional category ruled out', async () => {
      const { config, decisions } = await ours('session-only');
      expect(config.categories).to.deep.equal(['necessary']);
      expect(rows(config)).to.deep.equal([
        ['cookie_consent', 'necessary', 'P182D', '', ''],
        ['ASP.NET_SessionId', 'necessary', 'session', '', ''],
        ['__RequestVerificationToken', 'necessary', 'session', '', ''],
      ]);
      expect(decisions.filter((entry) => entry.decision.endsWith('the policy rules it out')).map((entry) => entry.decision)).to.have.length(3);
      expect(config.provider.name).to.equal('Kestrel & Partners Accountants LLP');
    });

    it('services named without their cookies: the cookies, lifetimes and hosts from the built-in list, and a note for those it has no cookies for', async () => {
      const { config, decisions, notes } = await ours('services-named');
      expect(config.categories).to.deep.equal(['necessary', 'preferences', 'analytics', 'advertising']);
      expect(rows(config).slice(1)).to.deep.equal([
        ['^_hjSessionUser_', 'analytics', 'P1Y', '', ''],
        ['^_hjSession_', 'analytics', 'PT30M', '', ''],
        ['__hstc', 'analytics', 'P6M', '', ''],
        ['hubspotutk', 'analytics', 'P6M', '', ''],
        ['__hssc', 'analytics', 'PT30M', '', ''],
        ['__hssrc', 'analytics', 'session', '', ''],
        ['^intercom-id-', 'preferences', 'P9M', '', ''],
        ['^intercom-session-', 'preferences', 'P1W', '', ''],
        ['^intercom-device-id-', 'preferences', 'P9M', '', ''],
        ['_gcl_au', 'advertising', 'P3M', '', 'example'],
      ]);
      expect(config.hosts).to.deep.equal({
        analytics: ['*.hotjar.com', '*.hotjar.io', 'js.hs-scripts.com', 'js.hs-analytics.net', 'js.hs-banner.com'],
        advertising: ['connect.facebook.net', 'www.facebook.com', 'snap.licdn.com', 'px.ads.linkedin.com'],
        preferences: ['widget.intercom.io', 'js.intercomcdn.com', '*.intercom.io'],
      });
      expect(config.texts['en-GB']['preferences.description']).to.equal('Our live chat is provided by Intercom, which remembers your conversation so you can carry on where you left off.');
      const hotjar = decisions.find((entry) => entry.decision.startsWith('cookies of Hotjar'));
      expect(hotjar?.source).to.equal('https://help.hotjar.com/hc/en-us/articles/6952777582999-Cookies-Set-by-the-Hotjar-Tracking-Code');
      expect(hotjar?.decision).to.include('Hotjar records how visitors move around our coverage pages');
      expect(notes).to.include('names Meta Pixel');
      expect(notes).to.include('names LinkedIn Insight Tag');
      expect(decisions.some((entry) => entry.decision.startsWith('cookies of Meta Pixel'))).to.equal(false);
    });

    it('a site-specific name of a known service: only the cookie the policy names, no others from the built-in list', () => {
      const result = draftConfig('Cookies\nOur live chat is provided by Intercom. It sets intercom-id-* to remember you for 9 months.\nOur support widget sets acme-visitor-* for 30 days.') as Extract<DraftResult, { ok: true }>;
      expect(rows(result.config).slice(1)).to.deep.equal([
        ['^intercom-id-', 'preferences', 'P9M', '', ''],
        ['^acme-visitor-', 'preferences', 'P30D', '', ''],
      ]);
      expect(parseConfig(result.config).errors).to.deep.equal([]);
      expect(result.notes.join('\n')).not.to.include('names Intercom');
      expect(result.decisions.some((entry) => entry.decision.startsWith('cookies of Intercom'))).to.equal(false);
    });

    it('a service named without its cookies: the built-in ones, and a note that says so', () => {
      const result = draftConfig('Cookies\nOur live chat is provided by Intercom, which remembers your conversation.') as Extract<DraftResult, { ok: true }>;
      expect(rows(result.config).slice(1).map((row) => row[0])).to.deep.equal(['^intercom-id-', '^intercom-session-', '^intercom-device-id-']);
      expect(result.notes.join('\n')).to.include('The policy names Intercom ("Our live chat is provided by Intercom, which remembers your conversation.") but none of its cookies: declared intercom-id-<app-id>, intercom-session-<app-id>, intercom-device-id-<app-id> from the built-in list of services');
    });

    it('a lifetime in the sentence after the one naming the cookie', () => {
      const result = draftConfig('Cookies\nOur advertising partner sets a cookie called IDE on doubleclick.net to show you adverts.\nIt lasts 13 months.') as Extract<DraftResult, { ok: true }>;
      expect(rows(result.config).slice(1)).to.deep.equal([['IDE', 'advertising', 'P13M', 'doubleclick.net', '']]);
      expect(result.notes.join('\n')).not.to.include('no lifetime for IDE');
      expect(result.decisions.find((entry) => entry.decision.startsWith('cookie IDE'))?.source).to.include('It lasts 13 months.');
    });

    it('Welsh-English headings: the sections under "Cwcis / Cookies", a pattern for a site-specific name, YouTube from the built-in list', async () => {
      const { config } = await ours('welsh-english');
      expect(config.categories).to.deep.equal(['necessary', 'analytics', 'advertising']);
      expect(rows(config)).to.deep.equal([
        ['cookie_consent', 'necessary', 'P182D', '', ''],
        ['ATC_SESSION', 'necessary', 'session', '', ''],
        ['_ga', 'analytics', 'P2Y', '', ''],
        ['^_ga_', 'analytics', 'P2Y', '', ''],
        ['YSC', 'advertising', 'session', 'youtube.com', ''],
        ['VISITOR_INFO1_LIVE', 'advertising', 'P6M', 'youtube.com', ''],
      ]);
      expect(config.hosts).to.deep.equal({ analytics: ['*.google-analytics.com', '*.googletagmanager.com'], advertising: ['www.youtube.com', 'www.youtube-nocookie.com'] });
      expect(config.provider.name).to.equal('Aberwen Town Council');
    });
  });
});

describe('reading a cookie section', () => {
  const read = (text: string) => readCookieSection(statementsOf(text.split('\n').map((line) => ({ text: line }))));
  const CATEGORIES: Array<[string, string[], string[]]> = [
    ['We use cookies to measure the number of visits and the most popular pages.', ['analytics'], []],
    ['Cookies remember your settings.', ['preferences'], []],
    ["A cookie means we won't show you notices you have already read.", ['preferences'], []],
    ['You need a cookie to log in and create an account.', ['necessary'], []],
    ['We do not use third-party advertising cookies.', [], ['advertising']],
    ['We do not use third-party advertisements.', [], ['advertising']],
    ['Cookies help us see how visitors use the site; we do not use them for advertising.', ['analytics'], ['advertising']],
    ['We do not use any cookies other than those needed for the site to work.', ['necessary'], ['preferences', 'analytics', 'advertising']],
    ['We set no cookies except for analytics cookies that count visits.', ['analytics'], ['preferences', 'advertising']],
    ['You can refuse advertising cookies in your browser settings.', [], []],
  ];
  for (const [sentence, found, ruledOut] of CATEGORIES) {
    it(`reads ${JSON.stringify(sentence)}`, () => {
      const reading = read(sentence);
      expect([...reading.found.keys()].sort(), 'found').to.deep.equal([...found].sort());
      expect([...reading.ruledOut.keys()].sort(), 'ruled out').to.deep.equal([...ruledOut].sort());
    });
  }

  const DURATIONS: Array<[string, string | undefined]> = [
    ['lasts 2 years', 'P2Y'],
    ['for 13 months', 'P13M'],
    ['a session cookie', 'session'],
    ['until you close your browser', 'session'],
    ['expires after 24 hours', 'PT24H'],
    ['one year', 'P1Y'],
    ['30 minutes', 'PT30M'],
    ['ninety days', 'P90D'],
    ['kept for a while', undefined],
  ];
  for (const [phrase, lifetime] of DURATIONS) {
    it(`reads the lifetime in ${JSON.stringify(phrase)}`, () => expect(readDuration(phrase)).to.equal(lifetime));
  }

  it('gives each cookie the lifetime and domain written after its name', () => {
    const { cookies } = read('We set _ga (2 years) for analytics, and our ad partner sets a cookie named IDE on doubleclick.net for 13 months.');
    expect(cookies.map((cookie) => [cookie.name, cookie.lifetime, cookie.domain])).to.deep.equal([
      ['_ga', 'P2Y', undefined],
      ['IDE', 'P13M', 'doubleclick.net'],
    ]);
  });

  const LIFETIMES: Array<[string, Array<[string, string | undefined, string | undefined]>]> = [
    ['_ga lasts 2 years and _gid 24 hours.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined]]],
    ['Google Analytics sets _ga and _gid: _ga lasts 2 years and _gid 24 hours.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined]]],
    ['We set _ga and _gid; _gid lasts 24 hours and _ga 2 years.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined]]],
    ['The cookies _ga and _gid last 2 years and 24 hours respectively.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined]]],
    ['_ga and _gid last 2 years.', [['_ga', 'P2Y', undefined], ['_gid', 'P2Y', undefined]]],
    ['_ga lasts 2 years, _gid lasts 24 hours and the IDE cookie lasts 13 months.', [['_ga', 'P2Y', undefined], ['_gid', 'PT24H', undefined], ['IDE', 'P13M', undefined]]],
    ['Our advertising partner sets a cookie called IDE on doubleclick.net.\nIt lasts 13 months.', [['IDE', 'P13M', 'doubleclick.net']]],
    ['Our advertising partner sets a cookie called IDE. It lasts 13 months. It is set on doubleclick.net.', [['IDE', 'P13M', 'doubleclick.net']]],
    ['We use a cookie named SESSID to keep you logged in. This cookie is deleted when you close your browser.', [['SESSID', 'session', undefined]]],
    ['Our chat sets acme_chat and acme_seen. Both last 30 days.', [['acme_chat', 'P30D', undefined], ['acme_seen', 'P30D', undefined]]],
    // "It" speaks of one cookie: with two named before, it is not guessed at.
    ['Our chat sets acme_chat and acme_seen. It lasts 30 days.', [['acme_chat', undefined, undefined], ['acme_seen', undefined, undefined]]],
    // Only the very next statement goes on about them.
    ['We set a cookie called IDE. Adverts pay for the site. It lasts 13 months.', [['IDE', undefined, undefined]]],
    ['Intercom sets intercom-id-* for 9 months.', [['intercom-id-<app-id>', 'P9M', undefined]]],
    ['Hotjar sets _hjSession_{site_id} for 30 minutes and _hjSessionUser_* for a year.', [['_hjSession_<site-id>', 'PT30M', undefined], ['_hjSessionUser_<site-id>', 'P1Y', undefined]]],
    ['Our support widget sets acme-visitor-* and acme_seen for 30 days and 1 day.', [['acme-visitor-*', 'P30D', undefined], ['acme_seen', 'P1D', undefined]]],
    ['Analytics cookies* such as _ga last 2 years. (*See the table below.)', [['_ga', 'P2Y', undefined]]],
  ];
  for (const [text, cookies] of LIFETIMES) {
    it(`reads each cookie's lifetime and domain in ${JSON.stringify(text)}`, () => {
      expect(read(text).cookies.map((cookie) => [cookie.name, cookie.lifetime, cookie.domain])).to.deep.equal(cookies);
    });
  }

  it('gives a cookie the provider the sentence names', () => {
    const { cookies } = read('Our support chat is provided by Acme Chat Ltd and sets acme_chat_id for 30 days.');
    expect(cookies.map((cookie) => [cookie.name, cookie.provider, cookie.lifetime])).to.deep.equal([['acme_chat_id', 'Acme Chat Ltd', 'P30D']]);
  });

  it('takes no ordinary capitalised word for a cookie name', () => {
    expect(read('Under UK GDPR and PECR we ask before we set cookies. The ICO has more advice.').cookies).to.deep.equal([]);
  });
});

describe('the built-in list of services', () => {
  for (const service of KNOWN_SERVICES) {
    it(`${service.name}: a public source, and cookies with valid lifetimes`, () => {
      expect(service.source).to.match(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(service.aliases).to.not.be.empty;
      expect(service.hosts).to.not.be.empty;
      for (const cookie of service.cookies) {
        expect(cookie.lifetime === 'session' || parseDuration(cookie.lifetime) !== null, cookie.label).to.equal(true);
        expect(Boolean(cookie.name) !== Boolean(cookie.pattern), cookie.label).to.equal(true);
      }
    });
  }
});

describe('policy readers', () => {
  const NAMES: Array<[string, string | undefined]> = [
    ['Acme Widgets Ltd ("we") respect your privacy.', 'Acme Widgets Ltd'],
    ['If Acme Limited is sold… Acme Limited keeps your data.', 'Acme Limited'],
    ['Register as a Blue Sky customer.\nWrite to Blue Sky Telecom, 1 High Street.', 'Blue Sky Telecom'],
    ['This notice applies to data processed by or on behalf of Red Phone Co.', 'Red Phone Co'],
    ['We respect your privacy. The Police may ask for data.', undefined],
  ];
  for (const [text, name] of NAMES) {
    it(`reads the provider name from ${JSON.stringify(text)}`, () => expect(findProviderName(text)).to.equal(name));
  }

  const ADDRESSES: Array<[string, string | undefined]> = [
    ['Please write to Acme Ltd, 1 High Street, Leeds, LS1 4AP.', 'Acme Ltd, 1 High Street, Leeds, LS1 4AP'],
    ['Send it to: Data Team, 2 Bridge Rd, Newcastle upon Tyne NE1 1AA', 'Data Team, 2 Bridge Rd, Newcastle upon Tyne NE1 1AA'],
    ['Our office is at 3 Quay Street, Isle of Wight PO301AA.', '3 Quay Street, Isle of Wight PO30 1AA'],
    ['The controller is Acme of 9 Elm Row, London EC1A 1BB. Write to us at Acme, 9 Elm Row, London EC1A 1BB.', 'Acme, 9 Elm Row, London EC1A 1BB'],
    ['Our code is AB1 2CD.', undefined],
  ];
  for (const [text, address] of ADDRESSES) {
    it(`reads the postal address from ${JSON.stringify(text)}`, () => expect(findAddress(text)).to.equal(address));
  }

  it('reads UK phone numbers and whether they are offered for privacy questions', () => {
    const text = 'Sales: 0800 640 8009.\nTo withdraw consent, contact us on\n+44 (0)20 7946 0000\nFax 12345 678.';
    expect(findPhones(text)).to.deep.equal([
      { phone: '0800 640 8009', forContact: false },
      { phone: '+44 (0)20 7946 0000', forContact: true },
    ]);
  });

  it('prefers a privacy mailbox to any other email address', () => {
    expect(findEmail('Sales: sales@example.co.uk. Privacy: dpo@example.co.uk.')).to.equal('dpo@example.co.uk');
    expect(findEmail('Write to help@example.co.uk.')).to.equal('help@example.co.uk');
    expect(findEmail('No address here')).to.equal(undefined);
  });

  it('reads web addresses without trailing punctuation, with www. addresses made absolute', () => {
    expect(findUrls('See www.example.co.uk. Or https://example.co.uk/cookies, or www.aboutcookies.org.')).to.deep.equal([
      'https://www.example.co.uk/',
      'https://example.co.uk/cookies',
    ]);
  });

  it('keeps a list the cookie section introduces, and leaves out unrelated lines', () => {
    const text = 'Intro\nCookies\nThey enable us:\n• To count visits.\n• To remember you.\nNext heading\nUnrelated text.';
    expect(findCookieSection(text)).to.deep.equal(['Cookies', 'They enable us:', '• To count visits.', '• To remember you.']);
  });
});
