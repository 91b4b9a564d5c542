/** `rewriteNodeStream`: the HTML rewrite as a Node `stream.Transform`. */
import type { Transform } from 'node:stream';
import type { ServerConsent } from './read-consent.js';
import type { ConsentSource } from './request-cookies.js';
import { rewriterFor, type RewriteOptions } from './response-rewriter.js';
import type { HtmlRewriter } from './html-rewriter.js';

/**
 * Node's `stream.Transform`. Left untyped on purpose: naming it would make these declarations fail
 * to load in a project without Node's types (@types/node), which `readConsent` alone must not need.
 */
export type NodeTransformStream = any;

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
