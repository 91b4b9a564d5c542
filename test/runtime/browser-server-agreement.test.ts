import { expect } from '@open-wc/testing';
import { installApi, type CookieConsentApi } from '../../src/api.js';
import { pageRuntime } from '../../src/runtime/page-runtime.js';
import { readConsent } from '../../src/server.js';
import { baseConfig, resetPage } from '../helpers.js';

/** A config with a sale/sharing category, so Global Privacy Control changes what may run. */
const config = {
  ...baseConfig,
  categories: [
    'necessary',
    { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics' }, { id: 'matomo', name: 'Matomo' }] },
    { id: 'advertising', saleOrSharing: true, services: [{ id: 'ads', name: 'Google Ads' }] },
  ],
};
const categories = ['necessary', 'analytics', 'advertising'];

/** This browser's Global Privacy Control signal, as the runtime reads it. */
let signal = false;

interface Case {
  name: string;
  /** The signal when the visitor decides, then when the page is read again. */
  gpc: [boolean, boolean];
  decide(api: CookieConsentApi): void;
  /** Whether the sale/sharing category may run in the end. */
  advertising: boolean;
}

const cases: Case[] = [
  { name: 'Accept all', advertising: true, gpc: [false, false], decide: (api) => api.acceptAll() },
  { name: 'Accept all under Global Privacy Control', advertising: false, gpc: [true, true], decide: (api) => api.acceptAll() },
  { name: 'Accept all, then the browser sends Global Privacy Control', advertising: false, gpc: [false, true], decide: (api) => api.acceptAll() },
  { name: 'Reject all', advertising: false, gpc: [false, false], decide: (api) => api.rejectAll() },
  {
    name: 'setConsent, named in two calls',
    advertising: true,
    gpc: [false, false],
    decide: (api) => {
      api.setConsent({ analytics: true }, { matomo: false });
      api.setConsent({ advertising: true });
    },
  },
  { name: 'setConsent naming a sale/sharing category under Global Privacy Control (a choice of its own)', advertising: true, gpc: [true, true], decide: (api) => api.setConsent({ advertising: true, analytics: true }) },
  {
    name: 'setConsent without the signal, read with it',
    advertising: false,
    gpc: [false, true],
    decide: (api) => {
      api.acceptAll();
      api.setConsent({ analytics: false });
    },
  },
];

describe('the browser and the server agree on what may run', () => {
  before(() => Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, get: () => signal }));
  after(() => delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl);
  afterEach(() => {
    signal = false;
    resetPage();
  });

  for (const { name, gpc, decide, advertising } of cases) {
    it(name, async () => {
      const runtime = pageRuntime();
      const api = installApi(runtime);
      await runtime.init(config);
      [signal] = gpc;
      decide(api);
      signal = gpc[1];
      const server = readConsent(document.cookie, config, { gpc: signal });
      expect(server.problem, 'the server reads the cookie the browser wrote').to.equal(undefined);
      expect(server.grants, 'grants').to.deep.equal(runtime.grants());
      for (const category of categories) expect(server.hasConsent(category), category).to.equal(api.hasConsent(category));
      expect(api.hasConsent('advertising'), 'advertising may run').to.equal(advertising);
    });
  }
});
