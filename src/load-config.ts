import type { ParseResult } from './config/config-types.js';
import { fallbackConfig, parseConfig } from './config/parse-config.js';

/** Where a config comes from: a URL, the `#id` of an inline JSON script, or the object itself. */
export type ConfigSource = string | object;

const failed = (path: string, message: string): ParseResult => ({ config: fallbackConfig(), errors: [{ path, message }] });

/**
 * Loads and checks a config. Never rejects: a missing element, a failed request or broken JSON
 * comes back as an error like any other, so the widget falls back to its safe state.
 * `fetcher` is the page's own fetch, taken before the blocker wraps it.
 */
export async function loadConfig(source: ConfigSource, fetcher: typeof fetch = fetch, doc: Document = document): Promise<ParseResult> {
  if (typeof source !== 'string') return parseConfig(source);
  let text: string;
  if (source.startsWith('#')) {
    const element = doc.getElementById(source.slice(1));
    if (!element) return failed('(config)', `no element with id "${source.slice(1)}" holds the config`);
    text = element.textContent ?? '';
  } else {
    try {
      const response = await fetcher(source, { credentials: 'same-origin' });
      if (!response.ok) return failed('(config)', `could not load ${source}: HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      return failed('(config)', `could not load ${source}: ${(error as Error).message}`);
    }
  }
  try {
    return parseConfig(JSON.parse(text));
  } catch (error) {
    return failed('(config)', `${source} is not valid JSON: ${(error as Error).message}`);
  }
}
