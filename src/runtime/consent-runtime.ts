import { createRecord, type Choices, type ConsentRecord } from '../core/consent-record.js';
import { acceptAllChoices, decisionOf, type DecisionMethod } from '../core/decision.js';
import type { AuditEntry } from '../core/audit.js';
import { randomId, seemsDecided } from '../page/consent-store.js';
import { loadConfig, type ConfigSource } from '../page/load-config.js';
import type { Grants } from '../page/blocker.js';
import { hostElement } from '../page/host-element.js';
import { CookieConsentReadyEvent, OpenRequestEvent, type ConsentRuntimeEventMap } from './runtime-events.js';
import { RuntimeState } from './runtime-state.js';
import { INTERFACE_FILE } from '../core/defaults.js';

export type { RuntimeStatus } from './runtime-state.js';
export type { DecisionMethod };


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

/** Typed listeners for the runtime's own events. */
export interface ConsentRuntime {
  addEventListener<K extends keyof ConsentRuntimeEventMap>(type: K, listener: (event: ConsentRuntimeEventMap[K]) => void, options?: AddEventListenerOptions | boolean): void;
  removeEventListener<K extends keyof ConsentRuntimeEventMap>(type: K, listener: (event: ConsentRuntimeEventMap[K]) => void, options?: EventListenerOptions | boolean): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean): void;
}

declare global {
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
export class ConsentRuntime extends RuntimeState {
  /** Resolves once the config and the stored decision are known, and the banner is drawn if the visitor must decide. */
  readonly ready: Promise<void>;
  /** Resolves once the config and the stored decision are known (the interface waits for this). */
  readonly configured: Promise<void>;
  private resolveReady!: () => void;
  private resolveConfigured!: () => void;
  private started = false;
  /** `stop()` was called: an `init` still under way lets go of the page as soon as it resumes. */
  private stopped = false;
  /** `init` has been called: the config is loading or loaded. */
  initialised = false;
  private interface?: Promise<WidgetInterface | null>;

  constructor(
    win: Window & typeof globalThis = window,
    base: string | null = null,
    /** Imports the interface: the module the entry carries (the ES module), else its file beside the script. */
    private readonly importInterface: () => Promise<WidgetInterface>,
  ) {
    super(win, base);
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
    await this.reported;
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
   * The interface: the preferences dialog, the placeholders and the audit, loaded once. When its
   * file cannot be fetched this resolves null: the banner still takes every decision.
   */
  loadInterface(): Promise<WidgetInterface | null> {
    return (this.interface ??= this.importInterface()
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

  /** Every cookie the page can see, matched to its declaration and classified. */
  async audit(): Promise<AuditEntry[]> {
    await this.ready;
    return (await this.loadInterface())?.audit(this) ?? [];
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

  /** Forgets the decision so the banner shows again. */
  reset(): void {
    if (!this.store) return;
    this.store.clear();
    // Nothing is stored now, whatever was wrong with what was: the banner asks, even under an invalid config.
    this.problem = 'missing';
    this.apply(decisionOf(this.config, this.record, null, 'reset'));
  }

  /** Any element with data-cookie-consent="preferences" on the page opens the dialog. */
  private readonly handleDocumentClick = (event: MouseEvent): void => {
    const trigger = event.composedPath().find((node) => (node as HTMLElement).dataset?.cookieConsent === 'preferences');
    if (!trigger) return;
    event.preventDefault();
    void this.open('preferences');
  };
}
