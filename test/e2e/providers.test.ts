import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CookieConsentApi } from '../../src/api.js';
import { has } from '../helpers.js';

/**
 * Each demo site (demo/<provider>.html) as a visitor meets it: the built script tag, the provider's
 * seed config and the local stand-ins for its third-party scripts, in a same-origin frame so the
 * page can be reloaded. Run `npx rollup -c` first: the pages load dist/cookie-consent.min.js.
 */
type DemoWindow = Window & typeof globalThis & { demoRan?: string[]; CookieConsent: CookieConsentApi };

interface SeedConfig {
  provider: { name: string; policyUrl: string };
  categories: string[];
  cookies: Array<{ name?: string; category: string; domain?: string }>;
  texts: Record<string, Record<string, string>>;
}

/** What each page holds until consent: its stand-ins and the first-party cookies they set. */
const PROVIDERS: Array<{ id: string; standIns: string[]; cookies: string[] }> = [
  { id: 'clear-picture', standIns: ['preferences'], cookies: ['cc_demo_pref'] },
  { id: 'call-flow', standIns: ['advertising', 'preferences', 'video-frame'], cookies: ['_gcl_au', 'cc_demo_pref'] },
  { id: 'cloud-phone', standIns: ['analytics', 'preferences', 'video-frame'], cookies: ['_ga', '_gid', 'cc_demo_pref'] },
  { id: 'claranet-soho', standIns: ['advertising', 'analytics', 'preferences', 'video-frame'], cookies: ['__gads', '_ga', '_gid', 'cc_demo_pref'] },
  { id: 'cmm-telecoms', standIns: ['advertising', 'video-frame'], cookies: ['cc_demo_popup'] },
];

