import { expect, waitUntil } from '@open-wc/testing';
import { installApi } from '../../../src/api.js';
import type { ConsentRuntime } from '../../../src/runtime/consent-runtime.js';
import { parseConfig } from '../../../src/core/config/parse-config.js';
import { definePlaceholder, type CookieConsentPlaceholder } from '../../../src/elements/placeholder/placeholder.js';
import { Blocker, type Grants } from '../../../src/page/blocker.js';
import { pageRuntime } from '../../../src/runtime/page-runtime.js';
import { baseConfig, captureConsole, resetPage } from '../../helpers.js';
import { ACCEPT, REJECT, firstPartyRoundTrip, hitUrl, newRun, ran, resetSideEffects, serverCounts } from './helpers.js';

/**
 * Every name a plain object inherits ("constructor", "toString", "__proto__", …). A page or a visitor
 * can write any of them where a category or a service goes; none is granted unless the config
 * declares it and the visitor agrees.
 */
const NAMES = Object.getOwnPropertyNames(Object.prototype);
const SEEDS = ['call-flow', 'claranet-soho', 'clear-picture', 'cloud-phone', 'cmm-telecoms'];

/** Held markup for every name: as the category of a script and an iframe, and as the service of a script in `category`. */
function holdEveryName(container: Element, category: string, run: string): void {
  for (const name of NAMES) {
    const asCategory = document.createElement('script');
    asCategory.type = 'text/plain';
    asCategory.dataset.category = name;
    asCategory.text = `window.__ran.push(${JSON.stringify(`category ${name}`)})`;
    const asService = document.createElement('script');
    asService.type = 'text/plain';
    asService.dataset.category = category;
    asService.dataset.service = name;
    asService.text = `window.__ran.push(${JSON.stringify(`service ${name}`)})`;
    const frame = document.createElement('iframe');
    frame.dataset.category = name;
    frame.dataset.src = hitUrl(`${run}-${name}`);
    container.append(asCategory, asService, frame);
  }
}

/** The requests any held frame sent, once a later request has come back. */
async function framesLoaded(run: string): Promise<Record<string, number>> {
  await firstPartyRoundTrip(`control-${run}`);
  return serverCounts(run);
}

