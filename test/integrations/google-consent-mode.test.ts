import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { createRecord } from '../../src/core/consent-record.js';
import { consentModeState, type ConsentModeState } from '../../src/core/consent-mode.js';
import { pushConsentMode } from '../../src/page/data-layer.js';

const provider = { name: 'Example Ltd', policyUrl: '/privacy' };

function configWith(googleConsentMode: unknown) {
  const { config, errors } = parseConfig({ provider, googleConsentMode });
  expect(errors, JSON.stringify(errors)).to.deep.equal([]);
  return config;
}

/** The grants after a visitor chose these categories. */
const grantsFor = (config: ReturnType<typeof configWith>, categories: Record<string, boolean>) =>
  createRecord(config, { categories }, { id: '3b241101-e2bb-4255-8caf-4136c566a962', now: new Date() });

const ALL_TYPES = ['ad_personalization', 'ad_storage', 'ad_user_data', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];

/** The types granted in a state, sorted. */
const granted = (state: ConsentModeState) =>
  Object.keys(state)
    .filter((type) => state[type] === 'granted')
    .sort();

describe('Google Consent Mode v2', () => {
  describe('consentModeState', () => {
    const config = configWith(true);

    it('names every Consent Mode v2 type, each granted or denied', () => {
      const state = consentModeState(config, null);
      expect(Object.keys(state).sort()).to.deep.equal(ALL_TYPES);
      expect(Object.values(state).every((value) => value === 'granted' || value === 'denied')).to.equal(true);
    });

    it('denies everything but security storage before any decision', () => {
      expect(granted(consentModeState(config, null))).to.deep.equal(['security_storage']);
    });

    it('keeps functionality storage denied by default, since preferences need consent', () => {
      expect(consentModeState(config, null).functionality_storage).to.equal('denied');
    });

    const decisions: Array<[string, Record<string, boolean>, string[]]> = [
      ['accept all', { preferences: true, analytics: true, advertising: true }, ALL_TYPES],
      ['reject all', { preferences: false, analytics: false, advertising: false }, ['security_storage']],
      ['analytics only', { analytics: true }, ['analytics_storage', 'security_storage']],
      ['advertising only', { advertising: true }, ['ad_personalization', 'ad_storage', 'ad_user_data', 'security_storage']],
      ['preferences only', { preferences: true }, ['functionality_storage', 'personalization_storage', 'security_storage']],
      ['preferences and analytics', { preferences: true, analytics: true }, ['analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage']],
    ];
    for (const [decision, categories, expected] of decisions) {
      it(`after "${decision}" grants ${expected.join(', ')}`, () => {
        expect(granted(consentModeState(config, grantsFor(config, categories)))).to.deep.equal(expected);
      });
    }

    describe('with a custom mapping', () => {
      const custom = configWith({ mapping: { necessary: ['functionality_storage'], analytics: ['analytics_storage', 'personalization_storage'] } });

      it('grants a type mapped to the necessary category from the start', () => {
        expect(granted(consentModeState(custom, null))).to.deep.equal(['functionality_storage', 'security_storage']);
      });

      it('grants the types mapped to a category when it is granted', () => {
        expect(granted(consentModeState(custom, grantsFor(custom, { analytics: true })))).to.deep.equal([
          'analytics_storage',
          'functionality_storage',
          'personalization_storage',
          'security_storage',
        ]);
      });

      it('never grants a type no category maps, even after "accept all"', () => {
        const state = consentModeState(custom, grantsFor(custom, { preferences: true, analytics: true, advertising: true }));
        expect(state).to.include({ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
      });
    });
  });

  describe('pushConsentMode', () => {
    const state = consentModeState(configWith(true), null);

    /** An entry the way gtag() makes it: an Arguments object, not an array. */
    const expectGtagEntry = (entry: unknown, command: string) => {
      expect(Object.prototype.toString.call(entry)).to.equal('[object Arguments]');
      expect(Array.from(entry as ArrayLike<unknown>)).to.deep.equal(['consent', command, state]);
    };

    it('creates the data layer when the page has none', () => {
      const win = {} as Window & { dataLayer?: unknown[] };
      pushConsentMode(win, 'default', state);
      expect(win.dataLayer).to.have.length(1);
      expectGtagEntry(win.dataLayer![0], 'default');
    });

    it('puts the default first, ahead of what the page queued before', () => {
      const queued = [{ event: 'gtm.js' }, { event: 'page_view' }];
      const win = { dataLayer: [...queued] } as unknown as Window & { dataLayer: unknown[] };
      pushConsentMode(win, 'default', state);
      expectGtagEntry(win.dataLayer[0], 'default');
      expect(win.dataLayer.slice(1)).to.deep.equal(queued);
    });

    it('adds an update at the end', () => {
      const queued = [{ event: 'gtm.js' }];
      const win = { dataLayer: [...queued] } as unknown as Window & { dataLayer: unknown[] };
      pushConsentMode(win, 'update', state);
      expect(win.dataLayer[0]).to.deep.equal(queued[0]);
      expectGtagEntry(win.dataLayer[1], 'update');
    });

    it('keeps the same array the page (and Google’s tag) already holds', () => {
      const dataLayer: unknown[] = [];
      const win = { dataLayer } as unknown as Window & { dataLayer: unknown[] };
      pushConsentMode(win, 'default', state);
      pushConsentMode(win, 'update', state);
      expect(win.dataLayer).to.equal(dataLayer);
      expect(dataLayer).to.have.length(2);
    });
  });
});
