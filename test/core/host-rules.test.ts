import { expect } from '@open-wc/testing';
import { hostCategories } from '../../src/core/host-rules.js';

describe('hostCategories', () => {
  const rules = {
    advertising: ['*.doubleclick.net', 'connect.facebook.net', '*.google.com'],
    analytics: ['www.google-analytics.com', 'www.google.com'],
  };
  const cases: [string, string[], string][] = [
    ['doubleclick.net', ['advertising'], 'a wildcard matches the domain itself'],
    ['stats.g.doubleclick.net', ['advertising'], 'a wildcard matches every subdomain'],
    ['notdoubleclick.net', [], 'a wildcard does not match a longer name'],
    ['doubleclick.net.example.com', [], 'a wildcard matches at the end only'],
    ['connect.facebook.net', ['advertising'], 'an exact pattern matches its host'],
    ['facebook.net', [], 'an exact pattern does not match its parent'],
    ['www.connect.facebook.net', [], 'an exact pattern does not match its subdomains'],
    ['CONNECT.Facebook.NET', ['advertising'], 'case does not matter'],
    ['www.google.com', ['advertising', 'analytics'], 'every matching category is needed'],
    ['example.com', [], 'other hosts are not held'],
  ];
  for (const [host, expected, why] of cases) {
    it(`${host}: ${why}`, () => expect(hostCategories(rules, host)).to.deep.equal(expected));
  }
});
