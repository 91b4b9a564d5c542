import type {
  CategoryConfig,
  ConfigError,
  ConsentConfig,
  CookieDeclaration,
  ParseResult,
  ServiceConfig,
  StorageDeclaration,
} from './config-types.js';
import { parseDuration } from '../duration.js';
import { CONSENT_COOKIE_NAME, CONSENT_DAYS } from '../defaults.js';
// The rules come from the table the JSON Schema is checked against (test/core/config-keys.test.ts).
import * as rules from './config-keys.js';
import { readCosmetic } from './cosmetic.js';
import { describeConfigError } from './config-messages.js';

export { formatConfigErrors, formatConfigWarnings } from './config-messages.js';
import { isObject, join, Reader, stripUndefined } from './reader.js';

export const DEFAULT_CATEGORY_IDS = rules.CATEGORIES.default;

/** Consent Mode v2 types granted with each built-in category. */
export const DEFAULT_CONSENT_MODE_MAPPING: Record<string, string[]> = {
  analytics: ['analytics_storage'],
  advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  preferences: ['functionality_storage', 'personalization_storage'],
};

const ID = rules.ID.pattern;
const COOKIE_NAME = rules.COOKIE_NAME.pattern;
const HOST_PATTERN = rules.HOST.pattern;
const COOKIE_DOMAIN = rules.COOKIE_DOMAIN.pattern;
/** Every key a config may have at its top level. */
export const TOP_LEVEL_KEYS = [
  '$schema',
  'revision',
  'provider',
  'consent',
  'categories',
  'cookies',
  'storage',
  'hosts',
  'texts',
  'ui',
  'googleConsentMode',
  'consentLog',
];

/** The safe config used when a site's config cannot be read: one locked category, nothing to release. */
export function fallbackConfig(): ConsentConfig {
  return {
    revision: 1,
    provider: { name: '', policyUrl: '' },
    consent: { cookieName: CONSENT_COOKIE_NAME, days: CONSENT_DAYS, reloadOnWithdraw: true },
    categories: [{ id: 'necessary', required: true, saleOrSharing: false, services: [] }],
    cookies: [],
    storage: [],
    hosts: {},
    texts: {},
    ui: { layout: 'bar', theme: 'auto', floatingButton: true },
    googleConsentMode: null,
    consentLog: null,
  };
}

function readCategories(reader: Reader, value: unknown): CategoryConfig[] {
  const list = reader.array(value, 'categories') ?? DEFAULT_CATEGORY_IDS;
  const categories: CategoryConfig[] = [];
  const serviceIds = new Set<string>();
  list.forEach((entry, index) => {
    const path = join('categories', index);
    // A bare id ("analytics") is shorthand for { "id": "analytics" }.
    const raw = typeof entry === 'string' ? { id: entry } : reader.object(entry, path, ['id', 'required', 'saleOrSharing', 'services'], true);
    if (!raw) return;
    const id = reader.string(raw.id, join(path, 'id'), true, ID, 'category-id');
    if (id === undefined) return;
    if (categories.some((category) => category.id === id)) {
      reader.fail(join(path, 'id'), 'category-twice', id);
      return;
    }
    const required = reader.boolean(raw.required, join(path, 'required')) ?? id === 'necessary';
    if (required !== (id === 'necessary')) {
      reader.fail(join(path, 'required'), id === 'necessary' ? 'necessary-required' : 'only-necessary-required');
    }
    const services: ServiceConfig[] = [];
    reader.array(raw.services, join(path, 'services'))?.forEach((service, serviceIndex) => {
      const servicePath = join(join(path, 'services'), serviceIndex);
      const rawService = reader.object(service, servicePath, ['id', 'name', 'provider', 'purpose'], true);
      if (!rawService) return;
      const serviceId = reader.string(rawService.id, join(servicePath, 'id'), true, ID, 'service-id');
      const name = reader.string(rawService.name, join(servicePath, 'name'), true);
      const provider = reader.string(rawService.provider, join(servicePath, 'provider'));
      const purpose = reader.string(rawService.purpose, join(servicePath, 'purpose'));
      if (serviceId !== undefined && serviceIds.has(serviceId)) {
        reader.fail(join(servicePath, 'id'), 'service-twice', serviceId);
      } else if (serviceId !== undefined && name !== undefined) {
        serviceIds.add(serviceId);
        services.push({ id: serviceId, name, ...(provider && { provider }), ...(purpose && { purpose }) });
      }
    });
    categories.push({
      id,
      required: id === 'necessary',
      saleOrSharing: reader.boolean(raw.saleOrSharing, join(path, 'saleOrSharing')) ?? id === 'advertising',
      services,
    });
  });
  if (!categories.some((category) => category.id === 'necessary')) {
    reader.fail('categories', 'no-necessary');
  }
  return categories;
}

