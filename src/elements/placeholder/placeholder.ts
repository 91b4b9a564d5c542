import { LitElement, css, html, nothing } from 'lit';
import { enGB, type Strings } from '../../i18n/en-GB.js';
import { categoryText, format } from '../../i18n/strings.js';
import { ColorSchemeController } from '../color-scheme.js';
import { buttonLook, tokens } from '../theme.styles.js';

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
    choices: { attribute: false },
  };

  /*
   * The widget's tokens and colour scheme (theme.styles.ts, color-scheme.ts). The host is a size
   * container, sized by the blocker to the embed's box: smaller frames get a compact layout, down
   * to 200 by 100 CSS pixels with nothing clipped.
   */
  static override styles = [
    tokens,
    buttonLook,
    css`
      :host {
        display: inline-block;
        box-sizing: border-box;
        container-type: size;
        /* A size container takes no height from its content: an embed styled height:auto would collapse. */
        min-height: 100px;
        overflow: auto;
        vertical-align: top;
        border: 1px solid var(--_cc-border);
        border-radius: var(--_cc-radius);
        /* A tint of the banner's background, so the frame shows on a page of the same colour. */
        background: color-mix(in srgb, var(--_cc-fg) 6%, var(--_cc-bg));
      }
      [part='base'] {
        box-sizing: border-box;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        justify-content: center;
        min-height: 100%;
        padding: 0.75rem;
        font-size: 0.875em;
        line-height: 1.4;
        text-align: center;
      }
      p {
        margin: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: center;
      }
      button {
        min-height: 2rem;
        padding: 0.25rem 0.75rem;
      }
      button + button {
        background: transparent;
        color: inherit;
      }
      :focus-visible {
        outline: 3px solid var(--_cc-focus);
        outline-offset: 2px;
      }
      /* The text repeats what the allow button says: the first thing to go when height is short. */
      @container (height < 11rem) {
        p {
          display: none;
        }
      }
      @container (height < 8rem) or (width < 15rem) {
        [part='base'] {
          gap: 0.25rem;
          padding: 0.25rem 0.5rem;
          font-size: 0.8125em;
          line-height: 1.25;
        }
        .actions {
          gap: 0.25rem;
        }
        button {
          min-height: 1.5rem;
          padding: 0 0.5rem;
        }
      }
      /* One line of title; the region's label still names the provider in full. */
      @container (height < 8rem) {
        strong {
          overflow: hidden;
          text-overflow: ellipsis;
          white-space: nowrap;
        }
      }
      @media (forced-colors: active) {
        button {
          border-color: ButtonText;
        }
      }
    `,
  ];

  /** Who serves the blocked content: the embed's data-provider or title, else its host. */
  declare provider: string;
  /** The category ids it needs, space-separated as in `data-category`. */
  declare category: string;
  /** The service it needs too, as in `data-service`; empty for none. */
  declare service: string;
  declare strings: Strings;
  /** The categories a visitor can grant; unset until known. A button that could not work is not shown. */
  declare choices?: readonly string[];

  constructor() {
    super();
    new ColorSchemeController(this);
    this.provider = '';
    this.category = '';
    this.service = '';
    this.strings = enGB;
  }

  /** The category ids, split as the blocker splits `data-category`. */
  private get categories(): string[] {
    return this.category.split(/\s+/).filter(Boolean);
  }

  override render() {
    const { strings, choices, categories } = this;
    const category = categories.map((id) => categoryText(strings, id).title).join(', ');
    const title = format(strings.blockedTitle, { provider: this.provider });
    const allow = !choices || categories.every((id) => choices.includes(id));
    return html`<div role="region" aria-label=${title} part="base">
      <strong part="title">${title}</strong>
      <p>${format(strings.blockedText, { category })}</p>
      <div class="actions">
        ${allow ? html`<button type="button" part="allow" @click=${this.handleAllow}>${format(strings.blockedAllow, { category })}</button>` : nothing}
        ${choices?.length === 0 ? nothing : html`<button type="button" part="settings" data-cookie-consent="preferences">${strings.settings}</button>`}
      </div>
    </div>`;
  }

  private handleAllow() {
    const { categories } = this;
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
