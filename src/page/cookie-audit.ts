import type { ConsentConfig } from '../core/config/config-types.js';
import { auditCookies, type AuditEntry, type ObservedCookie } from '../core/audit.js';

interface CookieStoreLike extends EventTarget {
  getAll(): Promise<Array<{ name: string; expires: number | null; domain: string | null; path: string }>>;
}

/** The Cookie Store API, where the browser has one (Chromium); it reports expiry and changes. */
const cookieStoreOf = (win: Window) => (win as unknown as { cookieStore?: CookieStoreLike }).cookieStore;

declare global {
  interface HTMLElementEventMap {
    /** Cookies the config does not declare were found on the page; `detail.cookies` lists them. */
    'cookie-consent-undeclared': CustomEvent<{ cookies: AuditEntry[] }>;
  }
}

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
  return documentCookieNames(win.document).map((name) => ({ name }));
}

/** The names of the cookies `document.cookie` shows, as stored (not decoded). */
export function documentCookieNames(doc: Document): string[] {
  return doc.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean);
}

/**
 * Audits the live page and warns once per undeclared cookie (console and a
 * `cookie-consent-undeclared` event), so a developer notices on the first page load.
 */
export class CookieAuditor {
  private readonly reported = new Set<string>();

  constructor(
    private readonly config: ConsentConfig,
    private readonly target: () => EventTarget,
    private readonly win: Window = window,
  ) {}

  async audit(): Promise<AuditEntry[]> {
    const entries = auditCookies(this.config, this.win.location.hostname, await observeCookies(this.win));
    const fresh = entries.filter((entry) => !entry.declared && !this.reported.has(entry.name));
    if (fresh.length) {
      for (const entry of fresh) this.reported.add(entry.name);
      console.warn(`cookie-consent: cookies not declared in the config: ${fresh.map((entry) => entry.name).join(', ')}`);
      this.target().dispatchEvent(new CustomEvent('cookie-consent-undeclared', { detail: { cookies: fresh }, bubbles: true, composed: true }));
    }
    return entries;
  }

  /** Audits now, and again whenever the Cookie Store reports a change (or on window load without one). */
  watch(): void {
    void this.audit();
    const store = cookieStoreOf(this.win);
    if (store) store.addEventListener('change', () => void this.audit());
    else this.win.addEventListener('load', () => void this.audit(), { once: true });
  }
}
