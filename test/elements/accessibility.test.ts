import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CookieConsentPlaceholder } from '../../src/elements/placeholder/placeholder.js';
import { defineCookieConsent } from '../../src/define.js';
import type { CookieConsentElement } from '../../src/elements/cookie-consent/cookie-consent.js';
import { pageRuntime } from '../../src/runtime/page-runtime.js';
import { baseConfig, part, resetPage, widget } from '../helpers.js';
import { emulateMedia } from '../emulate-media.js';
import { contrast, deepActive, expectFocusOn, nameOf, over } from './page-helpers.js';

/** A held embed, as a page writes it; the blocker puts a placeholder in its place. */
async function heldEmbed(): Promise<CookieConsentPlaceholder> {
  await fixture(html`<iframe data-category="analytics" data-src="about:blank" data-provider="YouTube" title="Product video" width="400" height="225"></iframe>`);
  const placeholder = document.querySelector('cookie-consent-placeholder') as CookieConsentPlaceholder;
  expect(placeholder !== null, 'the blocker put a placeholder in').to.equal(true);
  await placeholder.updateComplete;
  return placeholder;
}

/** A page with a control before the widget and a link after it, to walk through with Tab. */
async function widgetInPage(): Promise<{ element: CookieConsentElement; before: HTMLElement; after: HTMLElement }> {
  defineCookieConsent();
  const runtime = pageRuntime();
  const page = await fixture(html`<div>
    <button id="before">Search</button>
    <cookie-consent .config=${baseConfig}></cookie-consent>
    <a id="after" href="#main">Main content</a>
  </div>`);
  const element = page.querySelector('cookie-consent')!;
  await runtime.ready;
  await element.updateComplete;
  return { element, before: page.querySelector('#before')!, after: page.querySelector('#after')! };
}

/** Presses Tab (or Shift+Tab) until `matches` holds for the focused element; fails after `limit` presses. */
async function tabTo(matches: (active: HTMLElement | null) => boolean, { backwards = false, limit = 20 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (backwards) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (backwards) await sendKeys({ up: 'Shift' });
    if (matches(deepActive())) return;
  }
  throw new Error(`not reached with ${limit} presses of Tab; focus is on ${nameOf(deepActive())}`);
}

const action = (name: string) => (active: HTMLElement | null) => active?.dataset.action === name;

/** Puts the browser in keyboard modality, so programmatic focus shows :focus-visible. */
const keyboardModality = () => sendKeys({ press: 'Shift' });

