import type { ConsentConfig } from '../core/config/config-types.js';
import type { ConsentRecord } from '../core/consent-record.js';
import type { Decision } from '../core/decision.js';
import { configHash } from '../core/config-hash.js';
import { shownTexts, type ShownTexts } from '../core/shown-texts.js';
import type { Strings } from '../i18n/en-GB.js';

export { configHash };

/** What a decision was, for a regulator reading the log. */
export type DecisionKind = 'accept' | 'reject' | 'custom' | 'withdraw';

/** Proof of one decision: what was agreed, when, against which config; nothing else personal. */
export interface ProofOfConsent {
  id: string;
  timestamp: string;
  revision: number;
  configHash: string;
  decision: DecisionKind;
  method: string;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  gpc: boolean;
  language: string;
  /** What the visitor was shown: the receiver stores it once per config and language. */
  shown: ShownTexts;
}

/** A queued record is one decision: the same visitor's id with the time it was made. */
const sameDecision = (a: ProofOfConsent, b: ProofOfConsent) => a.id === b.id && a.timestamp === b.timestamp;

/** Classifies a decision against the one before it. */
export function decisionKind(config: ConsentConfig, record: ConsentRecord, previous: ConsentRecord | null): DecisionKind {
  const optional = config.categories.filter((category) => !category.required);
  if (previous && optional.some((category) => previous.categories[category.id] && !record.categories[category.id])) return 'withdraw';
  if (optional.every((category) => record.categories[category.id])) return 'accept';
  if (optional.every((category) => !record.categories[category.id])) return 'reject';
  return 'custom';
}

const QUEUE_KEY = 'cookie_consent_log';

/**
 * Delivers proof records to the config's endpoint without ever blocking the page. Each record
 * waits in localStorage until the endpoint has answered 2xx, so one that failed (offline, server
 * down, page closed mid-request) is sent again on the next page load; the receiver ignores a
 * decision (id and time) it already has. fetch with keepalive is used first because, unlike a beacon, it reports failure;
 * sendBeacon is the fallback where fetch is missing.
 */
export class ConsentLog {
  constructor(
    private readonly endpoint: string,
    private readonly fetcher: typeof fetch,
    private readonly storage: Storage | null,
  ) {}

  /** Queues a record at once (so a reload cannot lose it) and sends everything waiting. */
  send(proof: ProofOfConsent): void {
    // Without storage (disabled or full) the record cannot wait in the queue: it is still sent once.
    if (this.write([...this.read().filter((queued) => !sameDecision(queued, proof)), proof])) void this.flush();
    else void this.post(proof);
  }

  /** Sends every record still waiting (called on each page load). */
  async flush(): Promise<void> {
    for (const proof of this.read()) {
      if (await this.post(proof)) this.write(this.read().filter((queued) => !sameDecision(queued, proof)));
    }
  }

  private async post(proof: ProofOfConsent): Promise<boolean> {
    const body = JSON.stringify(proof);
    if (typeof this.fetcher !== 'function') return navigator.sendBeacon?.(this.endpoint, body) ?? false;
    try {
      const response = await this.fetcher(this.endpoint, {
        method: 'POST',
        body,
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
      });
      return response.ok;
    } catch {
      return false;
    }
  }

  private read(): ProofOfConsent[] {
    try {
      const queued: unknown = JSON.parse(this.storage?.getItem(QUEUE_KEY) ?? '[]');
      return Array.isArray(queued) ? queued : [];
    } catch {
      return [];
    }
  }

  /** Stores the queue; false when there is no storage or it refused. */
  private write(queue: ProofOfConsent[]): boolean {
    if (!this.storage) return false;
    try {
      if (queue.length) this.storage.setItem(QUEUE_KEY, JSON.stringify(queue));
      else this.storage.removeItem(QUEUE_KEY);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Starts the proof-of-consent log of a page: sends what is still queued, and returns the function
 * that logs each decision made in this tab, with the hash of the config as the site wrote it (`raw`)
 * and the strings the visitor read (none when the decision came through the API on a page that never
 * showed the interface).
 */
export function startConsentLog(
  endpoint: string,
  fetcher: typeof fetch,
  storage: Storage | null,
  config: ConsentConfig,
  raw: Record<string, unknown> | null,
): (decision: Decision, language: string, strings: Strings | undefined) => Promise<void> {
  const log = new ConsentLog(endpoint, fetcher, storage);
  void log.flush();
  let hash: Promise<string> | undefined;
  return async ({ record, previous, method, acceptedAll }, language, strings) => {
    if (!record) return;
    const kind = decisionKind(config, record, previous);
    const { id, timestamp, revision, categories, services, gpc } = record;
    hash ??= configHash(raw);
    log.send({
      id,
      timestamp,
      revision,
      configHash: await hash,
      // Under Global Privacy Control "Accept all" grants less than everything, yet it is still an acceptance.
      decision: kind === 'custom' && acceptedAll ? 'accept' : kind,
      method,
      categories,
      services,
      gpc,
      language,
      shown: shownTexts(config, strings),
    });
  };
}