/** Deletes every cookie of this host (the pages set theirs on path /). */
function clearCookies(): void {
  for (const pair of document.cookie.split('; ').filter(Boolean)) {
    document.cookie = `${pair.split('=')[0]}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}

async function loadSeed(id: string): Promise<SeedConfig> {
  return (await fetch(`/seeds/${id}/cookie-consent.json`)).json();
}

/** Opens (or reloads) a page in the frame and waits until the widget knows the stored decision. */
async function openPage(frame: HTMLIFrameElement, path: string): Promise<DemoWindow> {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  if (frame.contentWindow?.location.pathname === path) frame.contentWindow.location.reload();
  else frame.src = path;
  await loaded;
  const win = frame.contentWindow as DemoWindow;
  await win.CookieConsent.ready;
  await widget(win).updateComplete;
  return win;
}

const widget = (win: DemoWindow) => win.document.querySelector('cookie-consent') as HTMLElement & { updateComplete: Promise<unknown> };
const shadow = (win: DemoWindow) => widget(win).shadowRoot!;
const cookieNames = (win: DemoWindow) => win.document.cookie.split('; ').filter(Boolean).map((pair) => pair.split('=')[0]);

/** Resolves once every one of these stand-ins has reported that it ran. */
function standInsRan(win: DemoWindow, names: string[]): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (names.every((name) => win.demoRan?.includes(name))) {
        win.document.removeEventListener('demo-stand-in-ran', check);
        resolve();
      }
    };
    win.document.addEventListener('demo-stand-in-ran', check);
    check();
  });
}

/** Nothing held has been let through: every stand-in script is still inert and every embed a placeholder. */
function expectNothingReleased(win: DemoWindow, provider: (typeof PROVIDERS)[number]): void {
  expect(win.demoRan, 'stand-ins that ran').to.deep.equal([]);
  const scripts = Array.from(win.document.querySelectorAll<HTMLScriptElement>('script[data-category]'));
  expect(scripts.map((script) => script.type)).to.deep.equal(scripts.map(() => 'text/plain'));
  expect(scripts.length, 'held stand-in scripts').to.equal(provider.standIns.filter((name) => name !== 'video-frame').length);
  const embeds = provider.standIns.includes('video-frame') ? 1 : 0;
  expect(win.document.querySelectorAll('cookie-consent-placeholder').length, 'placeholders').to.equal(embeds);
  expect(has(win.document, 'iframe[src*="video-frame"]'), 'a loaded video frame').to.equal(false);
}

describe('demo sites (demo/<provider>.html)', () => {
  let frame: HTMLIFrameElement;
  beforeEach(async () => {
    clearCookies();
    frame = await fixture<HTMLIFrameElement>(html`<iframe style="width: 1024px; height: 700px"></iframe>`);
  });
  // Every page shares this host's cookie jar: no provider may see another's cookies or decision.
  afterEach(() => clearCookies());

  for (const provider of PROVIDERS) {
    const path = `/demo/${provider.id}.html`;

    describe(provider.id, () => {
      let seed: SeedConfig;
      before(async () => {
        seed = await loadSeed(provider.id);
      });

      it('shows the banner with the provider’s title and privacy policy, and nothing optional has run', async () => {
        const win = await openPage(frame, path);
        const banner = shadow(win).querySelector('.banner');
        expect(banner !== null, 'banner shown').to.equal(true);
        expect(banner!.querySelector('#cc-title')!.textContent).to.equal(seed.texts['en-GB'].title);
        expect(banner!.querySelector('a[part="link"]')!.getAttribute('href')).to.equal(seed.provider.policyUrl);
        const footerPolicy = Array.from(win.document.querySelectorAll('footer a')).find((link) => link.textContent === 'Privacy policy');
        expect(footerPolicy?.getAttribute('href'), 'the footer’s Privacy policy link').to.equal(seed.provider.policyUrl);
        expectNothingReleased(win, provider);
      });

      it('the stand-ins on the page belong to categories the config has', async () => {
        const win = await openPage(frame, path);
        const held = Array.from(win.document.querySelectorAll('[data-category]'), (element) => element.getAttribute('data-category')!);
        expect(held).not.to.be.empty;
        for (const category of held) expect(seed.categories, `data-category="${category}"`).to.include(category);
      });

      it('Reject all → only strictly necessary cookies and no stand-in, also after a reload', async () => {
        let win = await openPage(frame, path);
        shadow(win).querySelector<HTMLElement>('.banner [data-action="reject"]')!.click();
        const necessary = seed.cookies.filter((cookie) => cookie.category === 'necessary').map((cookie) => cookie.name);
        expect(cookieNames(win)).to.include('cookie_consent');
        for (const name of cookieNames(win)) expect(necessary, `cookie ${name}`).to.include(name);
        expectNothingReleased(win, provider);

        win = await openPage(frame, path);
        expect(has(shadow(win), '.banner'), 'banner after reload').to.equal(false);
        expect(win.CookieConsent.getConsent()!.categories).to.deep.equal(
          Object.fromEntries(seed.categories.map((category) => [category, category === 'necessary'])),
        );
        for (const name of cookieNames(win)) expect(necessary, `cookie ${name}`).to.include(name);
        expectNothingReleased(win, provider);

        // The footer's Cookie settings link opens the dialog, where the choice can be changed. A
        // returning visitor's page loads the interface only to draw a held embed's placeholder;
        // without one, the link fetches it first.
        const embeds = provider.standIns.includes('video-frame');
        const interfaceFetched = win.performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/cookie-consent.interface.js'));
        expect(interfaceFetched, 'the interface on a returning visit').to.equal(embeds);
        win.document.querySelector<HTMLElement>('footer [data-cookie-consent="preferences"]')!.click();
        await waitUntil(() => shadow(win).querySelector('dialog')?.open, 'dialog open');
      });

      it('Accept all → every stand-in runs and every cookie on the page is declared in the config', async () => {
        let win = await openPage(frame, path);
        const ran = standInsRan(win, provider.standIns);
        shadow(win).querySelector<HTMLElement>('.banner [data-action="accept"]')!.click();
        await ran;
        expect([...win.demoRan!].sort()).to.deep.equal(provider.standIns);
        expect(cookieNames(win)).to.include.members(['cookie_consent', ...provider.cookies]);
        let audit = await win.CookieConsent.audit();
        expect(audit.filter((entry) => !entry.declared).map((entry) => entry.name), 'undeclared cookies').to.deep.equal([]);
        expect(audit.filter((entry) => entry.mismatch).map((entry) => `${entry.name}: ${entry.mismatch}`), 'lifetime mismatches').to.deep.equal([]);

        // A returning visitor: the stored decision lets the stand-ins run as the page loads.
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        win.location.reload();
        await loaded;
        win = frame.contentWindow as DemoWindow;
        await win.CookieConsent.ready;
        await widget(win).updateComplete;
        expect(has(shadow(win), '.banner'), 'banner after reload').to.equal(false);
        await standInsRan(win, provider.standIns);
        audit = await win.CookieConsent.audit();
        expect(audit.filter((entry) => !entry.declared).map((entry) => entry.name), 'undeclared cookies after reload').to.deep.equal([]);
      });
    });
  }
});
