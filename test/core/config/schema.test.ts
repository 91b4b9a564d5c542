import { expect } from '@open-wc/testing';
import { parseConfig, TOP_LEVEL_KEYS } from '../../../src/core/config/parse-config.js';
import { enGB } from '../../../src/i18n/en-GB.js';

/** The part of JSON Schema the config schema uses. */
interface Schema {
  type?: string;
  description?: string;
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

const SEEDS = ['clear-picture', 'call-flow', 'cloud-phone', 'claranet-soho', 'cmm-telecoms'];

let schema: Schema;
before(async () => {
  schema = await (await fetch('/schema/cookie-consent.schema.json')).json();
});

/** A config the parser accepts, with one cookie, storage key, service and log, to change one part of. */
const validConfig = (): Record<string, any> => ({
  provider: { name: 'Example Telecom Limited', policyUrl: '/privacy', contact: { email: 'privacy@example.co.uk' } },
  consent: {},
  categories: ['necessary', { id: 'analytics', services: [{ id: 'stats', name: 'Stats' }] }],
  cookies: [{ name: '_ga', category: 'analytics', lifetime: 'P2Y' }],
  storage: [{ key: 'visits', category: 'analytics' }],
  hosts: { analytics: ['www.google-analytics.com'] },
  texts: { 'en-GB': { title: 'Cookies' } },
  ui: {},
  googleConsentMode: { mapping: { analytics: ['analytics_storage'] } },
  consentLog: { endpoint: '/consent' },
});

/** Walks to `path` (["cookies", 0]) in a config or builds the value there. */
function at(config: Record<string, any>, path: Array<string | number>, change: (parent: any, key: string | number) => void) {
  const parent = path.slice(0, -1).reduce((node, key) => node[key], config);
  change(parent, path[path.length - 1]);
  return config;
}

/**
 * Everything the parser reports: errors, and the warnings for `texts` and `ui` (which it ignores and
 * the site's editor should still flag, so the schema rejects them too).
 */
const problems = (config: unknown) => {
  const { errors, warnings } = parseConfig(config);
  return [...errors, ...warnings];
};

const accepts = (change: (config: Record<string, any>) => void) => {
  const config = validConfig();
  change(config);
  return problems(config).length === 0;
};

/** The keys the parser accepts in the object at `path`, read from its "unknown key" message. */
function parserKeys(path: Array<string | number>): string[] {
  const config = at(validConfig(), path, (parent, key) => (parent[key] = { ...parent[key], zzUnknown: 1 }));
  const message = problems(config).find((error) => error.message.startsWith('unknown key'))?.message ?? '';
  return /expected one of: (.*)\)$/.exec(message)?.[1].split(', ') ?? [];
}

/** The keys the parser requires in the object at `path`: what it reports missing when the object is empty. */
function parserRequired(path: Array<string | number>, pathText: string): string[] {
  const config = at(validConfig(), path, (parent, key) => (parent[key] = {}));
  return problems(config)
    .filter((error) => error.message === 'is required' && error.path.startsWith(`${pathText}.`))
    .map((error) => error.path.slice(pathText.length + 1));
}

const objectBranch = (node: Schema) => node.anyOf?.find((branch) => branch.type === 'object') ?? node;

