import type { Strings } from '../i18n/en-GB.js';
import { hostCategories, type HostRules } from './host-rules.js';
import { definePlaceholder, type CookieConsentPlaceholder } from './placeholder.js';

/** What the visitor allows; null before any decision, so only strictly necessary content runs. */
export interface Grants {
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
}

/** Elements held by `data-category` markup; the first three are also held by host. */
const MARKUP_TAGS = /^(script|iframe|img|link|video|audio|source)$/;
const HOST_TAGS = /^(script|iframe|img)$/;
const URL_ATTRIBUTES = ['src', 'srcset', 'href'];
/** A script, iframe or img start tag in an HTML string (quoted values may contain ">"). */
const TAG = /<(script|iframe|img)\b((?:"[^"]*"|'[^']*'|[^>"'])*)>/gi;
/** One attribute of such a tag, so values are never mistaken for attributes. */
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

type Wrap = (original: any) => any;

/**
 * Holds scripts, iframes, images and requests that need consent until their categories are granted,
 * then releases each held element once, in order. Markup: `<script type="text/plain"
 * data-category="analytics" src|data-src>`, `data-src`/`data-srcset`/`data-href` on iframe, img,
 * link, video, audio and source, optional `data-service`. Without markup, by host: see `configure`.
 */
export class Blocker {
  private doc: Document;
  private setAttribute: Element['setAttribute'];
  private hosts: HostRules | null = null;
  private grants: Grants | null = null;
  /** Held elements in the order they were held (a Set keeps insertion order). */
  private held = new Set<Element>();
  /** Elements released or created by the blocker: never held again by the observer. */
  private done = new WeakSet<Element>();
  private queue: Element[] = [];
  /** A released script is loading and the next one must wait for it. */
  private busy = false;
  private placeholders = new Map<Element, CookieConsentPlaceholder>();
  private strings?: Strings;
  private warned = new Set<string>();
  /** Requests made before `configure()`, resumed when it is called. */
  private waiting: (() => void)[] = [];
  private undo: (() => void)[] = [];
  private observer?: MutationObserver;
  /** The last HTML string rewritten held something. */
  private rewritten = false;

  constructor(private win: Window & typeof globalThis) {
    this.doc = win.document;
    this.setAttribute = win.Element.prototype.setAttribute;
  }

  /**
   * Starts holding: patches the `src` setters, `setAttribute`, the HTML-string sinks, `fetch`,
   * `XMLHttpRequest` and `sendBeacon`, holds the markup already in the page and observes the rest.
   */
  start(): void {
    if (this.undo.length) return;
    const { win, doc } = this;
    const self = this;
    const element = win.Element.prototype;
    this.observer = new win.MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          this.check(node as Element);
          // A subtree inserted at once (append of a fragment, innerHTML) is one record for its root.
          if ((node as Element).firstElementChild) (node as Element).querySelectorAll('script,iframe,img,[data-category]').forEach((el) => this.check(el));
        }
      }
      this.release();
    });
    for (const [prototype, name] of [
      [win.HTMLScriptElement.prototype, 'src'],
      [win.HTMLIFrameElement.prototype, 'src'],
      [win.HTMLImageElement.prototype, 'src'],
      [win.HTMLImageElement.prototype, 'srcset'],
    ] as const) {
      this.patch(prototype, name, (set) => function (this: Element, value: string) {
        if (!self.intercept(this, name, String(value))) set.call(this, value);
      }, true);
    }
    this.patch(element, 'setAttribute', (set) => function (this: Element, name: string, value: string) {
      if (!self.intercept(this, String(name).toLowerCase(), String(value))) set.call(this, name, value);
    });
    // HTML strings are rewritten before they are parsed: an <img> or <iframe> starts its request while
    // being parsed, long before a MutationObserver hears of it. Scripts parsed by innerHTML never run.
    const rewrite = (executable: boolean): Wrap => (original) => function (this: any, ...args: unknown[]) {
      const parent = this.parentNode;
      self.rewritten = false;
      const result = original.apply(this, args.map((arg) => self.rewrite(arg, executable)));
      // Held at once: a tree that is never inserted (a pixel in a detached div) never reaches the observer.
      if (self.rewritten) {
        for (const root of [this, parent, result]) root?.querySelectorAll?.('[data-category]').forEach((el: Element) => self.check(el));
        self.release();
      }
      return result;
    };
    for (const prototype of [element, win.ShadowRoot.prototype]) {
      this.patch(prototype, 'innerHTML', rewrite(false), true);
      this.patch(prototype, 'setHTMLUnsafe', rewrite(false));
    }
    // Shadow roots are watched too: the document's observer does not see into them.
    this.patch(element, 'attachShadow', (attach) => function (this: Element, ...args: unknown[]) {
      const root = attach.apply(this, args);
      self.observe(root);
      return root;
    });
    this.patch(element, 'outerHTML', rewrite(false), true);
    this.patch(element, 'insertAdjacentHTML', rewrite(false));
    this.patch(win.Range.prototype, 'createContextualFragment', rewrite(true));
    this.patch(win.Document.prototype, 'write', rewrite(true));
    this.patch(win.Document.prototype, 'writeln', rewrite(true));

    this.patch(win, 'fetch', (fetch) => function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      const url = String((input as Request).url ?? input);
      const hold = self.urlHold(url);
      if (hold === null) return fetch.call(this, input, init);
      if (!hold) return new Promise((resume) => self.waiting.push(resume as () => void)).then(() => win.fetch(input, init));
      return Promise.reject(new TypeError(`cookie-consent: ${url} is blocked until consent to ${hold}`));
    });
    const xhrUrls = new WeakMap<XMLHttpRequest, string>();
    this.patch(win.XMLHttpRequest.prototype, 'open', (open) => function (this: XMLHttpRequest, ...args: unknown[]) {
      xhrUrls.set(this, String(args[1]));
      delete (this as { readyState?: number }).readyState;
      return open.apply(this, args);
    });
    this.patch(win.XMLHttpRequest.prototype, 'send', (send) => function (this: XMLHttpRequest, body?: XMLHttpRequestBodyInit | null) {
      const hold = self.urlHold(xhrUrls.get(this) ?? '');
      if (hold === null) return send.call(this, body);
      if (!hold) return void self.waiting.push(() => this.send(body));
      // Fail the way a network error does: later, with status 0, firing error and loadend.
      setTimeout(() => {
        Object.defineProperty(this, 'readyState', { value: 4, configurable: true });
        for (const type of ['readystatechange', 'error', 'loadend']) this.dispatchEvent(new win.ProgressEvent(type));
      });
    });
    this.patch(win.Navigator.prototype, 'sendBeacon', (sendBeacon) => function (this: Navigator, url: string, data?: BodyInit | null) {
      const hold = self.urlHold(String(url));
      if (hold === null) return sendBeacon.call(this, url, data);
      if (!hold) self.waiting.push(() => this.sendBeacon(url, data));
      return !hold;
    });

    this.observe(doc);
    doc.querySelectorAll('[data-category]').forEach((el) => this.check(el));
    this.release();
  }

  /**
   * Sets the host rules: category id → host patterns (see `hostCategories`). Until this is called,
   * every cross-origin script, iframe and img is held, and cross-origin fetch, XMLHttpRequest and
   * sendBeacon calls wait (sendBeacon returns true); then each is checked against the rules and
   * released, in order, unless its host needs consent. The caller must call it once the config is
   * known, the fallback config included, or those requests stay waiting.
   */
  configure(hosts: HostRules): void {
    this.hosts = hosts;
    for (const el of this.held) {
      if (el.getAttribute('data-category') !== '') continue;
      const hold = this.urlHold(el.getAttribute('data-src')) ?? this.urlHold(el.getAttribute('data-srcset'));
      if (hold) {
        el.setAttribute('data-category', hold);
        this.placehold(el);
      } else el.removeAttribute('data-category');
    }
    this.release();
    this.resume();
  }

  /** Applies a decision: releases every held element whose categories (and service) are now granted. */
  update(grants: Grants | null): void {
    this.grants = grants;
    this.release();
  }

  /** The strings for placeholders, shown and future (default: British English). */
  setStrings(strings: Strings): void {
    this.strings = strings;
    for (const placeholder of this.placeholders.values()) placeholder.strings = strings;
  }

  /** Undoes every patch and stops observing; held elements stay held, waiting requests go ahead. */
  stop(): void {
    this.observer?.disconnect();
    for (const undo of this.undo.splice(0).reverse()) undo();
    this.resume();
  }

  private observe(target: Node): void {
    this.observer!.observe(target, { childList: true, subtree: true });
  }

  private patch(target: object, name: string, wrap: Wrap, accessor?: boolean): void {
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (!descriptor) return;
    const key = accessor ? 'set' : 'value';
    Object.defineProperty(target, name, { ...descriptor, [key]: wrap(descriptor[key]) });
    this.undo.push(() => Object.defineProperty(target, name, descriptor));
  }

  private resume(): void {
    for (const resume of this.waiting.splice(0)) {
      try {
        resume();
      } catch {
        // A request the page gave up on meanwhile (an aborted XMLHttpRequest): nothing to send.
      }
    }
  }

  /** Holds an element found in the document: markup with data-category, or a held host. */
  private check(el: Element): void {
    if (this.held.has(el)) return this.placehold(el);
    const tag = el.localName;
    if (this.done.has(el) || !MARKUP_TAGS.test(tag)) return;
    const category = el.getAttribute('data-category');
    const script = tag === 'script';
    // A script is markup only as text/plain: a live one has run already, or is about to as the page meant.
    if (category !== null && (!script || el.getAttribute('type') === 'text/plain')) return this.hold(el, category);
    // Scripts found while the page is parsing have not run yet (the parser runs microtasks before each
    // </script>); later ones have run, or came from innerHTML and never will.
    if (HOST_TAGS.test(tag) && (!script || this.doc.readyState === 'loading')) {
      const hold = this.urlHold(el.getAttribute('src')) ?? this.urlHold(el.getAttribute('srcset'));
      if (hold !== null) this.hold(el, hold);
    }
  }

  /** Called by the patched setters: true when the URL was held instead of set. */
  private intercept(el: Element, name: string, value: string): boolean {
    if (!HOST_TAGS.test(el.localName) || !/^src(set)?$/.test(name)) return false;
    const category = el.getAttribute('data-category');
    const hold = category === null ? this.urlHold(value) : this.allowed(el) ? null : category;
    if (hold === null) return false;
    this.hold(el, hold);
    el.setAttribute('data-' + name, value);
    return true;
  }

  /** The categories a URL must wait for: null when it may load now, "" until `configure()`. */
  private urlHold(value: string | null): string | null {
    let hold: string | null = null;
    // Every URL of a srcset (the descriptors are harmless relative URLs).
    for (const part of value?.split(/[\s,]+/) ?? []) hold ??= this.hostHold(part);
    return hold;
  }

  private hostHold(value: string): string | null {
    let url: URL;
    try {
      url = new URL(value, this.doc.baseURI);
    } catch {
      return null;
    }
    if (!/^https?:$/.test(url.protocol)) return null;
    if (!this.hosts) return url.origin === this.win.origin ? null : '';
    const categories = hostCategories(this.hosts, url.hostname);
    if (!categories.length || this.grantsAll(categories)) return null;
    if (!this.warned.has(url.hostname)) {
      this.warned.add(url.hostname);
      console.warn(`cookie-consent: blocking ${url.hostname} until consent to ${categories.join(' and ')}`);
    }
    return categories.join(' ');
  }

  private grantsAll(categories: string[], service?: string | null): boolean {
    const grants = this.grants;
    return !!grants && categories.every((category) => grants.categories[category]) && (!service || grants.services[service]);
  }

  private allowed(el: Element): boolean {
    const category = el.getAttribute('data-category')?.trim();
    return category === undefined || (!!category && this.grantsAll(category.split(/\s+/), el.getAttribute('data-service')));
  }

  /** Turns an element into held markup: URLs into data-*, scripts into text/plain. */
  private hold(el: Element, category: string): void {
    if (!el.hasAttribute('data-category')) el.setAttribute('data-category', category);
    for (const name of URL_ATTRIBUTES) {
      const value = el.getAttribute(name);
      // A data-src already there is the real URL; the live one is then the page's stand-in image.
      if (value !== null && !el.hasAttribute('data-' + name)) {
        el.removeAttribute(name);
        el.setAttribute('data-' + name, value);
      }
    }
    const type = el.getAttribute('type');
    if (el.localName === 'script' && type !== 'text/plain') {
      if (type) el.setAttribute('data-type', type);
      el.setAttribute('type', 'text/plain');
    }
    this.held.add(el);
    this.placehold(el);
  }

  /** Puts a placeholder of the same size in place of a held iframe or video in the document. */
  private placehold(el: Element): void {
    const category = el.getAttribute('data-category');
    if (!/^(iframe|video)$/.test(el.localName) || !category || !el.isConnected || this.placeholders.has(el)) return;
    definePlaceholder(this.win.customElements);
    const placeholder = this.doc.createElement('cookie-consent-placeholder') as CookieConsentPlaceholder;
    const length = (name: string, fallback: string) => {
      const value = el.getAttribute(name) || fallback;
      return /^\d+$/.test(value) ? value + 'px' : value;
    };
    placeholder.style.cssText = `width:${length('width', '300')};height:${length('height', '150')};${el.getAttribute('style') ?? ''}`;
    placeholder.className = el.className;
    let host = '';
    try {
      host = new URL(el.getAttribute('data-src') ?? '', this.doc.baseURI).hostname;
    } catch {
      // An unparsable URL: the placeholder names no host.
    }
    placeholder.provider = el.getAttribute('data-provider') || el.getAttribute('title') || host;
    placeholder.category = category;
    if (this.strings) placeholder.strings = this.strings;
    this.placeholders.set(el, placeholder);
    el.replaceWith(placeholder);
  }

  private release(): void {
    for (const el of this.held) {
      if (this.allowed(el)) {
        this.held.delete(el);
        this.queue.push(el);
      }
    }
    this.next();
  }

  private next(): void {
    let el: Element | undefined;
    while (!this.busy && (el = this.queue.shift())) this.activate(el);
  }

  /**
   * Lets a released element load. A script in the document is replaced by a fresh copy (a script
   * parsed by innerHTML, or prepared once as text/plain, never runs again); an external one that is
   * not async holds back the rest until it has loaded or failed, so scripts run in order.
   */
  private activate(el: Element): void {
    this.done.add(el);
    const placeholder = this.placeholders.get(el);
    if (placeholder) {
      this.placeholders.delete(el);
      placeholder.replaceWith(el);
    }
    if (el.localName !== 'script' || !el.isConnected) {
      this.restore(el);
      const media = el.localName === 'source' ? el.parentElement : el;
      if (media && /^(video|audio)$/.test(media.localName) && !this.held.has(media)) {
        media.querySelectorAll('source:not([data-category])').forEach((source) => this.restore(source));
        (media as HTMLMediaElement).load();
      }
      return;
    }
    const script = this.doc.createElement('script');
    // Handlers stay on the original, which hears the copy's load and error events.
    for (const { name, value } of Array.from(el.attributes)) if (!name.startsWith('on')) this.setAttribute.call(script, name, value);
    // The nonce attribute reads as "" once the page has a CSP; the property keeps the value.
    script.nonce = (el as HTMLScriptElement).nonce;
    script.text = (el as HTMLScriptElement).text;
    this.restore(script);
    this.done.add(script);
    const wait = script.hasAttribute('src') && !script.hasAttribute('async');
    const handleSettled = (event: Event) => {
      if (event.type === 'error') console.error(`cookie-consent: the blocked script ${script.src} failed to load`);
      el.dispatchEvent(new Event(event.type));
      if (wait) {
        this.busy = false;
        this.next();
      }
    };
    script.addEventListener('load', handleSettled);
    script.addEventListener('error', handleSettled);
    this.busy = wait;
    el.replaceWith(script);
  }

  /** Undoes `hold`: real URLs and script type back, the empty data-category of a host hold gone. */
  private restore(el: Element): void {
    for (const name of URL_ATTRIBUTES) {
      const value = el.getAttribute('data-' + name);
      if (value !== null) {
        el.removeAttribute('data-' + name);
        this.setAttribute.call(el, name, value);
      }
    }
    if (el.localName === 'script' && el.getAttribute('type') === 'text/plain') {
      const type = el.getAttribute('data-type');
      el.removeAttribute('data-type');
      if (type) el.setAttribute('type', type);
      else el.removeAttribute('type');
    }
    if (el.getAttribute('data-category') === '') el.removeAttribute('data-category');
  }

  /** Rewrites held script, iframe and img tags of an HTML string into held markup. */
  private rewrite(html: unknown, executable: boolean): unknown {
    // TrustedHTML passes untouched: it cannot be rewritten without the page's own policy.
    if (typeof html !== 'string') return html;
    return html.replace(TAG, (tag, name: string, attributes: string) => {
      const script = /^script$/i.test(name);
      let hold: string | null = null;
      let markup = false;
      const renamed = attributes.replace(ATTRIBUTE, (whole, attribute: string, value = '') => {
        attribute = attribute.toLowerCase();
        markup ||= attribute === 'data-category';
        const url = /^src(set)?$/.test(attribute);
        if (url) hold ??= this.urlHold(value.replace(/^["']|["']$/g, ''));
        return url || (script && attribute === 'type') ? 'data-' + whole : whole;
      });
      if (hold === null || markup) return tag;
      this.rewritten = true;
      // Scripts from innerHTML never run: they stay inert, without a category that would release them.
      return `<${name}${script ? ' type="text/plain"' : ''}${executable || !script ? ` data-category="${hold}"` : ''}${renamed}>`;
    });
  }
}
