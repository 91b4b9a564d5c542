import type { ConfigError, ConsentConfig } from './config/config-types.js';
import { fallbackConfig, formatConfigErrors, formatConfigWarnings } from './config/parse-config.js';
import { serviceCategories, withdrawnCategories, type Choices, type ConsentRecord } from './core/consent-record.js';
import { ConsentStore, type ConsentChange } from './consent-store.js';
import { loadConfig, type ConfigSource } from './load-config.js';
import { Blocker, type Grants } from './blocker/blocker.js';
import { cleanUpCategories } from './blocker/cleanup.js';
import { enGB, type Strings } from './i18n/en-GB.js';
import { builtInLanguageFor, describeCategories, languageChain, resolveStrings } from './i18n/strings.js';
import { consentModeState, pushConsentMode } from './integrations/google-consent-mode.js';
import type { ConsentLog } from './integrations/consent-log.js';
import { CookieAuditor, documentCookieNames } from './cookie-audit.js';
import type { AuditEntry } from './core/audit.js';

/** A cookie name as js-cookie wrote it; a name that is not valid percent-encoding is kept as it is. */
function decodeCookieName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Which control a decision came from; stored in the proof-of-consent log. */
export type DecisionMethod = 'banner' | 'dialog' | 'placeholder' | 'api';

export type RuntimeStatus = 'loading' | 'ready' | 'invalid';

