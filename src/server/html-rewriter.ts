/**
 * The HTML rewrite of `cookie-consent/server` and `cookie-consent rewrite`: every start tag the
 * config would hold is turned into the held markup form (src/core/held-form.ts) before a browser
 * sees the HTML, so no preload scanner or parser ever fetches it. It tokenizes with parse5's
 * streaming rewriter (an optional peer, loaded when a rewrite starts), whose untouched tokens pass
 * through as their raw source: only held start tags change, byte for byte.
 */
import { heldName, heldPrefix, isExecutableScript, scriptWaitsFor, tagWaitsFor, type TagAttribute, type UrlHold } from '../core/held-form.js';
import type { Location, RewritingStreamClass, StartTag } from './parse5-parser.js';
import type { PageAddress } from './url-hold.js';

/** One start tag the rewrite held, for reports: where it was in the input, and what it waits for. */
export interface HeldTag {
  /** 1-based line and column of the tag's `<` in the input. */
  line: number;
  column: number;
  /** The tag name, lower case (`script`, `iframe`, `img`, `link`). */
  tag: string;
  /** The categories it waits for, space-separated; "" when the config is invalid (it waits for a valid one). */
  category: string;
  /** What it would have fetched: its URL, or for an inline script the first 60 characters of its text. */
  what: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

/** The start tag in held form: the held attributes first, then its own under their held names. */
function heldTag(tag: string, attributes: readonly TagAttribute[], category: string, selfClosing: boolean): string {
  // An empty value is written as a bare name (async, allowfullscreen): the same attribute, as the page wrote it.
  const own = attributes.map(({ name, value }) => ` ${heldName(tag, name)}${value ? `="${escapeAttribute(value)}"` : ''}`).join('');
  return `<${tag}${heldPrefix(tag, category)}${own}${selfClosing ? '/' : ''}>`;
}

/** A synchronous rewriter: each call returns the output the input so far allows. */
export interface HtmlRewriter {
  write(chunk: string): string;
  end(): string;
}

export interface RewriterOptions {
  /** What a URL waits for (see `urlHold`). */
  hold: UrlHold;
  /** The page's address that `hold` reads: the rewrite adds the first `<base href>` in the HTML. */
  page?: PageAddress;
  /** Told of every tag the rewrite held. */
  onHeld?: (held: HeldTag) => void;
  /** Told of every tokenizer error, with its parse5 code and place, for `cookie-consent rewrite`'s checks. */
  onParseError?: (error: { code: string; startLine: number; startCol: number }) => void;
  /** Where the input starts in the file (a `<noscript>`'s content is rewritten on its own): 1-based line and column. */
  start?: { line: number; column: number };
}

/**
 * A rewriter over parse5's rewriting stream, driven directly rather than as a Node stream, so that
 * its output is known as soon as each chunk is written: the Node stream, the web stream and the
 * command share it, and none of them waits on the stream machinery's scheduling.
 */
export function createRewriter(Parser: RewritingStreamClass, options: RewriterOptions): HtmlRewriter {
  const { hold, onHeld, page, start = { line: 1, column: 1 } } = options;
  const parser = new Parser();
  let output = '';
  parser.push = (chunk) => {
    if (chunk) output += chunk;
    return true;
  };
  if (options.onParseError) (parser.parserFeedbackSimulator as { onParseError?: RewriterOptions['onParseError'] }).onParseError = options.onParseError;
  let baseSeen = false;
  /** An inline script or a `<noscript>` whose content decides (or is rewritten) at its end tag. */
  let pending: { tag: StartTag; raw: string; text: string } | null = null;

  /** Where a token is in the file: lines after the first start at column 1. */
  const place = (location: Location | undefined) => {
    const { startLine = 1, startCol = 1 } = location ?? {};
    return { line: start.line + startLine - 1, column: startLine === 1 ? start.column + startCol - 1 : startCol };
  };
  const report = (tag: StartTag, category: string, what: string) => onHeld?.({ ...place(tag.sourceCodeLocation), tag: tag.tagName, category, what });

  function finishPending(endRaw: string): void {
    const { tag, raw, text } = pending!;
    pending = null;
    if (tag.tagName === 'noscript') {
      // Scripting on, the browser never parses this content; scripting off (where no visitor can
      // consent), it does: rewritten on its own, its pixels and frames stay held there too.
      const opened = place(tag.sourceCodeLocation);
      const inner = createRewriter(Parser, { hold, onHeld, start: { line: opened.line, column: opened.column + raw.length } });
      parser.emitRaw(raw + inner.write(text) + inner.end() + endRaw);
      return;
    }
    const category = scriptWaitsFor(text, hold);
    if (category) report(tag, category, text.trim().replace(/\s+/g, ' ').slice(0, 60));
    parser.emitRaw((category ? heldTag('script', tag.attrs, category, tag.selfClosing) : raw) + text + endRaw);
  }

  parser.on('startTag', (tag, raw) => {
    const { tagName, attrs } = tag;
    // Foreign content (inline SVG, MathML) has its own script and image elements, which the blocker never handles.
    if (parser.parserFeedbackSimulator.inForeignContent) return parser.emitRaw(raw);
    if (tagName === 'base' && !baseSeen) {
      const href = attrs.find((attribute) => attribute.name === 'href');
      if (href && page) {
        baseSeen = true;
        try {
          page.base = new URL(href.value, page.url ?? 'https://first-party.invalid/');
        } catch {
          // An unusable base: the browser keeps the page's own address, and so does the rewrite.
        }
      }
    }
    const category = tagWaitsFor(tagName, attrs, hold);
    if (category !== null) {
      report(tag, category, attrs.find(({ name }) => /^(src|srcset|href)$/.test(name))?.value ?? '');
      return parser.emitRaw(heldTag(tagName, attrs, category, tag.selfClosing));
    }
    const inline = tagName === 'script' && !attrs.some(({ name }) => name === 'src' || name === 'data-category') && isExecutableScript(attrs);
    if (inline || tagName === 'noscript') pending = { tag, raw, text: '' };
    else parser.emitRaw(raw);
  });
  parser.on('text', (_, raw) => {
    if (pending) pending.text += raw;
    else parser.emitRaw(raw);
  });
  parser.on('endTag', (tag, raw) => {
    if (pending && tag.tagName === pending.tag.tagName) finishPending(raw);
    else parser.emitRaw(raw);
  });

  const take = () => {
    const chunk = output;
    output = '';
    return chunk;
  };
  return {
    write(chunk) {
      parser._transformChunk(chunk);
      return take();
    },
    end() {
      parser._final(() => {});
      // The input ended inside a script or a noscript: the browser runs or shows it as it is.
      if (pending) finishPending('');
      return take();
    },
  };
}
