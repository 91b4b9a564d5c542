import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config/parse-config.js';

interface Seed {
  folder: string;
  /** The original policy's size in bytes and a sentence from its cookie part (or, for CMM, its advertising). */
  bytes: number;
  sentence: string;
  categories: string[];
  policyUrl: string;
  cookiePolicyUrl?: string;
  /** Every declared cookie name: the demo's stand-in scripts set exactly these. */
  cookies: string[];
}

const SEEDS: Seed[] = [
  {
    folder: 'clear-picture',
    bytes: 7759,
    sentence: 'They can be used to identify that you’ve visited websites before',
    categories: ['necessary', 'preferences'],
    policyUrl: '/seeds/clear-picture/policy.txt',
    cookies: ['cookie_consent', 'PHPSESSID', 'cc_demo_pref'],
  },
  {
    folder: 'call-flow',
    bytes: 8950,
    sentence: 'Find out more here: https://www.callflow.co.uk/privacy-cookie-policy/.',
    categories: ['necessary', 'preferences', 'advertising'],
    policyUrl: 'https://www.callflow.co.uk/privacy-cookie-policy/',
    cookiePolicyUrl: 'https://www.callflow.co.uk/privacy-cookie-policy/',
    cookies: ['cookie_consent', 'PHPSESSID', 'cc_demo_pref', '_gcl_au', 'IDE'],
  },
  {
    folder: 'cloud-phone',
    bytes: 4431,
    sentence: 'We use "cookies" to monitor site user traffic patterns and site usage.',
    categories: ['necessary', 'preferences', 'analytics'],
    policyUrl: '/seeds/cloud-phone/policy.txt',
    cookies: ['cookie_consent', 'PHPSESSID', 'cc_demo_pref', '_ga', '_gid'],
  },
  {
    folder: 'claranet-soho',
    bytes: 13252,
    sentence: 'We may use a third party to serve advertisements on our site.',
    categories: ['necessary', 'preferences', 'analytics', 'advertising'],
    policyUrl: '/seeds/claranet-soho/policy.txt',
    cookies: ['cookie_consent', 'JSESSIONID', 'cc_demo_pref', '_ga', '_gid', '__gads', 'IDE'],
  },
  {
    folder: 'cmm-telecoms',
    bytes: 6051,
    sentence: 'online advertising on our website (e.g. pop ups)',
    categories: ['necessary', 'advertising'],
    policyUrl: '/seeds/cmm-telecoms/policy.txt',
    cookies: ['cookie_consent', 'cc_demo_popup'],
  },
];

type SeedConfig = {
  $schema: string;
  revision: number;
  provider: { name: string; policyUrl: string; cookiePolicyUrl?: string; contact?: Record<string, string> };
  consent: { days: number };
  categories: string[];
  cookies: Array<{ name: string; category: string; lifetime: string; domain?: string; purpose?: string; example?: boolean }>;
  hosts?: Record<string, string[]>;
  texts: Record<string, Record<string, string>>;
};

const COMPANY = /\b(?:Limited|Ltd|LLP|PLC)\b/i;

async function load(folder: string) {
  const [configResponse, policyResponse] = await Promise.all([fetch(`/seeds/${folder}/cookie-consent.json`), fetch(`/seeds/${folder}/policy.txt`)]);
  expect(configResponse.ok, `${folder}/cookie-consent.json`).to.equal(true);
  expect(policyResponse.ok, `${folder}/policy.txt`).to.equal(true);
  const bytes = new Uint8Array(await policyResponse.arrayBuffer());
  return { config: (await configResponse.json()) as SeedConfig, bytes, policy: new TextDecoder().decode(bytes) };
}

