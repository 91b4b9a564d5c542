import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRecord, serializeRecord } from '../../src/core/consent-record.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { baseConfig, captureConsole, has, part, readConsentCookie, resetPage, widget } from '../helpers.js';
import { deepActive, expectFocusOn } from './page-helpers.js';

describe('<cookie-consent>', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  describe('first visit', () => {
    it('shows the banner with the title, description and policy links', async () => {
      const { element } = await widget();
      const banner = part(element, '[part="banner"]');
      expect(banner.getAttribute('role')).to.equal('region');
      expect(banner.textContent).to.contain('Cookies on this site');
      const links = [...banner.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);
      expect(links).to.deep.equal([
        ['Privacy policy', 'https://www.claranetsoho.co.uk/privacy-policy'],
        ['Cookie policy', '/cookies'],
      ]);
    });

    it('gives accept, reject and manage the same element, part, size and weight', async () => {
      const { element } = await widget();
      const buttons = ['accept', 'reject', 'manage'].map((action) => part(element, `.banner [data-action="${action}"]`));
      const looks = buttons.map((button) => {
        const style = getComputedStyle(button);
        return [button.tagName, button.getAttribute('part'), style.fontWeight, style.fontSize, style.backgroundColor, style.color, style.borderWidth, button.offsetHeight];
      });
      expect(looks[1]).to.deep.equal(looks[0]);
      expect(looks[2]).to.deep.equal(looks[0]);
      expect(buttons.map((button) => button.textContent!.trim())).to.deep.equal(['Accept all', 'Reject all', 'Manage preferences']);
    });

    it('states the kinds of cookies the config declares', async () => {
      const { element } = await widget();
      expect(part(element, '.banner').textContent).to.contain(
        'We use session and persistent cookies. With your consent, advertising partners set third-party cookies.',
      );
    });

    it('grants nothing while the banner is ignored', async () => {
      const { runtime } = await widget();
      expect(runtime.record).to.equal(null);
      expect(runtime.hasConsent('analytics')).to.equal(false);
      expect(runtime.hasConsent('necessary')).to.equal(false);
      expect(readConsentCookie()).to.equal(undefined);
    });

    it('is accessible', async () => {
      const { element } = await widget();
      await expect(element).to.be.accessible();
    });
  });

  describe('decisions', () => {
    it('Accept all grants every category, stores it and announces it', async () => {
      const { element, runtime } = await widget();
      const changed = oneEvent(element, 'cookie-consent-change');
      part(element, '.banner [data-action="accept"]').click();
      const { detail } = await changed;
      expect(detail.categories).to.deep.equal({ necessary: true, preferences: true, analytics: true, advertising: true });
      expect(readConsentCookie()).to.deep.equal(detail);
      expect(runtime.hasConsent('advertising')).to.equal(true);
      await element.updateComplete;
      expect(has(element.shadowRoot!, '.banner'), 'banner shown').to.equal(false);
      expect(part(element, '[role="status"]').textContent).to.contain('saved');
      expect(part(element, '[part="floating-button"]').textContent!.trim()).to.equal('Cookie settings');
    });

    it('Reject all grants nothing but the necessary category', async () => {
      const { element } = await widget();
      const changed = oneEvent(element, 'cookie-consent-change');
      part(element, '.banner [data-action="reject"]').click();
      const { detail } = await changed;
      expect(detail.categories).to.deep.equal({ necessary: true, preferences: false, analytics: false, advertising: false });
      expect(readConsentCookie()).to.deep.equal(detail);
    });

    it('the change event bubbles out of the shadow DOM to the document', async () => {
      const { element } = await widget();
      const changed = oneEvent(document, 'cookie-consent-change');
      part(element, '.banner [data-action="reject"]').click();
      const event = await changed;
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('still tells the page of decisions after the element is removed', async () => {
      const { element, runtime } = await widget();
      element.remove();
      const changed = oneEvent(document, 'cookie-consent-change');
      runtime.acceptAll('api');
      const { detail } = await changed;
      expect(detail.categories.analytics).to.equal(true);
    });

    it('stores the record as a first-party cookie with the same lifetime for both answers', async () => {
      const lifetimes: Record<string, number> = {};
      let days = 0;
      for (const answer of ['accept', 'reject']) {
        resetPage();
        const { element, runtime } = await widget();
        days = runtime.config.consent.days;
        // Cookie expiry is kept in whole seconds.
        const decided = Math.floor(Date.now() / 1000);
        part(element, `.banner [data-action="${answer}"]`).click();
        const cookie = await cookieStore.get('cookie_consent');
        expect([cookie?.domain, cookie?.path, cookie?.sameSite], `${answer}: a host-only, site-wide, Lax cookie`).to.deep.equal([null, '/', 'lax']);
        lifetimes[answer] = Math.floor(cookie!.expires! / 1000) - decided;
        const record = readConsentCookie() as { id: string; timestamp: string; revision: number; version: number };
        expect([record.version, record.revision]).to.deep.equal([1, 1]);
        expect(record.id).to.match(/^[0-9a-f-]{36}$/);
        expect(Date.now() - Date.parse(record.timestamp)).to.be.below(5000);
      }
      expect(days, 'the default lifetime').to.equal(182);
      // A second's leeway either way: the click may cross a second boundary.
      expect(Math.abs(lifetimes.accept - lifetimes.reject), JSON.stringify(lifetimes)).to.be.at.most(1);
      expect(Math.abs(lifetimes.accept - days * 86_400), `accepted: ${lifetimes.accept} s`).to.be.at.most(1);
    });
  });

  describe('preferences dialog', () => {
    it('opens from the banner with no switch on except the locked necessary one', async () => {
      const { element } = await widget();
      part(element, '.banner [data-action="manage"]').click();
      await element.updateComplete;
      const dialog = part<HTMLDialogElement>(element, 'dialog');
      expect(dialog.open).to.equal(true);
      const switches = [...dialog.querySelectorAll<HTMLInputElement>('input[role="switch"]')].map((input) => [input.id, input.checked, input.disabled]);
      expect(switches).to.deep.equal([
        ['cc-switch-necessary', true, true],
        ['cc-switch-preferences', false, false],
        ['cc-switch-analytics', false, false],
        ['cc-switch-advertising', false, false],
      ]);
      await expect(element).to.be.accessible();
    });

    it('records exactly Accept all or Reject all from the dialog, not the switches, even for a scripted click', async () => {
      // element.click() runs the button's default action before Lit can remove the form, so a
      // decision button that were a submit button would also save the (unchanged) switches.
      const { element, runtime } = await widget();
      await element.showPreferences();
      part(element, 'dialog [data-action="accept"]').click();
      expect(runtime.hasConsent('analytics'), 'accepted').to.equal(true);
      await element.updateComplete;
      await element.showPreferences();
      part<HTMLInputElement>(element, '#cc-switch-analytics').click();
      part(element, 'dialog [data-action="reject"]').click();
      expect(runtime.hasConsent('analytics'), 'rejected').to.equal(false);
    });

    it('saves exactly the switches that were turned on', async () => {
      const { element } = await widget();
      await element.showPreferences();
      part<HTMLInputElement>(element, '#cc-switch-analytics').click();
      await element.updateComplete;
      expect(part(element, '#cc-switch-analytics + .state').textContent).to.equal('On');
      const changed = oneEvent(element, 'cookie-consent-change');
      part(element, 'dialog [data-action="save"]').click();
      const { detail } = await changed;
      expect(detail.categories).to.deep.equal({ necessary: true, preferences: false, analytics: true, advertising: false });
      expect(part<HTMLDialogElement>(element, 'dialog').open).to.equal(false);
    });

    it('lists each category’s cookies in a table with name, provider, purpose, duration and kind', async () => {
      const { element } = await widget();
      await element.showPreferences();
      const rows = [...element.shadowRoot!.querySelectorAll('table[part="table"] tbody tr')].map((row) =>
        [...row.children].map((cell) => cell.textContent!.trim()),
      );
      expect(rows).to.deep.equal([
        ['PHPSESSID', 'Claranet SOHO', 'Keeps you signed in', 'Until you close your browser', 'Session'],
        ['cookie_consent', 'Claranet SOHO', 'Remembers your cookie choices.', '182 days', 'Persistent'],
        ['_ga', 'Google', 'Counts visits', '2 years', 'Persistent'],
        ['_gid', 'Google', '', '1 day', 'Persistent'],
        ['IDE', 'Google', '', '13 months', 'Third-party advertising'],
      ]);
      const headers = [...element.shadowRoot!.querySelectorAll('table[part="table"]')[0].querySelectorAll('thead th')].map((th) => th.textContent);
      expect(headers).to.deep.equal(['Name', 'Provider', 'Purpose', 'Duration', 'Type']);
    });

    it('shows the provider’s contact details', async () => {
      const { element } = await widget();
      await element.showPreferences();
      const address = part(element, 'address').textContent!;
      expect(address).to.contain('privacy@uk.clara.net');
      expect(address).to.contain('21 Southampton Row, London WC1B 5HA');
    });

    it('Esc closes without granting and focus returns to the opener', async () => {
      const { element, runtime } = await widget();
      const manage = part(element, '.banner [data-action="manage"]');
      manage.focus();
      manage.click();
      await element.updateComplete;
      part<HTMLInputElement>(element, '#cc-switch-advertising').click();
      const closed = oneEvent(part(element, 'dialog'), 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      await element.updateComplete;
      expect(runtime.record).to.equal(null);
      expect(readConsentCookie()).to.equal(undefined);
      expectFocusOn(manage, 'focus back on Manage');
      expect(has(element.shadowRoot!, '.banner'), 'banner shown').to.equal(true);
    });

    it('moves focus into the dialog when it opens', async () => {
      const { element } = await widget();
      await element.showPreferences();
      expect(part(element, 'dialog').contains(deepActive())).to.equal(true);
    });

    it('offers a switch per service, and stores each', async () => {
      const { element } = await widget({
        ...baseConfig,
        categories: ['necessary', { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics' }, { id: 'matomo', name: 'Matomo' }] }],
        cookies: [],
      });
      await element.showPreferences();
      const matomo = part<HTMLInputElement>(element, '#cc-service-matomo');
      expect(matomo.disabled, 'locked while its category is off').to.equal(true);
      part<HTMLInputElement>(element, '#cc-switch-analytics').click();
      await element.updateComplete;
      expect(matomo.disabled).to.equal(false);
      expect(matomo.checked).to.equal(true);
      matomo.click();
      const changed = oneEvent(element, 'cookie-consent-change');
      part(element, 'dialog [data-action="save"]').click();
      const { detail } = await changed;
      expect(detail.services).to.deep.equal({ ga4: true, matomo: false });
      expect(detail.categories.analytics).to.equal(true);
    });

    it('opens from any element with data-cookie-consent="preferences"', async () => {
      const { element } = await widget();
      part(element, '.banner [data-action="reject"]').click();
      const link = await fixture<HTMLAnchorElement>(html`<a href="#settings" data-cookie-consent="preferences">Cookie settings</a>`);
      link.focus();
      link.click();
      await element.updateComplete;
      expect(part<HTMLDialogElement>(element, 'dialog').open).to.equal(true);
      expect(location.hash).not.to.equal('#settings');
      // Withdraw: nothing but necessary stays granted.
      part(element, 'dialog [data-action="reject"]').click();
      expect((readConsentCookie() as { categories: Record<string, boolean> }).categories.analytics).to.equal(false);
      await element.updateComplete;
      expectFocusOn(link, 'focus back on the link');
    });
  });

  describe('keyboard', () => {
    it('accepts with the keyboard alone', async () => {
      const { element } = await widget();
      part(element, '.banner [data-action="accept"]').focus();
      const changed = oneEvent(element, 'cookie-consent-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.categories.analytics).to.equal(true);
    });

    it('rejects with the keyboard alone', async () => {
      const { element } = await widget();
      part(element, '.banner [data-action="reject"]').focus();
      const changed = oneEvent(element, 'cookie-consent-change');
      await sendKeys({ press: 'Space' });
      expect((await changed).detail.categories.analytics).to.equal(false);
    });

    it('chooses one category in the dialog with the keyboard alone', async () => {
      const { element } = await widget();
      part(element, '.banner [data-action="manage"]').focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      part(element, '#cc-switch-preferences').focus();
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      part(element, 'dialog [data-action="save"]').focus();
      const changed = oneEvent(element, 'cookie-consent-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.categories).to.deep.equal({ necessary: true, preferences: true, analytics: false, advertising: false });
    });
  });

  describe('returning visitor', () => {
    const { config } = parseConfig(baseConfig);
    const storedRecord = (categories: Record<string, boolean>) =>
      createRecord(config, { categories }, { id: crypto.randomUUID(), now: new Date() });

    it('shows no banner and restores the stored decision', async () => {
      const record = storedRecord({ analytics: true });
      document.cookie = `cookie_consent=${encodeURIComponent(serializeRecord(record))}; path=/`;
      const ready = oneEvent(document, 'cookie-consent-ready');
      const { element, runtime } = await widget();
      expect((await ready).detail).to.deep.equal(record);
      expect(has(element.shadowRoot!, '.banner'), 'banner shown').to.equal(false);
      expect(runtime.hasConsent('analytics')).to.equal(true);
      expect(runtime.hasConsent('advertising')).to.equal(false);
      await expect(element).to.be.accessible();
    });

    it('asks again, granting nothing, when the stored cookie was tampered with', async () => {
      const record = { ...storedRecord({ analytics: true }), categories: { necessary: true, analytics: true, spyware: true } };
      document.cookie = `cookie_consent=${encodeURIComponent(JSON.stringify(record))}; path=/`;
      let result!: Awaited<ReturnType<typeof widget>>;
      const errors = await captureConsole('error', async () => {
        result = await widget();
      });
      expect(errors.join('\n')).to.contain('cookie_consent');
      expect(result.runtime.hasConsent('analytics')).to.equal(false);
      expect(has(result.element.shadowRoot!, '.banner'), 'banner shown').to.equal(true);
    });

    it('starts when the page holds a cookie whose name is not valid percent-encoding', async () => {
      document.cookie = 'bad%zz=1; path=/';
      const { element, runtime } = await widget();
      expect(runtime.status).to.equal('ready');
      expect(has(element.shadowRoot!, '.banner'), 'banner shown').to.equal(true);
      document.cookie = 'bad%zz=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    });

    it('asks again when the config revision changed', async () => {
      document.cookie = `cookie_consent=${encodeURIComponent(serializeRecord(storedRecord({ analytics: true })))}; path=/`;
      const { element, runtime } = await widget({ ...baseConfig, revision: 2 });
      expect(runtime.record).to.equal(null);
      expect(has(element.shadowRoot!, '.banner'), 'banner shown').to.equal(true);
    });
  });

  describe('bad config', () => {
    /** A cross-origin image made by a page script: held (its URL moved to data-src) or loading. */
    const crossOriginImage = () => {
      const image = new Image();
      image.src = `http://127.0.0.1:${location.port}/__probe/hit?probe=bad-config`;
      return image;
    };
    const buttons = (element: HTMLElement) => Array.from(element.shadowRoot!.querySelectorAll('.banner button'), (button) => button.getAttribute('data-action'));

    it('logs every problem once, holds everything cross-origin, and still asks with what it could read', async () => {
      let result!: Awaited<ReturnType<typeof widget>>;
      const errors = await captureConsole('error', async () => {
        result = await widget({ provider: { name: 'X' }, cookies: [{ name: '_ga', category: 'analytics', lifetime: '2 years' }] });
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('provider.policyUrl: is required');
      expect(errors[0]).to.contain('cookies[0].lifetime: expected "session" or an ISO 8601 duration like "P1Y"');
      expect(errors[0]).to.contain('every cross-origin script, frame and image stays held, cross-origin requests fail, and nothing optional runs');
      expect(result.runtime.status).to.equal('invalid');
      expect(buttons(result.element)).to.deep.equal(['accept', 'reject', 'manage']);
      part(result.element, '.banner [data-action="accept"]').click();
      expect(readConsentCookie().categories, 'the decision is kept for when the config can be read').to.include({ analytics: true });
      expect(result.runtime.hasConsent('analytics'), 'nothing optional runs under an invalid config').to.equal(false);
      const image = crossOriginImage();
      expect(image.getAttribute('src'), 'no host rules from a broken config: every cross-origin image waits').to.equal(null);
      expect(image.dataset.src).to.contain('/__probe/hit');
      const request = await fetch('https://third-party.example/pixel').then(() => 'sent', (error: Error) => error.message);
      expect(request).to.contain('blocked until the config can be read');
    });

    it('warns of a mistyped cosmetic key and runs with the rest of the config', async () => {
      let result!: Awaited<ReturnType<typeof widget>>;
      const warnings = await captureConsole('warn', async () => {
        result = await widget({ ...baseConfig, ui: { layuot: 'box' } });
      });
      expect(warnings.join('\n')).to.contain('ui.layuot: unknown key');
      expect(result.runtime.status).to.equal('ready');
      expect(crossOriginImage().getAttribute('src'), 'host rules known: an image of a host not listed loads').to.contain('/__probe/hit');
    });

    it('offers only Reject all, and the page’s policy link, when nothing could be read', async () => {
      const link = Object.assign(document.createElement('link'), { rel: 'privacy-policy', href: '/privacy' });
      document.head.append(link);
      try {
        let result!: Awaited<ReturnType<typeof widget>>;
        const errors = await captureConsole('error', async () => {
          result = await widget('#no-such-config' as unknown as object);
        });
        expect(errors.join('\n')).to.contain('no element with id "no-such-config" holds the config');
        const { element, runtime } = result;
        expect(buttons(element)).to.deep.equal(['reject']);
        expect(part<HTMLAnchorElement>(element, '.banner a').href).to.equal(new URL('/privacy', location.href).href);
        await element.showPreferences();
        expect(element.shadowRoot!.querySelector('dialog')!.open, 'no dialog: there is nothing to choose').to.equal(false);
        part(element, '.banner [data-action="reject"]').click();
        await element.updateComplete;
        expect(has(element.shadowRoot!, '.banner'), 'banner gone').to.equal(false);
        expect(readConsentCookie()).to.include({ revision: 1 });
        expect(runtime.record!.categories).to.deep.equal({ necessary: true });
        expect(crossOriginImage().getAttribute('src')).to.equal(null);
      } finally {
        link.remove();
      }
    });

    it('keeps the visitor’s stored decision untouched, without asking again', async () => {
      document.cookie = 'cookie_consent=keep-me; path=/';
      let result!: Awaited<ReturnType<typeof widget>>;
      await captureConsole('error', async () => {
        result = await widget({ provider: 42 });
      });
      expect(document.cookie).to.contain('cookie_consent=keep-me');
      expect(result.element.shadowRoot!.querySelector('.banner') === null, 'no banner').to.equal(true);
    });

    it('asks again after a reset, although it could not read the decision it forgot', async () => {
      document.cookie = 'cookie_consent=keep-me; path=/';
      let result!: Awaited<ReturnType<typeof widget>>;
      await captureConsole('error', async () => {
        result = await widget({ provider: 42 });
      });
      result.runtime.reset();
      await result.element.updateComplete;
      expect(document.cookie).not.to.contain('cookie_consent=');
      expect(has(result.element.shadowRoot!, '.banner'), 'banner shown').to.equal(true);
    });
  });
});
