import { expect } from '@open-wc/testing';
import { parseDuration } from '../../src/core/duration.js';
import { KNOWN_SERVICES } from '../../src/draft/known-services.js';

describe('the built-in list of services', () => {
  for (const service of KNOWN_SERVICES) {
    it(`${service.name}: a public source, and cookies with valid lifetimes`, () => {
      expect(service.source).to.match(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(service.aliases).to.not.be.empty;
      expect(service.hosts).to.not.be.empty;
      for (const cookie of service.cookies) {
        expect(cookie.lifetime === 'session' || parseDuration(cookie.lifetime) !== null, cookie.label).to.equal(true);
        expect(Boolean(cookie.name) !== Boolean(cookie.pattern), cookie.label).to.equal(true);
      }
    });
  }
});
