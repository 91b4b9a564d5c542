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
    // Welsh, as a Welsh-English policy writes a lifetime: figures, words and the mutated forms.
    ['2 flynedd', 'P2Y'],
    ['13 mis', 'P13M'],
    ['30 diwrnod', 'P30D'],
    ['24 awr', 'PT24H'],
    ['30 munud', 'PT30M'],
    ['2 wythnos', 'P2W'],
    ['blwyddyn', 'P1Y'],
    ['mis', 'P1M'],
    ['wythnos', 'P1W'],
    ['diwrnod', 'P1D'],
    ['awr', 'PT1H'],
    ['munud', 'PT1M'],
    ["Mae'r cwci yn para am flwyddyn", 'P1Y'],
    ['am fis', 'P1M'],
    ['am ddiwrnod', 'P1D'],
    ['am funud', 'PT1M'],
    ['dwy flynedd', 'P2Y'],
    ['am ddwy flynedd', 'P2Y'],
    ['pum mlynedd', 'P5Y'],
    ['deuddeg mis', 'P12M'],
    ['dau fis', 'P2M'],
    ['saith niwrnod', 'P7D'],
    ['30 o ddiwrnodau', 'P30D'],
    ['tri mis ar ddeg', 'P13M'],
    ['pedair awr ar hugain', 'PT24H'],
    ['tri deg diwrnod', 'P30D'],
    ['dau ddeg pedwar awr', 'PT24H'],
    ['naw deg diwrnod', 'P90D'],
    // Not Welsh lifetimes: a plural with no number ("opening hours"), "blynedd" alone, an English
    // word with "mis-", an abbreviation in capitals.
    ['oriau agor', undefined],
    ['blynedd', undefined],
    ['mis-sold', undefined],
    ['MIS reports', undefined],
  ];
  for (const [phrase, lifetime] of DURATIONS) {
    it(`reads the lifetime in ${JSON.stringify(phrase)}`, () => expect(readDuration(phrase)).to.equal(lifetime));
  }
});
