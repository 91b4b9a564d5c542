import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Choices, ConsentRecord } from '../../core/consent-record.js';
import { declaredKinds } from '../../core/classify.js';
import { isRightToLeft } from '../../i18n/strings.js';
import type { Decision, DecisionMethod } from '../../core/decision.js';
import { currentRuntime } from '../../runtime-holder.js';
import { RuntimeController } from './runtime-controller.js';
import { ColorSchemeController, setTheme } from '../color-scheme.js';
import { styles } from './cookie-consent.styles.js';
import type { PreferencesPanel } from './preferences-panel.js';

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent': CookieConsentElement;
  }
  interface HTMLElementEventMap {
    /** A decision was recorded (here or in another tab); `detail` is the stored record. */
    'cookie-consent-change': CustomEvent<ConsentRecord>;
    /** The config and the stored decision are known; `detail` is the record, or null when there is none. */
    'cookie-consent-ready': CustomEvent<ConsentRecord | null>;
  }
  interface DocumentEventMap {
    'cookie-consent-change': CustomEvent<ConsentRecord>;
    'cookie-consent-ready': CustomEvent<ConsentRecord | null>;
  }
}

/** The element that has focus, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * The consent banner, the preferences dialog and the "Cookie settings" button.
 * A view over the page's consent runtime: it holds only what is on screen.
 *
 * @attr config - URL of the JSON config, or `#id` of an inline `<script type="application/json">`.
 * @fires cookie-consent-change - A decision was recorded; `detail` is the record.
 * @fires cookie-consent-ready - The stored decision is known; `detail` is the record or null.
 */
export class CookieConsentElement extends LitElement {
  static override styles = styles;
  static override properties = {
    config: {},
    bannerRequested: { state: true },
    preferencesOpen: { state: true },
    statusMessage: { state: true },
    summaryClipped: { state: true },
    summaryOpen: { state: true },
  };

  /** URL or `#id` of the config, or the config object itself (as a property). */
  config?: string | object;
  private bannerRequested = false;
  private preferencesOpen = false;
  /** The dialog's content, loaded the first time it opens. */
  private panel?: Promise<PreferencesPanel | null>;
  private loadedPanel: PreferencesPanel | null = null;
  /** Set while the dialog is being opened; `updateComplete` waits for it. */
  private opening?: Promise<void>;
  private statusMessage = '';
  private opener: HTMLElement | null = null;
  private readonly controller = new RuntimeController(this, currentRuntime());
  private bannerObserver?: ResizeObserver;
  /** The banner's summary is longer than it shows; "More" opens it. */
  private summaryClipped = false;
  private summaryOpen = false;
  private reservedSpace = false;

  constructor() {
    super();
    new ColorSchemeController(this);
  }

  private get runtime() {
    return this.controller.runtime;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.runtime.eventTarget = this;
    this.runtime.addEventListener('change', this.handleDecision);
    document.addEventListener('focusin', this.handleFocusIn);
    if (this.config !== undefined && !this.runtime.initialised) void this.runtime.init(this.config);
    // The strings and cosmetic keys come with the interface: this module is part of it, so this
    // only waits for them (in the ES module, nothing else loads it on a returning visit).
    void this.runtime.loadInterface();
  }

  /**
   * The content the page's runtime drew here before the interface was loaded (its settings button)
   * makes way for this element's own.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    this.shadowRoot?.replaceChildren();
    return super.createRenderRoot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.runtime.removeEventListener('change', this.handleDecision);
    document.removeEventListener('focusin', this.handleFocusIn);
    this.bannerObserver?.disconnect();
    this.releaseReservedSpace();
    // Placeholders follow the page again once no widget sets a theme.
    setTheme('auto');
  }

  /** Shows the first layer again, even after a decision. */
  showBanner(): void {
    this.bannerRequested = true;
  }

  /** Opens the preferences dialog with the current choices; resolves once it is open. */
  async showPreferences(): Promise<void> {
    await (this.opening ??= this.openPreferences().finally(() => (this.opening = undefined)));
    await this.updateComplete;
  }

  private async openPreferences(): Promise<void> {
    const opener = deepActiveElement();
    if (this.runtime.status === 'loading') await this.runtime.configured;
    await this.runtime.loadInterface();
    // Nothing to choose from when no config could be read: the banner offers what there is.
    if (!this.canChoose) this.bannerRequested = true;
    if (!this.canChoose || this.preferencesOpen) return;
    const panel = await this.loadPanel();
    if (!panel) return;
    panel.reset(this.runtime.grants());
    this.opener = opener;
    this.preferencesOpen = true;
  }

