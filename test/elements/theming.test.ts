import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CookieConsentElement } from '../../src/elements/cookie-consent/cookie-consent.js';
import type { CookieConsentPlaceholder } from '../../src/elements/placeholder/placeholder.js';
import { baseConfig, part, resetPage, widget } from '../helpers.js';
import { contrast } from './page-helpers.js';
import { emulateMedia } from '../emulate-media.js';

/** Page CSS, as a site's own stylesheet; removed after each test. */
let pageStyle: HTMLStyleElement | null = null;
function addPageCss(text: string): void {
  pageStyle ??= document.head.appendChild(document.createElement('style'));
  pageStyle.textContent += text;
}

/**
 * Emulates the visitor's preference and waits for the page to hear of it: the change event comes in
 * a later rendering update, and the widget's listener (on an older MediaQueryList) runs first.
 */
async function prefer(colorScheme: 'light' | 'dark'): Promise<void> {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const changed = media.matches !== (colorScheme === 'dark') && new Promise((resolve) => media.addEventListener('change', resolve, { once: true }));
  await emulateMedia({ colorScheme });
  await changed;
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
    const background = (element: Element) => getComputedStyle(part(element as CookieConsentElement, '.banner')).backgroundColor;
    const LIGHT = 'rgb(255, 255, 255)';
    const DARK = 'rgb(28, 28, 30)';

    it('stays light on a page that declares no colour scheme, whatever the visitor prefers', async () => {
      await prefer('dark');
      const { element } = await widget();
      expect(element.getAttribute('theme')).to.equal('auto');
      expect([element.getAttribute('scheme'), background(element)]).to.deep.equal(['light', LIGHT]);
    });

    it('follows prefers-color-scheme on a page whose color-scheme offers both', async () => {
      addPageCss(':root { color-scheme: light dark }');
      const { element } = await widget();
      const light = [styleOf(element, '.banner').backgroundColor, styleOf(element, '.banner').color];
      await prefer('dark');
      const dark = [styleOf(element, '.banner').backgroundColor, styleOf(element, '.banner').color];
      expect(light).to.deep.equal([LIGHT, 'rgb(27, 27, 27)']);
      expect(dark).to.deep.equal([DARK, 'rgb(242, 242, 242)']);
      expect(styleOf(element, '.banner [data-action="accept"]').backgroundColor, 'dark accent').to.equal('rgb(168, 199, 250)');
    });

    it('is dark on a page whose <meta name="color-scheme"> says dark', async () => {
      const meta = document.head.appendChild(Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'dark' }));
      try {
        const { element } = await widget();
        expect(background(element)).to.equal(DARK);
      } finally {
        meta.remove();
      }
    });

    it('follows the page background, also when the page switches it', async () => {
      addPageCss('body.night { background: oklch(0.2 0.02 250) } body.paper { background: rgb(250, 248, 240) }');
      document.body.classList.add('night');
      try {
        await prefer('light');
        const { element } = await widget();
        expect(background(element), 'a dark page in a light system').to.equal(DARK);
        document.body.classList.replace('night', 'paper');
        // The attribute observer reports in a microtask.
        await Promise.resolve();
        expect(background(element), 'after the page switched to light').to.equal(LIGHT);
      } finally {
        document.body.classList.remove('night', 'paper');
      }
    });

    it('keeps the theme the config names, whatever the page and the visitor prefer', async () => {
      addPageCss(':root { color-scheme: light dark }');
      await prefer('dark');
      const { element } = await widget({ ...baseConfig, ui: { theme: 'light' } });
      expect(element.getAttribute('theme')).to.equal('light');
      expect(background(element)).to.equal(LIGHT);
      resetPage();
      await prefer('light');
      const dark = await widget({ ...baseConfig, ui: { theme: 'dark' } });
      expect(background(dark.element)).to.equal(DARK);
    });

    it('lets the page’s own --cc-* values win in both schemes', async () => {
      addPageCss(':root { color-scheme: light dark } body { --cc-bg: rgb(250, 240, 230) }');
      const { element } = await widget();
      expect(background(element)).to.equal('rgb(250, 240, 230)');
      await prefer('dark');
      expect(background(element)).to.equal('rgb(250, 240, 230)');
      expect(styleOf(element, '.banner').color, 'the colours the page did not set still follow the scheme').to.equal('rgb(242, 242, 242)');
    });

    it('keeps a page’s --cc-accent in the dark scheme, with readable text on it and links lifted to read', async () => {
      addPageCss(':root { color-scheme: light dark; --cc-accent: rgb(27, 79, 114) }');
      await prefer('dark');
      const { element } = await widget();
      const button = styleOf(element, '.banner [data-action="reject"]');
      expect(button.backgroundColor).to.equal('rgb(27, 79, 114)');
      expect(contrast(button.color, button.backgroundColor), 'button text').to.be.at.least(4.5);
      expect(contrast(styleOf(element, '.banner a').color, DARK), 'link').to.be.at.least(4.5);
    });

    it('gives a dark accent set with light-dark() to the dark scheme', async () => {
      addPageCss(':root { color-scheme: light dark; --cc-accent: light-dark(rgb(27, 79, 114), rgb(156, 195, 230)) }');
      const { element } = await widget();
      expect(styleOf(element, '.banner [data-action="reject"]').backgroundColor).to.equal('rgb(27, 79, 114)');
      await prefer('dark');
      const button = styleOf(element, '.banner [data-action="reject"]');
      expect(button.backgroundColor).to.equal('rgb(156, 195, 230)');
      expect(contrast(button.color, button.backgroundColor), 'button text').to.be.at.least(4.5);
    });

    it('dresses a blocked embed’s placeholder in the same tokens and scheme', async () => {
      addPageCss('body { --cc-accent: rgb(0, 90, 50) }');
      const { element } = await widget({ ...baseConfig, ui: { theme: 'dark' } });
      const frame = document.body.appendChild(Object.assign(document.createElement('iframe'), { title: 'Map' }));
      frame.dataset.category = 'analytics';
      frame.dataset.src = 'about:blank';
      try {
        // The blocker's observer swaps the frame for its placeholder in a microtask.
        await Promise.resolve();
        const placeholder = document.querySelector('cookie-consent-placeholder') as CookieConsentPlaceholder;
        await placeholder.updateComplete;
        expect(placeholder.getAttribute('scheme')).to.equal('dark');
        const { color, backgroundColor } = getComputedStyle(placeholder);
        expect(color, 'the banner’s dark-scheme text colour').to.equal(styleOf(element, '.banner').color);
        expect(contrast(backgroundColor, DARK), 'a tint of the banner’s dark background').to.be.below(1.5);
        const allow = getComputedStyle(placeholder.shadowRoot!.querySelector('[part="allow"]')!);
        expect(allow.backgroundColor).to.equal(styleOf(element, '.banner [data-action="accept"]').backgroundColor);
        expect(allow.backgroundColor).to.equal('rgb(0, 90, 50)');
        placeholder.remove();
      } finally {
        frame.remove();
      }
    });
  });

  describe('focus', () => {
    it('rings the focused control in the site’s accent, the dialog’s × too, not a colour of its own', async () => {
      addPageCss('body { --cc-accent: rgb(0, 90, 50) }');
      const { element } = await widget();
      await element.showPreferences();
      const close = part(element, 'dialog .close');
      await sendKeys({ press: 'Shift' });
      close.focus();
      expect(close.matches(':focus-visible')).to.equal(true);
      expect(getComputedStyle(close).outlineColor).to.equal('rgb(0, 90, 50)');
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
