import { LitElement, css, html } from 'lit';
import { enGB, type Strings } from '../i18n/en-GB.js';
import { categoryText, format } from '../i18n/strings.js';

/** Asks for what a held element needs: every one of `detail.categories`, and `detail.services` (its data-service). */
export type AllowEvent = CustomEvent<{ category: string; categories: string[]; services: string[] }>;

declare global {
  interface HTMLElementEventMap {
    'cookie-consent-allow': AllowEvent;
  }
  interface DocumentEventMap {
    'cookie-consent-allow': AllowEvent;
  }
}

/**
 * Stands in for a blocked embed (iframe, video) at its size: says what is blocked and which
 * consent it needs, with a button that asks for it and one that opens the preferences dialog.
 */
export class CookieConsentPlaceholder extends LitElement {
  static override properties = {
    provider: {},
    category: {},
    service: {},
    strings: { attribute: false },
  };

  static override styles = css`
    /* Fallbacks instead of :host declarations, so --cc-* set on the page (e.g. :root) are inherited. */
    :host {
      display: inline-block;
      box-sizing: border-box;
      overflow: auto;
      vertical-align: top;
      padding: 1rem;
      border-radius: var(--cc-radius, 4px);
      background: var(--cc-bg, #f3f2f1);
      color: var(--cc-fg, #0b0c0c);
      font: 0.875rem/1.4 var(--cc-font, system-ui, sans-serif);
    }
    p {
      margin: 0 0 0.5rem;
    }
    strong {
      display: block;
      margin-bottom: 0.25rem;
    }
    button {
      min-width: 24px;
      min-height: 24px;
      margin: 0.25rem 0.5rem 0 0;
      padding: 0.375rem 0.75rem;
      border: 2px solid var(--cc-accent, #1d70b8);
      border-radius: var(--cc-radius, 4px);
      background: var(--cc-accent, #1d70b8);
      color: var(--cc-accent-fg, #fff);
      font: inherit;
      cursor: pointer;
    }
    button + button {
      background: transparent;
      color: inherit;
    }
    button:focus-visible {
      outline: 3px solid var(--cc-fg, #0b0c0c);
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
    }
  `;

  /** Who serves the blocked content: the embed's data-provider or title, else its host. */
  declare provider: string;
  /** The category ids it needs, space-separated as in `data-category`. */
  declare category: string;
  /** The service it needs too, as in `data-service`; empty for none. */
  declare service: string;
  declare strings: Strings;

  constructor() {
    super();
    this.provider = '';
    this.category = '';
    this.service = '';
    this.strings = enGB;
  }

  override render() {
    const strings = this.strings;
    const category = this.category.split(' ').filter(Boolean).map((id) => categoryText(strings, id).title).join(', ');
    const title = format(strings.blockedTitle, { provider: this.provider });
    return html`<div role="region" aria-label=${title} part="base">
      <strong part="title">${title}</strong>
      <p>${format(strings.blockedText, { category })}</p>
      <button type="button" part="allow" @click=${this.handleAllow}>${format(strings.blockedAllow, { category })}</button>
      <button type="button" part="settings" data-cookie-consent="preferences">${strings.settings}</button>
    </div>`;
  }

  private handleAllow() {
    const categories = this.category.split(' ').filter(Boolean);
    this.dispatchEvent(
      new CustomEvent('cookie-consent-allow', {
        bubbles: true,
        composed: true,
        detail: { category: categories[0], categories, services: this.service ? [this.service] : [] },
      }),
    );
  }
}

/** Registers `<cookie-consent-placeholder>` once; later calls do nothing. */
export function definePlaceholder(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('cookie-consent-placeholder')) registry.define('cookie-consent-placeholder', CookieConsentPlaceholder);
}