describe('<cookie-consent> accessibility', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    resetPage();
    document.documentElement.style.colorScheme = '';
    await emulateMedia({});
  });

  describe('contrast of the tokens, computed', () => {
    for (const scheme of ['light', 'dark'] as const) {
      it(`is at least 4.5:1 for text and 3:1 for focus rings and switch states (${scheme})`, async () => {
        // A page that offers both schemes, so the visitor's preference decides.
        document.documentElement.style.colorScheme = 'light dark';
        await emulateMedia({ colorScheme: scheme });
        const { element } = await widget();
        const placeholder = await heldEmbed();
        await element.showPreferences();
        const root = element.shadowRoot!;
        const style = (selector: string, pseudo?: string) => getComputedStyle(root.querySelector(selector)!, pseudo);
        const banner = style('.banner').backgroundColor;
        const dialog = style('dialog').backgroundColor;
        expect(banner, 'the dark theme is in use').to.equal(scheme === 'dark' ? 'rgb(28, 28, 30)' : 'rgb(255, 255, 255)');
        const text: Array<[string, string, string]> = [
          ['banner text', style('.banner p').color, banner],
          ['banner link', style('.banner a').color, banner],
          ['banner button', style('.banner [data-action="reject"]').color, style('.banner [data-action="reject"]').backgroundColor],
          ['dialog text', style('dialog p').color, dialog],
          ['dialog link', style('dialog a').color, dialog],
          ['cookie table summary', style('summary').color, dialog],
          ['switch state text', style('.state').color, dialog],
          ['muted note', style('.muted').color, dialog],
          ['close button', style('.close').color, dialog],
          ['dialog button', style('dialog [data-action="save"]').color, style('dialog [data-action="save"]').backgroundColor],
        ];
        const placeholderRoot = placeholder.shadowRoot!;
        const placeholderBg = getComputedStyle(placeholder).backgroundColor;
        text.push(['placeholder text', getComputedStyle(placeholderRoot.querySelector('p')!).color, placeholderBg]);
        const [allow, settings] = placeholderRoot.querySelectorAll('button');
        text.push(['placeholder allow', getComputedStyle(allow).color, getComputedStyle(allow).backgroundColor]);
        text.push(['placeholder settings', getComputedStyle(settings).color, placeholderBg]);

        const off = root.querySelector<HTMLInputElement>('#cc-switch-analytics')!;
        const on = root.querySelector<HTMLInputElement>('#cc-switch-necessary')!;
        expect([off.checked, on.checked]).to.deep.equal([false, true]);
        await keyboardModality();
        off.focus();
        expect(off.matches(':focus-visible')).to.equal(true);
        const nonText: Array<[string, string, string]> = [
          ['focus ring', getComputedStyle(off).outlineColor, dialog],
          ['switch off: track edge', getComputedStyle(off).borderTopColor, dialog],
          ['switch off: knob', getComputedStyle(off, '::before').backgroundColor, getComputedStyle(off).backgroundColor],
          ['switch on: track', getComputedStyle(on).backgroundColor, dialog],
          ['switch on: knob', getComputedStyle(on, '::before').backgroundColor, getComputedStyle(on).backgroundColor],
          ['button edge', style('dialog [data-action="reject"]').borderTopColor, dialog],
        ];
        part(element, 'dialog [data-action="reject"]').click();
        await element.updateComplete;
        const floating = part(element, '.floating');
        await keyboardModality();
        floating.focus();
        text.push(['settings button', getComputedStyle(floating).color, getComputedStyle(floating).backgroundColor]);
        nonText.push(['settings button focus ring', getComputedStyle(floating).outlineColor, getComputedStyle(floating).backgroundColor]);
        await keyboardModality();
        allow.focus();
        nonText.push(['placeholder focus ring', getComputedStyle(allow).outlineColor, placeholderBg]);

        const failures = [
          ...text.filter(([, fg, bg]) => contrast(fg, bg) < 4.5).map(([name, fg, bg]) => `${name}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`),
          ...nonText.filter(([, fg, bg]) => contrast(fg, bg) < 3).map(([name, fg, bg]) => `${name}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`),
        ];
        expect(failures).to.deep.equal([]);
      });
    }
  });

  describe('targets', () => {
    it('makes every button, switch, link and summary at least 24 by 24 CSS pixels', async () => {
      const { element } = await widget();
      const placeholder = await heldEmbed();
      const small: string[] = [];
      const measure = (root: ParentNode, where: string) => {
        const targets = [...root.querySelectorAll<HTMLElement>('button, [role="switch"], a, summary')];
        expect(targets, where).not.to.be.empty;
        for (const target of targets) {
          const { width, height } = target.getBoundingClientRect();
          if (width < 24 || height < 24) small.push(`${where}: ${target.outerHTML.slice(0, 60)} is ${width}×${height}`);
        }
      };
      measure(part(element, '.banner'), 'banner');
      measure(placeholder.shadowRoot!, 'placeholder');
      await element.showPreferences();
      for (const details of element.shadowRoot!.querySelectorAll('details')) details.open = true;
      measure(part(element, 'dialog'), 'dialog');
      part(element, 'dialog [data-action="accept"]').click();
      await element.updateComplete;
      measure(element.shadowRoot!, 'settings button');
      expect(small).to.deep.equal([]);
    });
  });

  describe('switches', () => {
    it('are role="switch" with a visible label and an On/Off text, not colour alone', async () => {
      // Without motion the knob's computed position is its end position at once.
      await emulateMedia({ reducedMotion: 'reduce' });
      const { element } = await widget();
      await element.showPreferences();
      const root = element.shadowRoot!;
      const analytics = part<HTMLInputElement>(element, '#cc-switch-analytics');
      expect(analytics.getAttribute('role')).to.equal('switch');
      const label = root.querySelector<HTMLLabelElement>('label[for="cc-switch-analytics"]')!;
      expect(label.textContent).to.equal('Analytics');
      expect(label.getBoundingClientRect().width).to.be.above(0);
      const state = () => analytics.nextElementSibling!.textContent;
      const knob = () => parseFloat(getComputedStyle(analytics, '::before').left);
      const [offText, offKnob] = [state(), knob()];
      analytics.click();
      await element.updateComplete;
      expect([offText, state()]).to.deep.equal(['Off', 'On']);
      expect(knob(), 'the knob moves to the other end').to.be.above(offKnob + 10);
      expect(part(element, '#cc-switch-necessary + .state').textContent).to.equal('Always on');
    });
  });

  describe('banner', () => {
    it('is a region labelled by its heading', async () => {
      const { element } = await widget();
      const banner = part(element, '.banner');
      expect(banner.getAttribute('role')).to.equal('region');
      expect(element.shadowRoot!.getElementById(banner.getAttribute('aria-labelledby')!)!.textContent).to.equal('Cookies on this site');
    });

    it('does not trap focus: Tab from its last button goes on into the page', async () => {
      const { element, after } = await widgetInPage();
      part(element, '.banner [data-action="manage"]').focus();
      await sendKeys({ press: 'Tab' });
      expectFocusOn(after);
    });

    it('keeps focus in the widget after a keyboard decision, on the settings button', async () => {
      const { element } = await widget();
      part(element, '.banner [data-action="reject"]').focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expectFocusOn(part(element, '.floating'));
    });
  });

  describe('preferences dialog', () => {
    it('wraps Tab from the last control to the first, and Shift+Tab from the first to the last', async () => {
      const { element } = await widget();
      await element.showPreferences();
      const close = part(element, 'dialog .close');
      const last = part(element, 'dialog .actions button:last-child');
      expectFocusOn(close, 'focus moves in on open');
      last.focus();
      await sendKeys({ press: 'Tab' });
      expectFocusOn(close);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expectFocusOn(last);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expectFocusOn(part(element, 'dialog [data-action="reject"]'), 'Shift+Tab inside still moves back');
    });

    it('names the × button, and shows its focus ring only when opened from the keyboard', async () => {
      const { element } = await widget();
      const manage = part(element, '.banner [data-action="manage"]');
      const { x, y, width, height } = manage.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
      await resetMouse();
      await element.updateComplete;
      const close = part(element, 'dialog .close');
      expect(close.getAttribute('aria-label')).to.equal('Close');
      expectFocusOn(close);
      expect(close.matches(':focus-visible'), 'opened by mouse').to.equal(false);
      expect(getComputedStyle(close).outlineStyle).to.equal('none');
      const closed = oneEvent(part(element, 'dialog'), 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      await element.updateComplete;
      expectFocusOn(manage);
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      const reopenedClose = part(element, 'dialog .close');
      expectFocusOn(reopenedClose);
      expect(reopenedClose.matches(':focus-visible'), 'opened by keyboard').to.equal(true);
      expect(getComputedStyle(reopenedClose).outlineStyle).to.equal('solid');
    });

    it('Esc from a dialog opened by the settings button closes it, grants nothing and returns focus', async () => {
      const { element, runtime } = await widget();
      part(element, '.banner [data-action="reject"]').click();
      await element.updateComplete;
      const floating = part(element, '.floating');
      floating.focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(part<HTMLDialogElement>(element, 'dialog').open).to.equal(true);
      part<HTMLInputElement>(element, '#cc-switch-analytics').click();
      const closed = oneEvent(part(element, 'dialog'), 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      await element.updateComplete;
      expect(runtime.hasConsent('analytics')).to.equal(false);
      expectFocusOn(floating);
    });
  });

  describe('status message', () => {
    it('announces a save through role="status"', async () => {
      const { element } = await widget();
      const status = part(element, '[role="status"]');
      expect(status.textContent!.trim()).to.equal('');
      await element.showPreferences();
      part(element, 'dialog [data-action="save"]').click();
      await element.updateComplete;
      expect(status.textContent!.trim()).to.equal('Your cookie choices have been saved.');
    });

    it('changes its text for a second save, so it is announced again', async () => {
      const { element } = await widget();
      part(element, '.banner [data-action="reject"]').click();
      await element.updateComplete;
      const first = part(element, '[role="status"]').textContent;
      await element.showPreferences();
      part(element, 'dialog [data-action="save"]').click();
      await element.updateComplete;
      const second = part(element, '[role="status"]').textContent;
      expect(second).not.to.equal(first);
      expect(second!.trim()).to.equal(first!.trim());
    });
  });

  describe('keyboard alone', () => {
    it('Tab reaches the banner first, then Enter on Accept all grants everything', async () => {
      const { element, before } = await widgetInPage();
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(part(element, '.banner').contains(deepActive()), 'the banner comes next in the tab order').to.equal(true);
      await tabTo(action('accept'));
      const changed = oneEvent(element, 'cookie-consent-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.categories).to.deep.equal({ necessary: true, preferences: true, analytics: true, advertising: true });
    });

    it('Space on Reject all grants nothing optional', async () => {
      const { element, before } = await widgetInPage();
      before.focus();
      await tabTo(action('reject'));
      const changed = oneEvent(element, 'cookie-consent-change');
      await sendKeys({ press: 'Space' });
      expect((await changed).detail.categories).to.deep.equal({ necessary: true, preferences: false, analytics: false, advertising: false });
    });

    it('Manage → a switch → Save, with Tab, Space and Enter', async () => {
      const { element, before } = await widgetInPage();
      before.focus();
      await tabTo(action('manage'));
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      await tabTo((active) => active?.id === 'cc-switch-advertising');
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      await tabTo(action('save'));
      const changed = oneEvent(element, 'cookie-consent-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.categories).to.deep.equal({ necessary: true, preferences: false, analytics: false, advertising: true });
      await element.updateComplete;
      expect(part<HTMLDialogElement>(element, 'dialog').open).to.equal(false);
      expect(part(element, '[role="status"]').textContent).to.contain('saved');
    });

    it('allows a blocked embed from its placeholder', async () => {
      const { element, runtime } = await widget();
      const placeholder = await heldEmbed();
      part(element, '.banner [data-action="manage"]').focus();
      await tabTo((active) => active?.getRootNode() === placeholder.shadowRoot && active.getAttribute('part') === 'allow');
      const changed = oneEvent(element, 'cookie-consent-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.categories.analytics).to.equal(true);
      expect(runtime.hasConsent('advertising')).to.equal(false);
      expect(document.querySelector('cookie-consent-placeholder') === null, 'the embed is back').to.equal(true);
      await element.updateComplete;
      expect(part(element, '[role="status"]').textContent).to.contain('saved');
    });

    it('opens the preferences from a placeholder’s settings button, and returns focus to it', async () => {
      const { element } = await widget();
      const placeholder = await heldEmbed();
      const settings = placeholder.shadowRoot!.querySelector<HTMLElement>('[part="settings"]')!;
      settings.focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(part<HTMLDialogElement>(element, 'dialog').open).to.equal(true);
      const closed = oneEvent(part(element, 'dialog'), 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      await element.updateComplete;
      expectFocusOn(settings);
    });
  });

  describe('motion and forced colours', () => {
    it('moves the switch knob without animation when reduced motion is preferred', async () => {
      const { element } = await widget();
      await element.showPreferences();
      const knobTransition = () => getComputedStyle(part(element, '#cc-switch-analytics'), '::before').transitionDuration;
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(knobTransition()).to.equal('0.15s');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(knobTransition()).to.equal('0s');
    });

    it('keeps the switch states and the banner and dialog edges visible in forced colours', async () => {
      const { element } = await widget();
      await emulateMedia({ forcedColors: 'active' });
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
      const edge = (selector: string) => {
        const style = getComputedStyle(part(element, selector));
        return `${style.borderBottomStyle} ${style.borderBottomWidth}`;
      };
      expect(edge('.banner'), 'banner edge').to.equal('solid 2px');
      await element.showPreferences();
      expect(edge('dialog'), 'dialog edge').to.equal('solid 2px');
      const on = part(element, '#cc-switch-necessary');
      const off = part(element, '#cc-switch-analytics');
      expect(getComputedStyle(on).backgroundColor, 'on and off tracks differ').not.to.equal(getComputedStyle(off).backgroundColor);
      // Chromium's forced-colours Highlight is translucent: painted over the dialog's Canvas, as on screen.
      const canvas = getComputedStyle(part(element, 'dialog')).backgroundColor;
      for (const input of [on, off]) {
        const [knob, track] = [getComputedStyle(input, '::before').backgroundColor, getComputedStyle(input).backgroundColor];
        expect(contrast(over(knob, canvas), over(track, canvas)), `knob on the track of ${input.id}`).to.be.at.least(3);
      }
    });
  });
});
