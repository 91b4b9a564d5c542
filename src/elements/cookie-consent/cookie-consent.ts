import type { Choices } from '../../core/consent-record.js';
import { isRightToLeft } from '../../i18n/strings.js';
import type { DecisionMethod } from '../../core/decision.js';
import type { ConsentRuntime, PreferencesContent, PreferencesHost } from '../../runtime/consent-runtime.js';
import type { OpenRequestEvent, RuntimeChangeEvent } from '../../runtime/runtime-events.js';
import { pageRuntime } from '../../runtime/page-runtime.js';
import { followScheme, setTheme, unfollowScheme } from '../color-scheme.js';
import { STYLES } from './cookie-consent.css.js';
import { BANNER, SHELL, bannerParts, fillBanner, place, type BannerParts } from './banner-content.js';
import { deepActiveElement, scrollClearOf, wrapTab } from './focus-keeping.js';
import { PageSpace } from './page-space.js';

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent': CookieConsentElement;
  }
}




/**
 * The consent banner, the "Cookie settings" button and the preferences dialog, drawn without a
 * framework: the script-tag file defines it, so the first layer is on screen as soon as the config
 * is read. The dialog's content comes from the interface (Lit), loaded when the browser is idle
 * after the banner, or when the dialog first opens. A view over the page's consent runtime: it holds
 * only what is on screen, and changes the decision through the runtime's commands.
 *
 * @attr config - URL of the JSON config, or `#id` of an inline `<script type="application/json">`.
 * @fires cookie-consent-change - A decision was recorded; `detail` is the record.
 * @fires cookie-consent-ready - The stored decision is known; `detail` is the record or null.
 */
export class CookieConsentElement extends HTMLElement implements PreferencesHost {
  /** URL or `#id` of the config, or the config object itself (as a property). */
  declare config?: string | object;
  readonly runtime: ConsentRuntime = pageRuntime();
  private readonly root: ShadowRoot;
  private readonly banner: HTMLElement;
  private readonly floating: HTMLButtonElement;
  private readonly dialog: HTMLDialogElement;
  private readonly status: HTMLElement;
  /** The banner's pieces that change, kept while they are out of the tree. */
  private readonly parts: BannerParts;
  private bannerRequested = false;
  private preferencesOpen = false;
  /** The dialog's content, from the interface, the first time it opens. */
  private panel?: Promise<PreferencesContent | null>;
  private loadedPanel: PreferencesContent | null = null;
  /** Set while the dialog is being opened; `updateComplete` waits for it. */
  private opening?: Promise<void>;
  /** Set while a redraw is queued. */
  private pending?: Promise<void>;
  private opener: HTMLElement | null = null;
  private readonly bannerObserver = new ResizeObserver(() => this.handleBannerResize());
  /** What the observer watches: the banner, the settings button or nothing. */
  private observed: HTMLElement | null = null;
  /** The banner's summary is longer than it shows; "More" opens it. */
  private summaryClipped = false;
  private summaryOpen = false;
  private readonly pageSpace = new PageSpace();

  constructor() {
    super();
    // A shadow root the page drew into before this code was defined is taken over.
    this.root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const template = document.createElement('template');
    template.innerHTML = `<style>${STYLES}</style>${SHELL}${BANNER}`;
    const content = template.content;
    this.banner = content.querySelector('.banner')!;
    this.floating = content.querySelector('.floating')!;
    this.dialog = content.querySelector('dialog')!;
    this.status = content.querySelector('[role="status"]')!;
    this.parts = bannerParts(this.banner);
    this.banner.remove();
    this.floating.remove();
    this.root.replaceChildren(content);
    this.floating.onclick = this.parts.manage.onclick = () => void this.showPreferences();
    this.parts.more.onclick = () => {
      this.summaryOpen = !this.summaryOpen;
      this.requestUpdate();
    };
    this.parts.accept.onclick = () => this.decide('accept', 'banner');
    this.parts.reject.onclick = () => this.decide('reject', 'banner');
    this.dialog.addEventListener('close', () => this.handleDialogClose());
    this.dialog.addEventListener('keydown', (event) => wrapTab(this.dialog, this.root, event));
  }

