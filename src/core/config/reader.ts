import type { ConfigError } from './config-types.js';
import { URL_OR_PATH, type KeyRule } from './config-keys.js';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one JSON value after another, recording every problem with its path instead of throwing. */
export class Reader {
  readonly errors: ConfigError[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  /** An object whose keys are all known; missing → `undefined` (or an error when required). */
  object(value: unknown, path: string, keys: readonly string[] | null, required = false): Json | undefined {
    if (value === undefined) return required ? this.fail(path, 'is required') : undefined;
    if (!isObject(value)) return this.fail(path, 'expected an object');
    if (keys) {
      for (const key of Object.keys(value)) {
        if (!keys.includes(key)) this.fail(join(path, key), `unknown key (expected one of: ${keys.join(', ')})`);
      }
    }
    return value;
  }

  array(value: unknown, path: string): unknown[] | undefined {
    if (value === undefined) return undefined;
    return Array.isArray(value) ? value : this.fail(path, 'expected an array');
  }

  string(value: unknown, path: string, required = false, pattern?: RegExp, hint?: string): string | undefined {
    if (value === undefined) return required ? this.fail(path, 'is required') : undefined;
    if (typeof value !== 'string' || value.trim() === '') return this.fail(path, 'expected a non-empty string');
    if (pattern && !pattern.test(value)) return this.fail(path, hint ?? `does not match ${pattern}`);
    return value;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined) return undefined;
    return typeof value === 'boolean' ? value : this.fail(path, 'expected true or false');
  }

  /** A whole number within the rule's `minimum` and `maximum`. */
  integer(value: unknown, path: string, { minimum = 0, maximum = 0 }: KeyRule): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
      return this.fail(path, `expected a whole number from ${minimum} to ${maximum}`);
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    return options.includes(value as T)
      ? (value as T)
      : this.fail(path, `expected one of ${options.map((option) => JSON.stringify(option)).join(', ')}`);
  }

  /** A URL: absolute http(s), or a path on the same site. */
  url(value: unknown, path: string, required = false): string | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    if (URL_OR_PATH.pattern.test(text)) return text;
    return this.fail(path, 'expected an http(s) URL or a path starting with "/"');
  }

  /** A regular expression's source text that compiles. */
  pattern(value: unknown, path: string): string | undefined {
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    try {
      new RegExp(text);
      return text;
    } catch {
      return this.fail(path, 'is not a valid regular expression');
    }
  }
}

export const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
