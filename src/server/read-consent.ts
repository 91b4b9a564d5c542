/** `readConsent`: the visitor's decision as the server sees it, by the browser's rules. */
import type { ConfigError } from '../core/config/config-types.js';
import { grantsOf, parseRecord, serviceCategories, type ConsentGrants, type ConsentRecord, type RecordProblem } from '../core/consent-record.js';
import { isOwnTrue } from '../core/own-property.js';
import { parse } from './parsed-config.js';
import { cookieValue, header, type ConsentSource } from './request-cookies.js';

export interface ReadConsentOptions {
  /**
   * Whether the visitor's browser sends Global Privacy Control. Default: the request's
   * `Sec-GPC: 1` header (false when only a `Cookie` header string is given).
   */
  gpc?: boolean;
  /** The time to check the record's age against (default: now). */
  now?: Date;
}

/** Why there is no usable decision: the record's problems, or `config` when the config is invalid. */
export type ConsentProblem = RecordProblem | 'config';

/** The result of {@link readConsent}. */
export interface ServerConsent {
  /**
   * The decision as stored, when it is valid for this config; null when the visitor has not
   * decided or must be asked again, and nothing non-essential may run.
   */
  readonly record: ConsentRecord | null;
  /**
   * Why `record` is null: `missing` (no cookie), `malformed` (not a record: tampered, truncated or
   * not decodable), `version`, `revision` (answered another revision of the config), `expired`
   * (older than `consent.days`, or dated in the future), `categories` / `services` (does not
   * match the config's), or `config` (the config is invalid; see `configErrors`). Undefined with a record.
   */
  readonly problem: ConsentProblem | undefined;
  /** Every problem in the config, with its JSON path; empty unless `problem` is `config`. */
  readonly configErrors: ConfigError[];
  /** The request carried Global Privacy Control. */
  readonly gpc: boolean;
  /**
   * What may run, always `{ categories, services }` (category id → granted, service id → granted),
   * never the record itself: the record's choices, except that under Global Privacy Control a
   * decision made without it never grants `saleOrSharing` categories (advertising) nor their
   * services. Null without a record.
   */
  readonly grants: ConsentGrants | null;
  /** True when the category may run on this page, as `CookieConsent.hasConsent()` in the browser. */
  hasConsent(category: string): boolean;
  /** True when the service and its category may run, as for `data-service` markup in the browser. */
  hasService(service: string): boolean;
}

/**
 * Reads the visitor's consent from a request (a Fetch `Request`, a Node or Express request) or
 * from its `Cookie` header, against the site's config (the same JSON the widget loads). The rules
 * are the browser's: a record that is tampered with, from another revision, expired or from
 * another config is refused, and Global Privacy Control (`Sec-GPC: 1`) withholds sale/sharing
 * categories a decision made without it granted. Never throws on what a visitor sends.
 *
 * @example
 * const consent = readConsent(request, config);
 * if (consent.hasConsent('analytics')) html += analyticsTag;
 */
export function readConsent(source: ConsentSource, config: unknown, options: ReadConsentOptions = {}): ServerConsent {
  const isRequest = typeof source === 'object' && source !== null;
  const cookieHeader = (isRequest ? header(source, 'cookie') : source) ?? '';
  const gpc = options.gpc ?? (isRequest && header(source, 'sec-gpc')?.trim() === '1');
  const { config: checked, errors } = parse(config);

  let record: ConsentRecord | null = null;
  let problem: ConsentProblem | undefined;
  if (errors.length) {
    problem = 'config';
  } else {
    const value = cookieValue(cookieHeader, checked.consent.cookieName);
    const result = value === null ? ({ record: null, problem: 'malformed' } as const) : parseRecord(value, checked, options.now ?? new Date());
    ({ record, problem } = result);
  }

  const grants: ConsentGrants | null = record && grantsOf(checked, record, gpc);
  const owners = serviceCategories(checked);
  const hasConsent = (category: string): boolean => isOwnTrue(grants?.categories, category);

  return {
    record,
    problem,
    configErrors: errors,
    gpc,
    grants,
    hasConsent,
    hasService: (service) => isOwnTrue(grants?.services, service) && hasConsent(owners.get(service) ?? ''),
  };
}
