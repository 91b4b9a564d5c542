import { expect } from '@open-wc/testing';
import type { CookieConsentElement } from '../../src/elements/cookie-consent.js';
import { baseConfig, part, resetPage, widget } from '../helpers.js';
import { emulateMedia } from '../emulate-media.js';

/** Page CSS, as a site's own stylesheet; removed after each test. */
let pageStyle: HTMLStyleElement | null = null;
function addPageCss(text: string): void {
  pageStyle ??= document.head.appendChild(document.createElement('style'));
  pageStyle.textContent += text;
}

const DECISION_BUTTONS = ['.banner [data-action="accept"]', '.banner [data-action="reject"]', '.banner [data-action="manage"]'];
const styleOf = (element: CookieConsentElement, selector: string) => getComputedStyle(part(element, selector));

describe('<cookie-consent> theming', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    resetPage();
    pageStyle?.remove();
    pageStyle = null;
    await emulateMedia({});
  });

  describe('--cc-* custom properties', () => {
    it('apply when the page sets them on the element', async () => {
      addPageCss('cookie-consent { --cc-accent: rgb(1, 2, 3); --cc-radius: 0 }');
      const { element } = await widget();
      for (const selector of DECISION_BUTTONS) {
        const style = styleOf(element, selector);
        expect([style.backgroundColor, style.borderTopLeftRadius], selector).to.deep.equal(['rgb(1, 2, 3)', '0px']);
      }
      expect(styleOf(element, '.banner a').color).to.equal('rgb(1, 2, 3)');
    });

    it('apply when the page sets them on an ancestor, such as body or :root', async () => {
      addPageCss(`:root { --cc-accent: rgb(4, 5, 6); --cc-font: Georgia, serif }
        body { --cc-space: 2rem; --cc-z-index: 7; --cc-fg: rgb(10, 20, 30) }`);
      const { element } = await widget();
      expect(styleOf(element, '.banner [data-action="reject"]').backgroundColor).to.equal('rgb(4, 5, 6)');
      const banner = styleOf(element, '.banner');
      expect([banner.fontFamily, banner.paddingTop, banner.zIndex, banner.color]).to.deep.equal(['Georgia, serif', '32px', '7', 'rgb(10, 20, 30)']);
    });

    it('set the colours of every decision button alike with --cc-button-bg and --cc-button-fg', async () => {
      addPageCss('body { --cc-button-bg: rgb(0, 80, 0); --cc-button-fg: rgb(250, 250, 250) }');
      const { element } = await widget();
      await element.showPreferences();
      for (const selector of [...DECISION_BUTTONS, 'dialog [data-action="save"]', 'dialog [data-action="reject"]', 'dialog [data-action="accept"]']) {
        const style = styleOf(element, selector);
        expect([style.backgroundColor, style.color], selector).to.deep.equal(['rgb(0, 80, 0)', 'rgb(250, 250, 250)']);
      }
    });
  });

  describe('light and dark', () => {
    it('follows prefers-color-scheme by default', async () => {
      const { element } = await widget();
      expect(element.getAttribute('theme')).to.equal('auto');
      const light = [styleOf(element, '.banner').backgroundColor, styleOf(element, '.banner').color];
      await emulateMedia({ colorScheme: 'dark' });
      const dark = [styleOf(element, '.banner').backgroundColor, styleOf(element, '.banner').color];
      expect(light).to.deep.equal(['rgb(255, 255, 255)', 'rgb(27, 27, 27)']);
      expect(dark).to.deep.equal(['rgb(28, 28, 30)', 'rgb(242, 242, 242)']);
      expect(styleOf(element, '.banner [data-action="accept"]').backgroundColor, 'dark accent').to.equal('rgb(168, 199, 250)');
    });

    it('keeps the theme the config names, whatever the visitor prefers', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const { element } = await widget({ ...baseConfig, ui: { theme: 'light' } });
      expect(element.getAttribute('theme')).to.equal('light');
      expect(styleOf(element, '.banner').backgroundColor).to.equal('rgb(255, 255, 255)');
      resetPage();
      await emulateMedia({ colorScheme: 'light' });
      const dark = await widget({ ...baseConfig, ui: { theme: 'dark' } });
      expect(styleOf(dark.element, '.banner').backgroundColor).to.equal('rgb(28, 28, 30)');
    });

    it('lets the page’s own --cc-* values win in both schemes', async () => {
      addPageCss('body { --cc-bg: rgb(250, 240, 230) }');
      const { element } = await widget();
      expect(styleOf(element, '.banner').backgroundColor).to.equal('rgb(250, 240, 230)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(styleOf(element, '.banner').backgroundColor).to.equal('rgb(250, 240, 230)');
      expect(styleOf(element, '.banner').color, 'the colours the page did not set still follow the scheme').to.equal('rgb(242, 242, 242)');
    });
  });

  describe('parts', () => {
    it('styles accept, reject and manage alike through ::part(button)', async () => {
      addPageCss('cookie-consent::part(button) { background: rgb(7, 8, 9); color: rgb(255, 255, 255); font-weight: 400; border-radius: 2px }');
      const { element } = await widget();
      const looks = DECISION_BUTTONS.map((selector) => {
        const style = styleOf(element, selector);
        return [style.backgroundColor, style.color, style.fontWeight, style.borderTopLeftRadius];
      });
      expect(looks).to.deep.equal(DECISION_BUTTONS.map(() => ['rgb(7, 8, 9)', 'rgb(255, 255, 255)', '400', '2px']));
    });

    it('gives page CSS no way to single out Reject all', async () => {
      // Structural pseudo-classes and attribute selectors are not allowed after ::part(), so these rules never match.
      addPageCss(`cookie-consent::part(button):nth-child(2) { opacity: 0.3 }
        cookie-consent::part(button)[data-action='reject'] { opacity: 0.3 }
        cookie-consent::part(button):not(:first-child) { opacity: 0.3 }`);
      const { element } = await widget();
      expect(part(element, '.banner [data-action="reject"]').getAttribute('part')).to.equal('button');
      expect(DECISION_BUTTONS.map((selector) => styleOf(element, selector).opacity)).to.deep.equal(['1', '1', '1']);
    });
  });
});
