import type { ConsentRecord } from '../core/consent-record.js';
import type { Decision } from '../core/decision.js';

/** A decision was recorded (here or in another tab); `detail` is the stored record. */
export class CookieConsentChangeEvent extends CustomEvent<ConsentRecord> {
  constructor(record: ConsentRecord) {
    super('cookie-consent-change', { detail: record, bubbles: true, composed: true });
  }
}

/** The config and the stored decision are known (and the banner drawn if the visitor must decide); `detail` is the record, or null. */
export class CookieConsentReadyEvent extends CustomEvent<ConsentRecord | null> {
  constructor(record: ConsentRecord | null) {
    super('cookie-consent-ready', { detail: record, bubbles: true, composed: true });
  }
}

/**
 * The runtime asks the page's view to show the banner or the preferences dialog (the API, a
 * `data-cookie-consent="preferences"` control, another tab's reset). The view that opens it calls
 * `respondWith` with a promise that resolves once it is open.
 */
export class OpenRequestEvent extends Event {
  static readonly type = 'open';
  opened: Promise<void> = Promise.resolve();

  constructor(readonly what: 'banner' | 'preferences') {
    super(OpenRequestEvent.type);
  }

  respondWith(opened: Promise<void>): void {
    this.opened = opened;
  }
}

/**
 * Something a view shows changed; `decision` is the change of decision, if one caused it. A view
 * that redraws calls `waitUntil` with a promise that resolves once it has, so the runtime can wait
 * for the banner without calling into the view.
 */
export class RuntimeChangeEvent extends Event {
  static readonly type = 'change';
  drawn: Promise<unknown> = Promise.resolve();

  constructor(readonly decision?: Decision) {
    super(RuntimeChangeEvent.type);
  }

  waitUntil(drawn: Promise<unknown>): void {
    this.drawn = Promise.all([this.drawn, drawn]);
  }
}

/** The runtime's own events, for its views. */
export interface ConsentRuntimeEventMap {
  open: OpenRequestEvent;
  change: RuntimeChangeEvent;
}

declare global {
  /** Fired on the page's `<cookie-consent>` (or the document when it has none), bubbling out of any shadow root. */
  interface HTMLElementEventMap {
    'cookie-consent-change': CookieConsentChangeEvent;
    'cookie-consent-ready': CookieConsentReadyEvent;
  }
  interface DocumentEventMap {
    'cookie-consent-change': CookieConsentChangeEvent;
    'cookie-consent-ready': CookieConsentReadyEvent;
  }
}
