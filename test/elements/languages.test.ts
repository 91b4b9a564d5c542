import { expect } from '@open-wc/testing';
import { baseConfig, captureConsole, part, resetPage, widget } from '../helpers.js';
import { emulateMedia } from '../emulate-media.js';
import { pageInLanguage, resetLanguage } from './page-helpers.js';

const bannerButtons = (element: HTMLElement) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('.banner .actions button')];
const labels = (element: HTMLElement) => bannerButtons(element).map((button) => button.textContent!.trim());

describe('<cookie-consent> languages', () => {
  afterEach(async () => {
    resetPage();
    resetLanguage();
    await emulateMedia({});
  });

  it('follows <html lang>: a cy-GB page gets the Welsh strings', async () => {
    pageInLanguage('cy-GB');
    const { element } = await widget();
    expect([element.lang, element.dir]).to.deep.equal(['cy', 'ltr']);
    expect(part(element, '.banner h2').textContent).to.equal('Cwcis ar y wefan hon');
    expect(labels(element)).to.deep.equal(['Derbyn y cyfan', 'Gwrthod y cyfan', 'Rheoli dewisiadau']);
    await element.showPreferences();
    expect(part(element, '#cc-switch-analytics + .state').textContent).to.equal('I ffwrdd');
    expect(part(element, 'dialog .close').getAttribute('aria-label')).to.equal('Cau');
  });

  it('lets the config override any string per language, over the built-in translation', async () => {
    pageInLanguage('cy-GB');
    const { element } = await widget({
      ...baseConfig,
      texts: { cy: { title: 'Cwcis ar wefan Claranet' }, 'cy-GB': { manage: 'Dewis cwcis' }, 'en-GB': { rejectAll: 'No thanks' } },
    });
    expect(part(element, '.banner h2').textContent, 'texts.cy').to.equal('Cwcis ar wefan Claranet');
    expect(labels(element), 'texts.cy-GB, then the built-in Welsh over texts.en-GB').to.deep.equal(['Derbyn y cyfan', 'Gwrthod y cyfan', 'Dewis cwcis']);
  });

  it('falls back to British English for a language it does not have', async () => {
    pageInLanguage('tlh');
    let element!: HTMLElement;
    const warnings = await captureConsole('warn', async () => {
      ({ element } = await widget());
    });
    expect(warnings).to.deep.equal([]);
    expect([element.lang, element.dir]).to.deep.equal(['en-GB', 'ltr']);
    expect(labels(element)).to.deep.equal(['Accept all', 'Reject all', 'Manage preferences']);
  });

  describe('right to left', () => {
    it('mirrors an Arabic page: dir="rtl", buttons laid out from the right', async () => {
      pageInLanguage('ar');
      const { element, runtime } = await widget();
      expect([element.lang, element.dir]).to.deep.equal(['ar', 'rtl']);
      expect(runtime.strings.acceptAll).not.to.equal('Accept all');
      const text = part(element, '.banner .text').getBoundingClientRect();
      const buttons = bannerButtons(element).map((button) => button.getBoundingClientRect());
      expect(window.innerWidth, 'wide enough for the buttons beside the text').to.be.at.least(640);
      for (const button of buttons) expect(button.right, 'the buttons left of the text').to.be.at.most(text.left + 1);
      const heading = part(element, '.banner h2');
      const words = document.createRange();
      words.selectNodeContents(heading);
      expect(heading.getBoundingClientRect().right - words.getBoundingClientRect().right, 'the heading starts at the right').to.be.below(1);
    });

    it('mirrors the switch: the knob starts at the right and moves left', async () => {
      // Without motion the knob's computed position is its end position at once.
      await emulateMedia({ reducedMotion: 'reduce' });
      const knob = (input: HTMLElement) => {
        const style = getComputedStyle(input, '::before');
        return { left: parseFloat(style.left), right: parseFloat(style.right) };
      };
      pageInLanguage('en-GB');
      const english = await widget();
      await english.element.showPreferences();
      const ltrOff = knob(part(english.element, '#cc-switch-analytics'));
      resetPage();
      pageInLanguage('ar');
      const { element } = await widget();
      await element.showPreferences();
      const off = part(element, '#cc-switch-analytics');
      const rtlOff = knob(off);
      off.click();
      await element.updateComplete;
      const rtlOn = knob(off);
      expect(ltrOff.left, 'left to right: off at the left').to.be.below(ltrOff.right);
      expect(rtlOff.right, 'right to left: off at the right').to.be.below(rtlOff.left);
      expect(rtlOn.left, 'right to left: on at the left').to.be.below(rtlOn.right);
      expect(rtlOff.right).to.equal(ltrOff.left);
    });
  });
});