  /** A click on "Manage" resolves `updateComplete` only once the dialog it asked for is open. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.opening;
    // Once the config is known, the first complete update is the one with the strings.
    if (this.runtime.status !== 'loading') await this.runtime.loadInterface();
    return super.getUpdateComplete();
  }

  /**
   * The panel's code and styles, fetched once. When the file cannot be fetched the banner shows
   * instead, so the visitor can still accept or reject everything (and change a past decision).
   */
  private loadPanel(): Promise<PreferencesPanel | null> {
    return (this.panel ??= import('./preferences-panel.js').then(
      ({ PreferencesPanel }) => {
        const root = this.renderRoot as ShadowRoot;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, PreferencesPanel.styles.styleSheet!];
        return (this.loadedPanel = new PreferencesPanel(this, {
          runtime: this.runtime,
          renderPolicyLinks: () => this.renderPolicyLinks(),
          renderDecisionButton: (action, label) => this.renderDecisionButton(action, label, 'dialog'),
          save: (choices) => this.save(choices),
          close: () => this.closePreferences(),
        }));
      },
      (error: Error) => {
        // Not retried: the browser keeps a failed module fetch for the life of the page.
        console.error(`cookie-consent: could not load the preferences dialog, showing the banner instead: ${error.message}`);
        this.bannerRequested = true;
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.banner button')?.focus());
        return null;
      },
    ));
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** False when no config, or none of its categories, could be read: only refusing can be honoured. */
  private get canChoose(): boolean {
    return this.runtime.status === 'ready' || this.runtime.choices().length > 0;
  }

  private get bannerVisible(): boolean {
    return this.runtime.status !== 'loading' && (this.runtime.needsDecision || this.bannerRequested);
  }

  override render() {
    const { runtime } = this;
    const status = html`<div role="status" class="visually-hidden">${this.statusMessage}</div>`;
    if (runtime.status === 'loading' || !runtime.strings) return status;
    return html`${this.bannerVisible ? this.renderBanner() : nothing}
      ${!this.bannerVisible && runtime.record && runtime.config.ui.floatingButton
        ? html`<button part="floating-button" class="floating" data-action="preferences" @click=${this.showPreferences}>
            ${runtime.strings.settings}
          </button>`
        : nothing}
      <dialog part="dialog" aria-labelledby="cc-dialog-title" @close=${this.handleDialogClose} @keydown=${this.handleDialogKeydown}>
        ${this.preferencesOpen && this.loadedPanel ? this.loadedPanel.render() : nothing}
      </dialog>
      ${status}`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { language, config } = this.runtime;
    this.lang = language;
    this.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
    this.setAttribute('layout', config.ui.layout);
    this.setAttribute('theme', config.ui.theme);
    setTheme(config.ui.theme);
  }

  override updated(): void {
    // Opened in the same update that renders its content, so `updateComplete` means "open".
    const dialog = this.dialog;
    if (this.preferencesOpen && dialog && !dialog.open) dialog.showModal();
    const banner = this.renderRoot.querySelector<HTMLElement>('.banner');
    if (banner) {
      this.bannerObserver ??= new ResizeObserver(() => this.handleBannerResize());
      this.bannerObserver.observe(banner);
    } else {
      this.bannerObserver?.disconnect();
      this.releaseReservedSpace();
      this.summaryOpen = false;
    }
  }

  private handleBannerResize(): void {
    const summary = this.renderRoot.querySelector('.summary');
    if (summary && !this.summaryOpen) this.summaryClipped = summary.scrollHeight > summary.clientHeight;
    this.reserveSpace();
  }

  /**
   * Keeps page content clear of the bottom banner, so it never hides the element that has focus
   * (WCAG 2.2, 2.4.11 Focus Not Obscured): room at the end of the page and scroll padding for focus.
   */
  private reserveSpace(): void {
    const banner = this.renderRoot.querySelector<HTMLElement>('.banner');
    if (!banner || this.runtime.config.ui.layout === 'center') return;
    // From the banner's top edge to the bottom of the viewport: the box layout floats above it.
    const height = `${Math.ceil(innerHeight - banner.getBoundingClientRect().top)}px`;
    document.documentElement.style.scrollPaddingBottom = height;
    document.body.style.paddingBottom = height;
    this.reservedSpace = true;
  }

  private releaseReservedSpace(): void {
    if (!this.reservedSpace) return;
    document.documentElement.style.scrollPaddingBottom = '';
    document.body.style.paddingBottom = '';
    this.reservedSpace = false;
  }

  private renderBanner(): TemplateResult {
    const { strings, config, gpc } = this.runtime;
    const choices = this.canChoose;
    return html`<section part="banner" class="banner" role="region" aria-labelledby="cc-title">
      <div class="text">
        <h2 id="cc-title">${strings.title}</h2>
        <div id="cc-summary" class="summary ${this.summaryOpen ? 'open' : ''}">
          <p>${strings.description} ${this.kindsSentence()}</p>
          ${gpc && config.categories.some((category) => category.saleOrSharing) ? html`<p class="gpc">${strings.gpcHonoured}</p>` : nothing}
        </div>
        ${this.renderPolicyLinks(
          this.summaryClipped || this.summaryOpen
            ? html`<button type="button" class="more" aria-controls="cc-summary" aria-expanded=${this.summaryOpen} @click=${() => (this.summaryOpen = !this.summaryOpen)}>${this.summaryOpen ? strings.less : strings.more}</button>`
            : nothing,
        )}
      </div>
      <div class="actions">
        ${choices ? this.renderDecisionButton('accept', strings.acceptAll, 'banner') : nothing}
        ${this.renderDecisionButton('reject', strings.rejectAll, 'banner')}
        ${choices ? html`<button part="button" data-action="manage" @click=${this.showPreferences}>${strings.manage}</button>` : nothing}
      </div>
    </section>`;
  }

