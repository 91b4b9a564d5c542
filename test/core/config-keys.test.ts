import { expect } from '@open-wc/testing';
import { CONFIG_KEYS, type KeyRule } from '../../src/core/config/config-keys.js';

/** The part of JSON Schema the config schema uses. */
interface Schema extends Omit<KeyRule, 'pattern'> {
  type?: KeyRule['type'] | 'object' | 'number';
  pattern?: string;
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  anyOf?: Schema[];
}

const CHECKED: Array<keyof KeyRule> = ['type', 'pattern', 'enum', 'minimum', 'maximum', 'default'];

/**
 * Every value the schema constrains, by the table's paths: `[]` an array's item, `.*` any key's
 * value, `{}` the key itself. The branches of an `anyOf` describe the same value, so their rules
 * merge. An object with properties and an array with no rule of its own are only containers; the
 * texts of a language are the widget's string keys, which test/config/schema.test.ts checks.
 */
function rulesOf(node: Schema, path: string, rules: Record<string, unknown>) {
  const own = Object.fromEntries(CHECKED.filter((field) => node[field] !== undefined).map((field) => [field, node[field]]));
  // The same expression compiled, so both sides read alike (a "/" escaped or not).
  if (node.pattern) own.pattern = new RegExp(node.pattern).source;
  const container = node.properties || ((node.type === 'array' || node.type === 'object') && own.default === undefined);
  if (path && !container && !path.startsWith('texts.') && Object.keys(own).length) rules[path] = { ...(rules[path] as object), ...own };
  for (const [key, child] of Object.entries(node.properties ?? {})) rulesOf(child, path ? `${path}.${key}` : key, rules);
  if (node.items) rulesOf(node.items, `${path}[]`, rules);
  if (typeof node.additionalProperties === 'object') rulesOf(node.additionalProperties, `${path}.*`, rules);
  if (node.propertyNames) rulesOf(node.propertyNames, `${path}{}`, rules);
  for (const branch of node.anyOf ?? []) rulesOf(branch, path, rules);
  return rules;
}

let schemaRules: Record<string, unknown>;
before(async () => {
  const schema: Schema = await (await fetch('/schema/cookie-consent.schema.json')).json();
  schemaRules = rulesOf(schema, '', {});
});

describe('config key table', () => {
  it('has a rule for every value the JSON Schema checks, and none it lacks', () => {
    expect(Object.keys(CONFIG_KEYS).sort()).to.deep.equal(Object.keys(schemaRules).sort());
  });

  for (const [key, rule] of Object.entries(CONFIG_KEYS)) {
    it(`gives ${key} the schema's ${Object.keys(rule).join(', ')}`, () => {
      expect({ ...rule, ...(rule.pattern && { pattern: rule.pattern.source }) }).to.deep.equal(schemaRules[key]);
    });
  }
});
