/** What a URL on the page waits for, by the config's host rules and the page's address. */
import type { ConsentConfig } from '../core/config/config-types.js';
import { srcsetHold, type UrlHold } from '../core/held-form.js';
import { hostCategories } from '../core/host-rules.js';

/** A parsed URL, typed through the platform's own `URL` so that the declarations need no particular library. */
type ParsedUrl = typeof globalThis extends { URL: { prototype: infer Parsed } } ? Parsed : { readonly href: string; readonly origin: string };

/** The page's address and its `<base>`, as far as the rewrite knows them. */
export interface PageAddress {
  url?: ParsedUrl;
  base?: ParsedUrl;
}

/**
 * What a URL waits for on this page: the categories of its host in the config's `hosts` when the
 * visitor has not granted them all (`granted`), else null. Relative URLs are the page's own and
 * never wait, unless a `<base>` sends them to another origin (as in the browser's blocker). With no
 * valid config (`rules` null) every absolute URL on another origin waits for "": the blocker keeps
 * it until the page has a valid config, then releases or holds it by that config's rules.
 */
export function urlHold(rules: ConsentConfig['hosts'] | null, granted: (category: string) => boolean, page: PageAddress): UrlHold {
  const hostHold = (value: string): string | null => {
    value = value.trim();
    const absolute = /^([a-z][a-z\d+.-]*:|\/\/)/i.test(value);
    if (!absolute && (!page.base || page.base.origin === page.url?.origin)) return null;
    let url: URL;
    try {
      url = new URL(value, page.base ?? page.url ?? 'https://first-party.invalid/');
    } catch {
      return null;
    }
    if (!/^https?:$/.test(url.protocol)) return null;
    if (!rules) return url.origin === page.url?.origin ? null : '';
    const categories = hostCategories(rules, url.hostname);
    return !categories.length || categories.every(granted) ? null : categories.join(' ');
  };
  return (value, srcset) => (srcset ? srcsetHold(value, hostHold) : hostHold(value));
}
