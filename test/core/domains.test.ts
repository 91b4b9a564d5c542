import { expect } from '@open-wc/testing';
import { parentDomains, registrableDomain } from '../../src/core/domains.js';

describe('domains', () => {
  describe('registrableDomain', () => {
    const cases: [string, string][] = [
      ['www.example.com', 'example.com'],
      ['a.b.example.com', 'example.com'],
      ['example.com', 'example.com'],
      ['www.shop.example.co.uk', 'example.co.uk'],
      ['bbc.co.uk', 'bbc.co.uk'],
      ['www.nhs.uk', 'www.nhs.uk'],
      ['my.trust.nhs.uk', 'trust.nhs.uk'],
      ['council.gov.uk', 'council.gov.uk'],
      ['www.ox.ac.uk', 'ox.ac.uk'],
      ['shop.acme.ltd.uk', 'acme.ltd.uk'],
      ['acme.plc.uk', 'acme.plc.uk'],
      ['jo.me.uk', 'jo.me.uk'],
      ['school.sch.uk', 'school.sch.uk'],
      ['charity.org.uk', 'charity.org.uk'],
      ['www.example.com.au', 'example.com.au'],
      ['www.example.co.nz', 'example.co.nz'],
      ['www.example.co.jp', 'example.co.jp'],
      ['loja.example.com.br', 'example.com.br'],
      ['WWW.Example.CO.UK.', 'example.co.uk'],
      ['www.company.io', 'company.io'],
      ['localhost', 'localhost'],
      ['127.0.0.1', '127.0.0.1'],
      ['[::1]', '[::1]'],
    ];
    for (const [host, expected] of cases) {
      it(`${host} → ${expected}`, () => expect(registrableDomain(host)).to.equal(expected));
    }
  });

  describe('parentDomains', () => {
    const cases: [string, string[]][] = [
      ['www.shop.example.co.uk', ['www.shop.example.co.uk', 'shop.example.co.uk', 'example.co.uk']],
      ['www.example.com', ['www.example.com', 'example.com']],
      ['example.com', ['example.com']],
      ['example.co.uk', ['example.co.uk']],
      ['a.example.com.au', ['a.example.com.au', 'example.com.au']],
      ['localhost', ['localhost']],
      ['127.0.0.1', ['127.0.0.1']],
      ['Shop.Example.COM', ['shop.example.com', 'example.com']],
    ];
    for (const [host, expected] of cases) {
      it(`${host} → ${expected.join(', ')}`, () => expect(parentDomains(host)).to.deep.equal(expected));
    }
  });
});
