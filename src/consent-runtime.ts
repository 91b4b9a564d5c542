import type { ConfigError, ConsentConfig } from './core/config/config-types.js';
import { fallbackConfig, formatConfigErrors } from './core/config/parse-config.js';
import type { Json } from './core/config/reader.js';
import { createRecord, grantsOf, type Choices, type ConsentRecord, type RecordProblem } from './core/consent-record.js';
import { decisionOf, type Decision, type DecisionMethod } from './core/decision.js';
import { consentModeState } from './core/consent-mode.js';
import { isOwnTrue } from './core/own-property.js';
import type { AuditEntry } from './core/audit.js';
import type { Strings } from './i18n/en-GB.js';
import { ConsentStore, randomId, seemsDecided } from './page/consent-store.js';
import { loadConfig, type ConfigSource } from './page/load-config.js';
import { Blocker, type Grants } from './page/blocker.js';
import { cleanUpCategories } from './page/cleanup.js';
import { pushConsentMode } from './page/data-layer.js';
import { storageArea } from './page/web-storage.js';
import { hostElement } from './page/host-element.js';
import type { CookieConsentElement } from './elements/cookie-consent/cookie-consent.js';

export type { DecisionMethod };

export type RuntimeStatus = 'loading' | 'ready' | 'invalid';

/** The file of the widget's interface, beside the script-tag file. */
export const INTERFACE_FILE = 'cookie-consent.interface.js';

/** What the interface module (banner, dialog, placeholders, strings) gives the runtime once loaded. */
export interface WidgetInterface {
  /** Reads the cosmetic keys and the strings, defines the elements; resolves once they can render. */
  attach(runtime: ConsentRuntime): Promise<void>;
  /** Stops what it started for this runtime (the audit's watch). */
  detach(runtime: ConsentRuntime): void;
  /** Every cookie the page can see, matched to its declaration and classified. */
  audit(runtime: ConsentRuntime): Promise<AuditEntry[]>;
}

