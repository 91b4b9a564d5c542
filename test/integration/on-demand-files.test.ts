import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { baseConfig, clearCookies, has } from '../helpers.js';
import { deepActive, openWidgetPage, shadowOf, type PageWindow } from '../elements/page-helpers.js';

const INTERFACE = '/dist/cookie-consent.interface.js';
const PANEL = '/dist/cookie-consent.preferences-panel.js';
const LOG = '/dist/cookie-consent.consent-log.js';
const CONFIG_ERRORS = '/dist/cookie-consent.config-errors.js';

/** Every file of the widget the frame has fetched, by name. */
const widgetFiles = (win: PageWindow) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/'))
    .sort();

/** Every console error the page logged, from its first script on (see the fixture page). */
const consoleErrors = (win: PageWindow) => (win as PageWindow & { consoleErrors: string[] }).consoleErrors.join('\n');

/** How many times the frame has fetched a file. */
const fetches = (win: PageWindow, path: string) =>
  win.performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === path).length;
const panelFetches = (win: PageWindow) => fetches(win, PANEL);

/** A first visit that clicks "Accept all", so the next page opened is a returning visitor's. */
async function acceptOnFirstVisit(): Promise<void> {
  const first = await openWidgetPage();
  shadowOf(first.element).querySelector<HTMLElement>('.banner [data-action="accept"]')!.click();
  fixtureCleanup();
}

