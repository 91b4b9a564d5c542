import { expect } from '@open-wc/testing';
import { isOwnTrue, ownValue } from '../../src/core/own-property.js';
import { createRecord, grantsAll, withdrawnCategories } from '../../src/core/consent-record.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { consentModeState } from '../../src/core/consent-mode.js';
import { enGB } from '../../src/i18n/en-GB.js';
import { languageChain, resolveStrings } from '../../src/i18n/strings.js';

/** Every name a plain object inherits. */
const NAMES = Object.getOwnPropertyNames(Object.prototype);
const { config } = parseConfig({
  provider: { name: 'Acme', policyUrl: 'https://acme.example/privacy' },
  categories: ['necessary', { id: 'analytics', services: [{ id: 'ga4', name: 'Google Analytics' }] }, 'advertising'],
  googleConsentMode: true,
});
const meta = { id: '3f2b8c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e', now: new Date('2026-06-01T12:00:00.000Z') };
/** A choice or grant naming every one of them, as own properties. */
const everyName = () => Object.fromEntries(NAMES.map((name) => [name, true]));

describe('own properties only', () => {
  const cases: Array<[string, Record<string, unknown> | null | undefined, string, boolean, unknown]> = [
    ['an own true', { analytics: true }, 'analytics', true, true],
    ['an own false', { analytics: false }, 'analytics', false, false],
    ['an own truthy value that is not true', { analytics: 1 }, 'analytics', false, 1],
    ['a missing name', { analytics: true }, 'advertising', false, undefined],
    ['no map', null, 'analytics', false, undefined],
    ['no map at all', undefined, 'analytics', false, undefined],
    ['an own "__proto__" (JSON)', JSON.parse('{"__proto__": true}'), '__proto__', true, true],
    ...NAMES.map((name): [string, Record<string, unknown>, string, boolean, unknown] => [`inherited "${name}"`, { analytics: true }, name, false, undefined]),
  ];
  for (const [what, map, name, own, value] of cases) {
    it(`${what}: isOwnTrue is ${own}, ownValue is ${String(value)}`, () => {
      expect(isOwnTrue(map, name)).to.equal(own);
      expect(ownValue(map, name)).to.equal(value);
    });
  }

  it('createRecord takes only the config\'s categories and services from choices that name every one', () => {
    const record = createRecord(config, { categories: everyName(), services: everyName() }, meta);
    expect(record.categories).to.deep.equal({ necessary: true, analytics: false, advertising: false });
    expect(record.services).to.deep.equal({ ga4: false });
  });

  it('grantsAll and withdrawnCategories find none of them granted', () => {
    const record = createRecord(config, { categories: { analytics: true, advertising: true } }, meta);
    for (const name of NAMES) expect(grantsAll(record, [name]), name).to.equal(false);
    expect(withdrawnCategories({ ...record, categories: { ...record.categories, ...everyName() } }, record)).to.deep.equal(NAMES);
  });

  it('Consent Mode grants nothing for a mapping key the grants inherit', () => {
    const mapped = { ...config, googleConsentMode: { mapping: Object.fromEntries(NAMES.map((name) => [name, ['ad_storage']])) } };
    expect(consentModeState(mapped, { categories: { necessary: true }, services: {} }).ad_storage).to.equal('denied');
  });

  it('a page whose language is one of them gets British English', () => {
    for (const name of NAMES) {
      const strings = resolveStrings(languageChain(name), {}, { 'en-GB': { title: 'Cookies' } });
      expect(strings, name).to.deep.equal({ ...enGB, title: 'Cookies' });
    }
  });
});
