import type { ConsentConfig } from './config/config-types.js';
import { withdrawnCategories, type ConsentRecord } from './consent-record.js';

/** Which control a decision came from; stored in the proof-of-consent log. */
export type DecisionMethod = 'banner' | 'dialog' | 'placeholder' | 'api';

/** Where a change of the stored decision came from: this tab, another tab of the site, or a reset. */
export type DecisionSource = 'local' | 'remote' | 'reset';

/**
 * One change of the visitor's decision, as a value: the runtime applies it once, the same way
 * whether it came from a click, an API call, another tab or a reset.
 */
export interface Decision {
  /** The decision now in force; null after a reset. */
  record: ConsentRecord | null;
  previous: ConsentRecord | null;
  /** Optional categories granted before and not now: their cookies and storage are removed. */
  withdrawn: string[];
  source: DecisionSource;
  /** The control it was made with (for a decision of this tab). */
  method: DecisionMethod;
  /** Made with "Accept all": under Global Privacy Control that grants less than everything, yet it is still an acceptance. */
  acceptedAll: boolean;
}

/** The decision that replaces `previous` with `record`. Strictly necessary categories are never withdrawn, not even by a reset. */
export function decisionOf(
  config: ConsentConfig,
  previous: ConsentRecord | null,
  record: ConsentRecord | null,
  source: DecisionSource,
  method: DecisionMethod = 'api',
  acceptedAll = false,
): Decision {
  const withdrawn = withdrawnCategories(previous, record).filter((id) => !config.categories.find((category) => category.id === id)?.required);
  return { record, previous, withdrawn, source, method, acceptedAll };
}