declare global {
  interface Navigator {
    /** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
    readonly globalPrivacyControl?: boolean;
  }
}

/**
 * Everything a page has one of: the config, the stored decision and the blocker. Framework-free
 * and small, it runs on every page view; the interface (`<cookie-consent>`'s banner and dialog,
 * placeholders, strings) is loaded only when a visitor needs it. A decision is applied in one
 * place, `apply`, the same way for a click, an API call, another tab and a reset.
 */
export class ConsentRuntime extends EventTarget {
  status: RuntimeStatus = 'loading';
  config: ConsentConfig = fallbackConfig();
  errors: ConfigError[] = [];
  /** The config as the site wrote it, for the keys only the interface reads (`texts`, `ui`). */
  raw: Json | null = null;
  /** The decision in force; null before one is made (or when the stored one is unusable). */
  record: ConsentRecord | null = null;
  store: ConsentStore | null = null;
  /** The visitor's strings: set by the interface when it loads, before any element renders. */
  strings!: Strings;
  language = 'en-GB';
  /** The upgraded `<cookie-consent>` events are dispatched on, while it is in the page (see `target`). */
  eventTarget: EventTarget | null = null;
  /** The interface is loaded and its elements defined. */
  interfaceAttached = false;
  /** The interface could not be loaded: the script-tag file's minimal view stands in for it. */
  interfaceFailed = false;
  readonly blocker: Blocker;
  /** Resolves once the config and the stored decision are known, and the banner is drawn if the visitor must decide. */
  readonly ready: Promise<void>;
  /** Resolves once the config and the stored decision are known (the interface waits for this). */
  readonly configured: Promise<void>;
  private resolveReady!: () => void;
  private resolveConfigured!: () => void;
  private readonly nativeFetch: typeof fetch;
  private started = false;
  /** `stop()` was called: an `init` still under way lets go of the page as soon as it resumes. */
  private stopped = false;
  /** `init` has been called: the config is loading or loaded. */
  initialised = false;
  /** Why the stored record could not be used at the last read. */
  private problem?: RecordProblem;
  private interface?: Promise<WidgetInterface | null>;
  /** Logs a decision of this tab as proof of consent; loaded only when the config names an endpoint. */
  private log?: Promise<((decision: Decision, language: string) => Promise<void>) | null>;

  constructor(
    private readonly win: Window & typeof globalThis = window,
    /** URL the widget's files are found beside (`cookie-consent.interface.js`, `locales/cy.js`); null: the ES module's own. */
    readonly base: string | null = null,
    /** The interface when it comes in the same file (the ES module); else it is fetched when needed. */
    private readonly bundledInterface?: WidgetInterface,
  ) {
    super();
    // The config is loaded with the page's own fetch: the blocker must never hold it back.
    this.nativeFetch = win.fetch.bind(win);
    // A placeholder needs the interface to draw it.
    this.blocker = new Blocker(win, () => void this.loadInterface());
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.configured = new Promise((resolve) => (this.resolveConfigured = resolve));
  }

  /** Starts holding back non-essential content at once, before the config is known, and listens to the page's controls. */
  start(): void {
    if (this.started) return;
    this.started = true;
    // No cookie holds a decision: this visitor has to decide, so the interface is fetched while the
    // config is. First, so its request starts before the blocker's set-up: nothing the page does can
    // run before this synchronous start ends, and the module runs only after it.
    if (!seemsDecided()) void this.loadInterface();
    this.blocker.start();
    // Nothing can be granted until a valid config is known: placeholders offer no Allow meanwhile.
    this.blocker.setChoices([]);
    const doc = this.win.document;
    doc.addEventListener('click', this.handleDocumentClick, true);
  }

  /** Lets go of the page: the blocker's patches, the listeners, other tabs, the interface's audit. */
  stop(): void {
    this.stopped = true;
    this.blocker.stop();
    this.store?.close();
    this.win.document.removeEventListener('click', this.handleDocumentClick, true);
    void this.interface?.then((module) => module?.detach(this));
  }

  /** The Global Privacy Control signal of this browser. */
  get gpc(): boolean {
    return this.win.navigator.globalPrivacyControl === true;
  }

  /** Loads the config once; later calls are ignored with a warning (reload the page to change it). */
  async init(source: ConfigSource): Promise<void> {
    if (this.initialised) {
      console.warn('cookie-consent: already initialised; the first config stays in use.');
      return this.ready;
    }
    this.initialised = true;
    this.start();
    const { config, errors, raw } = await loadConfig(source, this.nativeFetch, this.win.document);
    if (this.stopped) return;
    try {
      this.configure(config, errors, raw);
    } catch (error) {
      // A page that broke what the widget writes to (a `dataLayer` that is not an array): what could
      // be applied stays applied, and `ready` still comes.
      console.error('cookie-consent: could not apply the config and the stored decision:', error);
    }
    this.resolveConfigured();
    this.changed();
    // A visitor who must decide gets the banner: `ready` includes it, so code that waits for it finds
    // the widget drawn (the interface was fetched alongside the config when no decision was stored).
    if (this.needsDecision && (await this.loadInterface())) {
      // Drawn as soon as <body> is open: on a long page the banner need not wait for the whole of it.
      const element = await hostElement(this.win.document, true);
      await (element as Partial<CookieConsentElement>).updateComplete;
    }
    this.dispatch('cookie-consent-ready', this.record);
    this.resolveReady();
  }

  /** Takes a loaded config and the stored decision: what may run, Consent Mode, clean-up, the log. */
  private configure(config: ConsentConfig, errors: ConfigError[], raw: Json | null): void {
    const valid = !errors.length;
    this.config = config;
    this.errors = errors;
    this.raw = raw;
    // Host rules only from a valid config: until then every cross-origin request stays held, as while
    // loading. With errors the banner is built from what could be read, so the visitor can still
    // decide: the decision is stored, and nothing it grants runs until a valid config is known.
    this.blocker.configure(valid ? config.hosts : null);
    if (!valid) console.error(formatConfigErrors(errors));
    this.status = valid ? 'ready' : 'invalid';
    this.store = new ConsentStore(config);
    this.record = this.read(valid);
    this.store.followOtherTabs(this.followOtherTab);
    const grants = this.grants();
    // Consent Mode first: a released inline tag runs as soon as it is put back.
    if (valid && config.googleConsentMode) {
      pushConsentMode(this.win, 'default', consentModeState(config, null));
      if (this.record) pushConsentMode(this.win, 'update', consentModeState(config, grants));
    }
    this.blocker.update(grants);
    if (valid) {
      this.blocker.setChoices(this.choices());
      cleanUpCategories(config, this.optional().filter((id) => !isOwnTrue(grants?.categories, id)), this.win);
      if (config.consentLog) this.startLog(config.consentLog.endpoint);
    }
  }

  /**
   * The interface: the banner, the dialog, the placeholders and the strings, loaded once. When its
   * file cannot be fetched this resolves null, and the script-tag file's minimal view offers accept and reject.
   */
  loadInterface(): Promise<WidgetInterface | null> {
    return (this.interface ??= (this.bundledInterface ? Promise.resolve(this.bundledInterface) : import('./interface.js'))
      .then(async (module: WidgetInterface) => {
        await module.attach(this);
        this.interfaceAttached = true;
        return module;
      })
      .catch((error: Error) => {
        const file = this.base ? new URL(INTERFACE_FILE, this.base).href : INTERFACE_FILE;
        console.error(`cookie-consent: could not load ${file}, so only a minimal banner can be shown: ${error.message}`);
        this.interfaceFailed = true;
        this.changed();
        return null;
      }));
  }

  /**
   * Shows the banner again or opens the preferences dialog. Once the interface is in, at once (the
   * dialog opens in the same task as the click); else when it has loaded.
   */
  open(what: 'banner' | 'preferences'): Promise<void> {
    const element = this.win.document.querySelector('cookie-consent');
    const show = (target: CookieConsentElement) => (what === 'banner' ? Promise.resolve(target.showBanner()) : target.showPreferences());
    if (this.interfaceAttached && element && 'showPreferences' in element) return show(element);
    return Promise.all([this.loadInterface(), hostElement(this.win.document)]).then(([loaded, host]) => {
      if (loaded && 'showPreferences' in host) return show(host);
      // The minimal view listens for this: without the interface, the banner is all there is.
      this.dispatchEvent(new Event('show-banner'));
    });
  }

  /** The optional categories a visitor can grant; none when no config, or none of it, could be read. */
  choices(): string[] {
    return this.status === 'loading' ? [] : this.optional();
  }

  /** Every cookie the page can see, matched to its declaration and classified. */
  async audit(): Promise<AuditEntry[]> {
    await this.ready;
    return (await this.loadInterface())?.audit(this) ?? [];
  }

  /** The visitor has not decided yet (or must decide again). */
  get needsDecision(): boolean {
    // A broken config cannot tell whether a stored decision is still current (its revision and
    // lifetime may be what failed to read), so it asks only a visitor who has none.
    return this.record === null && (this.status === 'ready' || (this.status === 'invalid' && this.problem === 'missing'));
  }

  /** Records a decision; categories not named are refused. */
  decide(choices: Choices, method: DecisionMethod, acceptedAll = false): ConsentRecord | null {
    if (!this.store) {
      console.error('cookie-consent: no valid config, so no decision can be recorded.');
      return null;
    }
    const record = createRecord(this.config, choices, { id: randomId(), now: new Date(), gpc: this.gpc });
    this.store.write(record);
    this.problem = undefined;
    this.apply(decisionOf(this.config, this.record, record, 'local', method, acceptedAll));
    return record;
  }

  /** Every category and service granted, except sale/sharing categories under Global Privacy Control. */
  acceptAll(method: DecisionMethod): ConsentRecord | null {
    const categories: Record<string, boolean> = {};
    for (const category of this.config.categories) categories[category.id] = !(this.gpc && category.saleOrSharing);
    return this.decide({ categories }, method, true);
  }

  rejectAll(method: DecisionMethod): ConsentRecord | null {
    return this.decide({ categories: {} }, method);
  }

  hasConsent(category: string): boolean {
    return isOwnTrue(this.grants()?.categories, category);
  }

  /**
   * What may run now. Null until a valid decision exists, and while the config is invalid: a
   * decision made then is kept, and applies once the config can be read.
   */
  grants(): Grants | null {
    const record = this.record;
    return record && this.status === 'ready' ? grantsOf(this.config, record, this.gpc) : null;
  }

  /** Forgets the decision so the banner shows again. */
  reset(): void {
    if (!this.store) return;
    this.store.clear();
    // Nothing is stored now, whatever was wrong with what was: the banner asks, even under an invalid config.
    this.problem = 'missing';
    this.apply(decisionOf(this.config, this.record, null, 'reset'));
  }

  /** Takes what the interface read: the cosmetic keys and the visitor's strings (placeholders' too). */
  present(cosmetic: Pick<ConsentConfig, 'texts' | 'ui'>, strings: Strings, language: string): void {
    this.config = { ...this.config, ...cosmetic };
    this.strings = strings;
    this.language = language;
    this.blocker.setStrings(strings);
  }

  /** Tells views (the elements) that something they show has changed; `detail` is the decision, if one did. */
  changed(decision?: Decision): void {
    this.dispatchEvent(new CustomEvent('change', { detail: decision }));
  }

  /** Reloads the page (a seam for tests). */
  reload = (): void => this.win.location.reload();

  /**
   * Where events go: the page's `<cookie-consent>` (upgraded or not: a returning visitor's page never
   * loads the interface), else the document, which hears them either way as they bubble.
   */
  get target(): EventTarget {
    const element = this.eventTarget as Node | null;
    return element?.isConnected ? element : (this.win.document.querySelector('cookie-consent') ?? this.win.document);
  }

  /**
   * Applies a change of decision, once: what may run, Consent Mode, the log (for this tab's own
   * decisions), the views and the page's listeners, then the clean-up of what was withdrawn.
   */
  private apply(decision: Decision): void {
    const { record, withdrawn } = decision;
    this.record = record;
    const grants = this.grants();
    this.blocker.update(grants);
    if (this.status === 'ready' && this.config.googleConsentMode) pushConsentMode(this.win, 'update', consentModeState(this.config, grants));
    // Only the tab where the visitor decided logs the decision; other tabs just follow it. Read the
    // language now: it may change while the log loads.
    const { language } = this;
    const logged = decision.source === 'local' && this.log ? this.log.then((log) => log?.(decision, language)) : Promise.resolve();
    this.changed(decision);
    if (record) this.dispatch('cookie-consent-change', record);
    // Under an invalid config nothing ran, and its cookie declarations are not to be trusted.
    if (withdrawn.length && this.status === 'ready') {
      cleanUpCategories(this.config, withdrawn, this.win);
      // Code that already ran cannot be un-run: a fresh page is the only way to stop it.
      // The proof record is queued first, so the reload cannot lose it.
      if (this.config.consent.reloadOnWithdraw) void logged.then(this.reload);
    }
    // A reset, here or in another tab, asks again: the banner comes with the interface.
    if (this.needsDecision) void this.loadInterface();
  }

  /** Reads the stored decision (an unusable one is reported when `report`). */
  private read(report = true): ConsentRecord | null {
    const { record, problem } = this.store!.read(new Date(), report);
    this.problem = problem;
    return record;
  }

  /** Another tab stored or forgot a decision: this one follows it. */
  private readonly followOtherTab = (): void => {
    const record = this.read();
    if (record?.id !== this.record?.id) this.apply(decisionOf(this.config, this.record, record, 'remote'));
  };

  private optional(): string[] {
    return this.config.categories.filter((category) => !category.required).map((category) => category.id);
  }

  private startLog(endpoint: string): void {
    this.log = import('./page/consent-log.js').then(
      (module) => module.startConsentLog(endpoint, this.nativeFetch, storageArea(this.win, 'localStorage'), this.config, this.raw),
      (error: Error) => {
        console.error(`cookie-consent: could not load the consent log, so decisions are not sent to ${endpoint}: ${error.message}`);
        return null;
      },
    );
  }

  /** Any element with data-cookie-consent="preferences" on the page opens the dialog. */
  private readonly handleDocumentClick = (event: MouseEvent): void => {
    const trigger = event.composedPath().find((node) => (node as HTMLElement).dataset?.cookieConsent === 'preferences');
    if (!trigger) return;
    event.preventDefault();
    void this.open('preferences');
  };

  private dispatch(type: 'cookie-consent-ready' | 'cookie-consent-change', detail: ConsentRecord | null): void {
    this.target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
