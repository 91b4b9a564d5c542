/** The site's config as the server helper checks it, once per config object. */
import type { ConfigError, ConsentConfig } from '../core/config/config-types.js';
import { parseConfig } from '../core/config/parse-config.js';

/** Configs are parsed once per object (a config object is not expected to change). */
const parsed = new WeakMap<object, { config: ConsentConfig; errors: ConfigError[] }>();

export function parse(config: unknown): { config: ConsentConfig; errors: ConfigError[] } {
  if (typeof config !== 'object' || config === null) return parseConfig(config);
  let result = parsed.get(config);
  if (!result) parsed.set(config, (result = parseConfig(config)));
  return result;
}

