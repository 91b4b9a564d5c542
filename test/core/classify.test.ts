import { expect } from '@open-wc/testing';
import type { CookieDeclaration } from '../../src/core/config/config-types.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { classifyCookie, cookieParty, declaredKinds, findDeclaration, type CookieKind, type Party } from '../../src/core/classify.js';
import { enGB } from '../../src/i18n/en-GB.js';
import { plural } from '../../src/i18n/strings.js';

const provider = { name: 'Example Ltd', policyUrl: '/privacy' };

/** A parsed config with these cookies; fails the test when the parser finds a problem. */
function configWith(cookies: object[]) {
  const { config, errors } = parseConfig({ provider, cookies });
  expect(errors, JSON.stringify(errors)).to.deep.equal([]);
  return config;
}

/** How the cookie table words a lifetime. */
const humanDuration = (cookie: CookieDeclaration, host = 'www.example.co.uk') => {
  const { duration } = classifyCookie(cookie, host);
  return duration ? plural(enGB, 'en-GB', duration.unit, duration.count) : enGB.untilClose;
};

describe('cookie classification', () => {
  describe('party', () => {
    const cases: Array<[string | undefined, string, Party, string]> = [
      [undefined, 'www.example.co.uk', 'first-party', 'no domain: set by the site itself'],
      [undefined, 'localhost', 'first-party', 'no domain on localhost'],
      ['www.example.co.uk', 'www.example.co.uk', 'first-party', 'the host itself'],
      ['.example.co.uk', 'www.example.co.uk', 'first-party', 'a leading dot on the parent domain'],
      ['example.co.uk', 'shop.example.co.uk', 'first-party', 'the parent domain without a dot'],
      ['example.co.uk', 'example.co.uk', 'first-party', 'the registrable domain on itself'],
      ['www.example.co.uk', 'example.co.uk', 'first-party', 'the www. host of the same site'],
      ['.shop.example.co.uk', 'www.example.co.uk', 'first-party', 'a sibling host of the same site'],
      ['EXAMPLE.CO.UK', 'www.example.co.uk', 'first-party', 'an upper-case domain'],
      ['.example.co.uk', 'WWW.Example.CO.UK', 'first-party', 'an upper-case host'],
      ['co.uk', 'example.co.uk', 'third-party', 'a public suffix is never the site'],
      ['.co.uk', 'www.example.co.uk', 'third-party', 'a public suffix with a leading dot'],
      ['uk', 'example.co.uk', 'third-party', 'a top-level domain'],
      ['com', 'www.example.com', 'third-party', 'a generic top-level domain'],
      ['other.co.uk', 'example.co.uk', 'third-party', 'another site under the same public suffix'],
      ['.other.co.uk', 'www.example.co.uk', 'third-party', 'another site under co.uk, with a dot'],
      ['example.org.uk', 'example.co.uk', 'third-party', 'the same name under another UK suffix'],
      ['notexample.co.uk', 'example.co.uk', 'third-party', 'a name that merely ends the same'],
      ['example.com', 'example.co.uk', 'third-party', 'the same name under another top-level domain'],
      ['doubleclick.net', 'example.co.uk', 'third-party', 'an advertising network'],
      ['.doubleclick.net', 'www.example.com', 'third-party', 'an advertising network with a dot'],
      ['localhost', 'localhost', 'first-party', 'localhost on itself'],
      ['doubleclick.net', 'localhost', 'third-party', 'another site on localhost'],
      ['127.0.0.1', '127.0.0.1', 'first-party', 'an IP address on itself'],
      ['0.0.1', '127.0.0.1', 'third-party', 'an IP address has no parent domains'],
      ['.0.0.1', '127.0.0.1', 'third-party', 'an IP address has no parent domains, with a dot'],
      ['127.0.0.2', '127.0.0.1', 'third-party', 'another IP address'],
      ['doubleclick.net', '127.0.0.1', 'third-party', 'another site on an IP address'],
    ];
    for (const [domain, host, party, why] of cases) {
      it(`${JSON.stringify(domain)} on ${host} is ${party} (${why})`, () => {
        expect(cookieParty(domain, host)).to.equal(party);
      });
    }
  });

  describe('lifetime', () => {
    const cases: Array<[string, 'session' | 'persistent', string]> = [
      ['session', 'session', 'Until you close your browser'],
      ['P2Y', 'persistent', '2 years'],
      ['P1Y', 'persistent', '1 year'],
      ['P13M', 'persistent', '13 months'],
      ['P1Y6M', 'persistent', '18 months'],
      ['P1D', 'persistent', '1 day'],
      ['P182D', 'persistent', '182 days'],
      ['PT30M', 'persistent', '30 minutes'],
    ];
    for (const [lifetime, kind, words] of cases) {
      it(`"${lifetime}" is ${kind}: "${words}"`, () => {
        const cookie: CookieDeclaration = { name: 'c', category: 'necessary', lifetime };
        expect(classifyCookie(cookie, 'www.example.co.uk').lifetime).to.equal(kind);
        expect(humanDuration(cookie)).to.equal(words);
      });
    }

    it('gives a session cookie no duration', () => {
      expect(classifyCookie({ name: 'c', category: 'necessary', lifetime: 'session' }, 'example.co.uk').duration).to.equal(null);
    });

    it('gives a persistent cookie its duration in the largest whole unit', () => {
      expect(classifyCookie({ name: 'c', category: 'analytics', lifetime: 'P13M' }, 'example.co.uk').duration).to.deep.equal({ count: 13, unit: 'month' });
    });
  });

  describe('kind for visitors', () => {
    const cases: Array<[Partial<CookieDeclaration>, string, CookieKind, string]> = [
      [{ category: 'necessary', lifetime: 'session' }, 'www.example.co.uk', 'session', 'a first-party session cookie'],
      [{ category: 'analytics', lifetime: 'P2Y' }, 'www.example.co.uk', 'persistent', 'a first-party persistent cookie'],
      [{ category: 'advertising', lifetime: 'P13M', domain: 'doubleclick.net' }, 'www.example.co.uk', 'third-party-advertising', 'DoubleClick'],
      [{ category: 'advertising', lifetime: 'session', domain: '.DoubleClick.NET' }, 'example.co.uk', 'third-party-advertising', 'a third-party advertising session cookie'],
      [{ category: 'advertising', lifetime: 'P3M', domain: 'other.co.uk' }, 'example.co.uk', 'third-party-advertising', 'advertising from a neighbour under co.uk'],
      [{ category: 'analytics', lifetime: 'P2Y', domain: 'google-analytics.com' }, 'example.co.uk', 'persistent', 'third-party analytics is not advertising'],
      [{ category: 'analytics', lifetime: 'session', domain: 'hotjar.com' }, 'example.co.uk', 'session', 'a third-party analytics session cookie'],
      [{ category: 'advertising', lifetime: 'P3M' }, 'example.co.uk', 'persistent', 'first-party advertising is not third-party'],
      [{ category: 'advertising', lifetime: 'P3M', domain: '.example.co.uk' }, 'www.example.co.uk', 'persistent', 'advertising on the site’s own domain'],
      [{ category: 'advertising', lifetime: 'P3M', domain: 'co.uk' }, 'example.co.uk', 'third-party-advertising', 'advertising on a public suffix'],
    ];
    for (const [declaration, host, kind, why] of cases) {
      it(`${why} is ${kind}`, () => {
        const cookie = { name: 'c', ...declaration } as CookieDeclaration;
        expect(classifyCookie(cookie, host).kind).to.equal(kind);
      });
    }

    it('reports party and lifetime beside the kind', () => {
      const cookie: CookieDeclaration = { name: 'IDE', category: 'advertising', lifetime: 'P13M', domain: 'doubleclick.net' };
      expect(classifyCookie(cookie, 'www.example.co.uk')).to.deep.equal({
        lifetime: 'persistent',
        duration: { count: 13, unit: 'month' },
        party: 'third-party',
        kind: 'third-party-advertising',
      });
    });
  });

  describe('declaredKinds', () => {
    it('lists each kind a config declares once', () => {
      const config = configWith([
        { name: 'PHPSESSID', category: 'necessary', lifetime: 'session' },
        { name: '_ga', category: 'analytics', lifetime: 'P2Y' },
        { name: '_gid', category: 'analytics', lifetime: 'P1D' },
        { name: 'IDE', category: 'advertising', lifetime: 'P13M', domain: '.doubleclick.net' },
      ]);
      expect([...declaredKinds(config, 'www.example.co.uk')].sort()).to.deep.equal(['persistent', 'session', 'third-party-advertising']);
    });

    it('does not claim third-party advertising when the advertising cookies are the site’s own', () => {
      const config = configWith([{ name: 'ads', category: 'advertising', lifetime: 'P1Y', domain: 'example.co.uk' }]);
      // The consent cookie is always declared too, and is persistent.
      expect([...declaredKinds(config, 'shop.example.co.uk')]).to.deep.equal(['persistent']);
    });
  });

  describe('findDeclaration', () => {
    const config = configWith([
      { pattern: '^_ga', category: 'analytics', lifetime: 'P2Y', purpose: 'pattern' },
      { name: '_ga_exact', category: 'preferences', lifetime: 'P1Y', purpose: 'exact' },
      { pattern: '^_ga_', category: 'analytics', lifetime: 'P1Y', purpose: 'second pattern' },
      { pattern: '^sess_[0-9a-f]+$', category: 'necessary', lifetime: 'session', purpose: 'anchored pattern' },
    ]);
    const cases: Array<[string, string | undefined, string]> = [
      ['_ga_exact', 'exact', 'an exact name wins over an earlier pattern'],
      ['_ga_ABC123', 'pattern', 'the first matching pattern wins'],
      ['_ga', 'pattern', 'a pattern matches the bare prefix'],
      ['sess_0af3', 'anchored pattern', 'an anchored pattern'],
      ['sess_0af3x', undefined, 'an anchored pattern does not match more'],
      ['x_ga', undefined, 'a pattern anchored at the start does not match inside a name'],
      ['unknown', undefined, 'an undeclared name'],
    ];
    for (const [name, purpose, why] of cases) {
      it(`${name}: ${why}`, () => {
        expect(findDeclaration(config, name)?.purpose).to.equal(purpose);
        if (purpose === undefined) expect(findDeclaration(config, name)).to.equal(undefined);
      });
    }
  });

  describe('a missing or unreadable lifetime', () => {
    it('is a config error with its path, not a guess', () => {
      const { config, errors } = parseConfig({ provider, cookies: [{ name: '_ga', category: 'analytics' }] });
      expect(errors).to.deep.equal([{ path: 'cookies[0].lifetime', message: 'is required' }]);
      expect(config.cookies.some((cookie) => cookie.name === '_ga')).to.equal(false);
    });

    for (const lifetime of ['2 years', 'P2', '', 'forever', 'P1.5Y']) {
      it(`rejects ${JSON.stringify(lifetime)} with its path`, () => {
        const { config, errors } = parseConfig({
          provider,
          cookies: [
            { name: 'ok', category: 'necessary', lifetime: 'session' },
            { name: '_ga', category: 'analytics', lifetime },
          ],
        });
        expect(errors.map((error) => error.path)).to.deep.equal(['cookies[1].lifetime']);
        expect(config.cookies.map((cookie) => cookie.name)).not.to.include('_ga');
      });
    }
  });
});