describe('files the script-tag build fetches on demand', () => {
  afterEach(() => {
    fixtureCleanup();
    clearCookies();
  });

  it('a first visit draws the banner from the script-tag file alone, then fetches the dialog once, when idle', async () => {
    const { win, element } = await openWidgetPage({ src: '/__slow/cookie-consent.interface.js/test/fixtures/widget-page.html' });
    expect(has(shadowOf(element), '.banner [data-action="accept"]'), 'banner drawn').to.equal(true);
    expect(fetches(win, '/__slow/cookie-consent.interface.js/dist/cookie-consent.interface.js'), 'interface arrived before the banner').to.equal(0);
    // A resource entry is added once its file has arrived: the interface comes half a second late.
    await waitUntil(() => fetches(win, '/__slow/cookie-consent.interface.js/dist/cookie-consent.preferences-panel.js') === 1, 'the dialog prefetched', { timeout: 5000 });
  });

  it('prefetches the interface and the dialog after the banner, each once', async () => {
    const { win } = await openWidgetPage();
    await waitUntil(() => panelFetches(win) === 1, 'the dialog prefetched');
    expect(widgetFiles(win)).to.deep.equal([INTERFACE, '/dist/cookie-consent.min.js', PANEL].sort());
  });

  it('a page in Welsh asks for its strings as the script runs, one request more, and draws the banner in Welsh', async () => {
    const { win, element } = await openWidgetPage({ lang: 'cy', src: '/test/fixtures/widget-page.html?lang=cy' });
    const [entry] = win.performance.getEntriesByName(new URL('/dist/locales/cy.js', location.href).href) as PerformanceResourceTiming[];
    const [navigation] = win.performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    expect(entry?.startTime, 'asked for before DOMContentLoaded').to.be.lessThan(navigation.domContentLoadedEventStart);
    expect(fetches(win, '/dist/locales/cy.js'), 'once').to.equal(1);
    expect(shadowOf(element).querySelector('.banner [data-action="accept"]')?.textContent).to.equal('Derbyn y cyfan');
  });

  it('CookieConsent.ready comes with the banner on a first visit, however late the interface arrives', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe></iframe>`);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/__slow/cookie-consent.interface.js/test/fixtures/widget-page.html';
    await loaded;
    const win = frame.contentWindow as PageWindow;
    void win.CookieConsent!.init(win.JSON.parse(JSON.stringify(baseConfig)));
    await win.CookieConsent!.ready;
    // No updateComplete: ready itself waited for the drawing.
    const element = win.document.querySelector('cookie-consent')!;
    expect(has(shadowOf(element), '.banner [data-action="accept"]'), 'Accept all drawn').to.equal(true);
  });

  it('a returning visitor’s page fetches nothing but the script-tag file, and shows the settings button', async () => {
    await acceptOnFirstVisit();

    const { win, element } = await openWidgetPage();
    expect(widgetFiles(win)).to.deep.equal(['/dist/cookie-consent.min.js']);
    const button = shadowOf(element).querySelector<HTMLButtonElement>('button[part="floating-button"]');
    expect(button?.textContent, 'the settings button, drawn by the script-tag file').to.equal('Cookie settings');
    expect(win.getComputedStyle(button!).position).to.equal('fixed');

    // Opening the settings fetches the interface and the dialog's chunk, drawn into the same shadow root.
    button!.click();
    await waitUntil(() => shadowOf(element).querySelector('dialog')?.open, 'dialog open');
    await element.updateComplete;
    expect(shadowOf(element).querySelectorAll('button[part="floating-button"]').length, 'one settings button').to.equal(1);
    expect(widgetFiles(win)).to.deep.equal([INTERFACE, '/dist/cookie-consent.min.js', PANEL].sort());
  });

  it('on a returning visit, events come from <cookie-consent>, and show() brings the banner without the interface', async () => {
    await acceptOnFirstVisit();

    const { win, element } = await openWidgetPage();
    let from = '';
    win.document.addEventListener('cookie-consent-change', (event) => (from = (event.target as Element).localName ?? 'document'));
    win.CookieConsent!.rejectAll();
    expect(from, 'dispatched on').to.equal('cookie-consent');

    win.CookieConsent!.show();
    await waitUntil(() => shadowOf(element).querySelector('.banner'), 'the banner');
    expect(widgetFiles(win)).to.deep.equal(['/dist/cookie-consent.min.js']);
  });

  it('a reset in another tab brings the banner to a returning visitor’s page that never loaded the interface', async () => {
    await acceptOnFirstVisit();

    const returning = await openWidgetPage();
    const other = await openWidgetPage();
    other.win.CookieConsent!.reset();
    await waitUntil(() => shadowOf(returning.element).querySelector('.banner'), 'the banner in the first tab');
    expect(returning.win.CookieConsent!.getConsent(), 'no decision').to.equal(null);
  });

  it('without the interface file: the error names it, and the banner still takes the visitor’s choice', async () => {
    const { win, element } = await openWidgetPage({ src: '/__without/cookie-consent.interface.js/test/fixtures/widget-page.html' });
    await waitUntil(() => /could not load/.test(consoleErrors(win)), 'the idle fetch of the interface failed');
    expect(consoleErrors(win)).to.match(/could not load http:\/\/[^ ]+\/cookie-consent\.interface\.js, so the preferences dialog and placeholders cannot be shown/);
    const root = shadowOf(element);
    const banner = root.querySelector('[part="banner"]');
    expect(banner?.getAttribute('role'), 'a region').to.equal('region');
    expect(banner!.querySelector('a[part="link"]')?.getAttribute('href'), 'the privacy policy').to.equal(baseConfig.provider.policyUrl);
    const labels = Array.from(root.querySelectorAll('[part="banner"] button'), (button) => button.textContent);
    expect(labels).to.deep.equal(['Accept all', 'Reject all', 'Manage preferences']);
    const sizes = Array.from(root.querySelectorAll('[part="banner"] button'), (button) => {
      const rect = button.getBoundingClientRect();
      return [Math.round(rect.width), Math.round(rect.height), win.getComputedStyle(button).fontWeight];
    });
    expect(sizes[1], 'Reject all as wide, as tall and as heavy as Accept all').to.deep.equal(sizes[0]);
    expect(win.CookieConsent!.hasConsent('analytics')).to.equal(false);

    root.querySelector<HTMLElement>('[part="banner"] [data-action="reject"]')!.click();
    expect(win.CookieConsent!.getConsent()?.categories.analytics, 'refused').to.equal(false);
    await waitUntil(() => root.querySelector('button[part="floating-button"]'), 'the settings button after the decision');
    expect(has(root, '[part="banner"]'), 'banner gone').to.equal(false);

    // The dialog cannot load either: the banner comes back, and a change of mind counts.
    root.querySelector<HTMLElement>('button[part="floating-button"]')!.click();
    await waitUntil(() => root.querySelector('[part="banner"]'), 'the banner again');
    root.querySelector<HTMLElement>('[part="banner"] [data-action="accept"]')!.click();
    expect(win.CookieConsent!.hasConsent('analytics'), 'accepted').to.equal(true);
  });

  it('opens the dialog without fetching it again', async () => {
    const { win, element } = await openWidgetPage();
    const root = shadowOf(element);
    expect(has(root, '.banner'), 'banner shown').to.equal(true);

    root.querySelector<HTMLElement>('.banner [data-action="manage"]')!.click();
    await element.updateComplete;
    expect(root.querySelector('dialog')!.open, 'open').to.equal(true);
    expect(root.querySelectorAll('dialog input[role="switch"]').length).to.equal(4);
    expect(panelFetches(win), 'after opening').to.equal(1);

    root.querySelector<HTMLElement>('dialog [data-action="reject"]')!.click();
    await element.showPreferences();
    expect(root.querySelector('dialog')!.open, 'open again').to.equal(true);
    expect(panelFetches(win), 'after opening twice').to.equal(1);
  });

  it('renders the panel with the page’s one copy of Lit, styled by its own sheet', async () => {
    const source = await (await fetch(PANEL)).text();
    expect(source, 'no Lit of its own').not.to.match(/litHtmlVersions|reactiveElementVersions/);
    const { element } = await openWidgetPage();
    await element.showPreferences();
    const dialog = shadowOf(element).querySelector('dialog')!;
    // The panel's rules reach the dialog: it is sized by them, not by the browser's defaults.
    expect(getComputedStyle(dialog).padding).to.equal('0px');
    expect(getComputedStyle(shadowOf(element).querySelector('[role="switch"]')!).appearance).to.equal('none');
  });

  it('shows the banner instead when the panel cannot be fetched, and the choice there still counts', async () => {
    const { win, element } = await openWidgetPage({
      // The same page and script, served from a path where the panel file answers 410 Gone.
      src: '/__without/cookie-consent.preferences-panel.js/test/fixtures/widget-page.html',
    });
    const root = shadowOf(element);
    root.querySelector<HTMLElement>('.banner [data-action="reject"]')!.click();
    await element.updateComplete;
    expect(has(root, '.banner'), 'banner gone after the decision').to.equal(false);

    await element.showPreferences();
    await element.updateComplete;
    expect(root.querySelector('dialog')!.open, 'no dialog').to.equal(false);
    expect(consoleErrors(win)).to.match(/could not load the preferences dialog, showing the banner instead/);
    const accept = root.querySelector<HTMLElement>('.banner [data-action="accept"]');
    expect(accept !== null, 'banner shown again').to.equal(true);
    await new Promise((resolve) => win.requestAnimationFrame(resolve));
    expect(deepActive(win.document)?.closest('.banner') != null, 'focus moved into the banner').to.equal(true);
    accept!.click();
    expect(win.CookieConsent!.hasConsent('analytics')).to.equal(true);
  });

  it('fetches the consent log only for a config that names an endpoint', async () => {
    const without = await openWidgetPage();
    shadowOf(without.element).querySelector<HTMLElement>('.banner [data-action="reject"]')!.click();
    expect(fetches(without.win, LOG), 'without consentLog').to.equal(0);
    fixtureCleanup();
    clearCookies();

    const logged = await openWidgetPage({ config: { ...baseConfig, consentLog: { endpoint: '/consent' } } });
    // A resource entry is added once its file has arrived.
    await waitUntil(() => fetches(logged.win, LOG) > 0, 'the consent log file was never fetched');
    expect(fetches(logged.win, LOG), 'with consentLog').to.equal(1);
  });
  describe('a wrong config', () => {
    const wrong = { provider: { name: 'X' }, cookies: [{ name: '_ga', category: 'analytics', lifetime: '2 years' }] };

    it('fetches the wording of its errors once, and the console names each JSON path as the reader words it', async () => {
      const { win } = await openWidgetPage({ config: wrong });
      expect(fetches(win, CONFIG_ERRORS), 'the wording, before ready').to.equal(1);
      expect(consoleErrors(win)).to.contain('cookie-consent: invalid config, so every cross-origin script, frame and image stays held');
      expect(consoleErrors(win)).to.contain('\n  provider.policyUrl: is required');
      expect(consoleErrors(win)).to.contain('\n  cookies[0].lifetime: expected "session" or an ISO 8601 duration like "P1Y"');
    });

    it('without the wording file still names each JSON path, with the problem\'s code', async () => {
      const { win } = await openWidgetPage({ config: wrong, src: '/__without/cookie-consent.config-errors.js/test/fixtures/widget-page.html' });
      expect(consoleErrors(win)).to.contain('cookie-consent: invalid config, so nothing optional runs:');
      expect(consoleErrors(win)).to.contain('\n  provider.policyUrl: required');
      expect(consoleErrors(win)).to.contain('\n  cookies[0].lifetime: lifetime');
      expect(win.CookieConsent!.hasConsent('analytics')).to.equal(false);
    });

    it('a valid config never fetches it', async () => {
      const { win } = await openWidgetPage();
      expect(fetches(win, CONFIG_ERRORS)).to.equal(0);
    });
  });
});
