/**
 * `cookie-consent/server`: the visitor's decision as the server sees it, from the request's
 * `Cookie` header, checked by the same rules as the browser (the pure consent record and config
 * parser only: no DOM, no dependencies), so a server-rendered page can leave out what the visitor
 * has not agreed to; and the HTML rewrite (`rewriteStream`, `rewriteNodeStream`), which turns the
 * tags a visitor has not agreed to into held markup as the page streams out (it loads the optional
 * peer parse5-html-rewriting-stream when a rewrite starts).
 */
export type { ConfigError, ConsentConfig } from './core/config/config-types.js';
export { configHash } from './core/config-hash.js';
export type { ConsentGrants, ConsentRecord, RecordProblem } from './core/consent-record.js';
export type { HeldTag } from './server/html-rewriter.js';
export type { ConsentSource, FetchLikeRequest, NodeLikeRequest } from './server/request-cookies.js';
export { readConsent, type ConsentProblem, type ReadConsentOptions, type ServerConsent } from './server/read-consent.js';
export type { RewriteOptions } from './server/response-rewriter.js';
export { rewriteStream, type HtmlTransformStream } from './server/rewrite-stream.js';
export { rewriteNodeStream, type NodeTransformStream } from './server/rewrite-node-stream.js';
