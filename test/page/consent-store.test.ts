import { expect } from '@open-wc/testing';
import { randomId } from '../../src/page/consent-store.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomId', () => {
  it('is a UUID v4', () => {
    expect(randomId()).to.match(UUID_V4);
  });

  it('is a random UUID v4 without crypto.randomUUID, as on a plain-http origin', () => {
    // An own property hides the prototype's method, as a page without a secure context has none.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 200 }, randomId);
      for (const id of ids) expect(id).to.match(UUID_V4);
      expect(new Set(ids).size).to.equal(ids.length);
      // Every random hex digit (all but the dashes and the version) takes more than one value across the ids.
      for (let index = 0; index < 36; index++) {
        if (![8, 13, 14, 18, 23].includes(index)) expect(new Set(ids.map((id) => id[index])).size, `position ${index}`).to.be.greaterThan(1);
      }
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(crypto.randomUUID).to.be.a('function');
  });
});
