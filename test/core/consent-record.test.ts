import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { createRecord, grantsAll, parseRecord, serializeRecord, withdrawnCategories, type ConsentRecord } from '../../src/core/consent-record.js';

const { config } = parseConfig({
  provider: { name: 'Call Flow', policyUrl: '/privacy' },
  revision: 2,
  categories: [
    'necessary',
    'preferences',
    { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics' }, { id: 'matomo', name: 'Matomo' }] },
    'advertising',
  ],
});
const id = '3f2b8c1e-9a4d-4e7f-8b2a-1c5d6e7f8a9b';
const now = new Date('2026-03-01T12:00:00.000Z');
const daysLater = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe('consent record', () => {
  describe('createRecord', () => {
    it('grants only what was chosen, and always the necessary category', () => {
      const record = createRecord(config, { categories: { analytics: true, necessary: false } }, { id, now });
      expect(record).to.deep.equal({
        version: 1,
        id,
        timestamp: '2026-03-01T12:00:00.000Z',
        revision: 2,
        categories: { necessary: true, preferences: false, analytics: true, advertising: false },
        services: { ga4: true, matomo: true },
        gpc: false,
      });
    });

    it('lets a service be refused inside a granted category', () => {
      const record = createRecord(config, { categories: { analytics: true }, services: { matomo: false } }, { id, now });
      expect(record.services).to.deep.equal({ ga4: true, matomo: false });
      expect(record.categories.analytics).to.equal(true);
    });

    it('refuses a category whose services are all refused', () => {
      const record = createRecord(config, { categories: { analytics: true }, services: { ga4: false, matomo: false } }, { id, now });
      expect(record.categories.analytics).to.equal(false);
    });

    it('never grants a service of a refused category', () => {
      const record = createRecord(config, { categories: { analytics: false }, services: { ga4: true } }, { id, now });
      expect(record.services).to.deep.equal({ ga4: false, matomo: false });
    });

    it('records the Global Privacy Control signal', () => {
      expect(createRecord(config, { categories: {} }, { id, now, gpc: true }).gpc).to.equal(true);
    });
  });

  describe('round trip', () => {
    it('reads back exactly what was written', () => {
      const record = createRecord(config, { categories: { preferences: true } }, { id, now });
      expect(parseRecord(serializeRecord(record), config, daysLater(10))).to.deep.equal({ record });
    });
  });

  describe('refusing stored values', () => {
    const good = createRecord(config, { categories: { analytics: true } }, { id, now });
    const tamper = (change: (record: Record<string, unknown>) => void) => {
      const copy = JSON.parse(serializeRecord(good)) as Record<string, unknown>;
      change(copy);
      return JSON.stringify(copy);
    };
    const cases: Array<[string, string | undefined, string]> = [
      ['no cookie', undefined, 'missing'],
      ['an empty cookie', '', 'missing'],
      ['truncated JSON', serializeRecord(good).slice(0, 40), 'malformed'],
      ['a JSON array', '[]', 'malformed'],
      ['a JSON string', '"yes"', 'malformed'],
      ['a missing field', tamper((record) => delete record.gpc), 'malformed'],
      ['an extra field', tamper((record) => (record.admin = true)), 'malformed'],
      ['an id that is not a UUID', tamper((record) => (record.id = 'abc')), 'malformed'],
      ['a timestamp that is not ISO', tamper((record) => (record.timestamp = 'yesterday')), 'malformed'],
      ['gpc not a boolean', tamper((record) => (record.gpc = 'no')), 'malformed'],
      ['another format version', tamper((record) => (record.version = 2)), 'version'],
      ['an older config revision', tamper((record) => (record.revision = 1)), 'revision'],
      ['an unknown category', tamper((record) => ((record.categories as Record<string, boolean>).marketing = true)), 'categories'],
      ['a missing category', tamper((record) => delete (record.categories as Record<string, boolean>).advertising), 'categories'],
      ['a category that is not a boolean', tamper((record) => ((record.categories as Record<string, unknown>).analytics = 'true')), 'categories'],
      ['necessary refused', tamper((record) => ((record.categories as Record<string, boolean>).necessary = false)), 'categories'],
      ['an unknown service', tamper((record) => ((record.services as Record<string, boolean>).hotjar = true)), 'services'],
      ['a granted service in a refused category', tamper((record) => {
        (record.categories as Record<string, boolean>).analytics = false;
      }), 'services'],
    ];
    for (const [name, stored, problem] of cases) {
      it(`asks again for ${name} (${problem})`, () => {
        expect(parseRecord(stored, config, daysLater(1))).to.deep.equal({ record: null, problem });
      });
    }

    it('accepts a record on its last day and refuses it the day after (expiry)', () => {
      const text = serializeRecord(good);
      expect(parseRecord(text, config, daysLater(config.consent.days)).record).to.deep.equal(good);
      expect(parseRecord(text, config, daysLater(config.consent.days + 1))).to.deep.equal({ record: null, problem: 'expired' });
    });

    it('refuses a record dated in the future', () => {
      expect(parseRecord(serializeRecord(good), config, daysLater(-1)).problem).to.equal('expired');
    });
  });

  describe('helpers', () => {
    const record = createRecord(config, { categories: { analytics: true, advertising: true } }, { id, now });

    it('grantsAll needs every category', () => {
      expect(grantsAll(record, ['analytics', 'advertising'])).to.equal(true);
      expect(grantsAll(record, ['analytics', 'preferences'])).to.equal(false);
      expect(grantsAll(null, ['necessary'])).to.equal(false);
    });

    it('withdrawnCategories lists what was granted and no longer is', () => {
      const after: ConsentRecord = createRecord(config, { categories: { analytics: true } }, { id, now });
      expect(withdrawnCategories(record, after)).to.deep.equal(['advertising']);
      expect(withdrawnCategories(record, null)).to.deep.equal(['necessary', 'analytics', 'advertising']);
      expect(withdrawnCategories(null, after)).to.deep.equal([]);
    });
  });
});
