import { expect } from '@open-wc/testing';
import { findCookieSection } from '../../src/draft/find-cookie-section.js';

describe('findCookieSection', () => {
  it('keeps a list the cookie section introduces, and leaves out unrelated lines', () => {
    const text = 'Intro\nCookies\nThey enable us:\n• To count visits.\n• To remember you.\nNext heading\nUnrelated text.';
    expect(findCookieSection(text)).to.deep.equal(['Cookies', 'They enable us:', '• To count visits.', '• To remember you.']);
  });
});
