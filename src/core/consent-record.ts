import type { ConsentConfig } from './config/config-types.js';
import { isOwnTrue, ownValue } from './own-property.js';

/** The version of the stored record's format; bump it only with a migration in `parseRecord`. */
export const RECORD_VERSION = 1;

/** A visitor's decision, as stored in the first-party consent cookie (JSON). */
export interface ConsentRecord {
  version: typeof RECORD_VERSION;
  /**
   * Random UUID v4: the visitor's consent id, kept across their decisions (and revisions), so the
   * consent log holds their whole history under it and a withdrawal is tied to what it withdraws.
   */
  id: string;
  /** When the decision was made (ISO 8601, UTC). */
  timestamp: string;
  /** The config revision the visitor answered; a new revision asks again. */
  revision: number;
  /** Every category of the config → granted or not. `necessary` is always true. */
  categories: Record<string, boolean>;
  /** Every declared service id → granted or not. */
  services: Record<string, boolean>;
  /** The browser sent Global Privacy Control when the decision was made. */
  gpc: boolean;
}

/**
 * What may run: category id → granted, service id → granted. The same shape in the browser (the
 * blocker's grants) and on the server (`readConsent(...).grants`), with or without Global Privacy Control.
 */
export interface ConsentGrants {
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
}

export type RecordProblem = 'missing' | 'malformed' | 'version' | 'revision' | 'expired' | 'categories' | 'services';

export type ReadRecordResult = { record: ConsentRecord; problem?: undefined } | { record: null; problem: RecordProblem };

/** Choices as a caller gives them: any subset of categories / services, the rest refused. */
export interface Choices {
  categories: Record<string, boolean | undefined>;
  services?: Record<string, boolean | undefined>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** All service ids of a config, paired with the category each belongs to. */
export function serviceCategories(config: ConsentConfig): Map<string, string> {
  const owners = new Map<string, string>();
  for (const category of config.categories) {
    for (const service of category.services) owners.set(service.id, category.id);
  }
  return owners;
}

/**
 * Builds a complete record from partial choices. Required categories are always granted;
 * a service is granted only when it and its category are; a category with services is
 * granted when any of its services is (so its scripts run for those services).
 */
export function createRecord(
  config: ConsentConfig,
  choices: Choices,
  meta: { id: string; now: Date; gpc?: boolean },
): ConsentRecord {
  const categories: Record<string, boolean> = {};
  const services: Record<string, boolean> = {};
  for (const category of config.categories) {
    let granted = category.required || isOwnTrue(choices.categories, category.id);
    if (category.services.length && !category.required) {
      let anyService = false;
      for (const service of category.services) {
        const chosen = ownValue(choices.services, service.id);
        // A service follows its category unless the caller chose for it explicitly.
        services[service.id] = granted && chosen !== false && (chosen === true || isOwnTrue(choices.categories, category.id));
        anyService ||= services[service.id];
      }
      granted = anyService;
    } else {
      for (const service of category.services) services[service.id] = granted;
    }
    categories[category.id] = granted;
  }
  return {
    version: RECORD_VERSION,
    id: meta.id,
    timestamp: meta.now.toISOString(),
    revision: config.revision,
    categories,
    services,
    gpc: meta.gpc === true,
  };
}

/** The cookie value for a record (js-cookie encodes it on write). */
export function serializeRecord(record: ConsentRecord): string {
  return JSON.stringify(record);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys of `map` are exactly `expected`, and every value is a boolean. */
function hasExactBooleanKeys(map: unknown, expected: Iterable<string>): boolean {
  if (!isPlainObject(map)) return false;
  const want = new Set(expected);
  const keys = Object.keys(map);
  return keys.length === want.size && keys.every((key) => want.has(key) && typeof map[key] === 'boolean');
}

/**
 * Reads a stored cookie value back into a record, exactly: anything tampered, truncated,
 * from another revision, expired or naming categories the config does not have is refused,
 * and the visitor is asked again. Never throws.
 */
export function parseRecord(text: string | undefined, config: ConsentConfig, now: Date): ReadRecordResult {
  if (text === undefined || text === '') return { record: null, problem: 'missing' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { record: null, problem: 'malformed' };
  }
  if (!isPlainObject(data)) return { record: null, problem: 'malformed' };
  const expectedKeys = ['version', 'id', 'timestamp', 'revision', 'categories', 'services', 'gpc'];
  if (Object.keys(data).length !== expectedKeys.length || !expectedKeys.every((key) => Object.hasOwn(data, key))) {
    return { record: null, problem: 'malformed' };
  }
  const { version, id, timestamp, revision, categories, services, gpc } = data;
  if (version !== RECORD_VERSION) return { record: null, problem: 'version' };
  const time = typeof timestamp === 'string' && ISO_TIMESTAMP.test(timestamp) ? Date.parse(timestamp) : NaN;
  if (typeof id !== 'string' || !UUID.test(id) || Number.isNaN(time) || typeof gpc !== 'boolean') {
    return { record: null, problem: 'malformed' };
  }
  if (revision !== config.revision) return { record: null, problem: 'revision' };
  // A record from the future is as suspect as an old one.
  if (time > now.getTime() + 60_000 || now.getTime() - time > config.consent.days * 86_400_000) {
    return { record: null, problem: 'expired' };
  }
  const owners = serviceCategories(config);
  if (!hasExactBooleanKeys(categories, config.categories.map((category) => category.id))) {
    return { record: null, problem: 'categories' };
  }
  const granted = categories as Record<string, boolean>;
  if (config.categories.some((category) => category.required && !granted[category.id])) {
    return { record: null, problem: 'categories' };
  }
  if (!hasExactBooleanKeys(services, owners.keys())) return { record: null, problem: 'services' };
  const grantedServices = services as Record<string, boolean>;
  for (const [service, category] of owners) {
    if (grantedServices[service] && !granted[category]) return { record: null, problem: 'services' };
  }
  return { record: data as unknown as ConsentRecord };
}

/**
 * The consent id in a stored cookie value, even one no longer usable (another revision, expired):
 * a visitor asked again keeps their id. Null when there is none to read. Never throws.
 */
export function storedConsentId(text: string | undefined): string | null {
  try {
    const data: unknown = JSON.parse(text ?? '');
    return isPlainObject(data) && typeof data.id === 'string' && UUID.test(data.id) ? data.id : null;
  } catch {
    return null;
  }
}

/**
 * What a valid record lets run in a browser that does or does not send Global Privacy Control: its
 * choices, except that a decision made without the signal never grants a sale/sharing category over
 * it, nor that category's services. Always a new `{ categories, services }`, never the record itself.
 */
export function grantsOf(config: ConsentConfig, record: ConsentRecord, gpc: boolean): ConsentGrants {
  const categories = { ...record.categories };
  const services = { ...record.services };
  if (gpc && !record.gpc) {
    for (const category of config.categories) {
      if (!category.saleOrSharing) continue;
      categories[category.id] = false;
      for (const service of category.services) services[service.id] = false;
    }
  }
  return { categories, services };
}

/** True when every one of the categories is granted in the record (false without a record). */
export function grantsAll(record: ConsentRecord | null, categories: readonly string[]): boolean {
  return record !== null && categories.every((category) => isOwnTrue(record.categories, category));
}

/** Categories granted in `before` but not in `after`: what a decision withdrew. */
export function withdrawnCategories(before: ConsentRecord | null, after: ConsentRecord | null): string[] {
  if (!before) return [];
  return Object.keys(before.categories).filter((category) => before.categories[category] && !isOwnTrue(after?.categories, category));
}
