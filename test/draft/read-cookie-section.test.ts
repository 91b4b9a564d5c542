import { expect } from '@open-wc/testing';
import { readCookieSection } from '../../src/draft/read-cookie-section.js';
import { statementsOf } from '../../src/draft/section-statements.js';

describe('readCookieSection', () => {
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
});
