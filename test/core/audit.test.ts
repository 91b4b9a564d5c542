import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { auditCookies, type ObservedCookie } from '../../src/core/audit.js';

const { config, errors } = parseConfig({
  provider: { name: 'Example Ltd', policyUrl: '/privacy' },
  cookies: [
    { name: 'PHPSESSID', category: 'necessary', lifetime: 'session' },
    { name: '_ga', category: 'analytics', lifetime: 'P2Y' },
    { pattern: '^_ga_', category: 'analytics', lifetime: 'P2Y' },
    { name: 'IDE', category: 'advertising', domain: '.doubleclick.net', lifetime: 'P13M' },
  ],
});

const host = 'www.example.co.uk';
const inAYear = Date.UTC(2031, 0, 1);
const auditOne = (cookie: ObservedCookie) => auditCookies(config, host, [cookie])[0];

describe('cookie audit', () => {
  before(() => expect(errors).to.deep.equal([]));

  describe('matching', () => {
    it('matches a cookie by its exact name', () => {
      const entry = auditOne({ name: '_ga', expires: inAYear });
      expect(entry.declared).to.equal(true);
      expect(entry.declaration).to.equal(config.cookies[1]);
      expect(entry.category).to.equal('analytics');
      expect(entry.classification?.kind).to.equal('persistent');
    });

    it('matches a cookie by pattern', () => {
      const entry = auditOne({ name: '_ga_Q1W2E3', expires: inAYear });
      expect(entry.declared).to.equal(true);
      expect(entry.declaration?.pattern).to.equal('^_ga_');
      expect(entry.category).to.equal('analytics');
    });

    it('matches the consent cookie, which the config always declares', () => {
      const entry = auditOne({ name: 'cookie_consent', expires: inAYear });
      expect(entry.declared).to.equal(true);
      expect(entry.category).to.equal('necessary');
    });

    it('marks a cookie no declaration covers as undeclared, with nothing guessed', () => {
      const observed = { name: 'mystery', expires: inAYear };
      expect(auditOne(observed)).to.deep.equal({ name: 'mystery', declared: false, observed });
    });

    it('classifies against the site’s host', () => {
      expect(auditOne({ name: 'IDE', expires: inAYear }).classification).to.deep.include({ party: 'third-party', kind: 'third-party-advertising' });
    });

    it('keeps every observed cookie, in order, with what the browser reported', () => {
      const observed: ObservedCookie[] = [
        { name: 'mystery', expires: null, domain: 'www.example.co.uk', path: '/' },
        { name: 'PHPSESSID', expires: null, domain: null, path: '/shop' },
        { name: '_ga', expires: inAYear },
      ];
      const entries = auditCookies(config, host, observed);
      expect(entries.map((entry) => [entry.name, entry.declared])).to.deep.equal([
        ['mystery', false],
        ['PHPSESSID', true],
        ['_ga', true],
      ]);
      expect(entries.map((entry) => entry.observed)).to.deep.equal(observed);
    });

    it('finds nothing on a page without cookies', () => {
      expect(auditCookies(config, host, [])).to.deep.equal([]);
    });
  });

  describe('session or persistent', () => {
    const cases: Array<[string, ObservedCookie, RegExp | undefined]> = [
      ['a persistent declaration the browser holds as a session cookie', { name: '_ga', expires: null }, /declared to last P2Y, but the browser holds it as a session cookie/],
      ['a persistent declaration matched by pattern, held as a session cookie', { name: '_ga_Q1W2E3', expires: null }, /declared to last P2Y.*session cookie/],
      ['a session declaration the browser keeps until a date', { name: 'PHPSESSID', expires: inAYear }, /declared as a session cookie, but it persists until 2031-01-01T00:00:00.000Z/],
      ['a session cookie declared as one', { name: 'PHPSESSID', expires: null }, undefined],
      ['a persistent cookie declared as one', { name: '_ga', expires: inAYear }, undefined],
      ['a persistent declaration with unknown expiry (document.cookie)', { name: '_ga' }, undefined],
      ['a session declaration with unknown expiry (document.cookie)', { name: 'PHPSESSID' }, undefined],
    ];
    for (const [why, observed, mismatch] of cases) {
      it(`${mismatch ? 'flags' : 'accepts'} ${why}`, () => {
        const entry = auditOne(observed);
        expect(entry.declared).to.equal(true);
        if (mismatch) expect(entry.mismatch).to.match(mismatch);
        else expect(entry).not.to.have.property('mismatch');
      });
    }

    it('never reports a mismatch for an undeclared cookie', () => {
      expect(auditOne({ name: 'mystery', expires: null })).not.to.have.property('mismatch');
    });
  });
});
