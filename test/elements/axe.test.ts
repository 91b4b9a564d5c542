import { expect, fixture, html } from '@open-wc/testing';
import type { CookieConsentPlaceholder } from '../../src/elements/placeholder/placeholder.js';
import { has, part, resetPage, widget } from '../helpers.js';
import { emulateMedia } from '../emulate-media.js';
import { pageInLanguage, resetLanguage } from './page-helpers.js';

/**
 * axe in every state the visitor can meet, in both colour schemes and in English and Welsh:
 * the banner (with a blocked embed's placeholder on the page), the preferences dialog with every
 * cookie table open, and the settings button after a decision.
 */
describe('<cookie-consent> passes axe', () => {
  afterEach(async () => {
    resetPage();
    resetLanguage();
    document.documentElement.style.colorScheme = '';
    await emulateMedia({});
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [lang, language, acceptAll] of [
      ['en-GB', 'en-GB', 'Accept all'],
      ['cy-GB', 'cy', 'Derbyn y cyfan'],
    ]) {
      it(`in every state (${scheme}, ${lang})`, async () => {
        // A page that offers both schemes, so the visitor's preference decides.
        document.documentElement.style.colorScheme = 'light dark';
        await emulateMedia({ colorScheme: scheme });
        pageInLanguage(lang);
        const { element, runtime } = await widget();
        expect(runtime.language).to.equal(language);
        expect(part(element, '.banner [data-action="accept"]').textContent!.trim()).to.equal(acceptAll);
        expect(getComputedStyle(part(element, '.banner')).backgroundColor).to.equal(scheme === 'dark' ? 'rgb(28, 28, 30)' : 'rgb(255, 255, 255)');

        await fixture(html`<iframe data-category="analytics" data-src="about:blank" data-provider="YouTube" title="Product video"></iframe>`);
        const placeholder = document.querySelector('cookie-consent-placeholder') as CookieConsentPlaceholder;
        await placeholder.updateComplete;
        await expect(element, 'banner').to.be.accessible();
        await expect(placeholder, 'placeholder').to.be.accessible();

        await element.showPreferences();
        for (const details of element.shadowRoot!.querySelectorAll('details')) details.open = true;
        await expect(element, 'preferences dialog').to.be.accessible();

        part(element, 'dialog [data-action="reject"]').click();
        await element.updateComplete;
        expect(has(element.shadowRoot!, '.floating'), 'settings button shown').to.equal(true);
        await expect(element, 'settings button').to.be.accessible();
      });
    }
  }
});