describe('names Object.prototype has, as categories and services', () => {
  let container: HTMLElement;
  let run: string;

  before(() => definePlaceholder());

  beforeEach(() => {
    run = newRun();
    resetSideEffects();
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    container.remove();
    resetSideEffects();
  });

  describe('the blocker', () => {
    let blocker: Blocker;

    beforeEach(() => {
      blocker = new Blocker(window);
      blocker.start();
      blocker.configure({});
    });

    afterEach(() => blocker.stop());

    const decisions: [string, Grants][] = [
      ['Reject all', REJECT],
      ['Accept all', ACCEPT],
      ['a service of analytics granted', { ...ACCEPT, services: { ga4: true } }],
    ];
    for (const [decision, grants] of decisions) {
      it(`holds markup that names one after ${decision}`, async () => {
        holdEveryName(container, 'analytics', run);
        blocker.update(grants);
        await Promise.resolve();
        expect(ran(), 'scripts that ran').to.deep.equal([]);
        expect(container.querySelectorAll('cookie-consent-placeholder').length, 'placeholders').to.equal(NAMES.length);
        expect(await framesLoaded(run), 'frames that loaded').to.deep.equal({});
      });
    }
  });

  describe('the runtime, on every seed config', () => {
    let runtime: ConsentRuntime;

    afterEach(() => resetPage());

    for (const seed of SEEDS) {
      it(`${seed}: Reject all, then Accept all, run none of them`, async () => {
        const config = await (await fetch(`/seeds/${seed}/cookie-consent.json`)).json();
        const optional = (config.categories as (string | { id: string })[]).map((entry) => (typeof entry === 'string' ? entry : entry.id)).find((id) => id !== 'necessary');
        resetPage();
        runtime = pageRuntime();
        holdEveryName(container, optional!, run);
        await runtime.init(config);
        expect(runtime.status, 'the seed config is valid').to.equal('ready');
        runtime.rejectAll('banner');
        await Promise.resolve();
        expect(ran(), 'scripts that ran after Reject all').to.deep.equal([]);
        runtime.acceptAll('banner');
        await Promise.resolve();
        expect(ran(), 'scripts that ran after Accept all').to.deep.equal([]);
        for (const name of NAMES) expect(runtime.hasConsent(name), `hasConsent("${name}")`).to.equal(false);
        expect(await framesLoaded(run), 'frames that loaded').to.deep.equal({});
      });
    }
  });

  describe('the API', () => {
    beforeEach(async () => {
      resetPage();
      await pageRuntime().init({
        ...baseConfig,
        categories: ['necessary', { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics' }] }, 'advertising'],
      });
      expect(pageRuntime().status, 'the config is valid').to.equal('ready');
      installApi(pageRuntime());
    });

    afterEach(() => resetPage());

    it('grants none of them through setConsent, and hasConsent answers false for each', async () => {
      holdEveryName(container, 'analytics', run);
      const api = window.CookieConsent!;
      for (const name of NAMES) api.setConsent({ [name]: true }, { [name]: true });
      api.setConsent({ analytics: true }, { ga4: true, ...Object.fromEntries(NAMES.map((name) => [name, true])) });
      await Promise.resolve();
      expect(ran(), 'scripts that ran').to.deep.equal([]);
      expect(NAMES.filter((name) => api.hasConsent(name)), 'names with consent').to.deep.equal([]);
      expect(api.getConsent()?.categories, 'the stored categories').to.deep.equal({ necessary: true, analytics: true, advertising: false });
      expect(api.getConsent()?.services, 'the stored services').to.deep.equal({ ga4: true });
      expect(await framesLoaded(run), 'frames that loaded').to.deep.equal({});
    });

    it('offers no Allow for one as a category, and names one as a service in an error rather than grant it', async () => {
      for (const [category, service] of NAMES.flatMap((name) => [[name, ''], ['analytics', name]])) {
        const frame = document.createElement('iframe');
        frame.dataset.category = category;
        if (service) frame.dataset.service = service;
        frame.dataset.src = hitUrl(`${run}-${category}-${service}`);
        container.append(frame);
      }
      await waitUntil(() => container.querySelectorAll('cookie-consent-placeholder').length === NAMES.length * 2, 'every frame has its placeholder');
      const placeholders = Array.from(container.querySelectorAll<CookieConsentPlaceholder>('cookie-consent-placeholder'));
      await Promise.all(placeholders.map((placeholder) => placeholder.updateComplete));
      const allow = placeholders.map((placeholder) => placeholder.shadowRoot!.querySelector<HTMLButtonElement>('[part="allow"]'));
      expect(placeholders.filter((placeholder, index) => allow[index] && !placeholder.service).map((placeholder) => placeholder.category), 'categories offered').to.deep.equal([]);
      const errors = await captureConsole('error', () => allow.forEach((button) => button?.click()));
      expect(window.CookieConsent!.getConsent(), 'no decision was made').to.equal(null);
      for (const name of NAMES) {
        expect(errors.filter((error) => error.includes(`cookie-consent: ${name} is not in the config`)).length, `errors naming ${name}`).to.equal(1);
      }
      expect(container.querySelectorAll('cookie-consent-placeholder').length, 'placeholders left').to.equal(NAMES.length * 2);
      expect(await framesLoaded(run), 'frames that loaded').to.deep.equal({});
    });
  });

  describe('the config', () => {
    it('refuses each as a key of hosts and of the Consent Mode mapping, naming its JSON path', () => {
      for (const name of NAMES) {
        const text = JSON.stringify({ ...baseConfig, googleConsentMode: { mapping: { analytics: ['analytics_storage'] } }, hosts: { analytics: ['x.example'] } })
          .replace('"hosts":{', `"hosts":{${JSON.stringify(name)}:["127.0.0.1"],`)
          .replace('"mapping":{', `"mapping":{${JSON.stringify(name)}:["ad_storage"],`);
        const { config, errors } = parseConfig(JSON.parse(text));
        const paths = errors.map((error) => error.path);
        expect(paths, `errors for ${name}`).to.include(`hosts.${name}`).and.include(`googleConsentMode.mapping.${name}`);
        expect(Object.keys(config.hosts), `hosts read for ${name}`).to.deep.equal(['analytics']);
        expect(Object.getPrototypeOf(config.googleConsentMode!.mapping), `the mapping's prototype for ${name}`).to.equal(Object.prototype);
        expect(Object.keys(config.googleConsentMode!.mapping), `the mapping read for ${name}`).to.deep.equal(['analytics']);
      }
    });

    it('keeps every cross-origin request refused when hosts names one', async () => {
      resetPage();
      const runtime = pageRuntime();
      const errors = await captureConsole('error', () => runtime.init(JSON.parse(`{"provider":{"name":"A","policyUrl":"https://a.example/p"},"hosts":{"__proto__":["127.0.0.1"]}}`)));
      expect(errors.join('\n'), 'the console error').to.contain('hosts.__proto__: unknown category "__proto__"');
      runtime.acceptAll('banner');
      let failed = false;
      await fetch(hitUrl(`${run}-fetch`)).catch(() => (failed = true));
      expect(failed, 'the cross-origin fetch failed').to.equal(true);
      expect(await framesLoaded(run), 'requests that arrived').to.deep.equal({});
      resetPage();
    });
  });
});