function readCookies(reader: Reader, value: unknown, categories: CategoryConfig[]): CookieDeclaration[] {
  const cookies: CookieDeclaration[] = [];
  reader.array(value, 'cookies')?.forEach((entry, index) => {
    const path = join('cookies', index);
    const raw = reader.object(entry, path, ['name', 'pattern', 'category', 'service', 'lifetime', 'domain', 'path', 'provider', 'purpose', 'example'], true);
    if (!raw) return;
    const errorsBefore = reader.errors.length;
    const name = reader.string(raw.name, join(path, 'name'), false, COOKIE_NAME, 'cookie-name');
    const pattern = reader.pattern(raw.pattern, join(path, 'pattern'));
    if ((raw.name === undefined) === (raw.pattern === undefined)) reader.fail(path, 'name-or-pattern');
    const category = readCategoryRef(reader, raw.category, join(path, 'category'), categories, true);
    const service = reader.string(raw.service, join(path, 'service'));
    if (service !== undefined && category && !category.services.some((candidate) => candidate.id === service)) {
      reader.fail(join(path, 'service'), 'no-service', category.id, service);
    }
    const lifetime = reader.string(raw.lifetime, join(path, 'lifetime'), true);
    if (lifetime !== undefined && lifetime !== 'session' && !parseDuration(lifetime)) reader.fail(join(path, 'lifetime'), 'lifetime');
    const domain = reader.string(raw.domain, join(path, 'domain'), false, COOKIE_DOMAIN, 'cookie-domain');
    const cookiePath = reader.string(raw.path, join(path, 'path'), false, rules.COOKIE_PATH.pattern, 'cookie-path');
    const provider = reader.string(raw.provider, join(path, 'provider'));
    const purpose = reader.string(raw.purpose, join(path, 'purpose'));
    const example = reader.boolean(raw.example, join(path, 'example'));
    if (reader.errors.length > errorsBefore || !category || lifetime === undefined) return;
    cookies.push(
      stripUndefined({ name, pattern, category: category.id, service, lifetime, domain: domain?.toLowerCase(), path: cookiePath, provider, purpose, example }),
    );
  });
  return cookies;
}

function readStorage(reader: Reader, value: unknown, categories: CategoryConfig[]): StorageDeclaration[] {
  const storage: StorageDeclaration[] = [];
  reader.array(value, 'storage')?.forEach((entry, index) => {
    const path = join('storage', index);
    const raw = reader.object(entry, path, ['key', 'pattern', 'category', 'area'], true);
    if (!raw) return;
    const errorsBefore = reader.errors.length;
    const key = reader.string(raw.key, join(path, 'key'));
    const pattern = reader.pattern(raw.pattern, join(path, 'pattern'));
    if ((raw.key === undefined) === (raw.pattern === undefined)) reader.fail(path, 'key-or-pattern');
    const category = readCategoryRef(reader, raw.category, join(path, 'category'), categories, true);
    const area = reader.oneOf(raw.area, join(path, 'area'), rules.STORAGE_AREA.enum) ?? rules.STORAGE_AREA.default;
    if (reader.errors.length > errorsBefore || !category) return;
    storage.push(stripUndefined({ key, pattern, category: category.id, area }));
  });
  return storage;
}

function readCategoryRef(reader: Reader, value: unknown, path: string, categories: CategoryConfig[], required: boolean) {
  const id = reader.string(value, path, required);
  if (id === undefined) return undefined;
  const category = categories.find((candidate) => candidate.id === id);
  if (!category) reader.fail(path, 'unknown-category', id, ...categories.map((candidate) => candidate.id));
  return category;
}

function readHosts(reader: Reader, value: unknown, categories: CategoryConfig[]): Record<string, string[]> {
  const hosts: Record<string, string[]> = {};
  const raw = reader.object(value, 'hosts', null);
  if (!raw) return hosts;
  for (const [id, list] of Object.entries(raw)) {
    const path = join('hosts', id);
    const category = readCategoryRef(reader, id, path, categories, true);
    if (category?.required) reader.fail(path, 'necessary-hosts');
    const patterns: string[] = [];
    reader.array(list, path)?.forEach((host, index) => {
      const pattern = reader.string(host, join(path, index), true, HOST_PATTERN, 'host');
      if (pattern) patterns.push(pattern.toLowerCase());
    });
    if (category && !category.required) hosts[category.id] = patterns;
  }
  return hosts;
}

function readConsentMode(reader: Reader, value: unknown, categories: CategoryConfig[]) {
  if (value === undefined || value === false) return null;
  if (value === true) return { mapping: { ...DEFAULT_CONSENT_MODE_MAPPING } };
  const raw = reader.object(value, 'googleConsentMode', ['mapping']);
  if (!raw) return null;
  const mappingRaw = reader.object(raw.mapping, 'googleConsentMode.mapping', null);
  if (!mappingRaw) return { mapping: { ...DEFAULT_CONSENT_MODE_MAPPING } };
  const mapping: Record<string, string[]> = {};
  for (const [id, types] of Object.entries(mappingRaw)) {
    const path = join('googleConsentMode.mapping', id);
    // An undeclared id is an error; it is not kept, so "__proto__" never reaches the mapping's prototype.
    if (!readCategoryRef(reader, id, path, categories, true)) continue;
    mapping[id] = [];
    reader.array(types, path)?.forEach((type, index) => {
      const consentType = reader.oneOf(type, join(path, index), rules.CONSENT_MODE_TYPES.enum);
      if (consentType) mapping[id].push(consentType);
    });
  }
  return { mapping };
}

