/**
 * Cookie lifetimes as policies write them, in English ("2 years", "thirteen months", "a year") and
 * in Welsh ("2 flynedd", "deuddeg mis", "am flwyddyn"), or the ways a policy says a cookie ends
 * with the visit ("session", "until you close your browser"), as the config's ISO 8601 durations.
 */

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, ninety: 90,
};
/**
 * Welsh numbers before a unit, with the forms they take after "am" ("for": "am ddwy flynedd") and
 * before a feminine noun ("dwy", "tair", "pedair").
 */
const WELSH_NUMBERS: Record<string, number> = {
  un: 1, dau: 2, ddau: 2, dwy: 2, ddwy: 2, tri: 3, dri: 3, tair: 3, dair: 3, pedwar: 4, bedwar: 4, pedair: 4, bedair: 4,
  pum: 5, bum: 5, pump: 5, bump: 5, chwe: 6, chwech: 6, saith: 7, wyth: 8, naw: 9, deg: 10, ddeg: 10, deng: 10, ddeng: 10,
  deuddeg: 12, ddeuddeg: 12, deuddeng: 12, ddeuddeng: 12, pymtheg: 15, bymtheg: 15, pymtheng: 15, bymtheng: 15, deunaw: 18, ddeunaw: 18, ugain: 20,
};
/** The traditional count puts the unit between its parts: "tri mis ar ddeg" is 13 months. */
const WELSH_TEENS: Record<string, number> = { ddeg: 10, bymtheg: 15, hugain: 20 };
type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';
/**
 * Welsh units as a lifetime writes them: the singular with its mutations ("flwyddyn", "fis",
 * "ddiwrnod", "niwrnod", "funud"), "blynedd" after a number ("2 flynedd", "pum mlynedd"), and plurals.
 */
const WELSH_UNITS: Record<string, Unit> = {
  blwyddyn: 'year', flwyddyn: 'year', blynedd: 'year', flynedd: 'year', mlynedd: 'year', blynyddoedd: 'year', flynyddoedd: 'year',
  mis: 'month', fis: 'month', misoedd: 'month', fisoedd: 'month',
  wythnos: 'week', wythnosau: 'week',
  diwrnod: 'day', ddiwrnod: 'day', niwrnod: 'day', diwrnodau: 'day', ddiwrnodau: 'day',
  awr: 'hour', oriau: 'hour',
  munud: 'minute', funud: 'minute', munudau: 'minute', funudau: 'minute',
};
/** Units that stand for one of themselves without a number ("am flwyddyn": for a year); plurals and "blynedd" never do. */
const WELSH_SINGULAR = ['blwyddyn', 'flwyddyn', 'mis', 'fis', 'wythnos', 'diwrnod', 'ddiwrnod', 'awr', 'munud', 'funud'];
const CODES: Record<Unit, string> = { year: 'Y', month: 'M', week: 'W', day: 'D', hour: 'H', minute: 'M' };

const words = (table: Record<string, unknown>) => Object.keys(table).join('|');
// Welsh words are whole words: not part of another, nor of a hyphenated English one ("mis-sold").
const WELSH_BEFORE = "(?<![\\w'’-])";
const WELSH_AFTER = "(?![\\w'’-])";
const DURATION = new RegExp(
  [
    `\\b(?<count>\\d{1,4}|${words(NUMBER_WORDS)})[\\s-]*(?<unit>years?|months?|weeks?|days?|hours?|minutes?|mins?|yrs?)\\b`,
    `${WELSH_BEFORE}(?<welshCount>\\d{1,4}|(?:${words(WELSH_NUMBERS)})(?:\\s+d?deg(?:\\s+(?:${words(WELSH_NUMBERS)}))?)?)\\s+(?:o\\s+)?(?<welshUnit>${words(WELSH_UNITS)})(?:\\s+ar\\s+(?<welshTeen>${words(WELSH_TEENS)}))?${WELSH_AFTER}`,
    `${WELSH_BEFORE}(?<welshOne>${WELSH_SINGULAR.join('|')})${WELSH_AFTER}`,
    `\\b(?<session>session(?! cookies? (?:and|or)\\b)|until you (?:close|leave|quit) (?:your|the) (?:browser|site|website)|when you close your browser|end of (?:your|the) (?:browser )?session|browser session)\\b`,
  ].join('|'),
  'gi',
);

/** Each lifetime a text writes, in order, with where it is written. */
export function durationsIn(text: string): Array<{ value: string; index: number }> {
  return (
    [...text.matchAll(DURATION)]
      // A unit alone in capitals is an abbreviation ("MIS reports"), not Welsh for "a month".
      .filter(({ groups }) => !groups!.welshOne || groups!.welshOne !== groups!.welshOne.toUpperCase())
      .map((match) => ({ value: lifetimeOf(match.groups!), index: match.index! }))
  );
}

/** "2 years" → "P2Y", "2 flynedd" → "P2Y", "session" → "session"; undefined for anything else. */
export function readDuration(text: string): string | undefined {
  return durationsIn(text)[0]?.value;
}

function lifetimeOf(groups: Record<string, string | undefined>): string {
  if (groups.session) return 'session';
  const { count, unit } = groups.unit ? englishCount(groups.count!, groups.unit) : welshCount(groups);
  return unit === 'hour' || unit === 'minute' ? `PT${count}${CODES[unit]}` : `P${count}${CODES[unit]}`;
}

function englishCount(count: string, unit: string): { count: number; unit: Unit } {
  return {
    count: /^\d+$/.test(count) ? Number(count) : NUMBER_WORDS[count.toLowerCase()],
    unit: unit.toLowerCase().replace(/s$/, '').replace(/^yr$/, 'year').replace(/^min$/, 'minute') as Unit,
  };
}

function welshCount({ welshCount: count, welshUnit, welshTeen, welshOne }: Record<string, string | undefined>): { count: number; unit: Unit } {
  if (welshOne) return { count: 1, unit: WELSH_UNITS[welshOne.toLowerCase()] };
  const base = /^\d+$/.test(count!) ? Number(count) : welshNumber(count!.toLowerCase());
  return { count: base + (welshTeen ? WELSH_TEENS[welshTeen.toLowerCase()] : 0), unit: WELSH_UNITS[welshUnit!.toLowerCase()] };
}

/** "deuddeg" → 12; the decimal way, "tri deg" → 30 and "dau ddeg pedwar" → 24. */
function welshNumber(words: string): number {
  const [first, tens, ones] = words.split(/\s+/);
  return tens ? WELSH_NUMBERS[first] * 10 + (ones ? WELSH_NUMBERS[ones] : 0) : WELSH_NUMBERS[first];
}
