import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { baseConfig, clearCookies, has } from '../helpers.js';
import { deepActive, openWidgetPage, shadowOf, type PageWindow } from '../elements/page-helpers.js';

const PANEL = '/dist/cookie-consent.preferences.js';
const LOG = '/dist/cookie-consent.consent-log.js';

/** How many times the frame has fetched a file. */
const fetches = (win: PageWindow, path: string) =>
  win.performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === path).length;
const panelFetches = (win: PageWindow) => fetches(win, PANEL);

describe('files the script-tag build fetches on demand', () => {
  afterEach(() => {
    fixtureCleanup();
    clearCookies();
  });

  it('fetches the panel only when the dialog first opens, and only once', async () => {
    const { win, element } = await openWidgetPage();
    const root = shadowOf(element);
    expect(has(root, '.banner'), 'banner shown').to.equal(true);
    expect(panelFetches(win), 'before opening').to.equal(0);

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
    const errors: string[] = [];
    const { win, element } = await openWidgetPage({
      // The same page and script, served from a path where the panel file answers 404.
      src: '/__without/cookie-consent.preferences.js/test/fixtures/widget-page.html',
      // The frame's console, watched from the start: the error is logged inside the page.
      setup: (doc) => {
        const original = doc.defaultView!.console.error;
        doc.defaultView!.console.error = (...args: unknown[]) => {
          errors.push(args.join(' '));
          original.apply(doc.defaultView!.console, args);
        };
      },
    });
    const root = shadowOf(element);
    root.querySelector<HTMLElement>('.banner [data-action="reject"]')!.click();
    await element.updateComplete;
    expect(has(root, '.banner'), 'banner gone after the decision').to.equal(false);

    await element.showPreferences();
    await element.updateComplete;
    expect(root.querySelector('dialog')!.open, 'no dialog').to.equal(false);
    expect(errors.join('\n')).to.match(/could not load the preferences dialog, showing the banner instead/);
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
});
