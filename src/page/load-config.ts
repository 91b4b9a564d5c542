import type { ConfigError, ConsentConfig } from '../core/config/config-types.js';
import { fallbackConfig, readConfig } from '../core/config/parse-config.js';
import { isObject, type Json } from '../core/config/reader.js';

/** A config as loaded: checked (`readConfig`), with the JSON as written for the keys the interface reads. */
export interface LoadedConfig {
  config: ConsentConfig;
  errors: ConfigError[];
  /** The config as the site wrote it; null when nothing could be read. */
  raw: Json | null;
}

/** Checks the JSON read from a source. */
function read(input: unknown): LoadedConfig {
  return { ...readConfig(input), raw: isObject(input) ? input : null };
}

/** Where a config comes from: a URL, the `#id` of an inline JSON script, or the object itself. */
export type ConfigSource = string | object;

/** Nothing could be read: the safe config, with the policy the page links to (`<link rel="privacy-policy">`), if any. */
function failed(doc: Document, message: string): LoadedConfig {
  const config = fallbackConfig();
  config.provider.policyUrl = doc.querySelector<HTMLLinkElement>('link[rel~="privacy-policy"][href]')?.href ?? '';
  return { config, errors: [{ path: '(config)', message }], raw: null };
}

/**
 * The text of the inline config `#id`. While the page is still being parsed it may come later in
 * the document: it is read once it is there and complete (its text parses as JSON), at the latest
 * on DOMContentLoaded. Null when the page has none.
 */
const inlineText = (doc: Document, id: string) =>
  new Promise<string | null>((resolve) => {
    const read = () => {
      const text = doc.getElementById(id)?.textContent;
      try {
        JSON.parse(text!);
      } catch {
        // Not there yet, or still being parsed: wait for more of the page.
        if (doc.readyState === 'loading') return;
      }
      observer.disconnect();
      resolve(text ?? null);
    };
    const observer = new MutationObserver(read);
    observer.observe(doc, { childList: true, subtree: true });
    doc.addEventListener('DOMContentLoaded', read);
    read();
  });

/**
 * Loads and checks a config. Never rejects: a missing element, a failed request or broken JSON
 * comes back as an error like any other, so the widget stays in its safe state.
 * `fetcher` is the page's own fetch, taken before the blocker wraps it.
 */
export async function loadConfig(source: ConfigSource, fetcher: typeof fetch = fetch, doc: Document = document): Promise<LoadedConfig> {
  if (typeof source !== 'string') return read(source);
  let text: string | null;
  if (source.startsWith('#')) {
    text = await inlineText(doc, source.slice(1));
    if (text === null) return failed(doc, `no element with id "${source.slice(1)}" holds the config`);
  } else {
    try {
      const response = await fetcher(source, { credentials: 'same-origin' });
      if (!response.ok) return failed(doc, `could not load ${source}: HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      return failed(doc, `could not load ${source}: ${(error as Error).message}`);
    }
  }
  try {
    return read(JSON.parse(text));
  } catch (error) {
    return failed(doc, `${source} is not valid JSON: ${(error as Error).message}`);
  }
}
