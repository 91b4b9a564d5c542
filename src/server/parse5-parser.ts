/** parse5's streaming rewriter, the HTML rewrite's tokenizer: an optional peer, imported on first use. */
import type { TagAttribute } from '../core/held-form.js';

/** The parts of parse5's rewriting stream the rewrite uses. */
export interface RewritingStream {
  on(event: 'startTag', listener: (token: StartTag, raw: string) => void): void;
  on(event: 'endTag' | 'text', listener: (token: { tagName?: string; sourceCodeLocation?: Location }, raw: string) => void): void;
  emitRaw(html: string): void;
  push(chunk: string | null): boolean;
  _transformChunk(chunk: string): string;
  _final(callback: () => void): void;
  parserFeedbackSimulator: { inForeignContent: boolean };
}
export interface Location {
  startLine: number;
  startCol: number;
}
export interface StartTag {
  tagName: string;
  attrs: TagAttribute[];
  selfClosing: boolean;
  sourceCodeLocation?: Location;
}
export type RewritingStreamClass = new () => RewritingStream;

const PARSER = 'parse5-html-rewriting-stream';
let parserModule: Promise<RewritingStreamClass> | undefined;

/**
 * parse5's rewriting stream, imported on first use, so that `readConsent` needs nothing installed.
 * Rejects with an error naming the package when it is missing.
 */
export function loadParser(): Promise<RewritingStreamClass> {
  parserModule ??= import(/* @vite-ignore */ PARSER).then(
    (module: { RewritingStream: RewritingStreamClass }) => module.RewritingStream,
    (error: Error) => {
      parserModule = undefined;
      throw new Error(`cookie-consent: the HTML rewrite needs the package ${PARSER} (npm install ${PARSER}): ${error.message}`);
    },
  );
  return parserModule;
}
