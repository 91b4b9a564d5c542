import { expect } from '@open-wc/testing';
import { findAddress, findEmail, findPhones, findProviderName, findUrls } from '../../src/draft/find-contact-details.js';

describe('finding contact details', () => {
  /** What each reader finds in a text: the provider's name, a UK postal address. */
  const READERS: Array<[string, (text: string) => string | undefined, Array<[string, string | undefined]>]> = [
    [
      'provider name',
      findProviderName,
      [
        ['Acme Widgets Ltd ("we") respect your privacy.', 'Acme Widgets Ltd'],
        ['If Acme Limited is sold… Acme Limited keeps your data.', 'Acme Limited'],
        ['Register as a Blue Sky customer.\nWrite to Blue Sky Telecom, 1 High Street.', 'Blue Sky Telecom'],
        ['This notice applies to data processed by or on behalf of Red Phone Co.', 'Red Phone Co'],
        ['We respect your privacy. The Police may ask for data.', undefined],
      ],
    ],
    [
      'postal address',
      findAddress,
      [
        ['Please write to Acme Ltd, 1 High Street, Leeds, LS1 4AP.', 'Acme Ltd, 1 High Street, Leeds, LS1 4AP'],
        ['Send it to: Data Team, 2 Bridge Rd, Newcastle upon Tyne NE1 1AA', 'Data Team, 2 Bridge Rd, Newcastle upon Tyne NE1 1AA'],
        ['Our office is at 3 Quay Street, Isle of Wight PO301AA.', '3 Quay Street, Isle of Wight PO30 1AA'],
        ['The controller is Acme of 9 Elm Row, London EC1A 1BB. Write to us at Acme, 9 Elm Row, London EC1A 1BB.', 'Acme, 9 Elm Row, London EC1A 1BB'],
        ['Our code is AB1 2CD.', undefined],
      ],
    ],
  ];
  for (const [what, reader, cases] of READERS) {
    for (const [text, found] of cases) {
      it(`reads the ${what} from ${JSON.stringify(text)}`, () => expect(reader(text)).to.equal(found));
    }
  }

  it('reads UK phone numbers and whether they are offered for privacy questions', () => {
    const text = 'Sales: 0800 640 8009.\nTo withdraw consent, contact us on\n+44 (0)20 7946 0000\nFax 12345 678.';
    expect(findPhones(text)).to.deep.equal([
      { phone: '0800 640 8009', forContact: false },
      { phone: '+44 (0)20 7946 0000', forContact: true },
    ]);
  });

  it('prefers a privacy mailbox to any other email address', () => {
    expect(findEmail('Sales: sales@example.co.uk. Privacy: dpo@example.co.uk.')).to.equal('dpo@example.co.uk');
    expect(findEmail('Write to help@example.co.uk.')).to.equal('help@example.co.uk');
    expect(findEmail('No address here')).to.equal(undefined);
  });

  it('reads web addresses without trailing punctuation, with www. addresses made absolute', () => {
    expect(findUrls('See www.example.co.uk. Or https://example.co.uk/cookies, or www.aboutcookies.org.')).to.deep.equal([
      'https://www.example.co.uk/',
      'https://example.co.uk/cookies',
    ]);
  });
});
