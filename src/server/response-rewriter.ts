/** The HTML rewriter for one response: the visitor's consent, the config's host rules and the page's address. */
import type { ConsentConfig } from '../core/config/config-types.js';
import { createRewriter, type HeldTag, type HtmlRewriter } from './html-rewriter.js';
import { loadParser } from './parse5-parser.js';
import { parse } from './parsed-config.js';
import { readConsent, type ReadConsentOptions, type ServerConsent } from './read-consent.js';
import type { ConsentSource } from './request-cookies.js';
import { urlHold, type PageAddress } from './url-hold.js';

/** The options of {@link rewriteStream} and {@link rewriteNodeStream}. */
export interface RewriteOptions extends ReadConsentOptions {
  /**
   * The page's address, for relative URLs under a `<base>` on another origin. Default: a Fetch
   * `Request`'s `url`; without one, relative URLs are taken as the page's own (they are, unless a
   * `<base>` points elsewhere).
   */
  url?: string | { readonly href: string };
  /** Told of every tag the rewrite held (for logs and tests). */
  onHeld?: (held: HeldTag) => void;
}

const reportedConfigs = new WeakSet<object>();

/** The config's host rules; null for an invalid config, whose problems are logged (once per config object). */
function hostRules(config: unknown): ConsentConfig['hosts'] | null {
  const { config: checked, errors } = parse(config);
  if (!errors.length) return checked.hosts;
  if (typeof config !== 'object' || config === null || !reportedConfigs.has(config)) {
    if (typeof config === 'object' && config !== null) reportedConfigs.add(config);
    console.error(`cookie-consent/server: invalid config, so the HTML rewrite holds every script, frame, image and early link on another origin until the page has a valid one:${errors.map((error) => `\n  ${error.path}: ${error.message}`).join('')}`);
  }
  return null;
}

const isConsent = (source: ConsentSource | ServerConsent): source is ServerConsent => typeof source === 'object' && source !== null && 'hasConsent' in source;

/** The page's address: the option, else a Fetch `Request`'s absolute `url` (Node's is only a path). */
function pageUrl(source: ConsentSource | ServerConsent, url: RewriteOptions['url']): URL | undefined {
  const address = url ?? (typeof source === 'object' && source !== null && 'url' in source ? (source as { url: unknown }).url : undefined);
  try {
    return typeof address === 'string' || (typeof address === 'object' && address !== null && 'href' in address) ? new URL(String((address as { href?: string }).href ?? address)) : undefined;
  } catch {
    return undefined;
  }
}

/** The rewriter for one response: the visitor's consent (read from the request, or given), the config's rules, the page's address. */
export async function rewriterFor(source: ConsentSource | ServerConsent, config: unknown, options: RewriteOptions): Promise<HtmlRewriter> {
  const Parser = await loadParser();
  const consent = isConsent(source) ? source : readConsent(source, config, options);
  const page: PageAddress = { url: pageUrl(source, options.url) };
  return createRewriter(Parser, { hold: urlHold(hostRules(config), consent.hasConsent, page), page, onHeld: options.onHeld });
}
