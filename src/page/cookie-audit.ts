import type { ConsentConfig } from '../core/config/config-types.js';
import { cookieStoreOf, observeCookies } from './cookie-jar.js';
import { auditCookies, type AuditEntry } from '../core/audit.js';

declare global {
  interface HTMLElementEventMap {
    /** Cookies the config does not declare were found on the page; `detail.cookies` lists them. */
    'cookie-consent-undeclared': CustomEvent<{ cookies: AuditEntry[] }>;
  }
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

  private readonly handleChange = (): void => void this.audit();

  /** Audits now, and again whenever the Cookie Store reports a change (or on window load without one). */
  watch(): void {
    void this.audit();
    const store = cookieStoreOf(this.win);
    if (store) store.addEventListener('change', this.handleChange);
    else this.win.addEventListener('load', this.handleChange, { once: true });
  }

  /** Stops watching. */
  stop(): void {
    cookieStoreOf(this.win)?.removeEventListener('change', this.handleChange);
    this.win.removeEventListener('load', this.handleChange);
  }
}