  /** "We use session and persistent cookies. With your consent, advertising partners set third-party cookies." */
  private kindsSentence(): string {
    const { strings, config } = this.runtime;
    const kinds = declaredKinds(config, location.hostname);
    const session = kinds.has('session');
    const persistent = kinds.has('persistent');
    const lifetimes = session && persistent ? strings.usesSessionAndPersistent : session ? strings.usesSession : persistent ? strings.usesPersistent : '';
    return kinds.has('third-party-advertising') ? `${lifetimes} ${strings.usesThirdPartyAdvertising}`.trim() : lifetimes;
  }

  /** The policy links, after `first` (the banner's "More"). */
  private renderPolicyLinks(first: TemplateResult | typeof nothing = nothing): TemplateResult {
    const { strings, config } = this.runtime;
    return html`<p class="links">
      ${first}${config.provider.policyUrl ? html`<a part="link" href=${config.provider.policyUrl}>${strings.privacyPolicy}</a>` : nothing}
      ${config.provider.cookiePolicyUrl && config.provider.cookiePolicyUrl !== config.provider.policyUrl ? html`<a part="link" href=${config.provider.cookiePolicyUrl}>${strings.cookiePolicy}</a>` : nothing}
    </p>`;
  }

  /** Accept and reject are the same element with the same part and class: neither can outweigh the other. */
  private renderDecisionButton(action: 'accept' | 'reject', label: string, method: DecisionMethod): TemplateResult {
    return html`<button type="button" part="button" data-action=${action} @click=${() => this.decide(action, method)}>${label}</button>`;
  }

  private decide(action: 'accept' | 'reject', method: DecisionMethod): void {
    if (action === 'accept') this.runtime.acceptAll(method);
    else this.runtime.rejectAll(method);
    this.finishDecision();
  }

  private save(choices: Choices): void {
    this.runtime.decide(choices, 'dialog');
    this.finishDecision();
  }

  private finishDecision(): void {
    const focusInBanner = this.renderRoot.querySelector('.banner')?.contains(this.shadowRoot!.activeElement);
    this.bannerRequested = false;
    this.announce(this.runtime.strings.saved);
    this.closePreferences();
    // The focused button goes with the banner: keep focus in the widget rather than lose it to <body>.
    if (focusInBanner) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.floating')?.focus());
  }

  /** A repeated message differs by a no-break space, so screen readers announce it again. */
  private announce(message: string): void {
    this.statusMessage = this.statusMessage === message ? `${message}\u00a0` : message;
  }

  private closePreferences(): void {
    // State first: the dialog's close event comes a task later, and an update in between must not reopen it.
    this.preferencesOpen = false;
    this.dialog?.close();
  }

  /** Esc, the close button and every decision end here: nothing is granted by closing. */
  private handleDialogClose(): void {
    this.preferencesOpen = false;
    const opener = this.opener;
    this.opener = null;
    // The opener may be gone (the banner closes with a decision): focus the settings button instead.
    void this.updateComplete.then(() => {
      const target = opener?.isConnected ? opener : this.renderRoot.querySelector<HTMLElement>('.floating');
      target?.focus();
    });
  }

  /**
   * Tab wraps inside the open dialog. The modal dialog makes the page inert, but Chromium still lets
   * Tab leave the last control for the browser's own UI (or <body> when headless) before coming back.
   */
  private handleDialogKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const buttons = this.dialog!.querySelectorAll('button');
    const [first, last] = [buttons[0], buttons[buttons.length - 1]];
    const active = this.shadowRoot!.activeElement;
    if (active !== (event.shiftKey ? first : last)) return;
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }

  /**
   * The centred banner has no page edge to make room at (see reserveSpace), so a page element that
   * gets focus under it is scrolled clear: above it, or below it when the page cannot scroll further.
   */
  private readonly handleFocusIn = ({ target }: FocusEvent): void => {
    if (target === this || this.runtime.config.ui.layout !== 'center') return;
    // Measured in the next frame: the browser scrolls a focused element into view after this event.
    requestAnimationFrame(() => {
      const box = this.renderRoot.querySelector('.banner')?.getBoundingClientRect();
      const focused = (target as Element).getBoundingClientRect();
      if (!box || focused.bottom <= box.top || focused.top >= box.bottom || focused.right <= box.left || focused.left >= box.right) return;
      const up = Math.ceil(focused.bottom - box.top);
      scrollBy(0, scrollY + innerHeight + up <= document.documentElement.scrollHeight ? up : Math.floor(focused.top - box.bottom));
    });
  };

  /** A placeholder's Allow was recorded: say so, as a click here does. */
  private readonly handleDecision = (event: Event): void => {
    const decision = (event as CustomEvent<Decision | undefined>).detail;
    if (decision?.source === 'local' && decision.method === 'placeholder') this.announce(this.runtime.strings.saved);
  };
}
