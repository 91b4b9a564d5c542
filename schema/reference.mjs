#!/usr/bin/env node
/**
 * The configuration reference (docs/configuration.md), written from the JSON Schema so that the two
 * cannot disagree: `node schema/reference.mjs` rewrites the page, and test/node/config-reference.test.mjs
 * fails when the page is not what the schema gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCHEMA = new URL('./cookie-consent.schema.json', import.meta.url);
const PAGE = new URL('../docs/configuration.md', import.meta.url);

const code = (value) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
/** Table cells hold one line, and a pipe would end the cell. */
const cell = (text) => prose(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
/** The schema's prose, with the element's name shown as code rather than read as HTML. */
const prose = (text) => String(text).replace(/<([a-z][\w-]*)>/g, '`<$1>`');

/** What a value must be, in a few words: its type, its allowed values or its range. */
function kindOf(node) {
  if (node.enum) return node.enum.map(code).join(', ');
  if (node.const !== undefined) return code(node.const);
  if ((node.anyOf || node.oneOf) && !node.type) return (node.anyOf ?? node.oneOf).map(kindOf).filter(Boolean).join(' or ');
  const type = node.type;
  if (type === 'array') return node.items ? `array of ${kindOf(node.items)}` : 'array';
  if (type === 'integer' || type === 'number') {
    const range = node.minimum !== undefined && node.maximum !== undefined ? ` ${node.minimum}–${node.maximum}` : '';
    return `${type}${range}`;
  }
  if (type === 'object' && node.additionalProperties?.type) return `object: name → ${kindOf(node.additionalProperties)}`;
  if (type === 'object' && node.required?.length) return `object (${node.required.map(code).join(', ')} required)`;
  return type ?? (node.properties ? 'object' : '');
}

/** One row for each property below `node`, depth first, named by its JSON path. */
function rows(node, path, required = []) {
  const out = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const childPath = path ? `${path}.${name}` : name;
    out.push({ path: childPath, node: child, required: required.includes(name) });
    out.push(...rows(child, childPath, child.required));
    const items = child.items?.anyOf?.find((option) => option.type === 'object') ?? child.items;
    if (items?.properties) out.push(...rows(items, `${childPath}[]`, items.required));
  }
  return out;
}

/** The reference page, as markdown. */
export function configReference(schema) {
  const lines = [
    '# Configuration reference',
    '',
    '<!-- Written by `node schema/reference.mjs` from schema/cookie-consent.schema.json; edit the schema, not this page. -->',
    '',
    prose(schema.description),
    '',
    `Point \`$schema\` at \`schema/cookie-consent.schema.json\` (the package exports it as \`cookie-consent/schema.json\`) for completion and checks in your editor. Only ${schema.required.map(code).join(', ')} is required; everything else has a default.`,
    '',
    '| key | type | default | meaning |',
    '|---|---|---|---|',
  ];
  const texts = [];
  for (const { path, node, required } of rows(schema, '', schema.required)) {
    if (path.startsWith('texts.')) continue;
    const fallback = required ? 'required' : node.default !== undefined ? code(node.default) : '';
    lines.push(`| ${code(path)} | ${cell(kindOf(node))} | ${cell(fallback)} | ${cell(node.description ?? '')} |`);
  }
  const language = Object.values(schema.properties.texts.patternProperties ?? {})[0] ?? schema.properties.texts.additionalProperties;
  for (const [key, node] of Object.entries(language?.properties ?? {})) texts.push(`| ${code(key)} | ${cell((node.description ?? '').replace(/^British English default: /, ''))} |`);
  lines.push(
    '',
    '## Texts',
    '',
    cell(schema.properties.texts.description),
    '',
    cell(language?.description ?? ''),
    '',
    '| key | British English default |',
    '|---|---|',
    ...texts,
    '',
  );
  return lines.join('\n');
}

export const readSchema = () => JSON.parse(readFileSync(SCHEMA, 'utf8'));
export const referencePage = PAGE;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PAGE, configReference(readSchema()));
  console.log(`wrote ${fileURLToPath(PAGE)}`);
}
