import type { ConsentConfig } from '../../core/config/config-types.js';
import { declaredKinds } from '../../core/classify.js';
import type { Strings } from '../../i18n/en-GB.js';
import type { ConsentRuntime } from '../../runtime/consent-runtime.js';

/**
 * The first layer's markup: static, so no text the config or the visitor supplies is ever parsed
 * as HTML; `fillBanner` puts the strings in. Accept, reject and manage are the same element with the same
 * part and class: none can outweigh another.
 */
export const BANNER = `<section part="banner" class="banner" role="region" aria-labelledby="cc-title"><div class="text"><h2 id="cc-title"></h2><div id="cc-summary" class="summary"><p></p></div><p class="links"><button type="button" class="more" aria-controls="cc-summary"></button><a part="link" class="policy"></a><a part="link" class="cookie-policy"></a></p></div><div class="actions"><button type="button" part="button" data-action="accept"></button><button type="button" part="button" data-action="reject"></button><button type="button" part="button" data-action="manage"></button></div></section>`;
export const SHELL = `<button type="button" part="floating-button" class="floating" data-action="preferences"></button><dialog part="dialog" aria-labelledby="cc-dialog-title"></dialog><div role="status" class="visually-hidden"></div>`;

/** Puts `node` in or out of the tree at its place, before `next`. */
export function place(node: Element, present: boolean, parent: Element, next: Node | null): void {
  if (!present) node.remove();
  else if (node.parentNode !== parent) parent.insertBefore(node, next);
}

/** A policy link with its address and text, or out of the tree when the config gives no address. */
export function fillLink(link: HTMLAnchorElement, href: string | undefined, label: string, parent: Element, next: Node | null): void {
  if (href) {
    link.href = href;
    link.textContent = label;
  }
  place(link, !!href, parent, next?.parentNode === parent ? next : null);
}

/** "We use session and persistent cookies. With your consent, advertising partners set third-party cookies." */
export function kindsSentence(strings: Strings, config: ConsentConfig): string {
  const kinds = declaredKinds(config, location.hostname);
  const session = kinds.has('session');
  const persistent = kinds.has('persistent');
  const lifetimes = session && persistent ? strings.usesSessionAndPersistent : session ? strings.usesSession : persistent ? strings.usesPersistent : '';
  return kinds.has('third-party-advertising') ? `${lifetimes} ${strings.usesThirdPartyAdvertising}`.trim() : lifetimes;
}

/** The banner's pieces that change, kept while they are out of the tree. */
export type BannerParts = Record<'title' | 'summary' | 'links' | 'actions', HTMLElement> &
  Record<'more' | 'accept' | 'reject' | 'manage', HTMLButtonElement> &
  Record<'policy' | 'cookiePolicy', HTMLAnchorElement>;

/** The pieces of the banner's markup that `fillBanner` changes. */
export function bannerParts(banner: HTMLElement): BannerParts {
  const find = (selector: string) => banner.querySelector(selector) as HTMLButtonElement & HTMLAnchorElement;
  return {
    title: find('h2'),
    summary: find('.summary'),
    links: find('.links'),
    actions: find('.actions'),
    more: find('.more'),
    accept: find('[data-action="accept"]'),
    reject: find('[data-action="reject"]'),
    manage: find('[data-action="manage"]'),
    policy: find('.policy'),
    cookiePolicy: find('.cookie-policy'),
  };
}

/** The banner's text and controls, from the runtime's strings and config, as the element's view state says: the summary open, longer than it shows, and whether there is anything to choose. */
export function fillBanner(parts: BannerParts, runtime: ConsentRuntime, view: { open: boolean; clipped: boolean; canChoose: boolean }): void {
  const { strings, config, gpc } = runtime;
  const { title, summary, more, links, policy, cookiePolicy, actions, accept, reject, manage } = parts;
  title.textContent = strings.title;
  summary.classList.toggle('open', view.open);
  summary.firstElementChild!.textContent = `${strings.description} ${kindsSentence(strings, config)}`.trim();
  let notice = summary.querySelector('.gpc');
  if (gpc && config.categories.some((category) => category.saleOrSharing)) {
    notice ??= summary.appendChild(Object.assign(document.createElement('p'), { className: 'gpc' }));
    notice.textContent = strings.gpcHonoured;
  } else notice?.remove();
  more.textContent = view.open ? strings.less : strings.more;
  more.setAttribute('aria-expanded', String(view.open));
  place(more, view.clipped || view.open, links, links.firstChild);
  const { policyUrl, cookiePolicyUrl } = config.provider;
  fillLink(policy, policyUrl, strings.privacyPolicy, links, cookiePolicy);
  fillLink(cookiePolicy, cookiePolicyUrl !== policyUrl ? cookiePolicyUrl : undefined, strings.cookiePolicy, links, null);
  accept.textContent = strings.acceptAll;
  reject.textContent = strings.rejectAll;
  manage.textContent = strings.manage;
  // Accept and manage only where there is something to choose; reject is always there.
  const choices = view.canChoose;
  place(accept, choices, actions, reject);
  place(manage, choices, actions, null);
}
