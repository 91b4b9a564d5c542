import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearCookies } from '../helpers.js';
import { enGB } from '../../src/i18n/en-GB.js';
import type { ProofOfConsent } from '../../src/page/consent-log.js';

/** The script-tag build on a real page, in a same-origin frame so it can be reloaded. */
type PageWindow = Window & typeof globalThis & { ran?: string[]; dataLayer: unknown[] };

const CONSENT_MODE_PAGE = '/test/fixtures/consent-mode-page.html';
const LOG_PAGE = '/test/fixtures/consent-log-page.html';
const QUEUE_KEY = 'cookie_consent_log';
/** The fixture config's privacy policy (test/fixtures/consent-log-page.json). */
const POLICY_URL = '/privacy';

async function ready(frame: HTMLIFrameElement): Promise<PageWindow> {
  const win = frame.contentWindow as PageWindow;
  await win.CookieConsent!.ready;
  await (win.document.querySelector('cookie-consent') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return win;
}

async function openPage(frame: HTMLIFrameElement, path: string): Promise<PageWindow> {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  await loaded;
  return ready(frame);
}

/** Waits for the frame's next load (the widget reloads the page after a withdrawal). */
async function reloaded(frame: HTMLIFrameElement): Promise<PageWindow> {
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return ready(frame);
}

const shadow = (win: PageWindow) => win.document.querySelector('cookie-consent')!.shadowRoot!;
const click = (win: PageWindow, selector: string) => shadow(win).querySelector<HTMLElement>(selector)!.click();

/** Opens the dialog from the banner, flips these categories' switches and saves. */
async function saveInDialog(win: PageWindow, categories: string[]): Promise<void> {
  click(win, '.banner [data-action="manage"]');
  await (win.document.querySelector('cookie-consent') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  expect(shadow(win).querySelector('dialog')!.open, 'dialog open').to.equal(true);
  for (const category of categories) click(win, `#cc-switch-${category}`);
  click(win, 'dialog [data-action="save"]');
}

type ConsentState = Record<string, 'granted' | 'denied'>;

const TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];

/** A full Consent Mode state: these types granted, every other type denied. */
const stateGranting = (...granted: string[]): ConsentState =>
  Object.fromEntries(TYPES.map((type) => [type, granted.includes(type) ? 'granted' : 'denied']));

const DEFAULT_STATE = stateGranting('security_storage');
const ADVERTISING = ['ad_storage', 'ad_user_data', 'ad_personalization'];

const isArguments = (entry: unknown) => Object.prototype.toString.call(entry) === '[object Arguments]';

/** A dataLayer entry as a plain array of this realm, so chai compares it by value. */
const asArray = (entry: unknown): unknown[] => JSON.parse(JSON.stringify(Array.from(entry as IArguments)));

/** Every `gtag('consent', …)` entry in the frame's dataLayer, as plain arrays. */
const consentEntries = (win: PageWindow) => win.dataLayer.filter((entry) => isArguments(entry) && (entry as IArguments)[0] === 'consent').map(asArray);

/** The `update` entries in the frame's dataLayer. */
const updates = (win: PageWindow) => consentEntries(win).filter(([, command]) => command === 'update');

async function receivedRecords(): Promise<ProofOfConsent[]> {
  return (await fetch('/__consent-log')).json();
}

/**
 * The records the receiver holds once it has at least `count`. Delivery is asynchronous by
 * design (a keepalive fetch that never holds up the page), so the test has to wait for it:
 * at most 50 × 20 ms.
 */
async function delivered(count: number): Promise<ProofOfConsent[]> {
  let records = await receivedRecords();
  for (let attempt = 0; attempt < 50 && records.length < count; attempt++) {
    await aTimeout(20);
    records = await receivedRecords();
  }
  return records;
}

/**
 * Waits until the frame has had an answer to `count` POSTs to the log endpoint (Resource Timing
 * lists a request once its response is complete); asynchronous like delivery, so bounded the same way.
 */
async function answered(win: PageWindow, count: number): Promise<void> {
  const endpoint = new URL('/consent', win.location.href).href;
  for (let attempt = 0; attempt < 50 && win.performance.getEntriesByName(endpoint).length < count; attempt++) await aTimeout(20);
  expect(win.performance.getEntriesByName(endpoint), 'POSTs answered').to.have.length(count);
}

/** Waits until the frame's queue of undelivered records is empty (emptied after the receiver's answer). */
async function queueEmptied(): Promise<void> {
  for (let attempt = 0; attempt < 50 && localStorage.getItem(QUEUE_KEY) !== null; attempt++) await aTimeout(20);
  expect(localStorage.getItem(QUEUE_KEY), 'queued records').to.equal(null);
}

/** A well-formed proof record for the decision stored in the frame, with exactly the agreed fields. */
function expectProofOf(record: ProofOfConsent, win: PageWindow, decision: string, method: string): void {
  const stored = win.CookieConsent!.getConsent()!;
  expect(Object.keys(record).sort()).to.deep.equal(['categories', 'configHash', 'decision', 'gpc', 'id', 'language', 'method', 'revision', 'services', 'shown', 'timestamp']);
  expect(record.configHash).to.match(/^sha256:[0-9a-f]{64}$/);
  expect(record).to.deep.include({
    id: stored.id,
    timestamp: stored.timestamp,
    revision: 1,
    decision,
    method,
    categories: stored.categories,
    services: {},
    gpc: false,
    language: 'en-GB',
  });
  // What the visitor was shown, as they read it: the strings, each category's title, the policy.
  expect(record.shown.strings.acceptAll).to.equal('Accept all');
  expect(record.shown.categories.map(({ id, title }) => `${id}: ${title}`)).to.include('analytics: Analytics');
  expect(record.shown.policyUrl).to.equal(POLICY_URL);
}

async function resetEverything(): Promise<void> {
  clearCookies();
  localStorage.clear();
  await fetch('/__consent-log', { method: 'DELETE' });
}

describe('Consent Mode, Global Privacy Control and proof of consent on a whole page', () => {
  let frame: HTMLIFrameElement;
  beforeEach(async () => {
    await resetEverything();
    frame = await fixture<HTMLIFrameElement>(html`<iframe style="width: 800px; height: 600px"></iframe>`);
  });
  afterEach(resetEverything);

  describe('Google Consent Mode v2', () => {
    it('puts the default first in dataLayer, ahead of what the page queued before the config arrived', async () => {
      const win = await openPage(frame, CONSENT_MODE_PAGE);
      expect(win.dataLayer).to.have.length(3);
      const [first, ...rest] = win.dataLayer;
      expect(isArguments(first), 'an Arguments object, as gtag() makes').to.equal(true);
      expect(asArray(first)).to.deep.equal(['consent', 'default', DEFAULT_STATE]);
      expect(rest).to.deep.equal([{ event: 'page' }, { event: 'after-widget' }]);
      expect(updates(win), 'no update before a decision').to.deep.equal([]);
    });

    it('Accept all pushes one update granting everything, and a reload pushes it once from the stored choice', async () => {
      let win = await openPage(frame, CONSENT_MODE_PAGE);
      click(win, '.banner [data-action="accept"]');
      expect(updates(win)).to.deep.equal([['consent', 'update', stateGranting(...TYPES)]]);
      expect(isArguments(win.dataLayer.at(-1))).to.equal(true);

      win = await openPage(frame, CONSENT_MODE_PAGE);
      expect(asArray(win.dataLayer[0]), 'the default still first').to.deep.equal(['consent', 'default', DEFAULT_STATE]);
      expect(updates(win)).to.deep.equal([['consent', 'update', stateGranting(...TYPES)]]);
    });

    it('Reject all pushes one update denying everything but security storage, and again once after a reload', async () => {
      let win = await openPage(frame, CONSENT_MODE_PAGE);
      click(win, '.banner [data-action="reject"]');
      expect(updates(win)).to.deep.equal([['consent', 'update', DEFAULT_STATE]]);

      win = await openPage(frame, CONSENT_MODE_PAGE);
      expect(updates(win)).to.deep.equal([['consent', 'update', DEFAULT_STATE]]);
    });

    it('a choice saved in the dialog pushes one update for just the categories chosen, and again once after a reload', async () => {
      let win = await openPage(frame, CONSENT_MODE_PAGE);
      await saveInDialog(win, ['analytics']);
      const expected = stateGranting('analytics_storage', 'security_storage');
      expect(updates(win)).to.deep.equal([['consent', 'update', expected]]);

      win = await openPage(frame, CONSENT_MODE_PAGE);
      expect(updates(win)).to.deep.equal([['consent', 'update', expected]]);
      expect(win.ran).to.deep.equal(['analytics']);
    });
  });

  describe('Global Privacy Control', () => {
    it('the banner says the signal is honoured, and nothing is granted without a decision', async () => {
      let win = await openPage(frame, CONSENT_MODE_PAGE);
      expect(shadow(win).querySelector('.banner')!.textContent, 'no signal, no line').not.to.contain(enGB.gpcHonoured);

      win = await openPage(frame, `${CONSENT_MODE_PAGE}?gpc=1`);
      expect(win.navigator.globalPrivacyControl, 'emulated').to.equal(true);
      expect(shadow(win).querySelector('.banner')!.textContent).to.contain(enGB.gpcHonoured);
      expect(win.CookieConsent!.hasConsent('advertising')).to.equal(false);
      expect(win.ran).to.equal(undefined);
    });

    it('Accept all leaves advertising off, grants analytics and records the signal', async () => {
      const win = await openPage(frame, `${CONSENT_MODE_PAGE}?gpc=1`);
      click(win, '.banner [data-action="accept"]');
      const record = win.CookieConsent!.getConsent()!;
      expect(record.categories).to.include({ advertising: false, analytics: true });
      expect(record.gpc).to.equal(true);
      expect(win.CookieConsent!.hasConsent('advertising')).to.equal(false);
      expect(win.ran).to.deep.equal(['analytics']);
      expect(updates(win)).to.deep.equal([['consent', 'update', stateGranting('analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage')]]);
    });

    it('the dialog can still turn advertising on, and it stays on after a reload with the signal', async () => {
      let win = await openPage(frame, `${CONSENT_MODE_PAGE}?gpc=1`);
      await saveInDialog(win, ['advertising']);
      const record = win.CookieConsent!.getConsent()!;
      expect(record.categories.advertising).to.equal(true);
      expect(record.gpc).to.equal(true);
      expect(win.ran).to.deep.equal(['advertising']);

      win = await openPage(frame, `${CONSENT_MODE_PAGE}?gpc=1`);
      expect(win.CookieConsent!.hasConsent('advertising')).to.equal(true);
      expect(win.ran).to.deep.equal(['advertising']);
      expect(updates(win)).to.deep.equal([['consent', 'update', stateGranting(...ADVERTISING, 'security_storage')]]);
    });

    it('an Accept all stored before the browser sent the signal does not grant advertising under it', async () => {
      let win = await openPage(frame, CONSENT_MODE_PAGE);
      click(win, '.banner [data-action="accept"]');
      expect(win.CookieConsent!.getConsent()!).to.deep.include({ gpc: false });
      expect(win.CookieConsent!.hasConsent('advertising'), 'granted without the signal').to.equal(true);

      win = await openPage(frame, `${CONSENT_MODE_PAGE}?gpc=1`);
      expect(win.CookieConsent!.hasConsent('advertising')).to.equal(false);
      expect(win.CookieConsent!.hasConsent('analytics')).to.equal(true);
      expect(win.ran, 'the held advertising script stays held').to.deep.equal(['analytics']);
      expect(updates(win)).to.deep.equal([['consent', 'update', stateGranting('analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage')]]);
    });
  });

  describe('proof of consent', () => {
    it('Accept all in the banner sends one record', async () => {
      const win = await openPage(frame, LOG_PAGE);
      click(win, '.banner [data-action="accept"]');
      const records = await delivered(1);
      expect(records).to.have.length(1);
      expectProofOf(records[0], win, 'accept', 'banner');
      expect(records[0].categories).to.deep.equal({ necessary: true, preferences: true, analytics: true, advertising: true });
    });

    it('Reject all in the banner sends one record', async () => {
      const win = await openPage(frame, LOG_PAGE);
      click(win, '.banner [data-action="reject"]');
      const records = await delivered(1);
      expect(records).to.have.length(1);
      expectProofOf(records[0], win, 'reject', 'banner');
      expect(records[0].categories).to.deep.equal({ necessary: true, preferences: false, analytics: false, advertising: false });
    });

    it('a choice saved in the dialog sends one record', async () => {
      const win = await openPage(frame, LOG_PAGE);
      await saveInDialog(win, ['analytics']);
      const records = await delivered(1);
      expect(records).to.have.length(1);
      expectProofOf(records[0], win, 'custom', 'dialog');
      expect(records[0].categories).to.deep.equal({ necessary: true, preferences: false, analytics: true, advertising: false });
    });

    it('withdrawing in the dialog on a later visit sends one more record, even though the page reloads', async () => {
      let win = await openPage(frame, LOG_PAGE);
      click(win, '.banner [data-action="accept"]');
      const [accepted] = await delivered(1);

      win = await openPage(frame, LOG_PAGE);
      // A returning visit: the settings link fetches the interface, then opens the dialog.
      win.document.getElementById('settings-link')!.click();
      await waitUntil(() => shadow(win).querySelector('dialog')?.open, 'dialog open');
      click(win, '#cc-switch-advertising');
      const reload = reloaded(frame);
      click(win, 'dialog [data-action="save"]');
      win = await reload;

      const records = await delivered(2);
      expect(records).to.have.length(2);
      expect(records[0]).to.deep.equal(accepted);
      expectProofOf(records[1], win, 'withdraw', 'dialog');
      expect(records[1].id, 'the withdrawal is logged under the consent id of the acceptance it withdraws').to.equal(accepted.id);
      expect(records[1].categories).to.deep.equal({ necessary: true, preferences: true, analytics: true, advertising: false });
    });

    it('a record whose POST failed is delivered on the next page load', async () => {
      await fetch('/__consent-log/fail?count=1', { method: 'POST' });
      let win = await openPage(frame, LOG_PAGE);
      click(win, '.banner [data-action="accept"]');
      await answered(win, 1);
      const id = win.CookieConsent!.getConsent()!.id;
      expect(await receivedRecords(), 'the receiver answered 503').to.deep.equal([]);
      const queued = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as ProofOfConsent[];
      expect(queued.map((record) => record.id)).to.deep.equal([id]);

      win = await openPage(frame, LOG_PAGE);
      const records = await delivered(1);
      expect(records).to.have.length(1);
      expect(records[0]).to.deep.equal(queued[0]);
      expect(records[0].id).to.equal(id);
      await queueEmptied();
    });
  });
});
