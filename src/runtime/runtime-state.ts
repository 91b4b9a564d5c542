import type { ConfigError, ConsentConfig } from '../core/config/config-types.js';
import { readCosmetic } from '../core/config/cosmetic.js';
import { fallbackConfig } from '../core/config/parse-config.js';
import { DETAIL_SEPARATOR, type Json } from '../core/config/reader.js';
import { grantsOf, type ConsentRecord, type RecordProblem } from '../core/consent-record.js';
import { decisionOf, type Decision } from '../core/decision.js';
import { consentModeState } from '../core/consent-mode.js';
import { isOwnTrue, ownValue } from '../core/own-property.js';
import type { Strings } from '../i18n/en-GB.js';
import { builtInLanguageFor, describeCategories, languageChain, resolveStrings } from '../i18n/strings.js';
import { ConsentStore } from '../page/consent-store.js';
import { Blocker, type Grants } from '../page/blocker.js';
import { cleanUpCategories } from '../page/cleanup.js';
import { pushConsentMode } from '../page/data-layer.js';
import { storageArea } from '../page/web-storage.js';
import { CookieConsentChangeEvent, RuntimeChangeEvent } from './runtime-events.js';

export type RuntimeStatus = 'loading' | 'ready' | 'invalid';

/**
 * What the runtime knows and how a decision takes effect: the config, the stored decision, the
 * visitor's strings and the blocker, read by views; `configure` and `apply`, the one place a config
 * and a change of decision are applied (what may run, Consent Mode, clean-up, the log). The commands
 * that change it are `ConsentRuntime`'s.
 */
export abstract class RuntimeState extends EventTarget {
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
  protected readonly nativeFetch: typeof fetch;
  /** The cosmetic keys' warnings were logged (the strings are read again when a language arrives). */
  private cosmeticWarned = false;
  /** The config's problems logged so far: `ready` waits for their wording, a file of its own. */
  protected reported: Promise<unknown> = Promise.resolve();
  /** Why the stored record could not be used at the last read. */
  protected problem?: RecordProblem;
  /** Logs a decision of this tab as proof of consent; loaded only when the config names an endpoint. */
  private log?: Promise<((decision: Decision, language: string, strings: Strings | undefined) => Promise<void>) | null>;

  constructor(
    protected readonly win: Window & typeof globalThis,
    /** URL the widget's files are found beside (`cookie-consent.interface.js`, `locales/cy.js`); null: the ES module's own. */
    readonly base: string | null,
  ) {
    super();
    // The config is loaded with the page's own fetch: the blocker must never hold it back.
    this.nativeFetch = win.fetch.bind(win);
    // A placeholder needs the interface to draw it.
    this.blocker = new Blocker(win, () => void this.loadInterface());
  }

  /** Loads the interface once (the placeholders need it to draw); resolves null when it cannot be loaded. */
  abstract loadInterface(): Promise<unknown>;

  /** The Global Privacy Control signal of this browser. */
  get gpc(): boolean {
    return this.win.navigator.globalPrivacyControl === true;
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

  /**
   * Logs the config's errors (`error`: it fails closed) or ignored cosmetic mistakes (`warn`) in the
   * words config-messages.ts gives their codes. That file is loaded only now, since a valid config
   * never needs it; should it fail to load, each problem's JSON path and code are logged instead.
   */
  private report(kind: 'error' | 'warn', problems: ConfigError[]): void {
    this.reported = Promise.all([this.reported, import('../core/config/config-messages.js')]).then(
      ([, messages]) => console[kind](kind === 'error' ? messages.formatConfigErrors(problems) : messages.formatConfigWarnings(problems)),
      () => console[kind](`cookie-consent: ${kind === 'error' ? 'invalid config, so nothing optional runs' : 'ignored in the config'}:${problems.map(({ path, message }) => `\n  ${path}: ${message.split(DETAIL_SEPARATOR).join(' ')}`).join('')}`),
    );
  }

  /** The visitor's strings and language, from the config's cosmetic keys and the built-in strings loaded so far. */
  protected readStrings(): void {
    const { texts, ui, warnings } = readCosmetic(this.raw ?? {}, this.config.categories);
    if (warnings.length && !this.cosmeticWarned) this.report('warn', warnings);
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
  protected configure(config: ConsentConfig, errors: ConfigError[], raw: Json | null): void {
    const valid = !errors.length;
    this.config = config;
    this.errors = errors;
    this.raw = raw;
    // Host rules only from a valid config: until then every cross-origin request stays held, as while
    // loading. With errors the banner is built from what could be read, so the visitor can still
    // decide: the decision is stored, and nothing it grants runs until a valid config is known.
    this.blocker.configure(valid ? config.hosts : null);
    if (!valid) this.report('error', errors);
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

  /** The optional categories a visitor can grant; none when no config, or none of it, could be read. */
  choices(): string[] {
    return this.status === 'loading' ? [] : this.optional();
  }

  /** The visitor has not decided yet (or must decide again). */
  get needsDecision(): boolean {
    // A broken config cannot tell whether a stored decision is still current (its revision and
    // lifetime may be what failed to read), so it asks only a visitor who has none.
    return this.record === null && (this.status === 'ready' || (this.status === 'invalid' && this.problem === 'missing'));
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
  protected apply(decision: Decision): void {
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
  protected read(report = true): ConsentRecord | null {
    const { record, problem } = this.store!.read(new Date(), report);
    this.problem = problem;
    return record;
  }

  /** Another tab stored or forgot a decision: this one follows it. */
  protected readonly followOtherTab = (): void => {
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
}