describe('seed configs', () => {
  for (const seed of SEEDS) {
    describe(seed.folder, () => {
      it('passes the validator with no errors or warnings', async () => {
        const { config } = await load(seed.folder);
        const { errors, warnings } = parseConfig(config);
        expect([...errors, ...warnings]).to.deep.equal([]);
      });

      it('keeps the policy exactly as given', async () => {
        const { bytes, policy } = await load(seed.folder);
        expect(bytes.byteLength).to.equal(seed.bytes);
        expect(policy).to.include(seed.sentence);
      });

      it('points editors at the schema and uses the agreed settings', async () => {
        const { config } = await load(seed.folder);
        expect(config.$schema).to.equal('../../schema/cookie-consent.schema.json');
        expect(config.revision).to.equal(1);
        expect(config.consent.days).to.equal(182);
      });

      it('links to the real policy, or to the demo copy when the policy gives no address', async () => {
        const { config, policy } = await load(seed.folder);
        expect(config.provider.policyUrl).to.equal(seed.policyUrl);
        expect(config.provider.cookiePolicyUrl).to.equal(seed.cookiePolicyUrl);
        if (seed.policyUrl.startsWith('/')) {
          const copy = await fetch(seed.policyUrl);
          expect(await copy.text()).to.equal(policy);
        } else {
          expect(policy).to.include(seed.policyUrl);
        }
      });

      it('gives only contact details the policy states', async () => {
        const { config, policy } = await load(seed.folder);
        for (const [kind, value] of Object.entries(config.provider.contact ?? {})) expect(policy, `contact.${kind}`).to.include(value);
      });

      it('has exactly the categories the policy supports', async () => {
        const { config } = await load(seed.folder);
        expect(config.categories).to.deep.equal(seed.categories);
        for (const category of Object.keys(config.hosts ?? {})) expect(seed.categories).to.include(category);
      });

      it('declares the cookies the demo stand-ins set, with a first-party one in each optional category', async () => {
        const { config } = await load(seed.folder);
        expect(config.cookies.map((cookie) => cookie.name)).to.deep.equal(seed.cookies);
        for (const category of seed.categories.filter((id) => id !== 'necessary')) {
          const settable = config.cookies.filter((cookie) => cookie.category === category && !cookie.domain);
          expect(settable, category).to.not.be.empty;
        }
      });

      it("declares the widget's own consent cookie as strictly necessary", async () => {
        const { config } = await load(seed.folder);
        const own = config.cookies.find((cookie) => cookie.name === 'cookie_consent');
        expect(own).to.include({ category: 'necessary', lifetime: 'P182D' });
        expect(own?.example).to.equal(undefined);
      });

      it('labels every cookie the policy does not name as an example to replace', async () => {
        const { config, policy } = await load(seed.folder);
        for (const cookie of config.cookies.filter((candidate) => candidate.name !== 'cookie_consent')) {
          expect(policy, cookie.name).to.not.include(cookie.name);
          expect(cookie.example, cookie.name).to.equal(true);
          expect(cookie.purpose, cookie.name).to.match(/^Example: replace with /);
        }
      });

      it('has a title and description in British English, and texts only for its own categories', async () => {
        const { config } = await load(seed.folder);
        const texts = config.texts['en-GB'];
        expect(texts.title).to.be.a('string').and.not.be.empty;
        expect(texts.description).to.be.a('string').and.not.be.empty;
        expect(JSON.stringify(config.texts)).to.not.match(/\b(?:analyz|personaliz|customiz|recogniz|color)/i);
        for (const key of Object.keys(texts).filter((name) => name.includes('.'))) expect(seed.categories).to.include(key.split('.')[0]);
      });

      if (seed.folder === 'cloud-phone') {
        it('names no company, since the policy names none', async () => {
          const { config, policy } = await load(seed.folder);
          expect(policy).to.not.match(COMPANY);
          expect(config.provider.name).to.equal('Your company name');
          expect(JSON.stringify(config)).to.not.match(COMPANY);
        });
      } else {
        it('names the provider as its policy does', async () => {
          const { config, policy } = await load(seed.folder);
          expect(policy).to.include(config.provider.name);
        });
      }
    });
  }

  describe('cmm-telecoms', () => {
    it('says plainly that its policy has no cookie section', async () => {
      const { config, policy } = await load('cmm-telecoms');
      expect(policy).to.not.match(/\bcookies?\b/i);
      expect(config.texts['en-GB'].description).to.match(/privacy policy does not yet describe the cookies/);
      expect(config.texts['en-GB']['advertising.description']).to.match(/pop-ups/);
    });
  });
});
