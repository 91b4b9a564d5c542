import type { ConfigError, ConsentConfig } from '../core/config/config-types.js';
import { readCosmetic } from '../core/config/cosmetic.js';
import { fallbackConfig, formatConfigErrors, formatConfigWarnings } from '../core/config/parse-config.js';
import type { Json } from '../core/config/reader.js';
import { createRecord, grantsOf, type Choices, type ConsentRecord, type RecordProblem } from '../core/consent-record.js';
import { acceptAllChoices, decisionOf, type Decision, type DecisionMethod } from '../core/decision.js';
import { consentModeState } from '../core/consent-mode.js';
import { isOwnTrue, ownValue } from '../core/own-property.js';
import type { AuditEntry } from '../core/audit.js';
import type { Strings } from '../i18n/en-GB.js';
import { builtInLanguageFor, describeCategories, languageChain, resolveStrings } from '../i18n/strings.js';
import { ConsentStore, randomId, seemsDecided } from '../page/consent-store.js';
import { loadConfig, type ConfigSource } from '../page/load-config.js';
import { Blocker, type Grants } from '../page/blocker.js';
import { cleanUpCategories } from '../page/cleanup.js';
import { pushConsentMode } from '../page/data-layer.js';
import { storageArea } from '../page/web-storage.js';
import { hostElement } from '../page/host-element.js';

export type { DecisionMethod };

export type RuntimeStatus = 'loading' | 'ready' | 'invalid';

/** The file of the widget's interface, beside the script-tag file. */
export const INTERFACE_FILE = 'cookie-consent.interface.js';

/** What `<cookie-consent>` gives the preferences dialog: the runtime to read and the decisions to take. */
export interface PreferencesHost {
  readonly runtime: ConsentRuntime;
  decide(action: 'accept' | 'reject', method: DecisionMethod): void;
  save(choices: Choices): void;
  close(): void;
}

/** The preferences dialog's content, drawn into `<cookie-consent>`'s `<dialog>` by the interface. */
export interface PreferencesContent {
  /** Draws the switches as `grants` set them. */
  open(grants: Grants | null): void;
  /** Empties the dialog. */
  close(): void;
  /** The rules of the dialog's content, for the element's shadow root. */
  readonly styles: CSSStyleSheet;
}

/** What the interface module (dialog, placeholders, audit) gives the runtime once loaded. */
export interface WidgetInterface {
  /** Defines the placeholders and starts the audit; resolves once they can render. */
  attach(runtime: ConsentRuntime): Promise<void>;
  /** The preferences dialog's content, drawn into `dialog`. */
  preferences(host: PreferencesHost, dialog: HTMLDialogElement): Promise<PreferencesContent>;
  /** Stops what it started for this runtime (the audit's watch). */
  detach(runtime: ConsentRuntime): void;
  /** Every cookie the page can see, matched to its declaration and classified. */
  audit(runtime: ConsentRuntime): Promise<AuditEntry[]>;
}

/** A decision was recorded (here or in another tab); `detail` is the stored record. */
export class CookieConsentChangeEvent extends CustomEvent<ConsentRecord> {
  constructor(record: ConsentRecord) {
    super('cookie-consent-change', { detail: record, bubbles: true, composed: true });
  }
}

/** The config and the stored decision are known (and the banner drawn if the visitor must decide); `detail` is the record, or null. */
export class CookieConsentReadyEvent extends CustomEvent<ConsentRecord | null> {
  constructor(record: ConsentRecord | null) {
    super('cookie-consent-ready', { detail: record, bubbles: true, composed: true });
  }
}

/**
 * The runtime asks the page's view to show the banner or the preferences dialog (the API, a
 * `data-cookie-consent="preferences"` control, another tab's reset). The view that opens it calls
 * `respondWith` with a promise that resolves once it is open.
 */
export class OpenRequestEvent extends Event {
  static readonly type = 'open';
  opened: Promise<void> = Promise.resolve();

  constructor(readonly what: 'banner' | 'preferences') {
    super(OpenRequestEvent.type);
  }

  respondWith(opened: Promise<void>): void {
    this.opened = opened;
  }
}

/**
 * Something a view shows changed; `decision` is the change of decision, if one caused it. A view
 * that redraws calls `waitUntil` with a promise that resolves once it has, so the runtime can wait
 * for the banner without calling into the view.
 */
export class RuntimeChangeEvent extends Event {
  static readonly type = 'change';
  drawn: Promise<unknown> = Promise.resolve();

  constructor(readonly decision?: Decision) {
    super(RuntimeChangeEvent.type);
  }

