import type { ConsentConfig } from './config/config-types.js';
import { parentDomains } from './domains.js';

/** One cookie to expire, with the exact domain (none: host-only) and path it may have been set with. */
export interface CookieRemoval {
  name: string;
  domain?: string;
  path: string;
}

/** Everything to delete when categories are withdrawn or refused. */
export interface CleanupPlan {
  cookies: CookieRemoval[];
  localStorage: string[];
  sessionStorage: string[];
}

/** What the page holds now: its host, the cookie names it can see and its storage keys. */
export interface CleanupFound {
  host: string;
  cookieNames: readonly string[];
  localStorage?: readonly string[];
  sessionStorage?: readonly string[];
}

const matches = (declaration: { pattern?: string }, exact: string | undefined, name: string) =>
  exact === name || (declaration.pattern !== undefined && new RegExp(declaration.pattern).test(name));

/**
 * Plans every deletion for the categories: each declared cookie (by name, or each visible name its
 * pattern matches) × every domain it may have been set on (host-only, the host, each parent domain
 * down to the registrable domain, the declared domain) × every path (`/`, the declared path).
 * A cookie can only be deleted with the domain and path it was set with, and the page cannot read
 * those, so all are tried; but only where the cookie can be. Under `/`, a cookie of this host or of
 * a parent domain shows in `document.cookie` on every page, so a name that does not show is tried
 * only under its declared path, where it would be hidden from other pages. (A cookie of another
 * site, or an HttpOnly one, cannot be deleted from the page at all.) Each try is a cookie write, and
 * a visitor who refused runs this on every page view. Storage keys match by key or pattern. Pure.
 */
export function planCleanup(config: Pick<ConsentConfig, 'cookies' | 'storage'>, categories: readonly string[], found: CleanupFound): CleanupPlan {
  const plan: CleanupPlan = { cookies: [], localStorage: [], sessionStorage: [] };
  const planned = new Set<string>();
  const visible = new Set(found.cookieNames);
  const domains = [undefined, ...parentDomains(found.host)];
  for (const cookie of config.cookies) {
    if (!categories.includes(cookie.category)) continue;
    const names = cookie.name !== undefined ? [cookie.name] : found.cookieNames.filter((name) => matches(cookie, undefined, name));
    const declaredDomain = cookie.domain?.replace(/^\./, '').toLowerCase();
    const hiddenPaths = cookie.path && cookie.path !== '/' ? [cookie.path] : [];
    for (const name of names) {
      for (const domain of [...domains, declaredDomain]) {
        for (const path of visible.has(name) ? ['/', cookie.path ?? '/'] : hiddenPaths) {
          const key = `${name};${domain};${path}`;
          if (planned.has(key)) continue;
          planned.add(key);
          plan.cookies.push(domain ? { name, domain, path } : { name, path });
        }
      }
    }
  }
  for (const entry of config.storage) {
    if (!categories.includes(entry.category)) continue;
    const area = entry.area === 'session' ? 'sessionStorage' : 'localStorage';
    for (const key of found[area] ?? []) if (matches(entry, entry.key, key) && !plan[area].includes(key)) plan[area].push(key);
  }
  return plan;
}
