import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CookieConsentElement } from '../../src/elements/cookie-consent/cookie-consent.js';
import { baseConfig, clearCookies } from '../helpers.js';
import { expectFocusOn, openWidgetPage, settled, shadowOf, type PageWindow } from './page-helpers.js';

/** WCAG 1.4.12 Text Spacing, as the bookmarklet applies it. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }`;

/** Everything that scrolls sideways or clips its content, described; empty when nothing does. */
function overflows(win: PageWindow, element: CookieConsentElement): string[] {
  const problems: string[] = [];
  const root = win.document.documentElement;
  if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  for (const selector of ['.banner', 'dialog', 'dialog .body']) {
    const box = shadowOf(element).querySelector(selector);
    if (box && box.scrollWidth > box.clientWidth) problems.push(`${selector} scrolls sideways: ${box.scrollWidth} > ${box.clientWidth}`);
  }
  for (const button of shadowOf(element).querySelectorAll('button')) {
    if (button.scrollWidth > button.clientWidth || button.scrollHeight > button.clientHeight) {
      problems.push(`"${button.textContent!.trim()}" is clipped: ${button.scrollWidth}×${button.scrollHeight} in ${button.clientWidth}×${button.clientHeight}`);
    }
  }
  return problems;
}

/** The banner's overflow, then the dialog's, each while shown. */
async function overflowsInEveryState(win: PageWindow, element: CookieConsentElement): Promise<string[]> {
  await settled(element, win);
  const problems = overflows(win, element).map((problem) => `banner: ${problem}`);
  await element.showPreferences();
  for (const details of shadowOf(element).querySelectorAll('details')) details.open = true;
  await settled(element, win);
  return [...problems, ...overflows(win, element).map((problem) => `dialog: ${problem}`)];
}

