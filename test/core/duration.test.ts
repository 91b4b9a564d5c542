import { expect } from '@open-wc/testing';
import { describeDuration, parseDuration } from '../../src/core/duration.js';

describe('durations', () => {
  const described: Array<[string, number, string]> = [
    ['P2Y', 2, 'year'],
    ['P1Y', 1, 'year'],
    ['P13M', 13, 'month'],
    ['P1Y6M', 18, 'month'],
    ['P182D', 182, 'day'],
    ['P1D', 1, 'day'],
    ['P2W', 2, 'week'],
    ['PT30M', 30, 'minute'],
    ['PT1H', 1, 'hour'],
    ['P1DT12H', 36, 'hour'],
    ['PT90S', 90, 'second'],
  ];
  for (const [text, count, unit] of described) {
    it(`describes ${text} as ${count} ${unit}(s)`, () => {
      expect(describeDuration(parseDuration(text)!)).to.deep.equal({ count, unit });
    });
  }

  for (const text of ['', 'P', 'PT', '2Y', 'P1.5Y', 'P-1D', 'p1y', 'P1YT', 'session', 'P1H']) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(parseDuration(text)).to.equal(null);
    });
  }
});
