import type { ConsentRuntime } from '../../consent-runtime.js';
import { hostElement } from '../../page/host-element.js';
import { languageChain } from '../../i18n/strings.js';
import { ownValue } from '../../core/own-property.js';
import { pageScheme } from '../page-scheme.js';
import { BUTTON_LOOK, CONTROLS, HOST, SETTINGS_BUTTON, TOKENS } from '../theme.css.js';

/** The few strings this view shows, in English unless the config's `texts` gives the page's language its own. */
const ENGLISH = {
  settings: 'Cookie settings',
  title: 'Cookies on this site',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  privacyPolicy: 'Privacy policy',
};

const STYLES = `${HOST}${TOKENS}${BUTTON_LOOK}${CONTROLS}${SETTINGS_BUTTON}
.banner{position:fixed;z-index:var(--_cc-z);inset:auto 0 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:var(--_cc-space);background:var(--_cc-bg);box-shadow:var(--_cc-shadow)}
h2{margin:0;font-size:1.125em}a{color:var(--_cc-link)}.banner div{display:grid;grid:auto/auto-flow 1fr;gap:.5rem}`;

/**
 * What `<cookie-consent>` shows before the interface defines it, as plain DOM in its shadow root:
 * the "Cookie settings" button after a decision, on every page view of a returning visitor. When
 * the interface file cannot be fetched, it also stands in for the banner, so a visitor can still
 * accept or reject everything and change a past decision. The interface's element takes over the
 * shadow root when it is defined.
 */
export class FallbackView {
  /** The visitor asked for the banner (settings, `show()`) and the interface could not be loaded. */
  private bannerRequested = false;

  constructor(private readonly runtime: ConsentRuntime) {
    runtime.addEventListener('change', () => void this.render());
    runtime.addEventListener('show-banner', () => {
      this.bannerRequested = true;
      void this.render();
    });
  }

  private text(key: keyof typeof ENGLISH): string {
    const texts = (this.runtime.raw?.texts ?? {}) as Record<string, Record<string, string> | undefined>;
    for (const tag of languageChain(document.documentElement.lang || navigator.language)) {
      const text = ownValue(ownValue(texts, tag), key);
      if (typeof text === 'string') return text;
    }
    return ENGLISH[key];
  }

  private async render(): Promise<void> {
    const { runtime } = this;
    const banner = runtime.interfaceFailed && (runtime.needsDecision || this.bannerRequested);
    const ui = runtime.raw?.ui as { floatingButton?: unknown; theme?: unknown } | undefined;
    const button = !banner && !!runtime.record && ui?.floatingButton !== false;
    if (customElements.get('cookie-consent') || (!banner && !button && !document.querySelector('cookie-consent'))) return;
    const host = await hostElement();
    // The interface may have arrived meanwhile: its element draws from now on.
    if (customElements.get('cookie-consent')) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    root.replaceChildren();
    if (!banner && !button) return;
    host.setAttribute('scheme', ui?.theme === 'dark' || ui?.theme === 'light' ? ui.theme : pageScheme());
    const make = (tag: string, text = '', part = '', onClick?: () => void): HTMLElement => {
      const element = document.createElement(tag);
      element.textContent = text;
      if (part) element.setAttribute('part', element.className = part);
      if (onClick) element.onclick = onClick;
      return element;
    };
    const style = make('style', STYLES);
    if (button) {
      const settings = make('button', this.text('settings'), 'floating-button', () => void runtime.open('preferences'));
      settings.className = 'floating';
      return root.replaceChildren(style, settings);
    }
    const decide = (accept: boolean) => () => {
      this.bannerRequested = false;
      if (accept) runtime.acceptAll('banner');
      else runtime.rejectAll('banner');
    };
    const section = make('section', '', 'banner');
    section.setAttribute('role', 'region');
    section.setAttribute('aria-label', this.text('title'));
    const { policyUrl } = runtime.config.provider;
    const actions = make('div');
    // Accept only where there is something to accept; reject is always there.
    if (runtime.choices().length) actions.append(make('button', this.text('acceptAll'), 'button', decide(true)));
    actions.append(make('button', this.text('rejectAll'), 'button', decide(false)));
    section.append(make('h2', this.text('title')));
    if (policyUrl) section.append(Object.assign(make('a', this.text('privacyPolicy'), 'link'), { href: policyUrl }));
    section.append(actions);
    root.replaceChildren(style, section);
  }
}