/**
 * Checks every key that changes what is held, released, stored or cleaned up, and fills its
 * defaults. Never throws: every problem is returned with its JSON path (its message in the machine
 * form `describeConfigError` words), and a config with errors
 * must never configure blocking (the runtime keeps every cross-origin request held); its `config`
 * is only what could be read, for the banner. The cosmetic keys (`texts`, `ui`) keep their
 * defaults here: `readCosmetic` reads them, where the banner is drawn.
 */
export function readConfig(input: unknown): { config: ConsentConfig; errors: ConfigError[] } {
  const reader = new Reader();
  const root = reader.object(input, '', TOP_LEVEL_KEYS, true);
  if (!root) return { config: fallbackConfig(), errors: reader.errors.map((error) => ({ ...error, path: error.path || '(root)' })) };

  reader.string(root.$schema, '$schema');
  const revision = reader.integer(root.revision, 'revision', rules.REVISION) ?? rules.REVISION.default;

  const providerGiven = reader.object(root.provider, 'provider', ['name', 'policyUrl', 'cookiePolicyUrl', 'contact'], true);
  const providerRaw = providerGiven ?? {};
  const contactRaw = reader.object(providerRaw.contact, 'provider.contact', ['email', 'phone', 'address']);
  const contact = contactRaw && stripUndefined({
    email: reader.string(contactRaw.email, 'provider.contact.email', false, rules.EMAIL.pattern, 'email'),
    phone: reader.string(contactRaw.phone, 'provider.contact.phone'),
    address: reader.string(contactRaw.address, 'provider.contact.address'),
  });
  const provider = stripUndefined({
    // A missing provider is one error, not three.
    name: reader.string(providerRaw.name, 'provider.name', !!providerGiven) ?? '',
    policyUrl: reader.url(providerRaw.policyUrl, 'provider.policyUrl', !!providerGiven) ?? '',
    cookiePolicyUrl: reader.url(providerRaw.cookiePolicyUrl, 'provider.cookiePolicyUrl'),
    contact,
  });

  const consentRaw = reader.object(root.consent, 'consent', ['cookieName', 'days', 'domain', 'reloadOnWithdraw']) ?? {};
  const consent = stripUndefined({
    cookieName: reader.string(consentRaw.cookieName, 'consent.cookieName', false, COOKIE_NAME, 'consent-cookie-name') ?? CONSENT_COOKIE_NAME,
    days: reader.integer(consentRaw.days, 'consent.days', rules.CONSENT_DAYS_RULE) ?? CONSENT_DAYS,
    domain: reader.string(consentRaw.domain, 'consent.domain', false, COOKIE_DOMAIN, 'consent-domain'),
    reloadOnWithdraw: reader.boolean(consentRaw.reloadOnWithdraw, 'consent.reloadOnWithdraw') ?? rules.RELOAD_ON_WITHDRAW.default,
  });

  const categories = readCategories(reader, root.categories);
  const logRaw = reader.object(root.consentLog, 'consentLog', ['endpoint']);
  const endpoint = logRaw && reader.url(logRaw.endpoint, 'consentLog.endpoint', true);

  const cookies = readCookies(reader, root.cookies, categories);
  // The widget's own cookie is always there: declare it when the site did not, so visitors see it.
  if (!cookies.some((cookie) => cookie.name === consent.cookieName || (cookie.pattern && new RegExp(cookie.pattern).test(consent.cookieName)))) {
    cookies.push({ name: consent.cookieName, category: 'necessary', lifetime: `P${consent.days}D` });
  }

  const config: ConsentConfig = {
    revision,
    provider,
    consent,
    categories,
    cookies,
    storage: readStorage(reader, root.storage, categories),
    hosts: readHosts(reader, root.hosts, categories),
    // The cosmetic keys are `readCosmetic`'s: their defaults until it runs.
    texts: {},
    ui: fallbackConfig().ui,
    googleConsentMode: readConsentMode(reader, root.googleConsentMode, categories),
    consentLog: endpoint ? { endpoint } : null,
  };
  // With errors, what could be read still words the banner; the necessary category is always there.
  if (!categories.some((category) => category.required)) categories.unshift(fallbackConfig().categories[0]);
  return { config, errors: reader.errors };
}

/**
 * Checks a config as a site wrote it and fills every default: `readConfig`, then the cosmetic keys,
 * whose mistakes are warnings (that value is dropped and its default used).
 */
export function parseConfig(input: unknown): ParseResult {
  const { config, errors } = readConfig(input);
  if (!isObject(input)) return { config, errors: errors.map(describeConfigError), warnings: [] };
  const { texts, ui, warnings } = readCosmetic(input, config.categories);
  return { config: { ...config, texts, ui }, errors: errors.map(describeConfigError), warnings: warnings.map(describeConfigError) };
}