  waitUntil(drawn: Promise<unknown>): void {
    this.drawn = Promise.all([this.drawn, drawn]);
  }
}

/** The runtime's own events, for its views. */
interface ConsentRuntimeEventMap {
  open: OpenRequestEvent;
  change: RuntimeChangeEvent;
}

export interface ConsentRuntime {
  addEventListener<K extends keyof ConsentRuntimeEventMap>(type: K, listener: (event: ConsentRuntimeEventMap[K]) => void, options?: AddEventListenerOptions | boolean): void;
  removeEventListener<K extends keyof ConsentRuntimeEventMap>(type: K, listener: (event: ConsentRuntimeEventMap[K]) => void, options?: EventListenerOptions | boolean): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean): void;
}

declare global {
  /** Fired on the page's `<cookie-consent>` (or the document when it has none), bubbling out of any shadow root. */
  interface HTMLElementEventMap {
    'cookie-consent-change': CookieConsentChangeEvent;
    'cookie-consent-ready': CookieConsentReadyEvent;
  }
  interface DocumentEventMap {
    'cookie-consent-change': CookieConsentChangeEvent;
    'cookie-consent-ready': CookieConsentReadyEvent;
  }
  interface Navigator {
    /** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
    readonly globalPrivacyControl?: boolean;
  }
}

/**
 * Everything a page has one of: the config, the stored decision, the visitor's strings and the
 * blocker. Framework-free and small, it runs on every page view; the interface (the preferences
 * dialog, placeholders, the audit) is loaded only when a visitor needs it. A decision is applied in
 * one place, `apply`, the same way for a click, an API call, another tab and a reset. Views read its
 * state and change it only through its commands (`decide`, `acceptAll`, `rejectAll`, `open`…).
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
  /** The visitor's strings: English, under the page language's built-in ones once loaded, under the config's `texts`. */
  strings: Strings = resolveStrings([], {}, {});
  language = 'en-GB';
  /** The built-in strings of the page's language, once loaded (`locales/<language>.js`). */
  private readonly builtIn: Record<string, Strings> = {};
  private readonly languageLoads = new Map<string, Promise<void>>();
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
  /** The cosmetic keys' warnings were logged (the strings are read again when a language arrives). */
  private cosmeticWarned = false;
  /** Why the stored record could not be used at the last read. */
  private problem?: RecordProblem;
  private interface?: Promise<WidgetInterface | null>;
  /** Logs a decision of this tab as proof of consent; loaded only when the config names an endpoint. */
  private log?: Promise<((decision: Decision, language: string, strings: Strings | undefined) => Promise<void>) | null>;

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
    // No cookie holds a decision: this visitor has to decide, so the page language's strings (when
    // English is not it) are fetched while the config is. First, so the request starts before the
    // blocker's set-up: nothing the page does can run before this synchronous start ends.
    if (!seemsDecided()) void this.loadLanguage();
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
    // the widget drawn (the language's strings were fetched alongside the config).
    if (this.needsDecision) await this.drawBanner();
    this.target.dispatchEvent(new CookieConsentReadyEvent(this.record));
    this.resolveReady();
  }

  /**
   * The banner, drawn as soon as <body> is open (on a long page it need not wait for the rest), in
   * the page's language. The interface is fetched once the browser is idle, so the dialog opens
   * without waiting on the network.
   */
  private async drawBanner(): Promise<void> {
    await this.loadLanguage();
    await hostElement(this.win.document, true);
    await this.changed().drawn;
    const idle = this.win.requestIdleCallback ?? ((callback: () => void) => this.win.setTimeout(callback, 1));
    idle(() => !this.stopped && void this.loadInterface());
  }

  /**
   * The built-in strings of the page's language, fetched once; English needs none. The language is
   * read each time: a page may set `<html lang>` after the script has run.
   */
  loadLanguage(): Promise<void> {
    const language = builtInLanguageFor(languageChain(this.win.document.documentElement.lang || this.win.navigator.language));
    if (!language || !this.base) return Promise.resolve();
    let load = this.languageLoads.get(language);
    if (!load) {
      load = import(/* @vite-ignore */ new URL(`locales/${language}.js`, this.base).href).then(
        (module: { default: Strings }) => {
          this.builtIn[language] = module.default;
          if (this.status === 'loading') return;
          this.readStrings();
          this.changed();
        },
        (error: Error) => console.warn(`cookie-consent: could not load the "${language}" strings, showing English: ${error.message}`),
      );
      this.languageLoads.set(language, load);
    }
    return load;
  }

  /** The visitor's strings and language, from the config's cosmetic keys and the built-in strings loaded so far. */
  private readStrings(): void {
    const { texts, ui, warnings } = readCosmetic(this.raw ?? {}, this.config.categories);
    if (warnings.length && !this.cosmeticWarned) console.warn(formatConfigWarnings(warnings));
    this.cosmeticWarned = true;
    this.config = { ...this.config, texts, ui };
    const chain = languageChain(this.win.document.documentElement.lang || this.win.navigator.language);
    this.language = chain.find((tag) => ownValue(this.builtIn, tag) || ownValue(texts, tag)) ?? 'en-GB';
    const strings = resolveStrings(chain, this.builtIn, texts);
    strings.description = describeCategories(strings, chain, texts, this.language, this.config.categories);
    this.strings = strings;
    this.blocker.setStrings(strings);
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
    this.readStrings();
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
   * The interface: the preferences dialog, the placeholders and the audit, loaded once. When its
   * file cannot be fetched this resolves null: the banner still takes every decision.
   */
  loadInterface(): Promise<WidgetInterface | null> {
    return (this.interface ??= (this.bundledInterface ? Promise.resolve(this.bundledInterface) : import('../interface.js'))
      .then(async (module: WidgetInterface) => {
        await module.attach(this);
        return module;
      })
      .catch((error: Error) => {
        const file = this.base ? new URL(INTERFACE_FILE, this.base).href : INTERFACE_FILE;
        console.error(`cookie-consent: could not load ${file}, so the preferences dialog and placeholders cannot be shown: ${error.message}`);
        return null;
      }));
  }

  /**
   * Asks the page's `<cookie-consent>` to show the banner again or open the preferences dialog;
   * resolves once it has.
   */
  open(what: 'banner' | 'preferences'): Promise<void> {
    const ask = () => {
      const request = new OpenRequestEvent(what);
      this.dispatchEvent(request);
      return request.opened;
    };
    // At once when the page has its element (the dialog opens in the same task as the click); else
    // the element is added, once the page is parsed.
    const doc = this.win.document;
    return doc.querySelector('cookie-consent') ? ask() : hostElement(doc).then(ask);
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
    // One consent id per visitor, so every decision of theirs is logged under it; each one later
    // than the last, since the log tells a visitor's decisions apart by their time.
    const previous = this.record ? Date.parse(this.record.timestamp) : 0;
    const now = new Date(Math.max(Date.now(), previous + 1));
    const record = createRecord(this.config, choices, { id: this.record?.id ?? this.store.consentId() ?? randomId(), now, gpc: this.gpc });
    this.store.write(record);
    this.problem = undefined;
    this.apply(decisionOf(this.config, this.record, record, 'local', method, acceptedAll));
    return record;
  }

  /** Every category and service granted, except sale/sharing categories under Global Privacy Control. */
  acceptAll(method: DecisionMethod): ConsentRecord | null {
    return this.decide(acceptAllChoices(this.config, this.gpc), method, true);
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

  /** Tells views (the elements) that something they show has changed, and which decision changed it, if one did. */
  changed(decision?: Decision): RuntimeChangeEvent {
    const event = new RuntimeChangeEvent(decision);
    this.dispatchEvent(event);
    return event;
  }

  /** Reloads the page (a seam for tests). */
  reload = (): void => this.win.location.reload();

  /** Where events go: the page's `<cookie-consent>`, else the document, which hears them either way as they bubble. */
  get target(): EventTarget {
    return this.win.document.querySelector('cookie-consent') ?? this.win.document;
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
    const { language, strings } = this;
    const logged = decision.source === 'local' && this.log ? this.log.then((log) => log?.(decision, language, strings)) : Promise.resolve();
    this.changed(decision);
    if (record) this.target.dispatchEvent(new CookieConsentChangeEvent(record));
    // Under an invalid config nothing ran, and its cookie declarations are not to be trusted.
    if (withdrawn.length && this.status === 'ready') {
      cleanUpCategories(this.config, withdrawn, this.win);
      // Code that already ran cannot be un-run: a fresh page is the only way to stop it.
      // The proof record is queued first, so the reload cannot lose it.
      if (this.config.consent.reloadOnWithdraw) void logged.then(this.reload);
    }
    // A reset, here or in another tab, asks again, in the page's language.
    if (this.needsDecision) void this.loadLanguage();
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
    // The visitor keeps one consent id: a new decision is a new time.
    if (record?.id !== this.record?.id || record?.timestamp !== this.record?.timestamp) this.apply(decisionOf(this.config, this.record, record, 'remote'));
  };

  private optional(): string[] {
    return this.config.categories.filter((category) => !category.required).map((category) => category.id);
  }

  private startLog(endpoint: string): void {
    this.log = import('../page/consent-log.js').then(
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
}
