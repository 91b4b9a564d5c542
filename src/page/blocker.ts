import type { Strings } from '../i18n/en-GB.js';
import { hostCategories, type HostRules } from '../core/host-rules.js';
import { isOwnTrue } from '../core/own-property.js';
import type { ConsentGrants } from '../core/consent-record.js';
import type { CookieConsentPlaceholder } from '../elements/placeholder/placeholder.js';
import { srcsetHold } from '../core/held-form.js';
import { rewriteHeldTags } from './html-rewrite.js';

/** What the visitor allows; null before any decision, so only strictly necessary content runs. */
export type Grants = ConsentGrants;

/** Elements held by `data-category` markup; the first three are also held by host. */
const MARKUP_TAGS = new Set(['script', 'iframe', 'img', 'link', 'video', 'audio', 'source']);
const HOST_TAGS = /^(script|iframe|img)$/;
const URL_ATTRIBUTES = ['src', 'srcset', 'href'];

type Wrap = (original: any) => any;

export interface Blocker {
  /**
   * Starts holding: patches the `src`/`srcset` setters, `setAttribute`, the HTML-string sinks,
   * `attachShadow`, `fetch`, `XMLHttpRequest` and `sendBeacon`, holds the markup already in the
   * page and observes the rest. Call it as early as possible, before the config is known.
   */
  start(): void;
  /**
   * Sets the host rules: category id → host patterns (see `hostCategories`: "*.doubleclick.net"
   * also matches doubleclick.net). Until this is called every cross-origin script, iframe and img
   * is held, and cross-origin fetch, XMLHttpRequest and sendBeacon calls wait (sendBeacon returns
   * true at once); then each is checked against the rules and goes ahead, in order, unless its
   * host needs consent. `null`: the rules will never be known (the config cannot be read), so
   * cross-origin elements stay held and waiting requests fail, as later ones do at once.
   */
  configure(hosts: HostRules | null): void;
  /** Applies a decision: releases every held element whose categories (and service) are granted. */
  update(grants: Grants | null): void;
  /** The strings of placeholders, shown and future (default: British English). */
  setStrings(strings: Strings): void;
  /** The categories placeholders may offer to grant, shown and future (default: any). */
  setChoices(categories: readonly string[]): void;
  /** Undoes every patch and stops observing; held elements stay held, waiting requests go ahead. */
  stop(): void;
}

/**
 * Holds scripts, iframes, images and requests that need consent until their categories are granted,
 * then releases each held element once, in order. Markup: `<script type="text/plain"
 * data-category="analytics" src|data-src>`, `data-src`/`data-srcset`/`data-href` on iframe, img,
 * link, video, audio and source, optional `data-service`. Without markup, by host: see `configure`.
 */
export class Blocker {
  /**
   * `onPlaceholder` is told each time a held embed gets its `<cookie-consent-placeholder>`: that
   * element is defined by the widget's interface, so this is the moment to load it.
   */
  constructor(win: Window & typeof globalThis, onPlaceholder?: () => void) {
    Object.assign(this, createBlocker(win, onPlaceholder));
  }
}

