import { expect } from '@open-wc/testing';
import { configHash } from '../../src/core/config-hash.js';
import { sha256Hex } from '../../src/core/sha256.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const subtleHex = async (data: Uint8Array) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))].map((byte) => byte.toString(16).padStart(2, '0')).join('');

describe('SHA-256 without crypto.subtle', () => {
  // FIPS 180-4 examples and NIST's short-message vectors, around the 55/56/64-byte padding edges.
  const vectors: Array<[string, string]> = [
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
  ];
  for (const [message, digest] of vectors) {
    it(`hashes ${message.length} bytes as the standard says`, () => {
      expect(sha256Hex(bytes(message))).to.equal(digest);
    });
  }

  it('agrees with crypto.subtle for every length from 0 to 200 bytes, and for a million', async () => {
    for (let length = 0; length <= 200; length++) {
      const data = crypto.getRandomValues(new Uint8Array(length));
      expect(sha256Hex(data), `${length} bytes`).to.equal(await subtleHex(data));
    }
    const million = new Uint8Array(1_000_000).fill(0x61);
    expect(sha256Hex(million)).to.equal('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});

describe('configHash', () => {
  const config = { provider: { name: 'Call Flow', policyUrl: '/privacy' }, revision: 3, texts: { 'en-GB': { title: 'Cookies — croeso' } } };

  it('is the same SHA-256 on a page without crypto.subtle (plain http) as with it', async () => {
    const secure = await configHash(config);
    const subtle = Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle')!;
    Object.defineProperty(Crypto.prototype, 'subtle', { configurable: true, get: () => undefined });
    try {
      expect(globalThis.crypto.subtle, 'crypto.subtle hidden').to.equal(undefined);
      expect(await configHash(config)).to.equal(secure);
    } finally {
      Object.defineProperty(Crypto.prototype, 'subtle', subtle);
    }
    expect(secure).to.match(/^sha256:[0-9a-f]{64}$/);
  });
});
