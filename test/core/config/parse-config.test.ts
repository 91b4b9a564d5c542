import { expect } from '@open-wc/testing';
import { fallbackConfig, formatConfigErrors, parseConfig } from '../../../src/core/config/parse-config.js';

const provider = { name: 'Claranet SOHO', policyUrl: 'https://www.claranetsoho.co.uk/privacy' };
/** A minimal valid config with one field changed. */
const withField = (key: string, value: unknown) => ({ provider, [key]: value });

describe('parseConfig', () => {
  describe('defaults', () => {
    it('fills every default for a minimal config', () => {
      const { config, errors } = parseConfig({ provider });
      expect(errors).to.deep.equal([]);
      expect(config.revision).to.equal(1);
      expect(config.consent).to.deep.equal({ cookieName: 'cookie_consent', days: 182, reloadOnWithdraw: true });
      expect(config.categories.map((category) => [category.id, category.required, category.saleOrSharing])).to.deep.equal([
        ['necessary', true, false],
        ['preferences', false, false],
        ['analytics', false, false],
        ['advertising', false, true],
      ]);
      expect(config.ui).to.deep.equal({ layout: 'bar', theme: 'auto', floatingButton: true });
      expect(config.googleConsentMode).to.equal(null);
      expect(config.consentLog).to.equal(null);
      expect(config.cookies, 'the consent cookie is always declared').to.deep.equal([{ name: 'cookie_consent', category: 'necessary', lifetime: 'P182D' }]);
    });

    it('does not declare the consent cookie twice', () => {
      const { config } = parseConfig({ provider, consent: { cookieName: 'cc' }, cookies: [{ name: 'cc', category: 'necessary', lifetime: 'P6M', purpose: 'Remembers choices' }] });
      expect(config.cookies).to.deep.equal([{ name: 'cc', category: 'necessary', lifetime: 'P6M', purpose: 'Remembers choices' }]);
    });

    it('accepts the full shape, with bare category ids as shorthand', () => {
      const { config, errors } = parseConfig({
        $schema: '../schema/cookie-consent.schema.json',
        revision: 3,
        provider: { ...provider, cookiePolicyUrl: '/cookies', contact: { email: 'privacy@uk.clara.net', phone: '0800 640 8009', address: '21 Southampton Row' } },
        consent: { cookieName: 'cc', days: 90, domain: '.example.co.uk', reloadOnWithdraw: false },
        categories: ['necessary', { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics', provider: 'Google' }] }],
        cookies: [
          { name: '_ga', category: 'analytics', service: 'ga4', lifetime: 'P2Y', provider: 'Google', purpose: 'Counts visits' },
          { pattern: '^_gid', category: 'analytics', lifetime: 'P1D' },
          { name: 'JSESSIONID', category: 'necessary', lifetime: 'session', path: '/app', example: true },
        ],
        storage: [{ key: 'ga_state', category: 'analytics' }],
        hosts: { analytics: ['www.google-analytics.com', '*.googletagmanager.com'] },
        texts: { 'en-GB': { title: 'Cookies at Claranet', 'analytics.title': 'Statistics' }, cy: { title: 'Cwcis' } },
        ui: { layout: 'box', theme: 'dark', floatingButton: false },
        googleConsentMode: true,
        consentLog: { endpoint: '/consent' },
      });
      expect(errors).to.deep.equal([]);
      expect(config.revision).to.equal(3);
      expect(config.categories.map((category) => category.id)).to.deep.equal(['necessary', 'analytics']);
      expect(config.categories[1].services).to.deep.equal([{ id: 'ga4', name: 'Google Analytics', provider: 'Google' }]);
      expect(config.cookies[1]).to.deep.equal({ pattern: '^_gid', category: 'analytics', lifetime: 'P1D' });
      expect(config.storage).to.deep.equal([{ key: 'ga_state', category: 'analytics', area: 'local' }]);
      expect(config.hosts.analytics).to.deep.equal(['www.google-analytics.com', '*.googletagmanager.com']);
      expect(config.googleConsentMode?.mapping.advertising).to.deep.equal(['ad_storage', 'ad_user_data', 'ad_personalization']);
      expect(config.consentLog).to.deep.equal({ endpoint: '/consent' });
      expect(config.texts.cy).to.deep.equal({ title: 'Cwcis' });
    });
  });

  describe('errors', () => {
    // Each row: an input, and the one error (path and part of the message) it must produce.
    const cases: Array<[string, unknown, string, string]> = [
      ['not an object', 'hello', '(root)', 'expected an object'],
      ['an array', [], '(root)', 'expected an object'],
      ['null', null, '(root)', 'expected an object'],
      ['missing provider', {}, 'provider', 'is required'],
      ['missing provider name', { provider: { policyUrl: '/p' } }, 'provider.name', 'is required'],
      ['empty provider name', { provider: { ...provider, name: ' ' } }, 'provider.name', 'non-empty string'],
      ['missing policy URL', { provider: { name: 'X' } }, 'provider.policyUrl', 'is required'],
      ['javascript: policy URL', { provider: { ...provider, policyUrl: 'javascript:alert(1)' } }, 'provider.policyUrl', 'http(s) URL'],
      ['bad cookie policy URL', { provider: { ...provider, cookiePolicyUrl: 'cookies' } }, 'provider.cookiePolicyUrl', 'http(s) URL'],
      ['bad email', { provider: { ...provider, contact: { email: 'nope' } } }, 'provider.contact.email', 'email'],
      ['unknown provider key', { provider: { ...provider, phone: '1' } }, 'provider.phone', 'unknown key'],
      ['unknown top-level key', withField('categorys', []), 'categorys', 'unknown key'],
      ['revision zero', withField('revision', 0), 'revision', 'whole number from 1'],
      ['revision fraction', withField('revision', 1.5), 'revision', 'whole number'],
      ['revision string', withField('revision', '2'), 'revision', 'whole number'],
      ['consent days too long', withField('consent', { days: 800 }), 'consent.days', 'from 1 to 395'],
      ['consent cookie name with space', withField('consent', { cookieName: 'my cookie' }), 'consent.cookieName', 'cookie name'],
      ['reloadOnWithdraw not boolean', withField('consent', { reloadOnWithdraw: 'yes' }), 'consent.reloadOnWithdraw', 'true or false'],
      ['categories not an array', withField('categories', {}), 'categories', 'expected an array'],
      ['category id upper case', withField('categories', ['necessary', 'Analytics']), 'categories[1].id', 'lower-case id'],
      ['duplicate category', withField('categories', ['necessary', 'analytics', 'analytics']), 'categories[2].id', 'duplicate category'],
      ['no necessary category', withField('categories', ['analytics']), 'categories', 'must include the "necessary"'],
      ['analytics required', withField('categories', ['necessary', { id: 'analytics', required: true }]), 'categories[1].required', 'only the "necessary"'],
      ['necessary not required', withField('categories', [{ id: 'necessary', required: false }]), 'categories[0].required', 'always required'],
      ['duplicate service', withField('categories', ['necessary', { id: 'analytics', services: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }]), 'categories[1].services[1].id', 'duplicate service'],
      ['service without name', withField('categories', ['necessary', { id: 'analytics', services: [{ id: 'a' }] }]), 'categories[1].services[0].name', 'is required'],
      ['cookie without lifetime', withField('cookies', [{ name: '_ga', category: 'analytics' }]), 'cookies[0].lifetime', 'is required'],
      ['cookie lifetime in words', withField('cookies', [{ name: '_ga', category: 'analytics', lifetime: '2 years' }]), 'cookies[0].lifetime', 'expected "session" or an ISO 8601 duration like "P1Y"'],
      ['cookie lifetime with a fraction', withField('cookies', [{ name: '_ga', category: 'analytics', lifetime: 'P1.5Y' }]), 'cookies[0].lifetime', 'ISO 8601'],
      ['empty duration', withField('cookies', [{ name: '_ga', category: 'analytics', lifetime: 'P' }]), 'cookies[0].lifetime', 'ISO 8601'],
      ['cookie with name and pattern', withField('cookies', [{ name: 'a', pattern: '^a', category: 'analytics', lifetime: 'P1D' }]), 'cookies[0]', 'exactly one of "name" or "pattern"'],
      ['cookie with neither name nor pattern', withField('cookies', [{ category: 'analytics', lifetime: 'P1D' }]), 'cookies[0]', 'exactly one'],
      ['cookie pattern that does not compile', withField('cookies', [{ pattern: '(_ga', category: 'analytics', lifetime: 'P1D' }]), 'cookies[0].pattern', 'regular expression'],
      ['cookie of an unknown category', withField('cookies', [{ name: 'a', category: 'marketing', lifetime: 'P1D' }]), 'cookies[0].category', 'unknown category "marketing"'],
      ['cookie of an unknown service', withField('cookies', [{ name: 'a', category: 'analytics', service: 'ga', lifetime: 'P1D' }]), 'cookies[0].service', 'has no service "ga"'],
      ['cookie domain with a scheme', withField('cookies', [{ name: 'IDE', category: 'advertising', domain: 'https://doubleclick.net', lifetime: 'P13M' }]), 'cookies[0].domain', 'expected a domain'],
      ['cookie path without slash', withField('cookies', [{ name: 'a', category: 'analytics', path: 'app', lifetime: 'P1D' }]), 'cookies[0].path', 'starting with "/"'],
      ['cookie not an object', withField('cookies', ['_ga']), 'cookies[0]', 'expected an object'],
      ['storage with bad area', withField('storage', [{ key: 'k', category: 'analytics', area: 'indexedDB' }]), 'storage[0].area', 'expected one of "local", "session"'],
      ['hosts of an unknown category', withField('hosts', { marketing: ['x.com'] }), 'hosts.marketing', 'unknown category'],
      ['hosts of the necessary category', withField('hosts', { necessary: ['cdn.example.com'] }), 'hosts.necessary', 'never blocked'],
      ['host with a path', withField('hosts', { advertising: ['doubleclick.net/ads'] }), 'hosts.advertising[0]', 'expected a host'],
      ['hosts not a list', withField('hosts', { advertising: 'doubleclick.net' }), 'hosts.advertising', 'expected an array'],
      ['consent mode type unknown', withField('googleConsentMode', { mapping: { analytics: ['analytics_cookies'] } }), 'googleConsentMode.mapping.analytics[0]', 'expected one of'],
      ['consent mode of an unknown category', withField('googleConsentMode', { mapping: { stats: ['analytics_storage'] } }), 'googleConsentMode.mapping.stats', 'unknown category'],
      ['consent log without endpoint', withField('consentLog', {}), 'consentLog.endpoint', 'is required'],
    ];

    for (const [name, input, path, message] of cases) {
      it(`reports ${name} at ${path}`, () => {
        const { errors } = parseConfig(input);
        expect(errors, JSON.stringify(errors)).to.have.length(1);
        expect(errors[0].path).to.equal(path);
        expect(errors[0].message).to.contain(message);
      });
    }

    // Cosmetic keys: a mistake is a warning, and only that value falls back to its default.
    const warnings: [string, unknown, string, string][] = [
      ['text of an unknown key', withField('texts', { 'en-GB': { titel: 'Cookies' } }), 'texts.en-GB.titel', 'unknown text key'],
      ['text in a bad language tag', withField('texts', { English: { title: 'Cookies' } }), 'texts.English', 'language tag'],
      ['empty text', withField('texts', { cy: { title: '' } }), 'texts.cy.title', 'non-empty string'],
      ['layout unknown', withField('ui', { layout: 'modal' }), 'ui.layout', 'expected one of "bar", "box", "center"'],
      ['theme unknown', withField('ui', { theme: 'blue' }), 'ui.theme', 'expected one of'],
      ['ui key misspelt', withField('ui', { layuot: 'box', theme: 'dark' }), 'ui.layuot', 'unknown key'],
    ];

    for (const [name, input, path, message] of warnings) {
      it(`warns of ${name} at ${path}, keeping the rest of the config`, () => {
        const { config, errors, warnings: found } = parseConfig(input);
        expect(errors, JSON.stringify(errors)).to.deep.equal([]);
        expect(found, JSON.stringify(found)).to.have.length(1);
        expect(found[0].path).to.equal(path);
        expect(found[0].message).to.contain(message);
        expect(config.provider.name).to.equal(provider.name);
        expect(config.ui.layout).to.equal('bar');
      });
    }

    it('keeps the cosmetic values that were right beside a misspelt key', () => {
      const { config, warnings: found } = parseConfig({ provider, ui: { layuot: 'box', theme: 'dark' }, texts: { cy: { title: 'Cwcis', titel: 'x' } } });
      expect(found.map((warning) => warning.path)).to.deep.equal(['ui.layuot', 'texts.cy.titel']);
      expect(config.ui.theme).to.equal('dark');
      expect(config.texts).to.deep.equal({ cy: { title: 'Cwcis' } });
    });

    it('collects every problem at once, in order', () => {
      const { errors } = parseConfig({
        provider: { name: 'X' },
        revision: -1,
        cookies: [{ name: 'a', category: 'analytics', lifetime: 'forever' }, { name: 'b', category: 'nope', lifetime: 'P1Y' }],
        ui: { layout: 'side' },
      });
      expect(errors.map((error) => error.path)).to.deep.equal([
        'revision',
        'provider.policyUrl',
        'cookies[0].lifetime',
        'cookies[1].category',
      ]);
    });

    it('never throws, whatever it is given', () => {
      const strange: unknown[] = [undefined, 0, NaN, true, Symbol('x'), () => 1, new Date(), Object.create(null), { provider: [] }, { cookies: [null, 1, []] }];
      for (const input of strange) expect(() => parseConfig(input)).not.to.throw();
    });

    it('on any error, returns what could be read, for the banner alone', () => {
      const { config, errors } = parseConfig({
        provider,
        categories: ['analytics', 'advertising'],
        hosts: { advertising: ['*.doubleclick.net', 'bad host'] },
        cookies: [{ name: '_ga', category: 'analytics', lifetime: 'soon' }, { name: '_fbp', category: 'advertising', lifetime: 'P3M' }],
      });
      expect(errors.map((error) => error.path)).to.deep.equal(['categories', 'cookies[0].lifetime', 'hosts.advertising[1]']);
      expect(config.provider).to.deep.equal(provider);
      expect(config.categories.map((category) => category.id), 'the necessary category is always there').to.deep.equal(['necessary', 'analytics', 'advertising']);
      expect(config.cookies.map((cookie) => cookie.name)).to.deep.equal(['_fbp', 'cookie_consent']);
    });

    it('has no policy link to offer when nothing could be read', () => {
      expect(parseConfig([]).config.provider.policyUrl).to.equal('');
      expect(fallbackConfig().categories.map((category) => category.id)).to.deep.equal(['necessary']);
    });

    it('formats one console message naming every path', () => {
      const message = formatConfigErrors([
        { path: 'cookies[3].lifetime', message: 'expected "session" or an ISO 8601 duration like "P1Y"' },
        { path: 'ui.layout', message: 'expected one of "bar"' },
      ]);
      expect(message).to.contain('invalid config');
      expect(message).to.contain('every cross-origin script, frame and image stays held, cross-origin requests fail, and nothing optional runs');
      expect(message).to.contain('cookies[3].lifetime: expected "session" or an ISO 8601 duration like "P1Y"');
      expect(message).to.contain('ui.layout: expected one of "bar"');
    });
  });
});
