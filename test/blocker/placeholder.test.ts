import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Blocker } from '../../src/page/blocker.js';
import { CookieConsentPlaceholder, definePlaceholder } from '../../src/elements/placeholder/placeholder.js';
import { enGB } from '../../src/i18n/en-GB.js';
import type { ConsentRuntime } from '../../src/runtime/consent-runtime.js';
import { baseConfig, captureConsole, has, part, resetPage, widget } from '../helpers.js';
import { ACCEPT, HOSTS, REJECT, hitUrl, newRun } from '../page/blocker/helpers.js';

const welsh = {
  ...enGB,
  blockedTitle: 'Mae cynnwys gan {provider} wedi’i rwystro',
  blockedText: 'Mae angen eich caniatâd i gwcis {category}.',
  blockedAllow: 'Caniatáu cwcis {category}',
  settings: 'Gosodiadau cwcis',
  'advertising.title': 'Hysbysebu',
};

describe('<cookie-consent-placeholder>', () => {
  let blocker: Blocker;
  let container: HTMLElement;

  // The interface defines the element; the blocker only puts it in the page.
  before(() => definePlaceholder());

  beforeEach(async () => {
    container = await fixture(html`<div></div>`);
    blocker = new Blocker(window);
  });

  afterEach(() => blocker.stop());

  /** A held iframe's placeholder, rendered. */
  async function placeholderFor(attributes: Record<string, string>): Promise<CookieConsentPlaceholder> {
    blocker.start();
    blocker.configure(HOSTS);
    blocker.update(REJECT);
    const frame = document.createElement('iframe');
    for (const [name, value] of Object.entries(attributes)) frame.setAttribute(name, value);
    container.append(frame);
    // The observer puts the placeholder in when it hears of the insertion, in a microtask.
    await Promise.resolve();
    const placeholder = container.querySelector('cookie-consent-placeholder') as CookieConsentPlaceholder;
    expect(placeholder instanceof CookieConsentPlaceholder, 'a placeholder in place of the iframe').to.equal(true);
    await placeholder.updateComplete;
    return placeholder;
  }

  describe('content', () => {
    it('says what is blocked, by whom and for which category', async () => {
      const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()), 'data-provider': 'YouTube' });
      const region = placeholder.shadowRoot!.querySelector('[role="region"]')!;
      expect(region.getAttribute('aria-label')).to.equal('Content from YouTube is blocked');
      expect(region.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Content from YouTube is blocked It needs your consent to Advertising cookies. Allow Advertising cookies Cookie settings',
      );
      expect(placeholder.shadowRoot!.querySelector('[data-cookie-consent="preferences"]')!.textContent).to.equal('Cookie settings');
    });

    it('names the title, or else the host, when there is no data-provider', async () => {
      const titled = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()), title: 'Store map' });
      expect(titled.provider).to.equal('Store map');
      blocker.stop();
      container.replaceChildren();
      blocker = new Blocker(window);
      const hosted = await placeholderFor({ src: hitUrl(newRun()) });
      expect(hosted.provider).to.equal('127.0.0.1');
      expect(hosted.category).to.equal('advertising');
    });

    it('takes the current strings from the blocker, also after it is shown', async () => {
      const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()), 'data-provider': 'Vimeo' });
      blocker.setStrings(welsh);
      await placeholder.updateComplete;
      expect(placeholder.shadowRoot!.querySelector('button')!.textContent).to.equal('Caniatáu cwcis Hysbysebu');
      expect(placeholder.shadowRoot!.querySelector('[role="region"]')!.getAttribute('aria-label')).to.equal('Mae cynnwys gan Vimeo wedi’i rwystro');
    });
  });

  describe('size', () => {
    it('takes the width and height of the iframe it stands in for', async () => {
      const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()), width: '400', height: '225' });
      const { width, height } = placeholder.getBoundingClientRect();
      expect([width, height]).to.deep.equal([400, 225]);
    });

    it('keeps the size the page gives the iframe in its style and class', async () => {
      const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()), style: 'width: 50%; height: 120px', class: 'embed' });
      expect(placeholder.className).to.equal('embed');
      expect(placeholder.getBoundingClientRect().width).to.equal(container.getBoundingClientRect().width / 2);
      expect(placeholder.getBoundingClientRect().height).to.equal(120);
    });

    for (const [width, height] of [[640, 360], [300, 150], [250, 120], [200, 100]]) {
      it(`fits a ${width}×${height} frame: nothing scrolls, clips or leaves the box`, async () => {
        const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()), 'data-provider': 'Example video host', width: `${width}`, height: `${height}` });
        const box = placeholder.getBoundingClientRect();
        expect([box.width, box.height]).to.deep.equal([width, height]);
        const problems: string[] = [];
        if (placeholder.scrollHeight > placeholder.clientHeight || placeholder.scrollWidth > placeholder.clientWidth) {
          problems.push(`scrolls: ${placeholder.scrollWidth}×${placeholder.scrollHeight} in ${placeholder.clientWidth}×${placeholder.clientHeight}`);
        }
        for (const shown of placeholder.shadowRoot!.querySelectorAll<HTMLElement>('strong, p, button')) {
          if (!shown.getClientRects().length) continue;
          const rect = shown.getBoundingClientRect();
          const name = shown.textContent!.trim();
          if (rect.left < box.left || rect.right > box.right || rect.top < box.top || rect.bottom > box.bottom) problems.push(`"${name}" leaves the box`);
          if (shown.localName === 'button' && (shown.scrollWidth > shown.clientWidth || shown.scrollHeight > shown.clientHeight)) problems.push(`"${name}" is clipped`);
          if (shown.localName === 'button' && Math.min(rect.width, rect.height) < 24) problems.push(`"${name}" is under 24 px`);
        }
        expect(problems).to.deep.equal([]);
        expect(getComputedStyle(placeholder.shadowRoot!.querySelector('[part="allow"]')!).display, 'both buttons shown').not.to.equal('none');
      });
    }

    it('takes the default iframe size when the iframe has none', async () => {
      const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()) });
      const { width, height } = placeholder.getBoundingClientRect();
      expect([width, height]).to.deep.equal([300, 150]);
    });
  });

  describe('accessibility', () => {
    it('is accessible', async () => {
      const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()), 'data-provider': 'YouTube' });
      await expect(placeholder).to.be.accessible();
    });

    it('has buttons of at least 24 by 24 pixels', async () => {
      const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()) });
      const sizes = [...placeholder.shadowRoot!.querySelectorAll('button')].map((button) => button.getBoundingClientRect());
      expect(sizes).to.have.length(2);
      for (const { width, height } of sizes) expect(Math.min(width, height)).to.be.at.least(24);
    });

    it('shows a focus ring on the button reached with the keyboard', async () => {
      const before = container.appendChild(document.createElement('button'));
      before.textContent = 'Before';
      const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()) });
      before.focus();
      await sendKeys({ press: 'Tab' });
      const allow = placeholder.shadowRoot!.querySelector('[part="allow"]')!;
      expect(placeholder.shadowRoot!.activeElement === allow, 'focus on Allow').to.equal(true);
      const style = getComputedStyle(allow);
      expect([style.outlineStyle, style.outlineWidth]).to.deep.equal(['solid', '3px']);
    });
  });

  describe('events', () => {
    it('asks for its categories with a bubbling, composed cookie-consent-allow event', async () => {
      const placeholder = await placeholderFor({ 'data-category': 'analytics advertising', 'data-service': 'ga4', 'data-src': hitUrl(newRun()) });
      const asked = oneEvent(document, 'cookie-consent-allow');
      placeholder.shadowRoot!.querySelector<HTMLButtonElement>('[part="allow"]')!.click();
      const event = await asked;
      expect(event.detail).to.deep.equal({ category: 'analytics', categories: ['analytics', 'advertising'], services: ['ga4'] });
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
    });

    it('gives way to the iframe when its category is granted', async () => {
      const placeholder = await placeholderFor({ 'data-category': 'advertising', 'data-src': hitUrl(newRun()), id: 'map' });
      expect(has(container, '#map'), 'embed in the page').to.equal(false);
      blocker.update(ACCEPT);
      expect(placeholder.isConnected).to.equal(false);
      expect(container.querySelector('#map') instanceof HTMLIFrameElement, 'the iframe back in its place').to.equal(true);
    });
  });

  describe('Allow, through the widget', () => {
    beforeEach(resetPage);
    afterEach(resetPage);

    /** The page's widget with `config`, answered with Reject all, then a held embed's placeholder. */
    async function heldWithWidget(attributes: Record<string, string>, config: object = baseConfig): Promise<{ allow: HTMLButtonElement | null; runtime: ConsentRuntime }> {
      const { element, runtime } = await widget(config);
      // The interface listens for Allow before it defines the placeholder; here the test defined it.
      await runtime.loadInterface();
      part(element, '.banner [data-action="reject"]').click();
      const frame = document.createElement('iframe');
      for (const [name, value] of Object.entries(attributes)) frame.setAttribute(name, value);
      container.append(frame);
      // The observer puts the placeholder in when it hears of the insertion, in a microtask.
      await Promise.resolve();
      const placeholder = container.querySelector<CookieConsentPlaceholder>('cookie-consent-placeholder');
      expect(placeholder instanceof CookieConsentPlaceholder, 'the embed is held').to.equal(true);
      await placeholder!.updateComplete;
      return { allow: placeholder!.shadowRoot!.querySelector<HTMLButtonElement>('[part="allow"]'), runtime };
    }

    it('grants every category the embed names, and gives way to it with focus', async () => {
      const { allow, runtime } = await heldWithWidget({ 'data-category': 'analytics advertising', 'data-src': hitUrl(newRun()), id: 'map' });
      allow!.focus();
      const changed = oneEvent(document, 'cookie-consent-change');
      allow!.click();
      const { detail } = await changed;
      expect(detail.categories).to.deep.equal({ necessary: true, preferences: false, analytics: true, advertising: true });
      expect(runtime.hasConsent('preferences'), 'nothing else granted').to.equal(false);
      const map = container.querySelector('#map');
      expect(map instanceof HTMLIFrameElement, 'embed restored').to.equal(true);
      expect(document.activeElement === map, `focus on ${document.activeElement?.localName}`).to.equal(true);
    });

    it('grants the service in data-service, and its category, keeping the other services refused', async () => {
      const config = {
        ...baseConfig,
        categories: ['necessary', { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics' }, { id: 'matomo', name: 'Matomo' }] }],
        cookies: [],
      };
      const { allow } = await heldWithWidget({ 'data-category': 'analytics', 'data-service': 'matomo', 'data-src': hitUrl(newRun()), id: 'stats' }, config);
      const changed = oneEvent(document, 'cookie-consent-change');
      allow!.click();
      const { detail } = await changed;
      expect([detail.categories.analytics, detail.services]).to.deep.equal([true, { ga4: false, matomo: true }]);
      expect(container.querySelector('#stats') instanceof HTMLIFrameElement, 'embed restored').to.equal(true);
    });

    it('grants every service of a category it names when it names no service, even after they were refused', async () => {
      const config = {
        ...baseConfig,
        categories: ['necessary', { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics' }] }],
        cookies: [],
      };
      const { allow } = await heldWithWidget({ 'data-category': 'analytics', 'data-src': hitUrl(newRun()), id: 'chart' }, config);
      const changed = oneEvent(document, 'cookie-consent-change');
      allow!.click();
      const { detail } = await changed;
      expect([detail.categories.analytics, detail.services]).to.deep.equal([true, { ga4: true }]);
      expect(container.querySelector('#chart') instanceof HTMLIFrameElement, 'embed restored').to.equal(true);
    });

    it('offers no Allow, and grants nothing, when the embed needs a category the config does not declare', async () => {
      const { allow, runtime } = await heldWithWidget({ 'data-category': 'analytics social', 'data-src': hitUrl(newRun()) });
      expect(allow === null, 'no Allow button that cannot work').to.equal(true);
      // A page that asks anyway (the placeholder's event, sent by hand) is told what is missing.
      const placeholder = container.querySelector('cookie-consent-placeholder')!;
      const errors = await captureConsole('error', () =>
        placeholder.dispatchEvent(new CustomEvent('cookie-consent-allow', { bubbles: true, composed: true, detail: { category: 'analytics', categories: ['analytics', 'social'], services: [] } })),
      );
      expect(errors).to.deep.equal(['cookie-consent: social is not in the config, so the element that needs it stays blocked.']);
      expect(runtime.hasConsent('analytics')).to.equal(false);
      expect(container.querySelector('cookie-consent-placeholder') !== null, 'still held').to.equal(true);
    });
  });

  describe('registration', () => {
    it('defines the element once, whoever asks', () => {
      definePlaceholder();
      definePlaceholder();
      expect(customElements.get('cookie-consent-placeholder')).to.equal(CookieConsentPlaceholder);
    });
  });
});