declare global {
  interface Navigator {
    /** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
    readonly globalPrivacyControl?: boolean;
  }
}

/**
 * Everything a page has one of: the config, the stored decision, the blocker and the strings.
 * Framework-free; `<cookie-consent>` is the view over it and `window.CookieConsent` its API.
 */
export class ConsentRuntime extends EventTarget {
  status: RuntimeStatus = 'loading';
  config: ConsentConfig = fallbackConfig();
  errors: ConfigError[] = [];
  store: ConsentStore | null = null;
  strings: Strings = enGB;
  language = 'en-GB';
  /** The element events are dispatched on, so they bubble through the page (see `target`). */
  eventTarget: EventTarget = document;
  readonly blocker: Blocker;
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private readonly nativeFetch: typeof fetch;
  private started = false;
  private initialised = false;
  /** The proof-of-consent log with its helpers, loaded only when the config names an endpoint. */
  private log: Promise<{ log: ConsentLog; module: typeof import('./integrations/consent-log.js') } | null> | null = null;
  private auditor: CookieAuditor | null = null;
  private configHash?: Promise<string>;

  constructor(
    private readonly win: Window & typeof globalThis = window,
    /** Base URL that built-in locale files are loaded from (`locales/cy.js`); null: English only. */
    private readonly localeBase: string | null = null,
  ) {
    super();
    // The config is loaded with the page's own fetch: the blocker must never hold it back.
    this.nativeFetch = win.fetch.bind(win);
    this.blocker = new Blocker(win);
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  /** Starts holding back non-essential content at once, before the config is known. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.blocker.start();
    // Nothing can be granted until a valid config is known: placeholders offer no Allow meanwhile.
    this.blocker.setChoices?.([]);
  }

  /** The Global Privacy Control signal of this browser. */
  get gpc(): boolean {
    return this.win.navigator.globalPrivacyControl === true;
  }

  get record(): ConsentRecord | null {
    return this.store?.record ?? null;
  }

  /** Loads the config once; later calls are ignored with a warning (reload the page to change it). */
  async init(source: ConfigSource): Promise<void> {
    if (this.initialised) {
      console.warn('cookie-consent: already initialised; the first config stays in use.');
      return this.ready;
    }
    this.initialised = true;
    this.start();
    const { config, errors, warnings } = await loadConfig(source, this.nativeFetch, this.win.document);
    const valid = !errors.length;
    this.config = config;
    this.errors = errors;
    if (warnings.length) console.warn(formatConfigWarnings(warnings));
    // Host rules only from a valid config: until then every cross-origin request stays held, as while
    // loading. Set first: cross-origin requests wait for them, and the strings may need a request.
    if (valid) this.blocker.configure(config.hosts);
    else {
      this.blocker.configure(null);
      console.error(formatConfigErrors(errors));
    }
    await this.loadStrings();
    // With errors the banner is built from what could be read, so the visitor can still decide: the
    // decision is stored, and nothing it grants runs until a valid config is known (see grants()).
    this.status = valid ? 'ready' : 'invalid';
    this.store = new ConsentStore(config);
    this.store.load(valid);
    this.store.subscribe((change) => this.handleChange(change));
    if (valid && config.googleConsentMode) {
      pushConsentMode(this.win, 'default', consentModeState(config, null));
      if (this.record) pushConsentMode(this.win, 'update', consentModeState(config, this.grants()));
    }
    this.blocker.update(this.grants());
    if (valid) {
      this.blocker.setChoices?.(this.choices());
      this.cleanUp(this.refusedCategories());
    }
    if (valid && config.consentLog) {
      const { endpoint } = config.consentLog;
      this.log = import('./integrations/consent-log.js').then(
        (module) => {
          const log = new module.ConsentLog(endpoint, this.nativeFetch, this.storage('localStorage'));
          void log.flush();
          return { log, module };
        },
        (error: Error) => {
          console.error(`cookie-consent: could not load the consent log, so decisions are not sent to ${endpoint}: ${error.message}`);
          return null;
        },
      );
    }
    this.notify();
    this.dispatch('cookie-consent-ready', this.record);
    this.resolveReady();
    if (valid) {
      this.auditor = new CookieAuditor(config, () => this.target, this.win);
      this.auditor.watch();
    }
  }

  /** The optional categories a visitor can grant; none when no config, or none of it, could be read. */
  choices(): string[] {
    return this.status === 'loading' ? [] : this.config.categories.filter((category) => !category.required).map((category) => category.id);
  }

  /** Every cookie the page can see, matched to its declaration and classified. */
  async audit(): Promise<AuditEntry[]> {
    await this.ready;
    return this.auditor?.audit() ?? [];
  }

  /** The visitor has not decided yet (or must decide again). */
  get needsDecision(): boolean {
    // A broken config cannot tell whether a stored decision is still current (its revision and
    // lifetime may be what failed to read), so it asks only a visitor who has none.
    return this.record === null && (this.status === 'ready' || (this.status === 'invalid' && this.store?.problem === 'missing'));
  }

  /** Records a decision; categories not named are refused. */
  decide(choices: Choices, method: DecisionMethod): ConsentRecord | null {
    if (!this.store) {
      console.error('cookie-consent: no valid config, so no decision can be recorded.');
      return null;
    }
    this.lastMethod = method;
    return this.store.decide(choices, this.gpc);
  }

  /** Every category and service granted, except sale/sharing categories under Global Privacy Control. */
  acceptAll(method: DecisionMethod): ConsentRecord | null {
    const categories: Record<string, boolean> = {};
    for (const category of this.config.categories) categories[category.id] = !(this.gpc && category.saleOrSharing);
    this.acceptedAll = true;
    try {
      return this.decide({ categories }, method);
    } finally {
      this.acceptedAll = false;
    }
  }

  /** Set while "Accept all" is recorded: under GPC it grants less than everything, yet it is still an acceptance. */
  private acceptedAll = false;

  rejectAll(method: DecisionMethod): ConsentRecord | null {
    return this.decide({ categories: {} }, method);
  }

  /**
   * Grants what a held element needs, keeping every other choice: each of its categories and
   * services. A category asked for without one of its own services grants them all, as Accept all
   * does. Grants nothing when it names something the config does not declare, which would never
   * let the element go.
   */
  grant(categories: string[], services: string[], method: DecisionMethod): ConsentRecord | null {
    const owners = serviceCategories(this.config);
    /** The category of each named service. */
    const named = services.map((id) => owners.get(id));
    const unknown = [
      ...categories.filter((id) => !this.config.categories.some((category) => category.id === id)),
      ...services.filter((_, index) => !named[index]),
    ];
    if (unknown.length) {
      console.error(`cookie-consent: ${unknown.join(', ')} is not in the config, so the element that needs it stays blocked.`);
      return null;
    }
    const choices = { categories: { ...this.record?.categories }, services: { ...this.record?.services } };
    // A service is granted with its category, or the record would drop it.
    for (const id of [...categories, ...(named as string[])]) choices.categories[id] = true;
    for (const [service, owner] of owners) {
      if (services.includes(service) || (categories.includes(owner) && !named.includes(owner))) choices.services[service] = true;
    }
    return this.decide(choices, method);
  }

  hasConsent(category: string): boolean {
    return this.grants()?.categories[category] === true;
  }

  /**
   * What may run now. Null until a valid decision exists, and while the config is invalid: a
   * decision made then is kept, and applies once the config can be read.
   */
  grants(): Grants | null {
    const record = this.record;
    if (!record || this.status !== 'ready') return null;
    if (!this.gpc || record.gpc) return record;
    // A decision made before the browser sent GPC never re-grants sale/sharing categories over it,
    // nor their services.
    const categories = { ...record.categories };
    const services = { ...record.services };
    for (const category of this.config.categories) {
      if (!category.saleOrSharing) continue;
      categories[category.id] = false;
      for (const service of category.services) services[service.id] = false;
    }
    return { categories, services };
  }

  /** Forgets the decision so the banner shows again. */
  reset(): void {
    this.store?.reset();
  }

  /** How the last decision in this tab was made. */
  lastMethod: DecisionMethod = 'api';

  private handleChange({ record, previous, source }: ConsentChange): void {
    this.blocker.update(this.grants());
    // Strictly necessary cookies (sign-in, security) are never the visitor's to withdraw, even on reset.
    const withdrawn = withdrawnCategories(previous, record).filter((id) => !this.config.categories.find((category) => category.id === id)?.required);
    if (this.status === 'ready' && this.config.googleConsentMode) pushConsentMode(this.win, 'update', consentModeState(this.config, this.grants()));
    // Only the tab where the visitor decided logs the decision; other tabs just follow it.
    const logged = record && source === 'local' ? this.logDecision(record, previous) : Promise.resolve();
    this.notify();
    if (record) this.dispatch('cookie-consent-change', record);
    // Under an invalid config nothing ran, and its cookie declarations are not to be trusted.
    if (withdrawn.length && this.status === 'ready') {
      this.cleanUp(withdrawn);
      // Code that already ran cannot be un-run: a fresh page is the only way to stop it.
      // The proof record is queued first, so the reload cannot lose it.
      if (this.config.consent.reloadOnWithdraw) void logged.then(this.reload);
    }
  }

  private async logDecision(record: ConsentRecord, previous: ConsentRecord | null): Promise<void> {
    if (!this.log) return;
    // Read before waiting for the log: another decision may change them meanwhile.
    const { acceptedAll, lastMethod: method, language } = this;
    const loaded = await this.log;
    if (!loaded) return;
    const { log, module } = loaded;
    const decision = module.decisionKind(this.config, record, previous);
    const { id, timestamp, revision, categories, services, gpc } = record;
    await log.send({
      id,
      timestamp,
      revision,
      configHash: await (this.configHash ??= module.configHash(this.config)),
      decision: decision === 'custom' && acceptedAll ? 'accept' : decision,
      method,
      categories,
      services,
      gpc,
      language,
    });
  }

  /** localStorage or sessionStorage, or null where the browser denies it (privacy modes, sandboxed frames). */
  private storage(area: 'localStorage' | 'sessionStorage'): Storage | null {
    try {
      return this.win[area];
    } catch {
      return null;
    }
  }

  /** Reloads the page (a seam for tests). */
  reload = (): void => this.win.location.reload();

  private refusedCategories(): string[] {
    const grants = this.grants();
    return this.config.categories.filter((category) => !category.required && !grants?.categories[category.id]).map((category) => category.id);
  }

  private cleanUp(categories: string[]): void {
    if (!categories.length || !this.store) return;
    const store = this.store;
    cleanUpCategories(this.config, categories, {
      host: this.win.location.hostname,
      // Decoded, since js-cookie encodes a name again when it removes it.
      cookieNames: documentCookieNames(this.win.document).map(decodeCookieName),
      removeCookie: (name, attributes) => store.removeCookie(name, attributes),
      localStorage: this.storage('localStorage'),
      sessionStorage: this.storage('sessionStorage'),
    });
  }

  private async loadStrings(): Promise<void> {
    const chain = languageChain(this.win.document.documentElement.lang || this.win.navigator.language);
    const language = builtInLanguageFor(chain);
    const builtIn: Record<string, Strings> = {};
    if (language && this.localeBase) {
      try {
        builtIn[language] = (await import(/* @vite-ignore */ new URL(`locales/${language}.js`, this.localeBase).href)).default;
      } catch (error) {
        console.warn(`cookie-consent: could not load the "${language}" strings, showing English: ${(error as Error).message}`);
      }
    }
    this.language = chain.find((tag) => builtIn[tag] || this.config.texts[tag]) ?? 'en-GB';
    this.strings = resolveStrings(chain, builtIn, this.config.texts);
    this.strings.description = describeCategories(this.strings, chain, this.config.texts, this.language, this.config.categories);
    this.blocker.setStrings?.(this.strings);
  }

  /** Tells views (the element) that something they show has changed. */
  private notify(): void {
    this.dispatchEvent(new Event('change'));
  }

  /** Where events go: the element while it is in the page, else the document, which always hears them. */
  private get target(): EventTarget {
    const element = this.eventTarget as Partial<Node>;
    return element.isConnected === false ? this.win.document : this.eventTarget;
  }

  private dispatch(type: 'cookie-consent-ready' | 'cookie-consent-change', detail: ConsentRecord | null): void {
    this.target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