describe('config JSON Schema', () => {
  describe('keys', () => {
    it('accepts exactly the top-level keys the parser accepts', () => {
      expect(Object.keys(schema.properties!).sort()).to.deep.equal([...TOP_LEVEL_KEYS].sort());
      expect(schema.additionalProperties).to.equal(false);
      expect(schema.required).to.deep.equal(['provider']);
    });

    const OBJECTS: Array<[string, Array<string | number>, () => Schema]> = [
      ['provider', ['provider'], () => schema.properties!.provider],
      ['provider.contact', ['provider', 'contact'], () => schema.properties!.provider.properties!.contact],
      ['consent', ['consent'], () => schema.properties!.consent],
      ['categories[1]', ['categories', 1], () => objectBranch(schema.properties!.categories.items!)],
      ['categories[1].services[0]', ['categories', 1, 'services', 0], () => objectBranch(schema.properties!.categories.items!).properties!.services.items!],
      ['cookies[0]', ['cookies', 0], () => schema.properties!.cookies.items!],
      ['storage[0]', ['storage', 0], () => schema.properties!.storage.items!],
      ['ui', ['ui'], () => schema.properties!.ui],
      ['googleConsentMode', ['googleConsentMode'], () => objectBranch(schema.properties!.googleConsentMode)],
      ['consentLog', ['consentLog'], () => schema.properties!.consentLog],
    ];
    for (const [name, path, node] of OBJECTS) {
      it(`accepts exactly the keys of ${name} the parser accepts, and requires the same`, () => {
        expect(Object.keys(node().properties!).sort()).to.deep.equal(parserKeys(path).sort());
        expect(node().additionalProperties).to.equal(false);
        expect([...(node().required ?? [])].sort()).to.deep.equal(parserRequired(path, name).sort());
      });
    }

    it("offers exactly the widget's text keys in each language", () => {
      const language = schema.properties!.texts.additionalProperties as Schema;
      expect(Object.keys(language.properties!).sort()).to.deep.equal(Object.keys(enGB).sort());
      expect(language.additionalProperties).to.equal(false);
      const categoryText = new RegExp(Object.keys(language.patternProperties!)[0]);
      expect(categoryText.test('support-chat.title')).to.equal(accepts((config) => {
        config.categories.push('support-chat');
        config.texts['en-GB']['support-chat.title'] = 'Support chat';
      }));
    });

    it('describes every property, for editor help', () => {
      const missing: string[] = [];
      const walk = (node: Schema, path: string) => {
        for (const [key, child] of Object.entries(node.properties ?? {})) {
          if (!child.description) missing.push(`${path}.${key}`);
          walk(child, `${path}.${key}`);
        }
        for (const child of [node.items, ...(node.anyOf ?? []), typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined]) {
          if (child) walk(child, path);
        }
      };
      walk(schema, '');
      expect(missing).to.deep.equal([]);
    });
  });

  describe('values', () => {
    it('has the parser defaults', () => {
      const { config } = parseConfig({ provider: { name: 'X', policyUrl: '/' } });
      const { properties } = schema;
      expect(properties!.revision.default).to.equal(config.revision);
      expect(properties!.categories.default).to.deep.equal(config.categories.map((category) => category.id));
      expect(properties!.consent.properties!.cookieName.default).to.equal(config.consent.cookieName);
      expect(properties!.consent.properties!.days.default).to.equal(config.consent.days);
      expect(properties!.consent.properties!.reloadOnWithdraw.default).to.equal(config.consent.reloadOnWithdraw);
      expect(properties!.ui.properties!.layout.default).to.equal(config.ui.layout);
      expect(properties!.ui.properties!.theme.default).to.equal(config.ui.theme);
      expect(properties!.ui.properties!.floatingButton.default).to.equal(config.ui.floatingButton);
      expect(properties!.googleConsentMode.default).to.equal(false);
      expect(config.googleConsentMode).to.equal(null);
    });

    const ENUMS: Array<[string, (value: unknown) => (config: Record<string, any>) => void, () => Schema]> = [
      ['ui.layout', (value) => (config) => (config.ui.layout = value), () => schema.properties!.ui.properties!.layout],
      ['ui.theme', (value) => (config) => (config.ui.theme = value), () => schema.properties!.ui.properties!.theme],
      ['storage.area', (value) => (config) => (config.storage[0].area = value), () => schema.properties!.storage.items!.properties!.area],
      [
        'googleConsentMode.mapping types',
        (value) => (config) => (config.googleConsentMode.mapping.analytics = [value]),
        () => ((objectBranch(schema.properties!.googleConsentMode).properties!.mapping.additionalProperties as Schema).items!),
      ],
    ];
    for (const [name, set, node] of ENUMS) {
      it(`lists the same choices for ${name}`, () => {
        const config = validConfig();
        set('not-a-choice')(config);
        const message = problems(config)[0]?.message ?? '';
        const choices = JSON.parse(`[${message.replace(/^expected one of /, '')}]`);
        expect(node().enum).to.deep.equal(choices);
        for (const choice of choices) expect(accepts(set(choice)), String(choice)).to.equal(true);
      });
    }

    const RANGES: Array<[string, (value: number) => (config: Record<string, any>) => void, () => Schema]> = [
      ['revision', (value) => (config) => (config.revision = value), () => schema.properties!.revision],
      ['consent.days', (value) => (config) => (config.consent.days = value), () => schema.properties!.consent.properties!.days],
    ];
    for (const [name, set, node] of RANGES) {
      it(`has the same whole-number range for ${name}`, () => {
        const { minimum, maximum, type } = node();
        expect(type).to.equal('integer');
        expect([minimum! - 1, minimum!, maximum!, maximum! + 1, 1.5].map((value) => accepts(set(value)))).to.deep.equal([false, true, true, false, false]);
      });
    }

    /** Each pattern, with values on both sides of it: the schema and the parser must agree on all. */
    const PATTERNS: Array<[string, () => Schema, (value: string) => (config: Record<string, any>) => void, string[]]> = [
      [
        'provider.policyUrl',
        () => schema.properties!.provider.properties!.policyUrl,
        (value) => (config) => (config.provider.policyUrl = value),
        ['https://example.co.uk/privacy', 'HTTP://EXAMPLE.CO.UK', '/privacy', './privacy', '../privacy.html', '#privacy', 'privacy.html', 'mailto:x@y.z', '/a b', 'https:///x', ' '],
      ],
      [
        'consentLog.endpoint',
        () => schema.properties!.consentLog.properties!.endpoint,
        (value) => (config) => (config.consentLog.endpoint = value),
        ['https://example.co.uk/log', '/log', 'log', 'ftp://example.co.uk'],
      ],
      [
        'provider.contact.email',
        () => schema.properties!.provider.properties!.contact.properties!.email,
        (value) => (config) => (config.provider.contact.email = value),
        ['privacy@uk.clara.net', 'a@b.c', 'no-at-sign', 'a @b.c', 'a@b'],
      ],
      [
        'consent.cookieName',
        () => schema.properties!.consent.properties!.cookieName,
        (value) => (config) => (config.consent.cookieName = value),
        ['cookie_consent', "a!#$%&'*+-.^_`|~9", 'a b', 'a;b', 'a=b', 'é'],
      ],
      [
        'consent.domain',
        () => schema.properties!.consent.properties!.domain,
        (value) => (config) => (config.consent.domain = value),
        ['example.co.uk', '.Example.CO.UK', 'https://example.co.uk', 'example..co.uk', '*.example.co.uk'],
      ],
      [
        'cookies[].lifetime',
        () => schema.properties!.cookies.items!.properties!.lifetime,
        (value) => (config) => (config.cookies[0].lifetime = value),
        ['session', 'P2Y', 'P13M', 'P1Y6M', 'P2W', 'PT30M', 'P1DT12H', 'P', 'PT', 'P1DT', '2Y', 'P1.5Y', 'Session', 'forever'],
      ],
      [
        'cookies[].domain',
        () => schema.properties!.cookies.items!.properties!.domain,
        (value) => (config) => (config.cookies[0].domain = value),
        ['doubleclick.net', '.doubleclick.net', 'doubleclick.net/', 'double click.net'],
      ],
      [
        'cookies[].path',
        () => schema.properties!.cookies.items!.properties!.path,
        (value) => (config) => (config.cookies[0].path = value),
        ['/', '/shop', 'shop'],
      ],
      [
        'cookies[].name',
        () => schema.properties!.cookies.items!.properties!.name,
        (value) => (config) => (config.cookies[0].name = value),
        ['_ga', '__gads', 'IDE', '_ga_ABC123', 'a b', 'a,b'],
      ],
      [
        'categories[] id',
        () => schema.properties!.categories.items!.anyOf![0],
        (value) => (config) => config.categories.push(value),
        ['support-chat', 'a_1', 'Analytics', '1st', 'a.b'],
      ],
      [
        'hosts[] host',
        () => (schema.properties!.hosts.additionalProperties as Schema).items!,
        (value) => (config) => (config.hosts.analytics = [value]),
        ['www.google-analytics.com', '*.doubleclick.net', 'LOCALHOST', '*doubleclick.net', 'https://x.com', 'a.*.com'],
      ],
      [
        'texts language tag',
        () => schema.properties!.texts.propertyNames!,
        (value) => (config) => (config.texts = { [value]: { title: 'Cookies' } }),
        ['en-GB', 'cy', 'pt-BR', 'zh-Hant-TW', 'EN', 'english', 'en_GB'],
      ],
    ];
    for (const [name, node, set, values] of PATTERNS) {
      it(`agrees with the parser on ${name}`, () => {
        // JSON Schema patterns are ECMAScript expressions, which validators run with the "u" flag.
        const pattern = new RegExp(node().pattern!, 'u');
        const notBlank = (value: string) => value.trim() !== '';
        expect(values.map((value) => pattern.test(value) && notBlank(value))).to.deep.equal(values.map((value) => accepts(set(value))));
      });
    }
  });

  describe('seed configs', () => {
    /** Keys in `value` the schema has no place for, as JSON paths. */
    function unknownKeys(value: unknown, node: Schema, path: string): string[] {
      if (Array.isArray(value)) return value.flatMap((item, index) => (node.items ? unknownKeys(item, node.items, `${path}[${index}]`) : []));
      if (typeof value !== 'object' || value === null) return [];
      const objectNode = objectBranch(node);
      return Object.entries(value).flatMap(([key, child]) => {
        const pattern = Object.entries(objectNode.patternProperties ?? {}).find(([source]) => new RegExp(source, 'u').test(key))?.[1];
        const childNode = objectNode.properties?.[key] ?? pattern ?? objectNode.additionalProperties;
        if (childNode === false || childNode === undefined) return [`${path}.${key}`];
        return childNode === true ? [] : unknownKeys(child, childNode, `${path}.${key}`);
      });
    }

    for (const seed of SEEDS) {
      it(`${seed} uses only keys the schema describes`, async () => {
        const config = await (await fetch(`/seeds/${seed}/cookie-consent.json`)).json();
        expect(config.$schema).to.equal('../../schema/cookie-consent.schema.json');
        expect(unknownKeys(config, schema, '')).to.deep.equal([]);
        expect(unknownKeys({ ...config, surprise: 1 }, schema, '')).to.deep.equal(['.surprise']);
      });
    }
  });
});
