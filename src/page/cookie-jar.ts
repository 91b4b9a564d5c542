import Cookies from 'js-cookie';
import type { ObservedCookie } from '../core/audit.js';

/** The attributes a cookie is written or removed with. */
export interface CookieAttributes {
  expires?: number;
  path?: string;
  domain?: string;
  sameSite?: 'Lax';
  secure?: boolean;
}

/** A cookie name as js-cookie wrote it; a name that is not valid percent-encoding is kept as it is. */
function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The names of the cookies `document.cookie` shows, as stored (not decoded). Apart from js-cookie's
 * helpers, the interface uses this (the audit), so it reads the jar without bundling js-cookie.
 */
export function storedCookieNames(doc: Document = document): string[] {
  return doc.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean);
}

interface CookieStoreLike extends EventTarget {
  getAll(): Promise<Array<{ name: string; expires: number | null; domain: string | null; path: string }>>;
}

/** The Cookie Store API, where the browser has one (Chromium); it reports expiry and changes. */
export const cookieStoreOf = (win: Window) => (win as unknown as { cookieStore?: CookieStoreLike }).cookieStore;

/** Every cookie this page can see: the Cookie Store API where there is one (it knows expiry), else document.cookie. */
export async function observeCookies(win: Window = window): Promise<ObservedCookie[]> {
  const store = cookieStoreOf(win);
  if (store) {
    try {
      return (await store.getAll()).map(({ name, expires, domain, path }) => ({ name, expires, domain, path }));
    } catch {
      // Opaque origins (sandboxed frames, file:) refuse the Cookie Store: read document.cookie instead.
    }
  }
  return storedCookieNames(win.document).map((name) => ({ name }));
}

/** The page's cookies: the only code that writes them (through js-cookie). */
export const cookieJar = {
  get: (name: string): string | undefined => Cookies.get(name),
  set: (name: string, value: string, attributes: CookieAttributes): void => void Cookies.set(name, value, attributes),
  remove: (name: string, attributes: CookieAttributes): void => Cookies.remove(name, attributes),
  /**
   * The names of every cookie the page can see, decoded once, as js-cookie encodes a name again when
   * it removes it. (Not `Cookies.get()`'s keys: decoding those again would change a name with `%25`
   * in it, and js-cookie leaves out a name that is not valid percent-encoding.)
   */
  names: (): string[] => storedCookieNames().map(decodeName),
  /** The values of every cookie the page can see, decoded. */
  values: (): string[] => Object.values(Cookies.get()),
};