// The state lives in a closure rather than in private members, so the minifier can shorten every name.
function createBlocker(win: Window & typeof globalThis, onPlaceholder = () => {}): Blocker {
  const doc = win.document;
  const nativeSetAttribute = win.Element.prototype.setAttribute;
  const setUrl = (el: Element, name: string, value: string) => nativeSetAttribute.call(el, name, value);
  let hosts: HostRules | null = null;
  let grants: Grants | null = null;
  let strings: Strings | undefined;
  let choices: readonly string[] | undefined;
  /** A released script is loading and the next one waits for it. */
  let busy = false;
  /** The HTML string just rewritten held something. */
  let rewritten = false;
  /** Held elements in the order they were held (a Set keeps insertion order). */
  const held = new Set<Element>();
  /**
   * Held since the last release. Only these can be let go without a new decision, so releasing
   * after an insertion looks at them alone, not at everything held (which pages add to all the time).
   */
  const fresh: Element[] = [];
  /** Elements released or created here: never held again by the observer. */
  const done = new WeakSet<Element>();
  const queue: Element[] = [];
  const placeholders = new Map<Element, CookieConsentPlaceholder>();
  const warned = new Set<string>();
  /** Cross-origin URLs of scripts, frames and images already in the page when `start()` ran. */
  let early: string[] = [];
  /** Requests made before `configure()`: each goes ahead once the rules are known, or fails if they never will be. */
  const waiting: { send: () => void; fail: () => void }[] = [];
  /** The rules will never be known (the config could not be read): a request that would wait fails instead. */
  let refusing = false;
  const undo: (() => void)[] = [];

  const observer = new win.MutationObserver((records) => {
    for (const record of records) {
      // Indexed, not iterated: this runs for every node any script inserts anywhere in the page.
      const added = record.addedNodes;
      for (let index = 0; index < added.length; index++) {
        const node = added[index];
        if (node.nodeType !== 1) continue;
        check(node as Element);
        // A subtree inserted at once (a fragment, innerHTML) is one record for its root.
        if ((node as Element).firstElementChild) (node as Element).querySelectorAll('script,iframe,img,[data-category]').forEach(check);
      }
    }
    release();
  });
  const data = (el: Element) => (el as HTMLElement).dataset;
  const parse = (url: string) => {
    try {
      return new URL(url, doc.baseURI);
    } catch {
      return undefined;
    }
  };
  const observe = (target: Node) => observer.observe(target, { childList: true, subtree: true });

  function patch(target: object, name: string, wrap: Wrap, accessor?: boolean): void {
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (!descriptor) return;
    const key = accessor ? 'set' : 'value';
    Object.defineProperty(target, name, { ...descriptor, [key]: wrap(descriptor[key]) });
    undo.push(() => Object.defineProperty(target, name, descriptor));
  }

  function wait(send: () => void, fail: () => void): void {
    if (refusing) fail();
    else waiting.push({ send, fail });
  }

  function resume(send: boolean): void {
    for (const request of waiting.splice(0)) {
      try {
        if (send) request.send();
        else request.fail();
      } catch {
        // A request the page gave up on meanwhile (an aborted XMLHttpRequest): nothing to send.
      }
    }
  }

  const blocked = (url: string, category: string) => new TypeError(`cookie-consent: ${url} is blocked until ${category ? `consent to ${category}` : 'the config can be read'}`);

  /** Own properties only: a `data-category="constructor"` must not find `Object.prototype.constructor`. */
  const grantsAll = (categories: string[], service?: string | null) =>
    !!grants && categories.every((category) => isOwnTrue(grants!.categories, category)) && (!service || isOwnTrue(grants.services, service));

  /** The categories a URL must wait for: null when it may load now, "" until `configure()`. */
  function hostHold(value: string): string | null {
    // The common case, a relative URL against a same-origin base, or a data:/blob: URL, cannot reach
    // another host: answer it without building a URL object (this runs on every src that is set).
    if (/^(data|blob|about|javascript):/i.test(value)) return null;
    if (!/^([a-z][a-z\d+.-]*:|\/\/)/i.test(value) && doc.baseURI.startsWith(`${win.origin}/`)) return null;
    const url = parse(value);
    if (!url || !/^https?:$/.test(url.protocol)) return null;
    if (!hosts) return url.origin === win.origin ? null : '';
    const categories = hostCategories(hosts, url.hostname);
    if (!categories.length || grantsAll(categories)) return null;
    if (!warned.has(url.hostname)) {
      warned.add(url.hostname);
      console.warn(`cookie-consent: blocking ${url.hostname} until consent to ${categories.join(' and ')}`);
    }
    return categories.join(' ');
  }

  /** `hostHold` for an attribute value: every URL of a srcset counts. */
  const urlHold = (value: string | null | undefined, srcset?: boolean): string | null =>
    srcset ? srcsetHold(value ?? '', hostHold) : value ? hostHold(value.trim()) : null;

  function allowed(el: Element): boolean {
    const category = el.getAttribute('data-category');
    return category === null || (!!category.trim() && grantsAll(category.trim().split(/\s+/), el.getAttribute('data-service')));
  }

  /** Turns an element into held markup: URLs into data-*, scripts into text/plain. */
  function hold(el: Element, category: string): void {
    const dataset = data(el);
    dataset.category ??= category;
    for (const name of URL_ATTRIBUTES) {
      const value = el.getAttribute(name);
      // A data-src already there is the real URL; the live one is then the page's stand-in image.
      if (value !== null && dataset[name] === undefined) {
        el.removeAttribute(name);
        dataset[name] = value;
      }
    }
    const type = el.getAttribute('type');
    if (el.localName === 'script' && type !== 'text/plain') {
      if (type) dataset.type = type;
      el.setAttribute('type', 'text/plain');
    }
    held.add(el);
    fresh.push(el);
    placehold(el);
  }

  /** Puts a placeholder of the same size in place of a held iframe or video in the document. */
  function placehold(el: Element): void {
    const dataset = data(el);
    const category = dataset.category;
    if (!/^(iframe|video)$/.test(el.localName) || !category || !el.isConnected || placeholders.has(el)) return;
    // Its properties are set before the element is defined: the definition takes them on upgrade.
    const placeholder = doc.createElement('cookie-consent-placeholder') as CookieConsentPlaceholder;
    const length = (name: string, fallback: string) => {
      const value = el.getAttribute(name) || fallback;
      return /^\d+$/.test(value) ? value + 'px' : value;
    };
    placeholder.style.cssText = `width:${length('width', '300')};height:${length('height', '150')};${el.getAttribute('style') ?? ''}`;
    placeholder.className = el.className;
    placeholder.provider = dataset.provider || el.getAttribute('title') || (parse(dataset.src ?? '')?.hostname ?? '');
    placeholder.category = category;
    placeholder.service = dataset.service ?? '';
    if (strings) placeholder.strings = strings;
    placeholder.choices = choices;
    placeholders.set(el, placeholder);
    el.replaceWith(placeholder);
    onPlaceholder();
  }

  /** Holds an element found in the document: markup with data-category, or a held host. */
  function check(el: Element): void {
    const tag = el.localName;
    // The cheapest test first: it runs for every element the page parses or inserts, and most are
    // none of these (only these are ever held).
    if (!MARKUP_TAGS.has(tag)) return;
    if (held.has(el)) return placehold(el);
    if (done.has(el)) return;
    const category = el.getAttribute('data-category');
    const script = tag === 'script';
    // A script is markup only as text/plain: a live one has run already, or is about to as the page meant.
    if (category !== null && (!script || el.getAttribute('type') === 'text/plain')) return hold(el, category);
    // Scripts found while the page is parsing have not run yet (the parser runs microtasks before each
    // </script>); later ones have run, or came from innerHTML and never will.
    if (HOST_TAGS.test(tag) && (!script || doc.readyState === 'loading')) {
      const category = urlHold(el.getAttribute('src')) ?? urlHold(el.getAttribute('srcset'), true);
      if (category !== null) hold(el, category);
    }
  }

  /** Called by the patched setters: true when the URL was held instead of set. */
  function intercept(el: Element, name: string, value: string): boolean {
    if (!HOST_TAGS.test(el.localName) || !/^src(set)?$/.test(name)) return false;
    const category = el.getAttribute('data-category');
    const wait = category === null ? urlHold(value, name === 'srcset') : allowed(el) ? null : category;
    if (wait === null) return false;
    hold(el, wait);
    data(el)[name] = value;
    return true;
  }

  /** Queues every held element that may now run (after a decision: `all`), then runs the queue in order. */
  function release(all?: boolean): void {
    // Fresh ones were held after every older one, so the queue keeps document order either way.
    for (const el of all ? held : fresh) {
      if (held.has(el) && allowed(el)) {
        held.delete(el);
        queue.push(el);
      }
    }
    fresh.length = 0;
    let el: Element | undefined;
    while (!busy && (el = queue.shift())) activate(el);
  }

  /**
   * Lets a released element load. A script in the document is replaced by a fresh copy (a script
   * parsed by innerHTML, or prepared once as text/plain, never runs again); an external one that is
   * not async holds back the rest until it has loaded or failed, so scripts run in order.
   */
  function activate(el: Element): void {
    done.add(el);
    const placeholder = placeholders.get(el);
    // Its "Allow" button had focus: focus goes to the embed that takes its place, not to <body>.
    const focused = placeholder?.matches(':focus-within');
    placeholder?.replaceWith(el);
    placeholders.delete(el);
    if (focused) (el as HTMLElement).focus();
    if (el.localName !== 'script' || !el.isConnected) {
      restore(el);
      // A media element picks its source when it loads, so its <source data-src> children come first.
      if ('load' in el) {
        el.querySelectorAll('source:not([data-category])').forEach(restore);
        (el as HTMLMediaElement).load();
      }
      return;
    }
    const script = doc.createElement('script');
    // Handlers stay on the original, which hears the copy's load and error events.
    for (const { name, value } of Array.from(el.attributes)) if (!name.startsWith('on')) setUrl(script, name, value);
    // Under a CSP header the nonce attribute reads "": only the property keeps the value.
    script.nonce = (el as HTMLScriptElement).nonce;
    script.text = (el as HTMLScriptElement).text;
    restore(script);
    done.add(script);
    const wait = script.hasAttribute('src') && !script.hasAttribute('async');
    const handleSettled = (event: Event) => {
      if (event.type === 'error') console.error(`cookie-consent: the blocked script ${script.src} failed to load`);
      el.dispatchEvent(new Event(event.type));
      if (wait) {
        busy = false;
        release();
      }
    };
    script.addEventListener('load', handleSettled);
    script.addEventListener('error', handleSettled);
    busy = wait;
    el.replaceWith(script);
  }

  /** Undoes `hold`: real URLs and script type back, the empty data-category of a held host gone. */
  function restore(el: Element): void {
    const dataset = data(el);
    for (const name of URL_ATTRIBUTES) {
      const value = dataset[name];
      if (value !== undefined) {
        delete dataset[name];
        setUrl(el, name, value);
      }
    }
    if (el.localName === 'script' && el.getAttribute('type') === 'text/plain') {
      const type = dataset.type;
      delete dataset.type;
      if (type) el.setAttribute('type', type);
      else el.removeAttribute('type');
    }
    if (dataset.category === '') delete dataset.category;
  }

  /** Wraps an HTML-string sink so held tags are rewritten before the browser parses them. */
  const rewriting = (executable: boolean): Wrap => (original) =>
    function (this: any, ...args: unknown[]) {
      const parent = this.parentNode;
      rewritten = false;
      const result = original.apply(
        this,
        args.map((arg) => {
          // TrustedHTML passes untouched: it cannot be rewritten without the page's own policy.
          const html = typeof arg === 'string' && rewriteHeldTags(arg, urlHold, executable);
          rewritten ||= !!html;
          return html || arg;
        }),
      );
      // Held at once: a tree that is never inserted (a pixel in a detached div) never reaches the observer.
      if (rewritten) {
        for (const root of [this, parent, result]) root?.querySelectorAll?.('[data-category]').forEach(check);
        release();
      }
      return result;
    };

  return {
    start() {
      if (undo.length) return;
      const element = win.Element.prototype;
      const image = win.HTMLImageElement.prototype;
      const xhr = win.XMLHttpRequest.prototype;
      for (const [prototype, name] of [
        [win.HTMLScriptElement.prototype, 'src'],
        [win.HTMLIFrameElement.prototype, 'src'],
        [image, 'src'],
        [image, 'srcset'],
      ] as const) {
        patch(prototype, name, (set) => function (this: Element, value: string) {
          if (!intercept(this, name, String(value))) set.call(this, value);
        }, true);
      }
      patch(element, 'setAttribute', (set) => function (this: Element, name: string, value: string) {
        if (!intercept(this, String(name).toLowerCase(), String(value))) set.call(this, name, value);
      });
      // HTML strings are rewritten before they are parsed: an <img> starts its request while being
      // parsed, even in a tree that is never inserted, where no MutationObserver would see it.
      for (const prototype of [element, win.ShadowRoot.prototype]) {
        patch(prototype, 'innerHTML', rewriting(false), true);
        patch(prototype, 'setHTMLUnsafe', rewriting(false));
      }
      patch(element, 'outerHTML', rewriting(false), true);
      patch(element, 'insertAdjacentHTML', rewriting(false));
      patch(win.Range.prototype, 'createContextualFragment', rewriting(true));
      patch(win.Document.prototype, 'write', rewriting(true));
      patch(win.Document.prototype, 'writeln', rewriting(true));
      // Shadow roots are watched too: the document's observer does not see into them.
      patch(element, 'attachShadow', (attach) => function (this: Element, ...args: unknown[]) {
        const root = attach.apply(this, args);
        observe(root);
        return root;
      });

      patch(win, 'fetch', (fetch) => function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
        const url = String((input as Request).url ?? input);
        const category = urlHold(url);
        if (category === null) return fetch.call(this, input, init);
        if (!category) return new Promise<void>((send, fail) => wait(send, () => fail(blocked(url, category)))).then(() => win.fetch(input, init));
        return Promise.reject(blocked(url, category));
      });
      const xhrUrls = new WeakMap<XMLHttpRequest, string>();
      patch(xhr, 'open', (open) => function (this: XMLHttpRequest, ...args: unknown[]) {
        xhrUrls.set(this, String(args[1]));
        delete (this as { readyState?: number }).readyState;
        return open.apply(this, args);
      });
      patch(xhr, 'send', (send) => function (this: XMLHttpRequest, body?: XMLHttpRequestBodyInit | null) {
        const category = urlHold(xhrUrls.get(this) ?? '');
        if (category === null) return send.call(this, body);
        // Fail the way a network error does: later, with status 0, firing error and loadend.
        const fail = () =>
          setTimeout(() => {
            Object.defineProperty(this, 'readyState', { value: 4, configurable: true });
            for (const type of ['readystatechange', 'error', 'loadend']) this.dispatchEvent(new win.ProgressEvent(type));
          });
        if (!category) wait(() => this.send(body), fail);
        else fail();
      });
      patch(win.Navigator.prototype, 'sendBeacon', (sendBeacon) => function (this: Navigator, url: string, data?: BodyInit | null) {
        const category = urlHold(String(url));
        if (category === null) return sendBeacon.call(this, url, data);
        // Queued as the browser queues a beacon; dropped if the rules never come.
        if (!category) wait(() => this.sendBeacon(url, data), () => {});
        return !category && !refusing;
      });

      observe(doc);
      early = Array.from(doc.querySelectorAll('script[src],iframe[src],img[src]'), (el) => el.getAttribute('src')!).filter((src) => hostHold(src) === '');
      doc.querySelectorAll('[data-category]').forEach(check);
      release();
    },

    configure(rules) {
      if (!rules) {
        refusing = true;
        return resume(false);
      }
      hosts = rules;
      const late = early.filter((src) => hostCategories(rules, parse(src)!.hostname).length);
      if (late.length) {
        console.warn(`cookie-consent: in the page before the widget's tag, so not held:\n  ${late.join('\n  ')}\nPut the tag first in <head>.`);
      }
      for (const el of held) {
        const dataset = data(el);
        if (dataset.category !== '') continue;
        const category = urlHold(dataset.src) ?? urlHold(dataset.srcset, true);
        if (category) {
          dataset.category = category;
          placehold(el);
        } else delete dataset.category;
      }
      release(true);
      resume(true);
    },

    update(decision) {
      grants = decision;
      release(true);
    },

    setStrings(value) {
      strings = value;
      for (const placeholder of placeholders.values()) placeholder.strings = value;
    },

    setChoices(value) {
      choices = value;
      for (const placeholder of placeholders.values()) placeholder.choices = value;
    },

    stop() {
      observer.disconnect();
      for (const restorePatch of undo.splice(0).reverse()) restorePatch();
      resume(true);
    },
  };
}
