import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/config/parse-config.js';
import {
  draftConfig,
  findAddress,
  findCookieSection,
  findCookieUses,
  findEmail,
  findPhones,
  findProviderName,
  findUrls,
  PLACEHOLDER_NAME,
  PLACEHOLDER_POLICY_URL,
} from '../../src/draft/draft-config.js';

const policy = async (seed: string) => (await fetch(`/seeds/${seed}/policy.txt`)).text();

async function draft(seed: string) {
  const text = await policy(seed);
  const { config, notes } = draftConfig(text);
  return { text, config, notes, uses: findCookieUses(findCookieSection(text)?.join('\n') ?? '') };
}

describe('draftConfig', () => {
  describe('every seed policy', () => {
    for (const seed of ['clear-picture', 'call-flow', 'cloud-phone', 'claranet-soho', 'cmm-telecoms']) {
      it(`drafts a config for ${seed} that passes the validator`, async () => {
        const { config } = await draft(seed);
        expect(parseConfig(config).errors).to.deep.equal([]);
      });

      it(`declares the consent cookie for ${seed} and marks every other cookie as an example`, async () => {
        const { config, notes } = await draft(seed);
        expect(config.cookies[0]).to.include({ name: 'cookie_consent', category: 'necessary', lifetime: 'P182D' });
        const examples = config.cookies.slice(1);
        for (const cookie of examples) {
          expect(cookie.example, cookie.name).to.equal(true);
          expect(cookie.purpose, cookie.name).to.match(/^Example: replace with /);
        }
        if (examples.length) expect(notes.join('\n')).to.include('"example": true');
      });
    }
  });

  describe('Claranet SOHO', () => {
    it('finds the company, its privacy email and its postal address', async () => {
      const { config } = await draft('claranet-soho');
      expect(config.provider.name).to.equal('Claranet Limited');
      expect(config.provider.contact?.email).to.equal('privacy@uk.clara.net');
      expect(config.provider.contact?.address).to.equal('Claranet Limited, 21 Southampton Row, London WC1B 5HA');
    });

    it('finds session, persistent and third-party advertising cookies, analytics and preferences', async () => {
      const { config, uses } = await draft('claranet-soho');
      expect(uses).to.include({ session: true, persistent: true, thirdPartyAdvertising: true, analytics: true, preferences: true, searches: true, returningVisitors: true });
      expect(config.categories).to.deep.equal(['necessary', 'preferences', 'analytics', 'advertising']);
      expect(config.cookies.find((cookie) => cookie.lifetime === 'session')).to.include({ category: 'necessary', example: true });
      expect(config.cookies.find((cookie) => cookie.category === 'advertising')).to.include({ domain: 'doubleclick.net', example: true });
      expect(config.hosts).to.deep.equal({ analytics: ['www.google-analytics.com', '*.googletagmanager.com'], advertising: ['*.doubleclick.net'] });
    });

    it('rewrites the cookie section in plain words', async () => {
      const { config } = await draft('claranet-soho');
      const texts = config.texts['en-GB'];
      expect(texts.description).to.include('speed up your searches').and.include('recognise you when you come back');
      expect(texts['necessary.description']).to.include('logged on');
      expect(texts['advertising.description']).to.include('third party');
    });

    it('leaves out the sales and support numbers and says why, and reports the missing policy address', async () => {
      const { config, notes } = await draft('claranet-soho');
      expect(config.provider.contact?.phone).to.equal(undefined);
      expect(notes.join('\n')).to.include('0800 640 8009').and.include('not for privacy questions');
      expect(config.provider.policyUrl).to.equal(PLACEHOLDER_POLICY_URL);
      expect(notes.join('\n')).to.include('https://www.claranetsoho.co.uk/');
    });
  });

  describe('Call Flow', () => {
    it('finds the cookie-policy address given in the cookie section', async () => {
      const { config } = await draft('call-flow');
      expect(config.provider.cookiePolicyUrl).to.equal('https://www.callflow.co.uk/privacy-cookie-policy/');
      expect(config.provider.policyUrl).to.equal('https://www.callflow.co.uk/privacy-cookie-policy/');
    });

    it('finds the company and the address for subject access requests', async () => {
      const { config } = await draft('call-flow');
      expect(config.provider.name).to.equal('Call Flow Solutions Limited');
      expect(config.provider.contact?.address).to.equal(
        'Data Controller, Subject Access, Call Flow Solutions Limited, Suite 2, Branbridges Industrial Estate, East Peckham, Kent, TN12 5HF',
      );
    });

    it('ignores the regulator’s website', async () => {
      const { text } = await draft('call-flow');
      expect(text).to.include('www.ico.org.uk');
      expect(findUrls(text)).to.deep.equal(['https://www.callflow.co.uk/privacy-cookie-policy/']);
    });

    it('keeps to the cookie section and points out the banner advertising elsewhere', async () => {
      const { config, notes } = await draft('call-flow');
      expect(config.categories).to.deep.equal(['necessary', 'preferences']);
      expect(notes.join('\n')).to.include('online banner advertising').and.include('"advertising" category');
    });
  });

  describe('Clear Picture', () => {
    it('finds the company from "Sign up as a … Customer" and the subject access address', async () => {
      const { config } = await draft('clear-picture');
      expect(config.provider.name).to.equal('Clear Picture Services');
      expect(config.provider.contact?.address).to.equal('Clear Picture Services, 351B Northdown Road, Margate, CT9 4PB');
    });

    it('finds cookies that recognise returning visitors', async () => {
      const { config, uses } = await draft('clear-picture');
      expect(uses).to.include({ returningVisitors: true, persistent: true, analytics: false, advertising: false });
      expect(config.categories).to.deep.equal(['necessary', 'preferences']);
      expect(config.texts['en-GB']['preferences.description']).to.equal('Recognise you when you come back.');
    });

    it('reports what the policy does not give', async () => {
      const { config, notes } = await draft('clear-picture');
      expect(config.provider.policyUrl).to.equal(PLACEHOLDER_POLICY_URL);
      expect(notes).to.include('No email address found for provider.contact.email.');
      expect(notes).to.include('No phone number found for provider.contact.phone.');
    });
  });

  describe('the cloud phone provider', () => {
    it('finds traffic measurement and options tailored to the last visit', async () => {
      const { config, uses } = await draft('cloud-phone');
      expect(uses).to.include({ analytics: true, tailored: true, returningVisitors: true, advertising: false });
      expect(config.categories).to.deep.equal(['necessary', 'preferences', 'analytics']);
      expect(config.texts['en-GB'].description).to.include('how the site is used').and.include('tailor the site to you');
    });

    it('names no company, since the policy names none, and says so', async () => {
      const { config, notes } = await draft('cloud-phone');
      expect(config.provider.name).to.equal(PLACEHOLDER_NAME);
      expect(notes.join('\n')).to.include('No company name found');
      expect(config.provider.contact).to.equal(undefined);
    });
  });

  describe('CMM Telecoms', () => {
    it('finds no cookie section and drafts strictly necessary cookies only', async () => {
      const { text, config, notes } = await draft('cmm-telecoms');
      expect(findCookieSection(text)).to.equal(null);
      expect(config.categories).to.deep.equal(['necessary']);
      expect(config.cookies.map((cookie) => cookie.name)).to.deep.equal(['cookie_consent']);
      expect(config.texts['en-GB'].description).to.equal('We only use cookies that our website needs to work.');
      expect(notes[0]).to.match(/^No section about cookies found/);
    });

    it('points out the pop-up advertising on its website', async () => {
      const { notes } = await draft('cmm-telecoms');
      expect(notes.join('\n')).to.include('pop ups').and.include('"advertising" category');
    });

    it('finds the company, email and phone number for privacy requests', async () => {
      const { config } = await draft('cmm-telecoms');
      expect(config.provider.name).to.equal('CMM Telecoms');
      expect(config.provider.contact).to.deep.equal({ email: 'support@cmmtelecoms.co.uk', phone: '01252 854352' });
    });
  });

  describe('any text', () => {
    for (const text of ['', '   \n\n', 'cookies', 'Cookies\nSee http://[ and https://% for more.', '\u0000\uFFFD binary-ish \r\n\r\n cookie']) {
      it(`drafts a valid config from ${JSON.stringify(text)}`, () => {
        const { config, notes } = draftConfig(text);
        expect(parseConfig(config).errors).to.deep.equal([]);
        expect(notes).to.not.be.empty;
      });
    }
  });
});

