/**
 * `cookie-consent/server`: the visitor's decision as the server sees it, from the request's
 * `Cookie` header, checked by the same rules as the browser (the pure consent record and config
 * parser only: no DOM, no dependencies), so a server-rendered page can leave out what the visitor
 * has not agreed to; and the HTML rewrite (`rewriteStream`, `rewriteNodeStream`), which turns the
 * tags a visitor has not agreed to into held markup as the page streams out (it loads the optional
 * peer parse5-html-rewriting-stream when a rewrite starts).
 */
import type { Transform } from 'node:stream';
import type { ConfigError, ConsentConfig } from './core/config/config-types.js';
import { parseConfig } from './core/config/parse-config.js';
import { grantsOf, parseRecord, serviceCategories, type ConsentGrants, type ConsentRecord, type RecordProblem } from './core/consent-record.js';
import { isOwnTrue } from './core/own-property.js';
import { createRewriter, loadParser, urlHold, type HeldTag, type HtmlRewriter, type PageAddress } from './server-rewrite.js';

export type { ConfigError, ConsentConfig } from './core/config/config-types.js';
export { configHash } from './core/config-hash.js';
export type { ConsentGrants, ConsentRecord, RecordProblem } from './core/consent-record.js';
export type { HeldTag } from './server-rewrite.js';

/** A Fetch API `Request` (or anything with its `headers.get`). */
export interface FetchLikeRequest {
  headers: { get(name: string): string | null };
}

/** A Node `http.IncomingMessage` (Express's `req` too): header names in lower case. */
export interface NodeLikeRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** A request, or its `Cookie` header on its own (then say `gpc` in the options). */
export type ConsentSource = FetchLikeRequest | NodeLikeRequest | string | null | undefined;

export interface ReadConsentOptions {
  /**
   * Whether the visitor's browser sends Global Privacy Control. Default: the request's
   * `Sec-GPC: 1` header (false when only a `Cookie` header string is given).
   */
  gpc?: boolean;
  /** The time to check the record's age against (default: now). */
  now?: Date;
}

/** Why there is no usable decision: the record's problems, or `config` when the config is invalid. */
export type ConsentProblem = RecordProblem | 'config';

/** The result of {@link readConsent}. */
export interface ServerConsent {
  /**
   * The decision as stored, when it is valid for this config; null when the visitor has not
   * decided or must be asked again, and nothing non-essential may run.
   */
  readonly record: ConsentRecord | null;
  /**
   * Why `record` is null: `missing` (no cookie), `malformed` (not a record: tampered, truncated or
   * not decodable), `version`, `revision` (answered another revision of the config), `expired`
   * (older than `consent.days`, or dated in the future), `categories` / `services` (does not
   * match the config's), or `config` (the config is invalid; see `configErrors`). Undefined with a record.
   */
  readonly problem: ConsentProblem | undefined;
  /** Every problem in the config, with its JSON path; empty unless `problem` is `config`. */
  readonly configErrors: ConfigError[];
  /** The request carried Global Privacy Control. */
  readonly gpc: boolean;
  /**
   * What may run, always `{ categories, services }` (category id → granted, service id → granted),
   * never the record itself: the record's choices, except that under Global Privacy Control a
   * decision made without it never grants `saleOrSharing` categories (advertising) nor their
   * services. Null without a record.
   */
  readonly grants: ConsentGrants | null;
  /** True when the category may run on this page, as `CookieConsent.hasConsent()` in the browser. */
  hasConsent(category: string): boolean;
  /** True when the service and its category may run, as for `data-service` markup in the browser. */
  hasService(service: string): boolean;
}

/** Configs are parsed once per object (a config object is not expected to change). */
const parsed = new WeakMap<object, { config: ConsentConfig; errors: ConfigError[] }>();

function parse(config: unknown): { config: ConsentConfig; errors: ConfigError[] } {
  if (typeof config !== 'object' || config === null) return parseConfig(config);
  let result = parsed.get(config);
  if (!result) parsed.set(config, (result = parseConfig(config)));
  return result;
}

function header(source: FetchLikeRequest | NodeLikeRequest, name: string): string | undefined {
  const { headers } = source;
  if (typeof headers.get === 'function') return (headers as FetchLikeRequest['headers']).get(name) ?? undefined;
  const value = (headers as NodeLikeRequest['headers'])[name];
  return Array.isArray(value) ? value.join('; ') : value;
}

const decodeName = (name: string): string | null => {
  try {
    return decodeURIComponent(name);
  } catch {
    return null;
  }
};

/**
 * The named cookie's value, decoded as js-cookie (which wrote it) reads it: the first cookie of
 * that name wins, as the browser sends the most specific path first. `null` when it is there but
 * is not valid percent-encoding.
 */
function cookieValue(cookieHeader: string, name: string): string | null | undefined {
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || decodeName(pair.slice(0, at).trim()) !== name) continue;
    let value = pair.slice(at + 1).trim();
    if (value[0] === '"') value = value.slice(1, -1);
    try {
      return value.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
    } catch {
      return null;
    }
  }
  return undefined;
}

/**
 * Reads the visitor's consent from a request (a Fetch `Request`, a Node or Express request) or
 * from its `Cookie` header, against the site's config (the same JSON the widget loads). The rules
 * are the browser's: a record that is tampered with, from another revision, expired or from
 * another config is refused, and Global Privacy Control (`Sec-GPC: 1`) withholds sale/sharing
 * categories a decision made without it granted. Never throws on what a visitor sends.
 *
 * @example
 * const consent = readConsent(request, config);
 * if (consent.hasConsent('analytics')) html += analyticsTag;
 */
