import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import Cookies from 'js-cookie';
import { readConsent } from '../../dist/server.js';

const config = {
  revision: 3,
  provider: { name: 'Acme Widgets Ltd', policyUrl: 'https://acme.example/privacy' },
  categories: [
    'necessary',
    'preferences',
    { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics' }, { id: 'plausible', name: 'Plausible' }] },
    'advertising',
  ],
};
const NOW = new Date('2026-06-01T12:00:00.000Z');

/** A record as the browser stores it, with any field replaced. */
const record = (changes = {}) => ({
  version: 1,
  id: '3f2b8c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e',
  timestamp: '2026-05-30T09:15:00.000Z',
  revision: 3,
  categories: { necessary: true, preferences: false, analytics: true, advertising: true },
  services: { ga4: true, plausible: false },
  gpc: false,
  ...changes,
});

/** The Cookie header a browser sends after the widget stored `value` (encoded as js-cookie writes it). */
const cookieHeader = (value, name = 'cookie_consent') =>
  `_ga=GA1.1.123.456; ${name}=${Cookies.converter.write(typeof value === 'string' ? value : JSON.stringify(value))}; theme=dark`;

const read = (source, options = {}) => readConsent(source, config, { now: NOW, ...options });

/** Every name a plain object inherits: "constructor", "toString", "__proto__", … */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('cookie-consent/server', () => {
  describe('readConsent', () => {
    it('reads a valid decision from a Cookie header, as the browser stored it', () => {
      const consent = read(cookieHeader(record()));
      assert.deepEqual(consent.record, record());
      assert.equal(consent.problem, undefined);
      assert.equal(consent.gpc, false);
      assert.equal(consent.hasConsent('analytics'), true);
      assert.equal(consent.hasConsent('advertising'), true);
      assert.equal(consent.hasConsent('preferences'), false);
      assert.equal(consent.hasConsent('unknown'), false);
      assert.equal(consent.hasService('ga4'), true);
      assert.equal(consent.hasService('plausible'), false);
    });

    it('grants nothing, not even necessary, before the visitor decides', () => {
      for (const source of ['', '_ga=GA1.1.123.456; theme=dark', undefined, null]) {
        const consent = read(source);
        assert.equal(consent.record, null);
        assert.equal(consent.problem, 'missing');
        assert.equal(consent.grants, null);
        assert.equal(consent.hasConsent('necessary'), false);
      }
    });

    it('refuses a tampered record', () => {
      const tampered = [
        ['malformed', JSON.stringify(record()).slice(0, -5)],
        ['malformed', record({ id: 'not-a-uuid' })],
        ['malformed', { ...record(), admin: true }],
        ['version', record({ version: 2 })],
        ['categories', record({ categories: { necessary: true, preferences: true, analytics: true, advertising: true, sale: true } })],
        ['categories', record({ categories: { necessary: false, preferences: true, analytics: true, advertising: true } })],
        ['services', record({ services: { ga4: true, plausible: false, hotjar: true } })],
        ['services', record({ categories: { necessary: true, preferences: false, analytics: false, advertising: true } })],
      ];
      for (const [problem, value] of tampered) {
        const consent = read(cookieHeader(value));
        assert.equal(consent.problem, problem, JSON.stringify(value));
        assert.equal(consent.record, null);
        assert.equal(consent.hasConsent('analytics'), false);
      }
    });

    it('refuses a record older than consent.days, or dated in the future', () => {
      const days = 182;
      const old = new Date(NOW.getTime() - (days + 1) * 86_400_000).toISOString();
      assert.equal(read(cookieHeader(record({ timestamp: old }))).problem, 'expired');
      assert.equal(read(cookieHeader(record({ timestamp: '2026-06-02T12:00:00.000Z' }))).problem, 'expired');
      const shorter = readConsent(cookieHeader(record()), { ...config, consent: { days: 1 } }, { now: NOW });
      assert.equal(shorter.problem, 'expired');
      assert.equal(shorter.hasConsent('analytics'), false);
    });

    it('refuses a record answered for another revision of the config', () => {
      for (const revision of [2, 4]) {
        const consent = read(cookieHeader(record({ revision })));
        assert.equal(consent.problem, 'revision');
        assert.equal(consent.hasConsent('analytics'), false);
      }
    });

    it('under Global Privacy Control, withholds sale/sharing categories a decision made without it granted', () => {
      const request = new Request('https://acme.example/', { headers: { cookie: cookieHeader(record()), 'sec-gpc': '1' } });
      const consent = read(request);
      assert.equal(consent.gpc, true);
      assert.deepEqual(consent.record, record(), 'the record is returned as stored');
      assert.equal(consent.hasConsent('advertising'), false);
      assert.equal(consent.hasConsent('analytics'), true);
      assert.equal(consent.grants.categories.advertising, false);
      assert.equal(read(cookieHeader(record()), { gpc: true }).hasConsent('advertising'), false);
    });

    it('gives grants one shape, { categories, services }, with and without Global Privacy Control', () => {
      const gpcConfig = { ...config, categories: ['necessary', 'analytics', { id: 'advertising', services: [{ id: 'ads', name: 'Ads' }] }] };
      const stored = record({ categories: { necessary: true, analytics: true, advertising: true }, services: { ads: true } });
      const without = readConsent(cookieHeader(stored), gpcConfig, { now: NOW });
      const under = readConsent(cookieHeader(stored), gpcConfig, { now: NOW, gpc: true });
      assert.deepEqual(without.grants, { categories: { necessary: true, analytics: true, advertising: true }, services: { ads: true } });
      assert.deepEqual(under.grants, { categories: { necessary: true, analytics: true, advertising: false }, services: { ads: false } });
      assert.notEqual(without.grants, without.record, 'grants is not the record itself');
      assert.deepEqual(without.record, stored, 'the record is returned as stored');
    });

    it('under Global Privacy Control, keeps what the visitor switched on while sending it', () => {
      const request = new Request('https://acme.example/', { headers: { cookie: cookieHeader(record({ gpc: true })), 'sec-gpc': '1' } });
      assert.equal(read(request).hasConsent('advertising'), true);
    });

    it('treats only Sec-GPC: 1 as the signal', () => {
      for (const value of ['0', 'true', '']) {
        const request = new Request('https://acme.example/', { headers: { cookie: cookieHeader(record()), 'sec-gpc': value } });
        assert.equal(read(request).gpc, false, value);
        assert.equal(read(request).hasConsent('advertising'), true, value);
      }
    });

    it('reads a Fetch API Request', () => {
      const consent = read(new Request('https://acme.example/', { headers: { cookie: cookieHeader(record()) } }));
      assert.deepEqual(consent.record, record());
      assert.equal(read(new Request('https://acme.example/')).problem, 'missing');
    });

    it('reads a Node http request', async () => {
      const seen = [];
      const server = createServer((request, response) => {
        seen.push(read(request));
        response.end();
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      try {
        const url = `http://127.0.0.1:${server.address().port}/`;
        await fetch(url, { headers: { cookie: cookieHeader(record()), 'sec-gpc': '1' } });
        await fetch(url);
      } finally {
        server.close();
      }
      assert.equal(seen[0].gpc, true);
      assert.equal(seen[0].hasConsent('analytics'), true);
      assert.equal(seen[0].hasConsent('advertising'), false);
      assert.equal(seen[1].problem, 'missing');
    });

    it('never throws on a malformed Cookie header', () => {
      const headers = [
        ['malformed', 'cookie_consent=%E0%A4%A'],
        ['malformed', 'cookie_consent=not json'],
        ['malformed', 'cookie_consent="%7B%22version%22%3A1"'],
        ['missing', 'cookie_consent='],
        ['missing', ';;; = ; =cookie_consent; cookie_consent'],
        ['missing', '%E0%A4%A=1; cookie_consent_old=1'],
      ];
      for (const [problem, header] of headers) {
        const consent = read(header);
        assert.equal(consent.problem, problem, header);
        assert.equal(consent.hasConsent('analytics'), false);
      }
    });

    it('takes the first cookie of the name, as the browser sends the most specific path first', () => {
      const header = `cookie_consent=${Cookies.converter.write(JSON.stringify(record()))}; cookie_consent=${Cookies.converter.write(JSON.stringify(record({ revision: 2 })))}`;
      assert.deepEqual(read(header).record, record());
    });

    it("reads the cookie the config names, and tolerates the header's optional spaces", () => {
      const custom = { ...config, consent: { cookieName: 'acme_consent' } };
      const header = `cookie_consent=x;acme_consent=${Cookies.converter.write(JSON.stringify(record()))}`;
      assert.deepEqual(readConsent(header, custom, { now: NOW }).record, record());
    });

    it('grants no category or service named like a member of Object.prototype', () => {
      for (const consent of [read(cookieHeader(record())), read(cookieHeader(record({ gpc: true })), { gpc: true }), read(cookieHeader(record()), { gpc: true })]) {
        for (const name of PROTOTYPE_NAMES) {
          assert.equal(consent.hasConsent(name), false, `hasConsent("${name}")`);
          assert.equal(consent.hasService(name), false, `hasService("${name}")`);
        }
      }
    });

    it('refuses a stored record that adds one of those names as a category or a service', () => {
      for (const name of PROTOTYPE_NAMES) {
        const categories = { ...record().categories, [name]: true };
        const services = { ...record().services, [name]: true };
        assert.equal(read(cookieHeader(record({ categories }))).problem, 'categories', `categories.${name}`);
        assert.equal(read(cookieHeader(record({ services }))).problem, 'services', `services.${name}`);
      }
    });

    it('reads "constructor", the one such name an id may be, as any other declared category and service', () => {
      const declaring = { ...config, categories: ['necessary', { id: 'constructor', services: [{ id: 'constructor', name: 'A service' }] }] };
      const stored = (granted) => record({ categories: { necessary: true, constructor: granted }, services: { constructor: granted } });
      const refused = readConsent(cookieHeader(stored(false)), declaring, { now: NOW });
      const granted = readConsent(cookieHeader(stored(true)), declaring, { now: NOW });
      assert.equal(refused.problem, undefined);
      assert.deepEqual([refused.hasConsent('constructor'), refused.hasService('constructor')], [false, false]);
      assert.deepEqual([granted.hasConsent('constructor'), granted.hasService('constructor')], [true, true]);
      assert.deepEqual([granted.hasConsent('toString'), granted.hasService('__proto__')], [false, false]);
    });

    it('grants nothing when the config is invalid, and names each problem with its JSON path', () => {
      const consent = readConsent(cookieHeader(record()), { ...config, revision: 'three', categories: ['necessary', 'Bad Id'] }, { now: NOW });
      assert.equal(consent.problem, 'config');
      assert.equal(consent.record, null);
      assert.equal(consent.hasConsent('analytics'), false);
      assert.deepEqual(consent.configErrors.map((error) => error.path).sort(), ['categories[1].id', 'revision']);
      assert.equal(readConsent(cookieHeader(record()), undefined).problem, 'config');
    });
  });
});