describe('policy readers', () => {
  const NAMES: Array<[string, string | undefined]> = [
    ['Acme Widgets Ltd ("we") respect your privacy.', 'Acme Widgets Ltd'],
    ['If Acme Limited is sold… Acme Limited keeps your data.', 'Acme Limited'],
    ['Register as a Blue Sky customer.\nWrite to Blue Sky Telecom, 1 High Street.', 'Blue Sky Telecom'],
    ['This notice applies to data processed by or on behalf of Red Phone Co.', 'Red Phone Co'],
    ['We respect your privacy. The Police may ask for data.', undefined],
  ];
  for (const [text, name] of NAMES) {
    it(`reads the provider name from ${JSON.stringify(text)}`, () => expect(findProviderName(text)).to.equal(name));
  }

  const ADDRESSES: Array<[string, string | undefined]> = [
    ['Please write to Acme Ltd, 1 High Street, Leeds, LS1 4AP.', 'Acme Ltd, 1 High Street, Leeds, LS1 4AP'],
    ['Send it to: Data Team, 2 Bridge Rd, Newcastle upon Tyne NE1 1AA', 'Data Team, 2 Bridge Rd, Newcastle upon Tyne NE1 1AA'],
    ['Our office is at 3 Quay Street, Isle of Wight PO301AA.', '3 Quay Street, Isle of Wight PO30 1AA'],
    ['The controller is Acme of 9 Elm Row, London EC1A 1BB. Write to us at Acme, 9 Elm Row, London EC1A 1BB.', 'Acme, 9 Elm Row, London EC1A 1BB'],
    ['Our code is AB1 2CD.', undefined],
  ];
  for (const [text, address] of ADDRESSES) {
    it(`reads the postal address from ${JSON.stringify(text)}`, () => expect(findAddress(text)).to.equal(address));
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

  it('keeps a list the cookie section introduces, and leaves out unrelated lines', () => {
    const text = 'Intro\nCookies\nThey enable us:\n• To count visits.\n• To remember you.\nNext heading\nUnrelated text.';
    expect(findCookieSection(text)).to.deep.equal(['Cookies', 'They enable us:', '• To count visits.', '• To remember you.']);
  });
});
