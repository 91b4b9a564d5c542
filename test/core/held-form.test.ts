import { expect } from '@open-wc/testing';
import { heldName, heldPrefix, isExecutableScript, scriptWaitsFor, srcsetHold, tagWaitsFor, type TagAttribute } from '../../src/core/held-form.js';

/** Holds URLs on ads.example (advertising) and stats.example (analytics), as the config's `hosts` would. */
const hold = (url: string) => (/\/\/ads\.example\b/.test(url) ? 'advertising' : /\/\/stats\.example\b/.test(url) ? 'analytics' : null);
const attributes = (pairs: Record<string, string>): TagAttribute[] => Object.entries(pairs).map(([name, value]) => ({ name, value }));

describe('held form', () => {
  describe('tagWaitsFor', () => {
    const cases: [string, Record<string, string>, string | null, string][] = [
      ['script', { src: 'https://ads.example/tag.js' }, 'advertising', 'a script from a held host'],
      ['script', { src: '/own.js' }, null, 'a script from elsewhere'],
      ['script', { type: 'text/plain', 'data-category': 'analytics', src: 'https://ads.example/tag.js' }, null, "the page's own markup is left to the blocker"],
      ['iframe', { src: 'https://ads.example/embed' }, 'advertising', 'an iframe'],
      ['img', { alt: '', srcset: 'https://cdn.example/a.png 1x, https://stats.example/p.gif 2x' }, 'analytics', 'an image by its srcset'],
      ['img', { src: 'https://stats.example/p.gif', srcset: 'https://ads.example/p.gif 2x' }, 'analytics', 'the first held URL gives the category'],
      ['link', { rel: 'preload', as: 'script', href: 'https://ads.example/tag.js' }, 'advertising', 'a preload link'],
      ['link', { rel: 'dns-prefetch', href: '//stats.example' }, 'analytics', 'a dns-prefetch link'],
      ['link', { rel: 'Preconnect', href: 'https://ads.example' }, 'advertising', 'rel is matched without case'],
      ['link', { rel: 'modulepreload', href: 'https://ads.example/m.js' }, 'advertising', 'a modulepreload link'],
      ['link', { rel: 'stylesheet', href: 'https://ads.example/a.css' }, null, 'a stylesheet is not an early link'],
      ['link', { href: 'https://ads.example/a' }, null, 'a link without rel'],
      ['video', { src: 'https://ads.example/v.mp4' }, null, 'other elements are left to the markup form'],
      ['a', { href: 'https://ads.example/' }, null, 'a link to a page fetches nothing'],
    ];
    for (const [tag, pairs, expected, why] of cases) {
      it(`${tag}: ${why}`, () => expect(tagWaitsFor(tag, attributes(pairs), hold)).to.equal(expected));
    }
  });

  describe('heldPrefix and heldName', () => {
    it('turns a script into text/plain with its category, keeping its own type in data-type', () => {
      expect(heldPrefix('script', 'analytics')).to.equal(' type="text/plain" data-category="analytics"');
      expect(['type', 'src', 'async', 'nonce'].map((name) => heldName('script', name))).to.deep.equal(['data-type', 'data-src', 'async', 'nonce']);
    });
    it('gives a script that can never run no category, so nothing releases it', () => {
      expect(heldPrefix('script', 'analytics', false)).to.equal(' type="text/plain"');
      expect(heldPrefix('img', 'analytics', false)).to.equal(' data-category="analytics"');
    });
    it('moves the URLs of images, frames and links to data-*, and nothing else', () => {
      expect(['src', 'srcset', 'width', 'type'].map((name) => heldName('img', name))).to.deep.equal(['data-src', 'data-srcset', 'width', 'type']);
      expect(['href', 'rel', 'src'].map((name) => heldName('link', name))).to.deep.equal(['data-href', 'rel', 'src']);
      expect(heldPrefix('iframe', 'advertising analytics')).to.equal(' data-category="advertising analytics"');
    });
  });

  describe('srcsetHold', () => {
    const asked: string[] = [];
    const hostHold = (url: string) => (asked.push(url), hold(url));
    const cases: [string, string | null, string[], string][] = [
      ['https://cdn.example/a.png 1x, https://ads.example/b.png 2x', 'advertising', ['https://cdn.example/a.png', '1x', 'https://ads.example/b.png'], 'a held candidate after one that is not, and nothing after it'],
      ['https://stats.example/a.png 480w,https://ads.example/b.png 800w', 'analytics', ['https://stats.example/a.png'], 'the first held candidate, without spaces after commas'],
      ['/a.png 1x, /b.png 2x', null, ['/a.png', '1x', '/b.png', '2x'], 'none held'],
      ['', null, [], 'an empty srcset'],
    ];
    for (const [value, expected, parts, why] of cases) {
      it(why, () => {
        asked.length = 0;
        expect(srcsetHold(value, hostHold)).to.equal(expected);
        expect(asked).to.deep.equal(parts);
      });
    }
  });

  describe('scriptWaitsFor', () => {
    const cases: [string, string | null, string][] = [
      ["s.src='https://ads.example/fbevents.js'", 'advertising', 'a URL in a string'],
      ["load('//stats.example/c/hj-')", 'analytics', 'a protocol-relative URL'],
      ['{"url":"https:\\/\\/ads.example\\/x"}', 'advertising', 'a URL escaped as JSON writes it'],
      ["a('https://stats.example/a'); b('https://ads.example/b')", 'analytics advertising', 'every category it names'],
      ["fetch('https://cdn.example/x') // https://own.example", null, 'hosts that are not held'],
      ["s.src='https://'+'ads'+'.example'", null, 'a host built from parts is not recognised'],
      ['window.dataLayer = window.dataLayer || [];', null, 'no URL at all'],
    ];
    for (const [text, expected, why] of cases) {
      it(why, () => expect(scriptWaitsFor(text, hold)).to.equal(expected));
    }
  });

  describe('isExecutableScript', () => {
    const cases: [Record<string, string>, boolean][] = [
      [{}, true],
      [{ type: '' }, true],
      [{ type: 'text/javascript' }, true],
      [{ type: 'module' }, true],
      [{ type: 'application/ecmascript' }, true],
      [{ type: 'application/json' }, false],
      [{ type: 'application/ld+json' }, false],
      [{ type: 'text/plain' }, false],
      [{ type: 'text/template' }, false],
    ];
    for (const [pairs, expected] of cases) {
      it(`${JSON.stringify(pairs)}: ${expected ? 'runs' : 'never runs'}`, () => expect(isExecutableScript(attributes(pairs))).to.equal(expected));
    }
  });
});
