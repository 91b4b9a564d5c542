/**
 * docs/configuration.md is written from the JSON Schema (`node schema/reference.mjs`): the page
 * must be what the schema gives today, and every key the schema has must be on it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { configReference, readSchema, referencePage } from '../../schema/reference.mjs';

describe('configuration reference', () => {
  const schema = readSchema();

  it('is the page the schema gives (run `node schema/reference.mjs` after changing the schema)', () => {
    assert.equal(readFileSync(referencePage, 'utf8'), configReference(schema));
  });

  it('names every key of the schema, nested ones by their JSON path', () => {
    const page = configReference(schema);
    for (const key of Object.keys(schema.properties)) assert.match(page, new RegExp(`\\| \`${key.replace('$', '\\$')}\` \\|`), key);
    for (const key of Object.keys(schema.properties.consent.properties)) assert.ok(page.includes(`| \`consent.${key}\` |`), `consent.${key}`);
    for (const key of Object.keys(schema.properties.cookies.items.properties)) assert.ok(page.includes(`| \`cookies[].${key}\` |`), `cookies[].${key}`);
  });

  it('gives each text key its British English default', () => {
    const page = configReference(schema);
    const texts = schema.properties.texts.additionalProperties.properties;
    assert.ok(Object.keys(texts).length > 10);
    for (const [key, node] of Object.entries(texts)) assert.ok(page.includes(`| \`${key}\` | ${node.description.replace('British English default: ', '')} |`), key);
  });

  it('changes when the schema does', () => {
    const changed = structuredClone(schema);
    changed.properties.consent.properties.days.default = 90;
    assert.notEqual(configReference(changed), configReference(schema));
    assert.ok(configReference(changed).includes('| `consent.days` | integer 1–395 | `90` |'));
  });
});
