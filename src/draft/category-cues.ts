/**
 * The categories a draft can give, and the words that point to each, in English and Welsh: what a
 * statement of the cookie section is about, and what a heading over a kind of cookie names.
 */

export type OptionalCategory = 'preferences' | 'analytics' | 'advertising';
export type CategoryId = 'necessary' | OptionalCategory;
export const OPTIONAL_CATEGORIES: OptionalCategory[] = ['preferences', 'analytics', 'advertising'];

const CUES: Record<CategoryId, RegExp> = {
  necessary:
    /strictly necessary|\bessential\b|\blog(?:ged)? ?(?:on|in)\b|\bsign(?:ed)? ?in\b|create an account|shopping (?:basket|cart)|checkout|\bsecurity\b|load[- ]balanc|needed for (?:the|our) (?:site|website) to work|(?:site|website) needs to work|(?:site|website) (?:to )?work properly|\bhanfodol\b/i,
  preferences:
    /remembers? (?:your |who you are|you\b)|notices? (?:that )?you(?:'ve| have|’ve)? already (?:read|seen)|(?:won't|will not|don't|do not|don’t|won’t) show you [^.]{0,60}\b(?:again|already (?:read|seen))\b|information about your preferences|your (?:language|region) (?:choice|preference)|customi[sz]e|personali[sz]ed|tailored|speed up (?:your )?search|recogni[sz]e you when you (?:return|come back)|visited (?:\w+ ){0,2}before|when you (?:revisit|return)|your last visit|\bfunctional(?:ity)? cookies|\bpreference cookies|\bdewisiadau\b/i,
  analytics:
    /analytic|statistic|audience size|usage patterns?|\btraffic\b|site usage|number of (?:visits|visitors|people who visit)|(?:most )?popular pages|how (?:our )?(?:customers|visitors|users|people|you)\b[^.]{0,40}\b(?:use|move|navigate|find)\b|performance cookies|measure (?:how|the|which|visits)|\bdadansoddi\b|\bystadegau\b/i,
  advertising:
    /\badvert(?:s|isements?|ising)?\b|\bads\b|marketing cookies|targeting cookies|re-?targeting|remarketing|\bhysbysebu\b/i,
};

/** The categories a statement's words point to. */
export function cuesOf(text: string): CategoryId[] {
  const categories = (Object.keys(CUES) as CategoryId[]).filter((id) => CUES[id].test(text));
  // "Measure how many people respond to adverts" is about advertising, not site analytics.
  return categories.includes('advertising') && !/analytic|statistic|audience size|popular pages|number of visits/i.test(text)
    ? categories.filter((id) => id !== 'analytics')
    : categories;
}

/** The category a heading names, if it is a heading about one kind of cookie. */
export function headingCategory(heading: string): CategoryId | undefined {
  const cues = cuesOf(heading);
  if (/necessary|essential|hanfodol|required/i.test(heading)) return 'necessary';
  if (/preference|functional|dewisiadau/i.test(heading)) return 'preferences';
  return cues.length === 1 ? cues[0] : undefined;
}
