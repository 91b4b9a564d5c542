import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { CategoryConfig, CookieDeclaration } from '../../core/config/config-types.js';
import type { ConsentRuntime } from '../../consent-runtime.js';
import type { Choices } from '../../core/consent-record.js';
import type { Grants } from '../../page/blocker.js';
import { categoryText, classifyCookie, format, html, nothing, plural } from './preferences-panel.shared.js';
import { preferencesStyles } from './preferences-panel.styles.js';

/** What the panel needs from the element that shows it. */
export interface PreferencesView {
  readonly runtime: ConsentRuntime;
  renderPolicyLinks(): TemplateResult;
  renderDecisionButton(action: 'accept' | 'reject', label: string): TemplateResult;
  save(choices: Choices): void;
  close(): void;
}

/** "^_ga_.*" → "_ga_…": a pattern as a visitor can read it. */
const readableName = (cookie: CookieDeclaration) =>
  cookie.name ?? cookie.pattern!.replace(/^\^|\$$/g, '').replace(/\.[*+]|\[.*?\][*+]?|\\d[*+]?/g, '…').replace(/\\(.)/g, '$1');

/**
 * The preferences dialog's content: a switch per category and service, each category's cookie
 * table, and save / reject / accept. Loaded the first time the dialog opens, so a visit that
 * only meets the banner never downloads it. The `<dialog>` itself belongs to the element.
 */
export class PreferencesPanel {
  static readonly styles = preferencesStyles;

  /** The switches before they are saved. */
  private draft: Grants = { categories: {}, services: {} };

  constructor(
    /** Re-rendered when a switch changes the draft. */
    private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>,
    private readonly view: PreferencesView,
  ) {}

  /** Starts from what is granted now. */
  reset(grants: Grants | null): void {
    this.setDraft({ categories: { ...grants?.categories }, services: { ...grants?.services } });
  }

  private setDraft(draft: Grants): void {
    this.draft = draft;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const { strings, config } = this.view.runtime;
    const contact = config.provider.contact;
    return html`<form method="dialog" @submit=${this.handleSubmit}>
      <header>
        <h2 id="cc-dialog-title">${strings.preferencesTitle}</h2>
        <button type="button" part="close-button" class="close" aria-label=${strings.close} @click=${() => this.view.close()}>×</button>
      </header>
      <div class="body">
        <p>${strings.preferencesDescription}</p>
        ${config.categories.map((category) => this.renderCategory(category))}
        ${this.view.renderPolicyLinks()}
        ${this.renderConsentId()}
        ${contact
          ? html`<address>
              <strong>${strings.contact}: ${config.provider.name}</strong>
              ${contact.email ? html`<a part="link" href="mailto:${contact.email}">${contact.email}</a>` : nothing}
              ${contact.phone ? html`<a part="link" href="tel:${contact.phone.replace(/[^\d+]/g, '')}">${contact.phone}</a>` : nothing}
              ${contact.address ? html`<span>${contact.address}</span>` : nothing}
            </address>`
          : nothing}
      </div>
      <div class="actions">
        <button part="button" data-action="save" type="submit">${strings.save}</button>
        ${this.view.renderDecisionButton('reject', strings.rejectAll)}
        ${this.view.renderDecisionButton('accept', strings.acceptAll)}
      </div>
    </form>`;
  }

  /** The visitor's own consent id, once they have decided: they can quote it to the site, which finds their records by it. */
  private renderConsentId(): TemplateResult | typeof nothing {
    const { strings, record } = this.view.runtime;
    return record ? html`<p class="muted consent-id">${format(strings.consentId, { id: record.id })}</p>` : nothing;
  }

  private renderCategory(category: CategoryConfig): TemplateResult {
    const { strings, config } = this.view.runtime;
    const { title, description } = categoryText(strings, category.id);
    const { categories, services } = this.draft;
    const checked = category.required || categories[category.id] === true;
    const cookies = config.cookies.filter((cookie) => cookie.category === category.id);
    return html`<section class="category" aria-labelledby="cc-title-${category.id}">
      <div class="category-head">
        <h3 id="cc-title-${category.id}"><label for="cc-switch-${category.id}">${title}</label></h3>
        ${this.renderSwitch(`cc-switch-${category.id}`, checked, category.required, `cc-desc-${category.id}`, (on) =>
          this.setDraft({ ...this.draft, categories: { ...this.draft.categories, [category.id]: on } }),
        )}
      </div>
      <p id="cc-desc-${category.id}">${description}</p>
      ${category.services.length
        ? html`<ul class="services" aria-label=${strings.services}>
            ${category.services.map(
              (service) => html`<li>
                <label for="cc-service-${service.id}">${service.name}</label>
                ${this.renderSwitch(
                  `cc-service-${service.id}`,
                  category.required || (checked && services[service.id] !== false),
                  category.required || !checked,
                  `cc-service-desc-${service.id}`,
                  (on) => this.setDraft({ ...this.draft, services: { ...this.draft.services, [service.id]: on } }),
                )}
                <span id="cc-service-desc-${service.id}">${[service.provider, service.purpose].filter(Boolean).join(' — ')}</span>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${cookies.length ? this.renderCookieTable(title, cookies) : html`<p class="muted">${strings.noCookies}</p>`}
    </section>`;
  }

  private renderSwitch(id: string, checked: boolean, locked: boolean, describedBy: string, onChange: (on: boolean) => void): TemplateResult {
    const { strings } = this.view.runtime;
    return html`<span class="switch">
      <input
        type="checkbox"
        role="switch"
        id=${id}
        part="switch"
        .checked=${checked}
        ?disabled=${locked}
        aria-describedby=${describedBy}
        @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
      />
      <span class="state" aria-hidden="true">${locked && checked ? strings.alwaysOn : checked ? strings.on : strings.off}</span>
    </span>`;
  }

  private renderCookieTable(categoryTitle: string, cookies: CookieDeclaration[]): TemplateResult {
    const { strings, language, config } = this.view.runtime;
    const kindLabels = { session: strings.kindSession, persistent: strings.kindPersistent, 'third-party-advertising': strings.kindThirdPartyAdvertising };
    return html`<details>
      <summary>${format(strings.cookiesIn, { category: categoryTitle })} (${cookies.length})</summary>
      <div class="table-wrap">
        <table part="table">
          <thead>
            <tr>
              <th scope="col">${strings.name}</th>
              <th scope="col">${strings.provider}</th>
              <th scope="col">${strings.purpose}</th>
              <th scope="col">${strings.duration}</th>
              <th scope="col">${strings.kind}</th>
            </tr>
          </thead>
          <tbody>
            ${cookies.map((cookie) => {
              const { duration, kind } = classifyCookie(cookie, location.hostname);
              return html`<tr>
                <th scope="row"><code>${readableName(cookie)}</code>${cookie.example ? html` <span class="badge">${strings.example}</span>` : nothing}</th>
                <td>${cookie.provider ?? (cookie.domain || config.provider.name)}</td>
                <td>${cookie.purpose ?? (cookie.name === config.consent.cookieName ? strings.consentCookiePurpose : '')}</td>
                <td>${duration ? plural(strings, language, duration.unit, duration.count) : strings.untilClose}</td>
                <td>${kindLabels[kind]}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  private readonly handleSubmit = (event: Event): void => {
    event.preventDefault();
    this.view.save(this.draft);
  };
}
