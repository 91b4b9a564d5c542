/**
 * Which start tags wait for consent, and the held markup they become: one policy for the three
 * places that rewrite HTML before a browser parses it (the page's HTML-string sinks, the server's
 * stream, the `cookie-consent rewrite` command). The held form is the markup the blocker releases:
 * URLs moved to data-*, scripts turned into `type="text/plain"`. Pure, no DOM.
 */

/** An attribute as a tokenizer gives it: the name in lower case. */
export interface TagAttribute {
  name: string;
  value: string;
}

/**
 * The categories a URL waits for, space-separated (all must be granted), or null when it may load.
 * `srcset` says the value is a srcset list.
 */
export type UrlHold = (url: string, srcset?: boolean) => string | null;

/**
 * What a srcset waits for: the first held URL among its candidates, by `hostHold` (the width and
 * density descriptors between them never parse as a held host).
 */
export function srcsetHold(value: string, hostHold: (url: string) => string | null): string | null {
  let hold: string | null = null;
  for (const part of value.split(/[\s,]+/)) if (part) hold ??= hostHold(part);
  return hold;
}

/** A `<link>` that makes the browser contact its host before anything runs: these `rel` values. */
const EARLY_LINK = /(^|\s)(pre(load|fetch|connect)|dns-prefetch|modulepreload)(\s|$)/i;

/** Where a held element keeps its URLs: `href` for a link; `src` and `srcset` for the rest. */
const isUrl = (tag: string, name: string) => (tag === 'link' ? name === 'href' : /^src(set)?$/.test(name));

/**
 * The categories the element must wait for, or null when it may load as written: a script, iframe,
 * img or early `<link>` whose URL `hold` holds. An element with its own `data-category` is the
 * page's markup and is left to the blocker.
 */
export function tagWaitsFor(tag: string, attributes: readonly TagAttribute[], hold: UrlHold): string | null {
  let category: string | null = null;
  if (!/^(script|iframe|img|link)$/.test(tag)) return null;
  if (tag === 'link' && !attributes.some(({ name, value }) => name === 'rel' && EARLY_LINK.test(value))) return null;
  for (const { name, value } of attributes) {
    if (name === 'data-category') return null;
    if (isUrl(tag, name)) category ??= hold(value, name === 'srcset');
  }
  return category;
}

/**
 * The held form of a start tag that waits for `category`, in two parts: the attributes put first
 * (`heldPrefix`), and the new name of each of its own (`heldName`). Its URLs move to data-* (so
 * nothing is fetched); a script gets `type="text/plain"`, with its own type kept in `data-type`. A
 * script that can never run (`executable` false: from innerHTML) gets no `data-category`, which
 * would release it.
 */
export const heldPrefix = (tag: string, category: string, executable = true): string =>
  (tag === 'script' ? ' type="text/plain"' : '') + (executable || tag !== 'script' ? ` data-category="${category}"` : '');

/** The name an attribute of a held tag takes (see `heldPrefix`). */
export const heldName = (tag: string, name: string): string => (isUrl(tag, name) || (tag === 'script' && name === 'type') ? 'data-' : '') + name;

/** A URL or the start of one in script text: "https://host", "//host", and JSON's "https:\/\/host". */
const URL_IN_SCRIPT = /(?:https?:)?\\?\/\\?\/([a-z\d](?:[a-z\d-]*[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)+)/gi;

/**
 * The categories an inline script waits for: every category of every held host its text names in
 * a URL ("https://connect.facebook.net/…", "//static.hotjar.com"), space-separated; null when it
 * names none. A script that builds a host from parts is not recognised here (the blocker still
 * holds the elements it makes).
 */
export function scriptWaitsFor(text: string, hold: UrlHold): string | null {
  const categories = new Set<string>();
  for (const [, host] of text.matchAll(URL_IN_SCRIPT)) for (const category of hold(`https://${host}/`)?.split(' ') ?? []) if (category) categories.add(category);
  return categories.size ? [...categories].join(' ') : null;
}

/** Script types the browser runs: no type, a JavaScript MIME type, or `module` (not JSON, templates or `text/plain`). */
export function isExecutableScript(attributes: readonly TagAttribute[]): boolean {
  const type = attributes.find(({ name }) => name === 'type')?.value.trim().toLowerCase();
  return !type || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
}
