import Cookies from 'js-cookie';
import type { ConsentConfig } from './config/config-types.js';
import { createRecord, parseRecord, serializeRecord, type Choices, type ConsentRecord, type RecordProblem } from './core/consent-record.js';

/** Why the record changed: a decision in this tab, in another tab, or a reset. */
export type ChangeSource = 'local' | 'remote' | 'reset';

export interface ConsentChange {
  record: ConsentRecord | null;
  previous: ConsentRecord | null;
  source: ChangeSource;
}

type Listener = (change: ConsentChange) => void;

/**
 * A random UUID v4. crypto.randomUUID exists only in secure contexts, so a plain-http staging or
 * LAN address sets the random bits from crypto.getRandomValues (RFC 9562, section 5.4).
 */
export const randomId = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) => (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+digit / 4)))).toString(16));

/** Problems worth telling the developer about: a stored record that is there but unusable. */
const REPORTED_PROBLEMS: RecordProblem[] = ['malformed', 'version', 'categories', 'services'];

/**
 * The visitor's decision, kept in a first-party cookie. The only module that touches js-cookie:
 * it reads and writes the consent cookie, deletes cookies on withdrawal, and tells other tabs
 * of the same site about each decision.
 */
export class ConsentStore {
  record: ConsentRecord | null = null;
  /** Why the stored record could not be used at the last read. */
  problem?: RecordProblem;
  private readonly listeners = new Set<Listener>();
  private channel?: BroadcastChannel;

  constructor(
    readonly config: ConsentConfig,
    private readonly env: { now: () => Date; randomId: () => string; secure: boolean } = {
      now: () => new Date(),
      randomId,
      secure: location.protocol === 'https:',
    },
  ) {}

  /** Reads the stored record (asking again if it is unusable) and starts listening to other tabs. */
  load(report = true): ConsentRecord | null {
    this.record = this.readStored(report);
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`cookie-consent:${this.config.consent.cookieName}`);
      this.channel.onmessage = () => this.handleRemoteDecision();
    }
    return this.record;
  }

  /** Stops listening to other tabs. */
  close(): void {
    this.channel?.close();
    this.listeners.clear();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a decision: writes the cookie, tells other tabs and this tab's listeners. */
  decide(choices: Choices, gpc = false): ConsentRecord {
    const record = createRecord(this.config, choices, { id: this.env.randomId(), now: this.env.now(), gpc });
    Cookies.set(this.config.consent.cookieName, serializeRecord(record), this.cookieAttributes(this.config.consent.days));
    this.problem = undefined;
    this.channel?.postMessage(record.id);
    this.emit(record, 'local');
    return record;
  }

  /** Forgets the decision, so the banner asks again. */
  reset(): void {
    Cookies.remove(this.config.consent.cookieName, this.cookieAttributes());
    // Nothing is stored now, whatever was wrong with what was: the banner asks, even under an invalid config.
    this.problem = 'missing';
    this.channel?.postMessage('reset');
    this.emit(null, 'reset');
  }

  /** Deletes a cookie as set with these attributes (used to clean up withdrawn categories). */
  removeCookie(name: string, attributes: { domain?: string; path?: string }): void {
    Cookies.remove(name, attributes);
  }

  private cookieAttributes(days?: number): Cookies.CookieAttributes {
    return {
      expires: days,
      path: '/',
      sameSite: 'Lax',
      secure: this.env.secure,
      ...(this.config.consent.domain && { domain: this.config.consent.domain }),
    };
  }

  private readStored(report = true): ConsentRecord | null {
    const stored = Cookies.get(this.config.consent.cookieName);
    const result = parseRecord(stored, this.config, this.env.now());
    this.problem = result.problem;
    if (report && result.problem && REPORTED_PROBLEMS.includes(result.problem)) {
      console.error(
        `cookie-consent: the stored consent in cookie "${this.config.consent.cookieName}" could not be used (${result.problem}); asking again and granting nothing until then.`,
      );
    }
    return result.record;
  }

  private handleRemoteDecision(): void {
    const record = this.readStored();
    if (record?.id !== this.record?.id) this.emit(record, 'remote');
  }

  private emit(record: ConsentRecord | null, source: ChangeSource): void {
    const previous = this.record;
    this.record = record;
    for (const listener of this.listeners) listener({ record, previous, source });
  }
}
