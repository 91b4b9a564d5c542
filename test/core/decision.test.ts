import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { createRecord, type ConsentGrants } from '../../src/core/consent-record.js';
import { acceptAllChoices, grantChoices, mergedChoices } from '../../src/core/decision.js';

const { config } = parseConfig({
  provider: { name: 'Call Flow', policyUrl: '/privacy' },
  revision: 1,
  categories: [
    'necessary',
    { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics' }, { id: 'matomo', name: 'Matomo' }] },
    { id: 'advertising', saleOrSharing: true, services: [{ id: 'ads', name: 'Google Ads' }] },
  ],
});
const id = '3f2b8c1e-9a4d-4e7f-8b2a-1c5d6e7f8a9b';
const now = new Date('2026-03-01T12:00:00.000Z');
const analyticsOnly = createRecord(config, { categories: { analytics: true }, services: { ga4: true, matomo: false } }, { id, now });

describe('consent rules', () => {
  describe('acceptAllChoices', () => {
    const cases: [string, boolean, Record<string, boolean>][] = [
      ['grants every category without Global Privacy Control', false, { necessary: true, analytics: true, advertising: true }],
      ['leaves out sale/sharing categories under Global Privacy Control', true, { necessary: true, analytics: true, advertising: false }],
    ];
    for (const [name, gpc, categories] of cases) {
      it(name, () => expect(acceptAllChoices(config, gpc)).to.deep.equal({ categories }));
    }
  });

  describe('mergedChoices', () => {
    const current: ConsentGrants = { categories: { necessary: true, analytics: true, advertising: false }, services: { ga4: true, matomo: false, ads: false } };
    const cases: [string, ConsentGrants | null, Record<string, boolean>, Record<string, boolean> | undefined, ConsentGrants][] = [
      [
        'keeps every choice not named',
        current,
        { analytics: false },
        undefined,
        { categories: { necessary: true, analytics: false, advertising: false }, services: { ads: false } },
      ],
      [
        'named services override the current ones',
        current,
        {},
        { matomo: true, ga4: false },
        { categories: { necessary: true, analytics: true, advertising: false }, services: { ga4: false, matomo: true, ads: false } },
      ],
      [
        'a category granted by the call takes its services, refused before',
        current,
        { advertising: true },
        undefined,
        { categories: { necessary: true, analytics: true, advertising: true }, services: { ga4: true, matomo: false } },
      ],
      [
        'a category named as it already is keeps its services\' choices',
        current,
        { analytics: true },
        undefined,
        { categories: { necessary: true, analytics: true, advertising: false }, services: { ga4: true, matomo: false, ads: false } },
      ],
      [
        'a category changed by the call, with services named too',
        current,
        { advertising: true },
        { ads: false },
        { categories: { necessary: true, analytics: true, advertising: true }, services: { ga4: true, matomo: false, ads: false } },
      ],
      ['nothing granted yet: only what is named', null, { analytics: true }, undefined, { categories: { analytics: true }, services: {} }],
    ];
    for (const [name, grants, categories, services, expected] of cases) {
      it(name, () => expect(mergedChoices(config, grants, categories, services)).to.deep.equal(expected));
    }

    it('never changes the grants it starts from', () => {
      const before = structuredClone(current);
      mergedChoices(config, current, { analytics: false }, { ga4: false });
      expect(current).to.deep.equal(before);
    });
  });

  describe('grantChoices (a placeholder\'s Allow)', () => {
    const cases: [string, Parameters<typeof grantChoices>[1], string[], string[], ReturnType<typeof grantChoices>][] = [
      [
        'a category grants it and all its services',
        null,
        ['analytics'],
        [],
        { choices: { categories: { analytics: true }, services: { ga4: true, matomo: true } }, unknown: [] },
      ],
      [
        'a service grants it and its category, keeping the other choices',
        analyticsOnly,
        [],
        ['ads'],
        {
          choices: { categories: { necessary: true, analytics: true, advertising: true }, services: { ga4: true, matomo: false, ads: true } },
          unknown: [],
        },
      ],
      [
        'a category named with one of its services grants only that service',
        null,
        ['analytics'],
        ['matomo'],
        { choices: { categories: { analytics: true }, services: { matomo: true } }, unknown: [] },
      ],
    ];
    for (const [name, record, categories, services, expected] of cases) {
      it(name, () => expect(grantChoices(config, record, categories, services)).to.deep.equal(expected));
    }

    it('names what the config does not declare, so nothing is granted', () => {
      expect(grantChoices(config, null, ['video', 'analytics'], ['vimeo', 'ga4']).unknown).to.deep.equal(['video', 'vimeo']);
    });
  });
});
