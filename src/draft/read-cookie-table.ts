/**
 * A cookie table pasted as text: its header says which column holds the name, lifetime, provider,
 * purpose, domain and category (in English or Welsh, "Enw / Name"); each row below is a cookie.
 */
import { headingCategory } from './category-cues.js';
import { siteSpecificName } from './cookie-names.js';
import { domainsIn } from './domain-names.js';
import { knownCookie } from './known-services.js';
import { readDuration } from './read-duration.js';
import { addNamedCookie, addPurpose, type SectionReading } from './section-reading.js';
import type { Statement } from './section-statements.js';

/** Which cell of a row holds each detail, by the header's words. */
export type TableColumns = Partial<Record<'name' | 'lifetime' | 'provider' | 'purpose' | 'domain' | 'category', number>>;

// Header cells may be bilingual ("Enw / Name", "Hyd / Duration").
const NAME_HEADER = /^(?:(?:cookie|cwci)(?: name)?|name|enw)(?:\s*\/\s*(?:(?:cookie|cwci)(?: name)?|name|enw))?$/i;
const LIFETIME_HEADER = /duration|expir|lifetime|how long|retention|\bhyd\b/i;

/** The columns a header row names, or null when the row is no header (it names no cookie and no lifetime column). */
export function tableColumns(cells: string[]): TableColumns | null {
  if (!cells.some((cell) => NAME_HEADER.test(cell)) || !cells.some((cell) => LIFETIME_HEADER.test(cell))) return null;
  const columns: TableColumns = {};
  cells.forEach((cell, index) => {
    const key = NAME_HEADER.test(cell) ? 'name'
      : LIFETIME_HEADER.test(cell) ? 'lifetime'
      : /provider|set by|owner|darparwr/i.test(cell) ? 'provider'
      : /purpose|description|used for|what it does|diben/i.test(cell) ? 'purpose'
      : /domain|host|parth/i.test(cell) ? 'domain'
      : /category|type|math/i.test(cell) ? 'category' : null;
    if (key && columns[key] === undefined) columns[key] = index;
  });
  return columns;
}

/** A table row: each column the header named, else the cells as name, then whatever they look like. */
export function readTableRow(statement: Statement, columns: TableColumns | null, reading: SectionReading): void {
  const cells = statement.cells!;
  const cell = (key: keyof TableColumns) => (columns?.[key] !== undefined ? cells[columns[key]] : undefined);
  const name = (cell('name') ?? cells[0]).replace(/[`'"‘’“”]/g, '').trim();
  const lifetimeText = cell('lifetime') ?? cells.find((text) => readDuration(text));
  // Without a header naming the columns, a row is a cookie only when it gives a lifetime.
  if (!/^[\w.<>{}*[\]-]+$/.test(name) || !/[a-z]/i.test(name) || (!columns && !lifetimeText)) return;
  const lifetime = lifetimeText ? readDuration(lifetimeText) : undefined;
  const domainText = cell('domain') ?? '';
  const domain = domainsIn(domainText)[0]?.domain;
  const categoryText = cell('category') ?? statement.text;
  const category = headingCategory(categoryText) ?? statement.heading;
  const purpose = cell('purpose') ?? cells.filter((text) => text !== lifetimeText && text !== cells[0]).sort((a, b) => b.length - a.length)[0];
  const known = knownCookie(name);
  const provider = cell('provider') ?? known?.service.provider;
  if (category && !reading.found.has(category)) reading.found.set(category, statement.text);
  if (category && purpose) addPurpose(reading, category, purpose);
  if (lifetime === 'session' && !reading.session) reading.session = statement.text;
  if (known && !reading.services.has(known.service)) reading.services.set(known.service, statement.text);
  addNamedCookie(reading, {
    name: siteSpecificName(name) ?? name,
    category,
    lifetime,
    domain: domain && !/^(?:first|own|this site)/i.test(domainText) ? domain : undefined,
    provider,
    purpose,
    service: known?.service,
    from: { ...(lifetime ? { lifetime: 'policy' } : {}), ...(domain ? { domain: 'policy' } : {}), ...(category ? { category: cell('category') ? 'policy' : 'heading' } : {}) },
    statement: statement.text,
  });
}
