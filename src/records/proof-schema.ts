import type { ShownTexts } from '../core/shown-texts.js';

/** A consent record as the widget's `consentLog` sends it, once checked. */
export interface ProofRecord {
  id: string;
  timestamp: string;
  revision: number;
  configHash: string;
  decision: 'accept' | 'reject' | 'custom' | 'withdraw';
  method: 'banner' | 'dialog' | 'placeholder' | 'api' | 'gpc';
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  gpc: boolean;
  language: string;
  /** Absent from records queued by a widget older than the texts it shows. */
  shown?: ShownTexts;
}

/** Why a body is not a record: the JSON path of the first wrong field, and what was expected there. */
export interface ProofProblem {
  field: string;
  message: string;
}

export const DECISIONS = ['accept', 'reject', 'custom', 'withdraw'] as const;
export const METHODS = ['banner', 'dialog', 'placeholder', 'api', 'gpc'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
// fnv1a: records queued by widgets from before the hash was SHA-256 on plain-http pages.
const CONFIG_HASH = /^(sha256:[0-9a-f]{64}|fnv1a:[0-9a-f]{8})$/;
const LANGUAGE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const MAX_ENTRIES = 100;
const MAX_STRINGS = 300;
const MAX_TEXT = 4000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Thrown inside the check only, so each rule reads as one line; the check returns it as a value. */
class Refusal {
  constructor(readonly problem: ProofProblem) {}
}
const refuse = (field: string, message: string): never => {
  throw new Refusal({ field, message });
};

function exactKeys(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  if (!isObject(value)) return refuse(path || '$', 'expected a JSON object');
  for (const key of Object.keys(value)) if (!required.includes(key) && !optional.includes(key)) refuse(`${path}${path ? '.' : ''}${key}`, 'unknown field');
  for (const key of required) if (!(key in value)) refuse(`${path}${path ? '.' : ''}${key}`, 'missing');
  return value;
}

function text(value: unknown, path: string, max = MAX_TEXT): string {
  if (typeof value !== 'string') return refuse(path, 'expected a string');
  if (value.length > max) refuse(path, `longer than ${max} characters`);
  return value;
}

function choices(value: unknown, path: string): Record<string, boolean> {
  if (!isObject(value)) return refuse(path, 'expected an object of id → true/false');
  const entries = Object.entries(value);
  if (entries.length > MAX_ENTRIES) refuse(path, `more than ${MAX_ENTRIES} entries`);
  for (const [key, choice] of entries) {
    if (!ID.test(key)) refuse(`${path}.${key.slice(0, 64)}`, 'not an id (letters, digits, _ . : -)');
    if (typeof choice !== 'boolean') refuse(`${path}.${key}`, 'expected true or false');
  }
  return value as Record<string, boolean>;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  return allowed.includes(value as T) ? (value as T) : refuse(path, `expected one of ${allowed.join(', ')}`);
}

function shown(value: unknown): ShownTexts {
  const texts = exactKeys(value, 'shown', ['strings', 'categories', 'policyUrl', 'cookiePolicyUrl']);
  if (!isObject(texts.strings)) refuse('shown.strings', 'expected an object of key → text');
  const strings = Object.entries(texts.strings as Record<string, unknown>);
  if (strings.length > MAX_STRINGS) refuse('shown.strings', `more than ${MAX_STRINGS} strings`);
  for (const [key, string] of strings) {
    if (!ID.test(key)) refuse(`shown.strings.${key.slice(0, 64)}`, 'not a string key');
    text(string, `shown.strings.${key}`);
  }
  if (!Array.isArray(texts.categories)) refuse('shown.categories', 'expected an array');
  const categories = texts.categories as unknown[];
  if (categories.length > MAX_ENTRIES) refuse('shown.categories', `more than ${MAX_ENTRIES} categories`);
  categories.forEach((category, index) => {
    const path = `shown.categories[${index}]`;
    const item = exactKeys(category, path, ['id', 'title', 'description', 'services']);
    if (!ID.test(text(item.id, `${path}.id`, 64))) refuse(`${path}.id`, 'not an id');
    text(item.title, `${path}.title`);
    text(item.description, `${path}.description`);
    if (!Array.isArray(item.services) || item.services.length > MAX_ENTRIES) return refuse(`${path}.services`, `expected an array of at most ${MAX_ENTRIES} services`);
    item.services.forEach((service: unknown, serviceIndex: number) => {
      const servicePath = `${path}.services[${serviceIndex}]`;
      const entry = exactKeys(service, servicePath, ['id', 'name', 'provider', 'purpose']);
      for (const key of ['id', 'name', 'provider', 'purpose']) text(entry[key], `${servicePath}.${key}`);
    });
  });
  text(texts.policyUrl, 'shown.policyUrl', 2000);
  text(texts.cookiePolicyUrl, 'shown.cookiePolicyUrl', 2000);
  return texts as unknown as ShownTexts;
}

/**
 * Checks a parsed body against the record's own schema: exactly its fields, each of its type and
 * within its limits. Returns the record, or the first problem with the JSON path of its field.
 */
export function checkProof(body: unknown): { proof: ProofRecord; problem?: undefined } | { proof?: undefined; problem: ProofProblem } {
  try {
    const record = exactKeys(body, '', ['id', 'timestamp', 'revision', 'configHash', 'decision', 'method', 'categories', 'services', 'gpc', 'language'], ['shown']);
    if (typeof record.id !== 'string' || !UUID.test(record.id)) refuse('id', 'expected a UUID');
    const time = typeof record.timestamp === 'string' && ISO_TIMESTAMP.test(record.timestamp) ? Date.parse(record.timestamp) : NaN;
    if (Number.isNaN(time)) refuse('timestamp', 'expected an ISO 8601 time in UTC (2025-05-01T09:30:00.000Z)');
    if (!Number.isInteger(record.revision) || (record.revision as number) < 0 || (record.revision as number) > 2 ** 31 - 1) refuse('revision', 'expected a whole number from 0');
    if (typeof record.configHash !== 'string' || !CONFIG_HASH.test(record.configHash)) refuse('configHash', 'expected "sha256:" and 64 hex digits');
    oneOf(record.decision, 'decision', DECISIONS);
    oneOf(record.method, 'method', METHODS);
    choices(record.categories, 'categories');
    choices(record.services, 'services');
    if (typeof record.gpc !== 'boolean') refuse('gpc', 'expected true or false');
    if (typeof record.language !== 'string' || !LANGUAGE.test(record.language)) refuse('language', 'expected a language tag (en-GB)');
    if ('shown' in record) shown(record.shown);
    return { proof: record as unknown as ProofRecord };
  } catch (error) {
    if (error instanceof Refusal) return { problem: error.problem };
    throw error;
  }
}