export function readConsent(source: ConsentSource, config: unknown, options: ReadConsentOptions = {}): ServerConsent {
  const isRequest = typeof source === 'object' && source !== null;
  const cookieHeader = (isRequest ? header(source, 'cookie') : source) ?? '';
  const gpc = options.gpc ?? (isRequest && header(source, 'sec-gpc')?.trim() === '1');
  const { config: checked, errors } = parse(config);

  let record: ConsentRecord | null = null;
  let problem: ConsentProblem | undefined;
  if (errors.length) {
    problem = 'config';
  } else {
    const value = cookieValue(cookieHeader, checked.consent.cookieName);
    const result = value === null ? ({ record: null, problem: 'malformed' } as const) : parseRecord(value, checked, options.now ?? new Date());
    ({ record, problem } = result);
  }

  const grants: ConsentGrants | null = record && grantsOf(checked, record, gpc);
  const owners = serviceCategories(checked);
  const hasConsent = (category: string): boolean => isOwnTrue(grants?.categories, category);

  return {
    record,
    problem,
    configErrors: errors,
    gpc,
    grants,
    hasConsent,
    hasService: (service) => isOwnTrue(grants?.services, service) && hasConsent(owners.get(service) ?? ''),
  };
}

/**
 * A web `TransformStream`, as the platform's own types declare it (the DOM library, or Node's
 * types); a stand-in where neither is loaded, so these declarations need no particular library.
 */
export type HtmlTransformStream = typeof globalThis extends { TransformStream: { prototype: infer Stream } } ? Stream : { readonly readable: unknown; readonly writable: unknown };

/**
 * Node's `stream.Transform`. Left untyped on purpose: naming it would make these declarations fail
 * to load in a project without Node's types (@types/node), which `readConsent` alone must not need.
 */
export type NodeTransformStream = any;

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
async function rewriterFor(source: ConsentSource | ServerConsent, config: unknown, options: RewriteOptions): Promise<HtmlRewriter> {
  const Parser = await loadParser();
  const consent = isConsent(source) ? source : readConsent(source, config, options);
  const page: PageAddress = { url: pageUrl(source, options.url) };
  return createRewriter(Parser, { hold: urlHold(hostRules(config), consent.hasConsent, page), page, onHeld: options.onHeld });
}

/**
 * A web `TransformStream` that rewrites a UTF-8 HTML response so that everything the visitor has not
 * granted arrives in held markup (see the module's comment); what they granted passes as written.
 * Bytes or strings in, UTF-8 bytes out, chunk by chunk: the first bytes leave as soon as they arrive.
 * `source` is the request (its consent is read with {@link readConsent}) or `readConsent`'s result.
 * The parser is loaded when the stream starts: without `parse5-html-rewriting-stream` installed,
 * the stream fails with an error naming it.
 *
 * @example
 * return new Response(upstream.body.pipeThrough(rewriteStream(request, config)), upstream);
 */
export function rewriteStream(source: ConsentSource | ServerConsent, config: unknown, options: RewriteOptions = {}): HtmlTransformStream {
  let rewriter: HtmlRewriter;
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const send = (controller: TransformStreamDefaultController<Uint8Array>, html: string) => html && controller.enqueue(encoder.encode(html));
  return new TransformStream({
    async start() {
      rewriter = await rewriterFor(source, config, options);
    },
    transform(chunk, controller) {
      send(controller, rewriter.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
    },
    flush(controller) {
      send(controller, rewriter.write(decoder.decode()) + rewriter.end());
    },
  });
}

/**
 * {@link rewriteStream} as a Node `Transform` (for `http`, Express, Fastify): pipe the HTML through it.
 *
 * @example
 * createReadStream('index.html').pipe(rewriteNodeStream(req, config)).pipe(res);
 */
export function rewriteNodeStream(source: ConsentSource | ServerConsent, config: unknown, options: RewriteOptions = {}): NodeTransformStream {
  // Taken from the running Node rather than imported, so that `cookie-consent/server` still loads
  // where there is no node:stream (an edge runtime reading consent only).
  const { Transform: NodeTransform } = (globalThis as unknown as { process: { getBuiltinModule(name: 'node:stream'): { Transform: typeof Transform } } }).process.getBuiltinModule('node:stream');
  const decoder = new TextDecoder();
  let rewriter: HtmlRewriter | undefined;
  const ready = rewriterFor(source, config, options).then((loaded) => (rewriter = loaded));
  const encode = (html: string) => (html ? Buffer.from(html) : undefined);
  /**
   * Runs at once when the parser is loaded: through a promise, every chunk of a fast source would
   * be rewritten in one unbroken run of microtasks, and Node sends nothing (the socket stays corked)
   * until the whole page is done.
   */
  const whenReady = (run: (rewriter: HtmlRewriter) => void, fail: (error: Error) => void) => (rewriter ? run(rewriter) : void ready.then(run, fail));
  return new NodeTransform({
    transform(chunk: Buffer | string, _encoding: string, callback: (error?: Error | null, data?: Buffer) => void) {
      whenReady((rewriter) => callback(null, encode(rewriter.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })))), callback);
    },
    flush(callback: (error?: Error | null, data?: Buffer) => void) {
      whenReady((rewriter) => callback(null, encode(rewriter.write(decoder.decode()) + rewriter.end())), callback);
    },
  });
}
