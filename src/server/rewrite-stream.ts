/** `rewriteStream`: the HTML rewrite as a web `TransformStream`. */
import type { ServerConsent } from './read-consent.js';
import type { ConsentSource } from './request-cookies.js';
import { rewriterFor, type RewriteOptions } from './response-rewriter.js';
import type { HtmlRewriter } from './html-rewriter.js';

/**
 * A web `TransformStream`, as the platform's own types declare it (the DOM library, or Node's
 * types); a stand-in where neither is loaded, so these declarations need no particular library.
 */
export type HtmlTransformStream = typeof globalThis extends { TransformStream: { prototype: infer Stream } } ? Stream : { readonly readable: unknown; readonly writable: unknown };

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