  connectedCallback(): void {
    this.runtime.addEventListener('change', this.handleChange);
    this.runtime.addEventListener('open', this.handleOpen);
    document.addEventListener('focusin', this.handleFocusIn);
    followScheme(this);
    const named = this.config ?? this.getAttribute('config');
    if (named && !this.runtime.initialised) void this.runtime.init(named);
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.runtime.removeEventListener('change', this.handleChange);
    this.runtime.removeEventListener('open', this.handleOpen);
    document.removeEventListener('focusin', this.handleFocusIn);
    unfollowScheme(this);
    this.bannerObserver.disconnect();
    this.observed = null;
    this.pageSpace.hostDisconnected();
    // Placeholders follow the page again once no widget sets a theme.
    setTheme('auto');
  }

  /** Shows the first layer again, even after a decision. */
  showBanner(): void {
    this.bannerRequested = true;
    this.requestUpdate();
  }

  /** Opens the preferences dialog with the current choices; resolves once it is open. */
  async showPreferences(): Promise<void> {
    await (this.opening ??= this.openPreferences().finally(() => (this.opening = undefined)));
    await this.updateComplete;
  }

  /** Resolves once what the element shows is drawn (and a dialog being opened is open). */
  get updateComplete(): Promise<boolean> {
    return (async () => {
      await this.opening;
      await this.pending;
      return true;
    })();
  }

  private async openPreferences(): Promise<void> {
    const opener = deepActiveElement();
    if (this.runtime.status === 'loading') await this.runtime.configured;
    // Nothing to choose from when no config could be read: the banner offers what there is.
    if (!this.canChoose) return this.showBanner();
    if (this.preferencesOpen) return;
    const panel = await this.loadPanel();
    if (!panel) return;
    this.opener = opener;
    this.preferencesOpen = true;
    panel.open(this.runtime.grants());
    // The content first, then open: focus goes to its first control.
    if (!this.dialog.open && this.isConnected) this.dialog.showModal();
    this.requestUpdate();
  }

