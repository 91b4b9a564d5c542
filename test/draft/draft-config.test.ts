import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { draftConfig } from '../../src/draft/draft-config.js';
import { PLACEHOLDER_NAME, PLACEHOLDER_POLICY_URL } from '../../src/draft/draft-provider.js';
import type { DraftConfig, DraftResult } from '../../src/draft/draft-result.js';
import { findCookieSection } from '../../src/draft/find-cookie-section.js';
import { KNOWN_SERVICES } from '../../src/draft/known-services.js';

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

/** Every policy the tests draft: the seeds by name, ours by path. */
const ALL = ['clear-picture', 'call-flow', 'cloud-phone', 'claranet-soho', 'cmm-telecoms', ...['cookie-table', 'prose-only', 'no-advertising', 'session-only', 'welsh-english', 'welsh-durations', 'services-named'].map((name) => `/test/draft/policies/${name}.txt`)];

/** What each policy's draft comes to (policies/drafts.json): its categories, and each cookie as `rows` gives it. */
let drafts: Promise<Record<string, { categories: string[]; cookies: string[][] }>> | undefined;
const expectedDrafts = () => (drafts ??= fetch('/test/draft/policies/drafts.json').then(async (response) => (await response.json()).drafts));

describe('draftConfig', () => {
  it('drafts from text that speaks of privacy but not of cookies, saying it found no cookie section', () => {
    const result = draftConfig('Privacy notice. We keep your personal data safe.');
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.notes[0]).to.match(/^No section about cookies found/);
  });

  describe('every policy', () => {
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

  describe('categories and cookies', () => {
    it('policies/drafts.json holds what every policy drafted here comes to, and no other', async () => {
      expect(Object.keys(await expectedDrafts()).sort()).to.deep.equal([...ALL].sort());
    });

    for (const name of ALL) {
      it(`drafts the categories and each cookie of ${name} as the policy gives them`, async () => {
        const { config } = await draft(name);
        const { categories, cookies } = (await expectedDrafts())[name];
        expect(config.categories).to.deep.equal(categories);
        expect(rows(config)).to.deep.equal(cookies);
      });
    }
  });

  describe('the seed policies', () => {
    it('Clear Picture: cookies that recognise a return visit, in the policy’s words, as an example', async () => {
      const { config } = await draft('clear-picture');
      expect(config.texts['en-GB']['preferences.description']).to.include('identify that you’ve visited websites before');
      expect(config.hosts).to.equal(undefined);
    });

    it('Call Flow: keeps to the cookie section and points out the banner advertising elsewhere', async () => {
      const { notes } = await draft('call-flow');
      expect(notes).to.include('online banner advertising').and.include('"advertising" category');
    });

    it('the cloud phone provider: traffic measurement and options tailored to the last visit, both examples', async () => {
      const { config } = await draft('cloud-phone');
      expect(config.texts['en-GB']['analytics.description']).to.include('monitor site user traffic patterns and site usage');
    });

    it('Claranet SOHO: a log-on session, preferences, audience measurement and a third party’s adverts, none named', async () => {
      const { config, decisions } = await draft('claranet-soho');
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
      expect(config.texts['en-GB'].description).to.equal('We only use cookies that our website needs to work.');
      expect(notes).to.match(/^No section about cookies found/).and.include('pop ups');
    });
  });

  describe('policies in other styles', () => {
    it('a table of named cookies under category headings: each row as the policy gives it', async () => {
      const { config } = await ours('cookie-table');
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
      expect(config.hosts?.advertising).to.include('*.doubleclick.net');
      expect(config.texts['en-GB']['preferences.description']).to.equal('We also remember your settings, so that we won’t show you notices you have already read.'.replace('’', "'"));
      expect(config.texts['en-GB']['advertising.description']).to.include('sets a third-party cookie named IDE on doubleclick.net for 13 months');
      expect(decisions.find((entry) => entry.decision.startsWith('cookie IDE'))?.source).to.include("Google's DoubleClick");
      expect(config.provider.contact).to.deep.equal({ email: 'privacy@penrosetelecom.co.uk', phone: '01872 550192' });
    });

    it('a policy that rules advertising out: no advertising, and the named analytics service\'s hosts from the built-in list', async () => {
      const { config, decisions, notes } = await ours('no-advertising');
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
      expect(decisions.filter((entry) => entry.decision.endsWith('the policy rules it out')).map((entry) => entry.decision)).to.have.length(3);
      expect(config.provider.name).to.equal('Kestrel & Partners Accountants LLP');
    });

    it('services named without their cookies: the cookies, lifetimes and hosts from the built-in list, and a note for those it has no cookies for', async () => {
      const { config, decisions, notes } = await ours('services-named');
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
      expect(config.hosts).to.deep.equal({ analytics: ['*.google-analytics.com', '*.googletagmanager.com'], advertising: ['www.youtube.com', 'www.youtube-nocookie.com'] });
      expect(config.provider.name).to.equal('Aberwen Town Council');
    });

    it('Welsh-English lifetimes ("blwyddyn", "30 diwrnod", "2 flynedd", "24 awr", "13 mis", "munud"): none left for a person to fill in', async () => {
      const { notes } = await ours('welsh-durations');
      expect(notes).not.to.include('gives no lifetime');
    });
  });
});
