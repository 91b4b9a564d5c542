import { expect } from '@open-wc/testing';
import { readDuration } from '../../src/draft/read-duration.js';

describe('readDuration', () => {
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
});
