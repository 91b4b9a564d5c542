import { expect, fixture, html } from '@open-wc/testing';
import { clearCookies, has } from '../helpers.js';

/** The script-tag build on a real page, in a same-origin frame so it can be reloaded. */
type PageWindow = Window & typeof globalThis & { ran?: string[] };

async function openPage(frame: HTMLIFrameElement, path = '/test/fixtures/page.html'): Promise<PageWindow> {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  await loaded;
  const win = frame.contentWindow as PageWindow;
  await win.CookieConsent!.ready;
  await (win.document.querySelector('cookie-consent') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return win;
}

/** Waits for the frame's next load (the widget reloads the page after a withdrawal). */
async function reloaded(frame: HTMLIFrameElement): Promise<PageWindow> {
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as PageWindow;
  await win.CookieConsent!.ready;
  return win;
}

const shadow = (win: PageWindow) => win.document.querySelector('cookie-consent')!.shadowRoot!;
const click = (win: PageWindow, selector: string) => shadow(win).querySelector<HTMLElement>(selector)!.click();

describe('a whole page with the script tag', () => {
  let frame: HTMLIFrameElement;
  beforeEach(async () => {
    clearCookies();
    localStorage.clear();
    frame = await fixture<HTMLIFrameElement>(html`<iframe style="width: 800px; height: 600px"></iframe>`);
  });
  afterEach(() => {
    clearCookies();
    localStorage.clear();
  });

  it('shows the banner on a first visit and runs nothing', async () => {
    const win = await openPage(frame);
    expect(has(shadow(win), '.banner'), 'banner shown').to.equal(true);
    expect(win.ran).to.equal(undefined);
    expect(win.document.cookie).not.to.contain('_ga');
    expect(win.document.body.firstElementChild!.localName, 'early in the tab order').to.equal('cookie-consent');
  });

  it('Reject all → reload → no banner and nothing granted', async () => {
    let win = await openPage(frame);
    click(win, '.banner [data-action="reject"]');
    expect(win.ran).to.equal(undefined);
    win = await openPage(frame);
    expect(has(shadow(win), '.banner'), 'banner shown').to.equal(false);
    expect(win.CookieConsent!.hasConsent('analytics')).to.equal(false);
    expect(win.ran).to.equal(undefined);
    expect(win.document.cookie).not.to.contain('_ga');
  });

  it('Accept all runs the held scripts at once, and again after a reload', async () => {
    let win = await openPage(frame);
    click(win, '.banner [data-action="accept"]');
    expect(win.ran).to.deep.equal(['analytics', 'advertising']);
    win = await openPage(frame);
    expect(has(shadow(win), '.banner'), 'banner shown').to.equal(false);
    expect(win.ran).to.deep.equal(['analytics', 'advertising']);
    expect(win.CookieConsent!.hasConsent('advertising')).to.equal(true);
  });

  it('withdrawing from the footer link deletes the category’s cookies and storage and reloads', async () => {
    let win = await openPage(frame);
    click(win, '.banner [data-action="accept"]');
    expect(win.document.cookie).to.contain('ad_id=abc');
    expect(win.localStorage.getItem('ad_profile')).to.equal('sports');
    win.document.getElementById('settings-link')!.click();
    await (win.document.querySelector('cookie-consent') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(win).querySelector('dialog')!.open).to.equal(true);
    shadow(win).querySelector<HTMLInputElement>('#cc-switch-advertising')!.click();
    const reload = reloaded(frame);
    click(win, 'dialog [data-action="save"]');
    win = await reload;
    expect(win.document.cookie).not.to.contain('ad_id');
    expect(win.localStorage.getItem('ad_profile')).to.equal(null);
    expect(win.ran).to.deep.equal(['analytics']);
    expect(win.CookieConsent!.hasConsent('advertising')).to.equal(false);
  });

  it('draws into the page’s own <cookie-consent> when the page places one after its content', async () => {
    const win = await openPage(frame, '/test/fixtures/late-element-page.html');
    const elements = Array.from(win.document.querySelectorAll('cookie-consent'), (element) => element.id);
    expect(elements, 'one element, the page’s').to.deep.equal(['page-own']);
    expect(has(shadow(win), '.banner [data-action="accept"]'), 'banner drawn in it').to.equal(true);
  });

  it('takes the config from <cookie-consent config> when the script tag has no data-config, on a returning visit too', async () => {
    let win = await openPage(frame, '/test/fixtures/element-config-page.html');
    expect(has(shadow(win), '.banner'), 'banner shown').to.equal(true);
    click(win, '.banner [data-action="accept"]');
    expect(win.ran).to.deep.equal(['analytics', 'advertising']);
    win = await openPage(frame, '/test/fixtures/element-config-page.html');
    // Only the script-tag file is loaded, and it read the element's attribute itself.
    const interfaceFetched = win.performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/cookie-consent.interface.js'));
    expect(interfaceFetched, 'the interface').to.equal(false);
    expect(win.ran).to.deep.equal(['analytics', 'advertising']);
  });

  it('loading the script twice is harmless', async () => {
    const win = await openPage(frame);
    const api = win.CookieConsent;
    const again = win.document.createElement('script');
    const loaded = new Promise((resolve) => again.addEventListener('load', resolve));
    again.src = '/dist/cookie-consent.min.js';
    again.dataset.config = '#cookie-config';
    win.document.head.append(again);
    await loaded;
    expect(win.CookieConsent).to.equal(api);
    expect(win.document.querySelectorAll('cookie-consent')).to.have.length(1);
  });
});
