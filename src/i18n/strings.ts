import type { TextOverrides } from '../core/config/config-types.js';
import { enGB, type Strings } from './en-GB.js';
import { ownValue } from '../core/own-property.js';

/** Built-in languages beyond English, shipped as separate files and loaded on demand. */
export const BUILT_IN_LANGUAGES = ['cy', 'fr', 'de', 'es', 'pl', 'it', 'nl', 'pt', 'ga', 'ar'] as const;

/** Languages written right to left. */
const RTL = /^(ar|he|fa|ur|ps|yi|dv|ckb)(-|$)/i;

export const isRightToLeft = (language: string) => RTL.test(language);

/**
 * The languages to look in, most specific first, ending in en-GB:
 * "cy-GB" → ["cy-GB", "cy", "en-GB"]; "en-US" → ["en-US", "en", "en-GB"]; "en-GB" → ["en-GB", "en"].
 */
export function languageChain(language: string | null | undefined): string[] {
  const chain: string[] = [];
  const parts = (language || '').trim().replace(/_/g, '-').split('-').filter(Boolean);
  for (let length = parts.length; length > 0; length--) {
    const tag = parts.slice(0, length).map((part, index) => (index === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part)).join('-');
    if (!chain.includes(tag)) chain.push(tag);
  }
  if (!chain.includes('en-GB')) chain.push('en-GB');
  else if (!chain.includes('en')) chain.push('en');
  return chain;
}

/** The built-in language (if any) that a chain lands on before English. */
export function builtInLanguageFor(chain: readonly string[]): string | undefined {
  return chain.find((tag) => (BUILT_IN_LANGUAGES as readonly string[]).includes(tag));
}

/**
 * The strings for a language chain: for each key, the config's override in the most specific
 * language that has one, else the built-in translation, else British English.
 */
export function resolveStrings(
  chain: readonly string[],
  builtIn: Record<string, Strings>,
  overrides: Record<string, TextOverrides>,
): Strings {
  const layers: Strings[] = [enGB];
  for (const tag of [...chain].reverse()) {
    // The tags come from the page's <html lang>: "constructor" must not find Object.prototype's.
    const translation = ownValue(builtIn, tag);
    const override = ownValue(overrides, tag);
    if (translation) layers.push(translation);
    if (override) layers.push(override);
  }
  return Object.assign({}, ...layers);
}

/** Fills `{name}` placeholders. Unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
}

/** "2 years", "1 month", "3 mis" — the plural form of `unit` for `count` in `language`. */
export function plural(strings: Strings, language: string, unit: string, count: number): string {
  let category: string = 'other';
  try {
    category = new Intl.PluralRules(language).select(count);
  } catch {
    // An invalid language tag from a page's <html lang>: fall back to the "other" form.
  }
  const template = strings[`${unit}_${category}`] ?? strings[`${unit}_other`] ?? `{n} ${unit}`;
  return format(template, { n: count });
}

/** The title and description of a category, built in or from the config. */
export function categoryText(strings: Strings, id: string): { title: string; description: string } {
  return { title: strings[`${id}.title`] ?? id, description: strings[`${id}.description`] ?? '' };
}

/**
 * The banner's description for the config's own categories: the language's sentence about the
 * cookies the site needs, then one naming its optional categories by title, so the default text
 * never speaks of a category the config does not have. A description the config writes itself
 * (in any language of the chain) is kept as written.
 */
export function describeCategories(
  strings: Strings,
  chain: readonly string[],
  overrides: Record<string, TextOverrides>,
  language: string,
  categories: ReadonlyArray<{ id: string; required: boolean }>,
): string {
  if (chain.some((tag) => ownValue(overrides, tag)?.description !== undefined)) return strings.description;
  const titles = categories.filter((category) => !category.required).map((category) => categoryText(strings, category.id).title);
  if (!titles.length) return strings.description;
  let list = titles.join(', ');
  if (language === 'en-GB') {
    // British English needs no locale data, and the first Intl.ListFormat on a page loads ICU's: a
    // long task on a slow phone, in the way of the banner on most visits.
    if (titles.length > 1) list = `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
  } else {
    try {
      // A browser without list data for the language (Welsh, in some builds) would join in English:
      // it resolves the language to another.
      const listFormat = new Intl.ListFormat(language, { type: 'conjunction' });
      if (listFormat.resolvedOptions().locale.split('-')[0] === language.split('-')[0]) list = listFormat.format(titles);
    } catch {
      // An invalid language tag: the titles stay a comma-separated list.
    }
  }
  return `${strings.description} ${format(strings.optionalCookies, { categories: list })}`;
}
