import type { ConfigError } from './config-types.js';
import { URL_OR_PATH, type KeyRule } from './config-keys.js';

export type Json = Record<string, unknown>;

/** Between a problem's code and its details in the machine form `fail` records. */
export const DETAIL_SEPARATOR = '\u001f';

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one JSON value after another, recording every problem with its path instead of throwing. */
export class Reader {
  readonly errors: ConfigError[] = [];

  /**
   * Records a problem in its machine form, the code of its wording in config-messages.ts and its
   * details: the script-tag file carries no wording, which is loaded only when a config is wrong.
   */
  fail(path: string, code: string, ...details: Array<string | number>): undefined {
    this.errors.push({ path, message: [code, ...details].join(DETAIL_SEPARATOR) });
    return undefined;
  }

  /** An object whose keys are all known; missing → `undefined` (or an error when required). */
  object(value: unknown, path: string, keys: readonly string[] | null, required = false): Json | undefined {
    if (value === undefined) return required ? this.fail(path, 'required') : undefined;
    if (!isObject(value)) return this.fail(path, 'object');
    if (keys) {
      for (const key of Object.keys(value)) {
        if (!keys.includes(key)) this.fail(join(path, key), 'keys', ...keys);
      }
    }
    return value;
  }

  array(value: unknown, path: string): unknown[] | undefined {
    if (value === undefined) return undefined;
    return Array.isArray(value) ? value : this.fail(path, 'array');
  }

  /** A non-empty string; with a pattern, one it matches, else the problem `hint` (a code of config-messages.ts). */
  string(value: unknown, path: string, required = false, pattern?: RegExp, hint?: string): string | undefined {
    if (value === undefined) return required ? this.fail(path, 'required') : undefined;
    if (typeof value !== 'string' || value.trim() === '') return this.fail(path, 'text');
    if (pattern && !pattern.test(value)) return hint ? this.fail(path, hint) : this.fail(path, 'pattern', String(pattern));
    return value;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined) return undefined;
    return typeof value === 'boolean' ? value : this.fail(path, 'boolean');
  }

  /** A whole number within the rule's `minimum` and `maximum`. */
  integer(value: unknown, path: string, { minimum = 0, maximum = 0 }: KeyRule): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
      return this.fail(path, 'whole', minimum, maximum);
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    return options.includes(value as T)
      ? (value as T)
      : this.fail(path, 'choice', ...options);
  }

  /** A URL: absolute http(s), or a path on the same site. */
  url(value: unknown, path: string, required = false): string | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    if (URL_OR_PATH.pattern.test(text)) return text;
    return this.fail(path, 'url');
  }

  /** A regular expression's source text that compiles. */
  pattern(value: unknown, path: string): string | undefined {
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    try {
      new RegExp(text);
      return text;
    } catch {
      return this.fail(path, 'regex');
    }
  }
}

export const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