  /**
   * The dialog's content and styles, from the interface, once. When its file cannot be fetched the
   * banner shows instead, so the visitor can still accept or reject everything (and change a past decision).
   */
  private loadPanel(): Promise<PreferencesContent | null> {
    return (this.panel ??= this.runtime
      .loadInterface()
      .then((module) => {
        if (!module) throw new Error('the interface is missing');
        return module.preferences(this, this.dialog);
      })
      .then(
        (panel) => {
          this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets, panel.styles];
          return (this.loadedPanel = panel);
        },
        (error: Error) => {
          // Not retried: the browser keeps a failed module fetch for the life of the page.
          console.error(`cookie-consent: could not load the preferences dialog, showing the banner instead: ${error.message}`);
          this.showBanner();
          void this.updateComplete.then(() => this.banner.querySelector<HTMLElement>('.actions button')?.focus());
          return null;
        },
      ));
  }

  /** False when no config, or none of its categories, could be read: only refusing can be honoured. */
  private get canChoose(): boolean {
    return this.runtime.status === 'ready' || this.runtime.choices().length > 0;
  }

  private get bannerVisible(): boolean {
    return this.runtime.status !== 'loading' && (this.runtime.needsDecision || this.bannerRequested);
  }

  /** Queues one redraw for whatever changed in this task. */
  private requestUpdate(): void {
    this.pending ??= Promise.resolve().then(() => {
      this.pending = undefined;
      this.render();
    });
  }

  private render(): void {
    const { runtime } = this;
    if (runtime.status === 'loading' || !this.isConnected) return;
    const { config, language, strings } = runtime;
    this.lang = language;
    this.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
    this.setAttribute('layout', config.ui.layout);
    this.setAttribute('theme', config.ui.theme);
    setTheme(config.ui.theme);
    const bannerVisible = this.bannerVisible;
    if (bannerVisible) fillBanner(this.parts, runtime, { open: this.summaryOpen, clipped: this.summaryClipped, canChoose: this.canChoose });
    place(this.banner, bannerVisible, this.root as unknown as Element, this.dialog);
    this.floating.textContent = strings.settings;
    place(this.floating, !bannerVisible && !!runtime.record && config.ui.floatingButton, this.root as unknown as Element, this.dialog);
    if (!bannerVisible) this.summaryOpen = false;
    // Room is kept at the page's end for what floats over its bottom: the banner, else the settings button.
    const floating = bannerVisible ? this.banner : this.floating.isConnected ? this.floating : null;
    // Observed again only when it changes: a new observation reports at once, a resize loop when
    // this runs from the observer's own callback.
    if (floating !== this.observed) {
      this.bannerObserver.disconnect();
      if (floating) this.bannerObserver.observe(floating);
      this.observed = floating;
    }
    if (!floating) this.pageSpace.release();
  }



  private handleBannerResize(): void {
    const summary = this.parts.summary;
    if (this.banner.isConnected && !this.summaryOpen) {
      const clipped = summary.scrollHeight > summary.clientHeight;
      summary.classList.toggle('clamped', clipped);
      if (clipped !== this.summaryClipped) {
        this.summaryClipped = clipped;
        this.requestUpdate();
      }
    }
    const floating = this.banner.isConnected ? this.banner : this.floating.isConnected ? this.floating : null;
    this.pageSpace.reserve(floating === this.banner && this.runtime.config.ui.layout === 'center' ? null : floating);
  }


  /** A decision from the banner or the dialog. */
  decide(action: 'accept' | 'reject', method: DecisionMethod): void {
    if (action === 'accept') this.runtime.acceptAll(method);
    else this.runtime.rejectAll(method);
    this.finishDecision();
  }

  /** The dialog's switches, saved. */
  save(choices: Choices): void {
    this.runtime.decide(choices, 'dialog');
    this.finishDecision();
  }

  private finishDecision(): void {
    const focusInBanner = this.banner.contains(this.root.activeElement);
    this.bannerRequested = false;
    this.announce(this.runtime.strings.saved);
    this.close();
    this.requestUpdate();
    // The focused button goes with the banner: keep focus in the widget rather than lose it to <body>.
    if (focusInBanner) void this.updateComplete.then(() => this.floating.isConnected && this.floating.focus());
  }

  /** A repeated message differs by a no-break space, so screen readers announce it again. */
  private announce(message: string): void {
    this.status.textContent = this.status.textContent === message ? `${message}\u00a0` : message;
  }

  /** Closes the dialog; nothing is granted by closing. */
  close(): void {
    // State first: the dialog's close event comes a task later, and an update in between must not reopen it.
    this.preferencesOpen = false;
    this.dialog.close();
    this.loadedPanel?.close();
  }

  /** Esc, the close button and every decision end here: the content goes, focus goes back. */
  private handleDialogClose(): void {
    this.preferencesOpen = false;
    this.loadedPanel?.close();
    const opener = this.opener;
    this.opener = null;
    // The opener may be gone (the banner closes with a decision): focus the settings button instead.
    void this.updateComplete.then(() => {
      const target = opener?.isConnected ? opener : this.floating.isConnected ? this.floating : null;
      target?.focus();
    });
  }



  /** A page element under the centred banner is scrolled clear of it when it gets focus. */
  private readonly handleFocusIn = ({ target }: FocusEvent): void => {
    if (target !== this && this.runtime.config.ui.layout === 'center') scrollClearOf(this.banner, target as Element);
  };

  /** The runtime's state changed: redraw; a placeholder's Allow was recorded: say so, as a click here does. */
  private readonly handleChange = (event: RuntimeChangeEvent): void => {
    const { decision } = event;
    if (decision?.source === 'local' && decision.method === 'placeholder') this.announce(this.runtime.strings.saved);
    this.requestUpdate();
    event.waitUntil(this.updateComplete);
  };

  /** The runtime asks for the banner or the dialog. */
  private readonly handleOpen = (request: OpenRequestEvent): void => {
    if (request.what === 'banner') this.showBanner();
    else request.respondWith(this.showPreferences());
  };
}