describe('<cookie-consent> layout', () => {
  afterEach(clearCookies);

  describe('reflow at 320 CSS pixels (WCAG 1.4.10)', () => {
    for (const lang of ['en-GB', 'cy-GB']) {
      it(`scrolls nothing sideways and clips no button (${lang})`, async () => {
        const { win, element } = await openWidgetPage({ width: 320, height: 480, lang });
        expect(win.innerWidth).to.equal(320);
        expect(await overflowsInEveryState(win, element)).to.deep.equal([]);
      });
    }
  });

  it('clips no button text under the WCAG 1.4.12 text spacing (320 px, Welsh)', async () => {
    const { win, element } = await openWidgetPage({ width: 320, height: 480, lang: 'cy-GB' });
    const spacing = new win.CSSStyleSheet();
    spacing.replaceSync(TEXT_SPACING);
    shadowOf(element).adoptedStyleSheets = [...shadowOf(element).adoptedStyleSheets, spacing];
    win.document.adoptedStyleSheets = [spacing];
    const button = shadowOf(element).querySelector('button')!;
    expect(win.getComputedStyle(button).letterSpacing, 'the spacing applies inside the shadow root').not.to.equal('normal');
    expect(await overflowsInEveryState(win, element)).to.deep.equal([]);
  });

  it('clips nothing at 200% text size in a 640 px viewport (WCAG 1.4.4)', async () => {
    const { win, element } = await openWidgetPage({ width: 640, height: 480, setup: (doc) => (doc.documentElement.style.fontSize = '200%') });
    expect(win.getComputedStyle(shadowOf(element).querySelector('button')!).fontSize).to.equal('32px');
    expect(await overflowsInEveryState(win, element)).to.deep.equal([]);
  });

  for (const lang of ['en-GB', 'cy-GB']) {
    it(`lines every switch up in one column, whatever its state text says (${lang})`, async () => {
      const config = { ...baseConfig, categories: ['necessary', 'preferences', { id: 'analytics', services: [{ id: 'stats', name: 'Stats' }] }, 'advertising'] };
      const { win, element } = await openWidgetPage({ lang, config });
      await element.showPreferences();
      await settled(element, win);
      const switches = [...shadowOf(element).querySelectorAll<HTMLInputElement>('[role="switch"]')];
      expect(switches.map((input) => input.id)).to.include.members(['cc-switch-necessary', 'cc-switch-analytics', 'cc-service-stats']);
      const edges = switches.map((input) => Math.round(input.getBoundingClientRect().right));
      expect(new Set(edges).size, `right edges ${edges.join(', ')}`).to.equal(1);
    });
  }

  describe('focus not obscured (WCAG 2.4.11)', () => {
    /** A page long enough to scroll, whose last link sits at the very end. */
    const longPage = (doc: Document) => {
      for (let index = 0; index < 40; index++) doc.querySelector('main')!.insertAdjacentHTML('beforeend', `<p>Paragraph ${index} about phone lines.</p>`);
      doc.querySelector('main')!.insertAdjacentHTML('beforeend', '<p><a id="last" href="#contact">Contact sales</a></p>');
    };

    for (const layout of ['bar', 'box']) {
      it(`reserves room at the end of the page, so the last link is never under the ${layout} banner`, async () => {
        const { win, element } = await openWidgetPage({ config: { ...baseConfig, ui: { layout } }, setup: longPage });
        await settled(element, win);
        const banner = shadowOf(element).querySelector('.banner')!;
        const reserved = win.innerHeight - banner.getBoundingClientRect().top;
        expect(parseFloat(win.document.body.style.paddingBottom)).to.be.at.least(reserved);
        expect(parseFloat(win.document.documentElement.style.scrollPaddingBottom)).to.be.at.least(reserved);
        const last = win.document.getElementById('last')!;
        last.focus();
        expect(last.getBoundingClientRect().bottom).to.be.at.most(banner.getBoundingClientRect().top);
        win.scrollTo(0, win.document.documentElement.scrollHeight);
        expect(last.getBoundingClientRect().bottom, 'scrolled to the end').to.be.at.most(banner.getBoundingClientRect().top);
      });
    }

    it('keeps a link that Tab reaches clear of the banner', async () => {
      const { win, element } = await openWidgetPage({ setup: longPage });
      await settled(element, win);
      const banner = shadowOf(element).querySelector('.banner')!;
      const links = [...win.document.querySelectorAll('main a')] as HTMLElement[];
      links.at(-2)!.focus();
      await sendKeys({ press: 'Tab' });
      expectFocusOn(links.at(-1)!, 'focus', win.document);
      expect(links.at(-1)!.getBoundingClientRect().bottom).to.be.at.most(banner.getBoundingClientRect().top);
    });

    describe('centre layout, which has no edge to make room at', () => {
      /** A long page with a link in every paragraph, centred as the banner is. */
      const linkedPage = (doc: Document) => {
        doc.querySelector('main')!.style.textAlign = 'center';
        for (let index = 0; index < 60; index++) doc.querySelector('main')!.insertAdjacentHTML('beforeend', `<p><a href="#p${index}">Paragraph ${index}</a></p>`);
      };
      const overlaps = (a: DOMRect, b: DOMRect) => a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;

      for (const where of ['middle', 'end'] as const) {
        it(`scrolls a link that Tab moves under the banner clear of it (page ${where})`, async () => {
          const { win, element } = await openWidgetPage({ config: { ...baseConfig, ui: { layout: 'center' } }, setup: linkedPage });
          win.scrollTo(0, where === 'end' ? win.document.documentElement.scrollHeight : 200);
          await settled(element, win);
          const banner = shadowOf(element).querySelector('.banner')!;
          const links = [...win.document.querySelectorAll('main a')] as HTMLElement[];
          const under = (link: HTMLElement) => overlaps(link.getBoundingClientRect(), banner.getBoundingClientRect());
          const hidden = links.findIndex((link, index) => index > 0 && under(link) && !under(links[index - 1]));
          expect(hidden, 'a link starts under the banner').to.be.above(0);
          links[hidden - 1].focus();
          await sendKeys({ press: 'Tab' });
          expectFocusOn(links[hidden], 'focus', win.document);
          await settled(element, win);
          expect(overlaps(links[hidden].getBoundingClientRect(), banner.getBoundingClientRect())).to.equal(false);
          expect(links[hidden].getBoundingClientRect().top, 'still in view').to.be.at.least(0);
          expect(links[hidden].getBoundingClientRect().bottom).to.be.at.most(win.innerHeight);
        });
      }
    });

    it('gives the room back once the visitor has decided, when no settings button floats', async () => {
      const { win, element } = await openWidgetPage({ setup: longPage, config: { ...baseConfig, ui: { floatingButton: false } } });
      await settled(element, win);
      expect(win.document.body.style.paddingBottom).not.to.equal('');
      (shadowOf(element).querySelector('.banner [data-action="reject"]') as HTMLElement).click();
      await settled(element, win);
      expect(win.document.body.style.paddingBottom).to.equal('');
      expect(win.document.documentElement.style.scrollPaddingBottom).to.equal('');
    });

    it('keeps room at the end of the page for the settings button, so it never covers the last content', async () => {
      const { win, element } = await openWidgetPage({ setup: longPage });
      (shadowOf(element).querySelector('.banner [data-action="reject"]') as HTMLElement).click();
      await settled(element, win);
      const button = shadowOf(element).querySelector<HTMLElement>('.floating')!;
      const reserved = win.innerHeight - button.getBoundingClientRect().top;
      expect(parseFloat(win.document.body.style.paddingBottom), 'room at the end').to.be.at.least(reserved);
      win.scrollTo(0, win.document.documentElement.scrollHeight);
      const last = win.document.getElementById('last')!.getBoundingClientRect();
      expect(last.bottom, 'the last link ends above the button').to.be.at.most(button.getBoundingClientRect().top);
    });
  });

  describe('layouts', () => {
    const bannerRect = async (layout: string, lang = 'en-GB') => {
      const { win, element } = await openWidgetPage({ lang, config: { ...baseConfig, ui: { layout } } });
      expect(element.getAttribute('layout')).to.equal(layout);
      const rect = shadowOf(element).querySelector('.banner')!.getBoundingClientRect();
      const space = parseFloat(win.getComputedStyle(win.document.documentElement).fontSize);
      return { rect, width: win.document.documentElement.clientWidth, height: win.innerHeight, space };
    };

    it('bar (the default): the full width along the bottom', async () => {
      const { rect, width, height } = await bannerRect('bar');
      expect([rect.left, rect.right, rect.bottom]).to.deep.equal([0, width, height]);
      expect(rect.height).to.be.below(height / 2);
    });

    it('box: a box in the bottom corner at the inline end', async () => {
      const { rect, width, height, space } = await bannerRect('box');
      expect([rect.right, rect.bottom]).to.deep.equal([width - space, height - space]);
      expect(rect.width).to.equal(28 * space);
    });

    it('box on a right-to-left page: mirrored into the bottom left corner', async () => {
      const { rect, height, space } = await bannerRect('box', 'ar');
      expect([rect.left, rect.bottom]).to.deep.equal([space, height - space]);
    });

    it('centre: dims the page behind it, which stays readable, clickable and open to screen readers', async () => {
      const { win, element } = await openWidgetPage({ config: { ...baseConfig, ui: { layout: 'center' } } });
      await settled(element, win);
      const banner = shadowOf(element).querySelector<HTMLElement>('.banner')!;
      const shadow = win.getComputedStyle(banner).boxShadow;
      const [, alpha, spread] = shadow.match(/rgba\(0, 0, 0, ([\d.]+)\) 0px 0px 0px (\d+)px/) ?? [];
      expect(Number(spread), `a backdrop as wide as the page: ${shadow}`).to.be.at.least(Math.max(win.innerWidth, win.innerHeight));
      expect(Number(alpha), 'dimmed, not hidden').to.be.within(0.2, 0.5);
      const link = win.document.querySelector('main a')!;
      const { left, top } = link.getBoundingClientRect();
      const hit = win.document.elementFromPoint(left + 2, top + 2);
      expect(hit === link, `the page still takes clicks (the point hits ${hit?.localName})`).to.equal(true);
      expect([win.getComputedStyle(win.document.body).overflow, win.getComputedStyle(win.document.documentElement).overflow], 'no scroll lock').to.deep.equal(['visible', 'visible']);
      expect(win.document.querySelector('[inert], [aria-hidden="true"]') === null, 'nothing on the page is hidden from assistive technology').to.equal(true);
      expect(banner.getAttribute('aria-modal')).to.equal(null);
    });

    it('centre: Esc leaves the banner and the page as they were, with nothing decided', async () => {
      const { win, element } = await openWidgetPage({ config: { ...baseConfig, ui: { layout: 'center' } } });
      shadowOf(element).querySelector<HTMLElement>('.banner [data-action="reject"]')!.focus();
      await sendKeys({ press: 'Escape' });
      await settled(element, win);
      expect(shadowOf(element).querySelector('.banner') !== null, 'still asking').to.equal(true);
      expect(win.document.cookie).not.to.match(/cookie_consent|cc_/);
    });

    it('centre: a box in the middle of the viewport', async () => {
      const { rect, width, height } = await bannerRect('center');
      expect(Math.abs(rect.left + rect.width / 2 - width / 2)).to.be.at.most(1);
      expect(Math.abs(rect.top + rect.height / 2 - height / 2)).to.be.at.most(1);
      expect(rect.height).to.be.below(height);
    });
  });
});
