import type { ConsentConfig } from '../core/config/config-types.js';
import { parseRecord, serializeRecord, storedConsentId, type ConsentRecord, type ReadRecordResult, type RecordProblem } from '../core/consent-record.js';
import { cookieJar, type CookieAttributes } from './cookie-jar.js';

/**
 * A random UUID v4. crypto.randomUUID exists only in secure contexts, so a plain-http staging or
 * LAN address sets the random bits from crypto.getRandomValues (RFC 9562, section 5.4).
 */
export const randomId = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) => (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+digit / 4)))).toString(16));

/**
 * Some cookie holds what looks like a consent record (`{"version":…`), whatever the config names
 * it: read before the config is known, to guess whether the visitor will have to decide.
 */
export const seemsDecided = (): boolean => cookieJar.values().some((value) => value.startsWith('{"version":'));

/** Problems worth telling the developer about: a stored record that is there but unusable. */
const REPORTED_PROBLEMS: RecordProblem[] = ['malformed', 'version', 'categories', 'services'];

/**
 * Where the visitor's decision is kept: the first-party consent cookie (through the cookie jar),
 * and a channel that tells the site's other tabs each time it changes.
 */
export class ConsentStore {
  private channel?: BroadcastChannel;

  constructor(
    private readonly config: ConsentConfig,
    private readonly secure = location.protocol === 'https:',
  ) {}

  /** The stored record, or why there is none; an unusable one is reported once on the console. */
  read(now: Date, report = true): ReadRecordResult {
    const { cookieName } = this.config.consent;
    const result = parseRecord(cookieJar.get(cookieName), this.config, now);
    if (report && REPORTED_PROBLEMS.includes(result.problem!)) {
      console.error(`cookie-consent: the stored consent in cookie "${cookieName}" could not be used (${result.problem}); asking again and granting nothing until then.`);
    }
    return result;
  }

  /** The visitor's consent id from the stored cookie, usable or not; null when there is none. */
  consentId(): string | null {
    return storedConsentId(cookieJar.get(this.config.consent.cookieName));
  }

  /** Stores a decision and tells the other tabs. */
  write(record: ConsentRecord): void {
    cookieJar.set(this.config.consent.cookieName, serializeRecord(record), this.attributes(this.config.consent.days));
    this.channel?.postMessage(record.id);
  }

  /** Forgets the decision and tells the other tabs. */
  clear(): void {
    cookieJar.remove(this.config.consent.cookieName, this.attributes());
    this.channel?.postMessage('');
  }

  /** Calls `listener` whenever another tab of the site stores or forgets a decision. */
  followOtherTabs(listener: () => void): void {
    if (typeof BroadcastChannel !== 'function') return;
    this.channel = new BroadcastChannel(`cookie-consent:${this.config.consent.cookieName}`);
    this.channel.onmessage = listener;
  }

  /** Stops following other tabs. */
  close(): void {
    this.channel?.close();
  }

  private attributes(expires?: number): CookieAttributes {
    const { domain } = this.config.consent;
    return { expires, path: '/', sameSite: 'Lax', secure: this.secure, ...(domain && { domain }) };
  }
}
