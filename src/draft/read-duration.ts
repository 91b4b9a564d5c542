/**
 * Cookie lifetimes as policies write them ("2 years", "thirteen months", "a year"), or the ways a
 * policy says a cookie ends with the visit ("session", "until you close your browser"), as the
 * config's ISO 8601 durations.
 */

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, ninety: 90,
};
type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';
const CODES: Record<Unit, string> = { year: 'Y', month: 'M', week: 'W', day: 'D', hour: 'H', minute: 'M' };

const words = (table: Record<string, unknown>) => Object.keys(table).join('|');
const DURATION = new RegExp(
  [
    `\\b(?<count>\\d{1,4}|${words(NUMBER_WORDS)})[\\s-]*(?<unit>years?|months?|weeks?|days?|hours?|minutes?|mins?|yrs?)\\b`,
    `\\b(?<session>session(?! cookies? (?:and|or)\\b)|until you (?:close|leave|quit) (?:your|the) (?:browser|site|website)|when you close your browser|end of (?:your|the) (?:browser )?session|browser session)\\b`,
  ].join('|'),
  'gi',
);

/** Each lifetime a text writes, in order, with where it is written. */
export function durationsIn(text: string): Array<{ value: string; index: number }> {
  return [...text.matchAll(DURATION)].map((match) => ({ value: lifetimeOf(match.groups!), index: match.index! }));
}

/** "2 years" → "P2Y", "session" → "session"; undefined for anything else. */
export function readDuration(text: string): string | undefined {
  return durationsIn(text)[0]?.value;
}

function lifetimeOf(groups: Record<string, string | undefined>): string {
  if (groups.session) return 'session';
  const { count, unit } = englishCount(groups.count!, groups.unit!);
  return unit === 'hour' || unit === 'minute' ? `PT${count}${CODES[unit]}` : `P${count}${CODES[unit]}`;
}

function englishCount(count: string, unit: string): { count: number; unit: Unit } {
  return {
    count: /^\d+$/.test(count) ? Number(count) : NUMBER_WORDS[count.toLowerCase()],
    unit: unit.toLowerCase().replace(/s$/, '').replace(/^yr$/, 'year').replace(/^min$/, 'minute') as Unit,
  };
}
