import { html, nothing, render, type TemplateResult } from 'lit';
import type { CategoryConfig, CookieDeclaration } from '../../core/config/config-types.js';
import type { PreferencesContent, PreferencesHost } from '../../runtime/consent-runtime.js';
import type { Grants } from '../../page/blocker.js';
import { classifyCookie } from '../../core/classify.js';
import { categoryText, format, plural } from '../../i18n/strings.js';
import { preferencesStyles } from './preferences-panel.styles.js';

/** "^_ga_.*" → "_ga_…": a pattern as a visitor can read it. */
const readableName = (cookie: CookieDeclaration) =>
  cookie.name ?? cookie.pattern!.replace(/^\^|\$$/g, '').replace(/\.[*+]|\[.*?\][*+]?|\\d[*+]?/g, '…').replace(/\\(.)/g, '$1');

/**
 * The preferences dialog's content: a switch per category and service, each category's cookie
 * table, and save / reject / accept. Part of the interface, which the page loads when the browser is
 * idle after the banner, or when the dialog first opens. The `<dialog>` itself belongs to
 * `<cookie-consent>`, which draws it without Lit; this draws into it.
 */
export class PreferencesPanel implements PreferencesContent {
  readonly styles = preferencesStyles.styleSheet!;

  /** The switches before they are saved. */
  private draft: Grants = { categories: {}, services: {} };

  constructor(
    private readonly view: PreferencesHost,
    private readonly dialog: HTMLDialogElement,
  ) {}

  /** Starts from what is granted now. */
  open(grants: Grants | null): void {
    this.setDraft({ categories: { ...grants?.categories }, services: { ...grants?.services } });
  }

  close(): void {
    render(nothing, this.dialog);
  }

  private setDraft(draft: Grants): void {
    this.draft = draft;
    render(this.render(), this.dialog);
  }

  private render(): TemplateResult {
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
        ${this.renderPolicyLinks()}
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
        ${this.renderDecisionButton('reject', strings.rejectAll)}
        ${this.renderDecisionButton('accept', strings.acceptAll)}
      </div>
    </form>`;
  }

  /** The policy links, as the banner shows them. */
  private renderPolicyLinks(): TemplateResult {
    const { strings, config } = this.view.runtime;
    const { policyUrl, cookiePolicyUrl } = config.provider;
    return html`<p class="links">
      ${policyUrl ? html`<a part="link" href=${policyUrl}>${strings.privacyPolicy}</a>` : nothing}
      ${cookiePolicyUrl && cookiePolicyUrl !== policyUrl ? html`<a part="link" href=${cookiePolicyUrl}>${strings.cookiePolicy}</a>` : nothing}
    </p>`;
  }

  /** Accept and reject are the same element with the same part and class as the banner's: neither can outweigh the other. */
  private renderDecisionButton(action: 'accept' | 'reject', label: string): TemplateResult {
    return html`<button type="button" part="button" data-action=${action} @click=${() => this.view.decide(action, 'dialog')}>${label}</button>`;
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
