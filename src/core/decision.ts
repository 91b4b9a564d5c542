import type { ConsentConfig } from './config/config-types.js';
import { isOwnTrue, ownValue } from './own-property.js';
import { serviceCategories, withdrawnCategories, type Choices, type ConsentGrants, type ConsentRecord } from './consent-record.js';

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

/**
 * The choices that grant what a held element needs, keeping every other choice of `record`: each
 * of its categories and services. A service is granted with its category, and a category asked for
 * without one of its own services grants them all, as Accept all does. `unknown` lists what the
 * config does not declare: granting the rest would never let the element go, so nothing is granted.
 */
export function grantChoices(
  config: ConsentConfig,
  record: ConsentRecord | null,
  categories: readonly string[],
  services: readonly string[],
): { choices: Choices; unknown: string[] } {
  const owners = serviceCategories(config);
  /** The category of each named service. */
  const named = services.map((id) => owners.get(id));
  const unknown = [
    ...categories.filter((id) => !config.categories.some((category) => category.id === id)),
    ...services.filter((_, index) => !named[index]),
  ];
  const choices = { categories: { ...record?.categories }, services: { ...record?.services } };
  for (const id of [...categories, ...(named as string[])]) choices.categories[id] = true;
  for (const [service, owner] of owners) {
    if (services.includes(service) || (categories.includes(owner) && !named.includes(owner))) choices.services[service] = true;
  }
  return { choices, unknown };
}

/**
 * What "Accept all" chooses: every category, except a sale/sharing one when the browser sends
 * Global Privacy Control (the signal is a refusal the visitor made beforehand, which one click on
 * the banner does not override).
 */
export function acceptAllChoices(config: ConsentConfig, gpc: boolean): Choices {
  const categories: Record<string, boolean> = {};
  for (const category of config.categories) categories[category.id] = !(gpc && category.saleOrSharing);
  return { categories };
}

/**
 * What `setConsent` chooses: the named categories and services over what may run now (`current`,
 * null when nothing may), so a call that names one category keeps every other choice. A category
 * whose grant the call changes takes its services with it, as a click on its switch does, unless
 * the call names them: granting a category whose services were refused must not leave it empty.
 */
export function mergedChoices(
  config: ConsentConfig,
  current: ConsentGrants | null,
  categories: Record<string, boolean>,
  services?: Record<string, boolean>,
): Choices {
  const kept: Record<string, boolean> = { ...current?.services };
  for (const category of config.categories) {
    const named = ownValue(categories, category.id);
    if (named !== undefined && named !== isOwnTrue(current?.categories, category.id)) for (const service of category.services) delete kept[service.id];
  }
  return { categories: { ...current?.categories, ...categories }, services: { ...kept, ...services } };
}
