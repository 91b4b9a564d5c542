import type { ConfigError } from './config-types.js';
import { DETAIL_SEPARATOR } from './reader.js';

type Wording = (...details: string[]) => string;

const quoted = (options: string[]) => options.map((option) => JSON.stringify(option)).join(', ');

/**
 * The wording of each config problem. The checker records a problem in a short machine form, its
 * code and details (reader.ts `fail`), so the script-tag file carries no wording: this module,
 * loaded beside it only when a config is wrong, turns the codes into the messages a site reads.
 */
const WORDING: Record<string, Wording> = {
  required: () => 'is required',
  object: () => 'expected an object',
  keys: (...keys) => `unknown key (expected one of: ${keys.join(', ')})`,
  array: () => 'expected an array',
  text: () => 'expected a non-empty string',
  pattern: (pattern) => `does not match ${pattern}`,
  boolean: () => 'expected true or false',
  whole: (minimum, maximum) => `expected a whole number from ${minimum} to ${maximum}`,
  choice: (...options) => `expected one of ${quoted(options)}`,
  url: () => 'expected an http(s) URL or a path starting with "/"',
  regex: () => 'is not a valid regular expression',
  'category-id': () => 'expected a lower-case id like "analytics"',
  'category-twice': (id) => `duplicate category "${id}"`,
  'necessary-required': () => 'the necessary category is always required',
  'only-necessary-required': () => 'only the "necessary" category can be required; every other category needs consent',
  'no-necessary': () => 'must include the "necessary" category',
  'service-id': () => 'expected a lower-case id like "google-analytics"',
  'service-twice': (id) => `duplicate service "${id}"`,
  'no-service': (category, service) => `category "${category}" has no service "${service}"`,
  'unknown-category': (id, ...ids) => `unknown category "${id}" (expected one of: ${ids.join(', ')})`,
  'cookie-name': () => "expected a cookie name (letters, digits and !#$%&'*+-.^_`|~)",
  'name-or-pattern': () => 'expected exactly one of "name" or "pattern"',
  'key-or-pattern': () => 'expected exactly one of "key" or "pattern"',
  lifetime: () => 'expected "session" or an ISO 8601 duration like "P1Y"',
  'cookie-domain': () => 'expected a domain like "example.co.uk" or ".doubleclick.net"',
  'cookie-path': () => 'expected a path starting with "/"',
  'necessary-hosts': () => 'hosts of the necessary category are never blocked; list only hosts that need consent',
  host: () => 'expected a host like "connect.facebook.net" or "*.doubleclick.net"',
  email: () => 'expected an email address',
  'consent-cookie-name': () => 'expected a cookie name',
  'consent-domain': () => 'expected a domain like "example.co.uk"',
  language: () => 'expected a language tag like "en-GB" or "cy"',
  'text-key': () => 'unknown text key',
};

/** A problem in the words a site reads; a message that is no code (a config that failed to load) stays as it is. */
export function describeConfigError({ path, message }: ConfigError): ConfigError {
  const [code, ...details] = message.split(DETAIL_SEPARATOR);
  return { path, message: Object.hasOwn(WORDING, code) ? WORDING[code](...details) : message };
}

const list = (errors: ConfigError[]) => errors.map(describeConfigError).map((error) => `\n  ${error.path}: ${error.message}`).join('');

/** One console-ready message listing every problem. */
export function formatConfigErrors(errors: ConfigError[]): string {
  return `cookie-consent: invalid config, so every cross-origin script, frame and image stays held, cross-origin requests fail, and nothing optional runs:${list(errors)}`;
}

/** One console-ready message listing every cosmetic mistake that was ignored. */
export function formatConfigWarnings(warnings: ConfigError[]): string {
  return `cookie-consent: ignored in the config, defaults used:${list(warnings)}`;
}
