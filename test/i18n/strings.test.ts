import { expect } from '@open-wc/testing';
import { enGB } from '../../src/i18n/en-GB.js';
import cy from '../../src/i18n/locales/cy.js';
import fr from '../../src/i18n/locales/fr.js';
import { builtInLanguageFor, describeCategories, format, languageChain, plural, resolveStrings } from '../../src/i18n/strings.js';

const builtIn = { cy, fr };

describe('languageChain', () => {
  const cases: [string | null | undefined, string[]][] = [
    ['cy-GB', ['cy-GB', 'cy', 'en-GB']],
    ['cy', ['cy', 'en-GB']],
    ['en-GB', ['en-GB', 'en']],
    ['en', ['en', 'en-GB']],
    ['en-US', ['en-US', 'en', 'en-GB']],
    ['fr-CA', ['fr-CA', 'fr', 'en-GB']],
    ['CY_gb', ['cy-GB', 'cy', 'en-GB']],
    [' en-gb ', ['en-GB', 'en']],
    ['zh-Hant-TW', ['zh-Hant-TW', 'zh-Hant', 'zh', 'en-GB']],
    ['es-419', ['es-419', 'es', 'en-GB']],
    ['', ['en-GB']],
    ['   ', ['en-GB']],
    ['--_', ['en-GB']],
    [null, ['en-GB']],
    [undefined, ['en-GB']],
  ];
  for (const [language, chain] of cases) {
    it(`${JSON.stringify(language)} → ${chain.join(' → ')}`, () => {
      expect(languageChain(language)).to.deep.equal(chain);
    });
  }

  it('ends in British English with no built-in language for garbage input', () => {
    for (const garbage of ['not a language', '12345', '<script>', '🍪']) {
      const chain = languageChain(garbage);
      expect(chain.at(-1), garbage).to.equal('en-GB');
      expect(builtInLanguageFor(chain), garbage).to.equal(undefined);
    }
  });
});

describe('builtInLanguageFor', () => {
  const cases: [string, string | undefined][] = [
    ['cy-GB', 'cy'],
    ['fr-CA', 'fr'],
    ['pt-BR', 'pt'],
    ['ar-EG', 'ar'],
    ['en-US', undefined],
    ['en-GB', undefined],
    ['ja', undefined],
  ];
  for (const [language, expected] of cases) {
    it(`${language} → ${expected}`, () => {
      expect(builtInLanguageFor(languageChain(language))).to.equal(expected);
    });
  }
});

describe('resolveStrings', () => {
  const cases: { name: string; page: string; overrides: Record<string, Record<string, string>>; key: string; expected: string }[] = [
    { name: 'a Welsh page uses the built-in Welsh', page: 'cy-GB', overrides: {}, key: 'acceptAll', expected: cy.acceptAll },
    { name: 'a Canadian French page uses the built-in French', page: 'fr-CA', overrides: {}, key: 'title', expected: fr.title },
    { name: 'an American English page uses British English', page: 'en-US', overrides: {}, key: 'title', expected: enGB.title },
    { name: 'a garbage language uses British English', page: 'not a language', overrides: {}, key: 'title', expected: enGB.title },
    { name: 'a Japanese page uses British English', page: 'ja', overrides: {}, key: 'rejectAll', expected: enGB.rejectAll },
    {
      name: "an override in 'cy' beats the built-in Welsh",
      page: 'cy-GB',
      overrides: { cy: { title: 'Cwcis ar wefan Acme' } },
      key: 'title',
      expected: 'Cwcis ar wefan Acme',
    },
    {
      name: "an override in 'cy-GB' beats one in 'cy'",
      page: 'cy-GB',
      overrides: { cy: { title: 'cy' }, 'cy-GB': { title: 'cy-GB' } },
      key: 'title',
      expected: 'cy-GB',
    },
    {
      name: "an override in 'en-GB' shows on an en-GB page",
      page: 'en-GB',
      overrides: { 'en-GB': { title: 'Cookies on Acme' } },
      key: 'title',
      expected: 'Cookies on Acme',
    },
    {
      name: "an override in 'en-GB' shows on an en-US page",
      page: 'en-US',
      overrides: { 'en-GB': { title: 'Cookies on Acme' } },
      key: 'title',
      expected: 'Cookies on Acme',
    },
    {
      name: "the built-in Welsh beats an 'en-GB' override on a Welsh page",
      page: 'cy',
      overrides: { 'en-GB': { title: 'Cookies on Acme' } },
      key: 'title',
      expected: cy.title,
    },
    {
      name: "an 'en-GB' override fills a key Welsh lacks, such as a custom category",
      page: 'cy-GB',
      overrides: { 'en-GB': { 'support.title': 'Live chat' } },
      key: 'support.title',
      expected: 'Live chat',
    },
    {
      name: 'an override for another language is ignored',
      page: 'cy-GB',
      overrides: { fr: { title: 'Cookies sur Acme' } },
      key: 'title',
      expected: cy.title,
    },
    {
      name: 'a key nobody translated falls back to British English',
      page: 'cy-GB',
      overrides: { cy: { title: 'x' } },
      key: 'nonExistent',
      expected: undefined as unknown as string,
    },
  ];
  for (const { name, page, overrides, key, expected } of cases) {
    it(name, () => {
      expect(resolveStrings(languageChain(page), builtIn, overrides)[key]).to.equal(expected);
    });
  }

  it('has every English key whatever the language', () => {
    const resolved = resolveStrings(languageChain('cy-GB'), builtIn, { cy: { title: 'x' } });
    for (const key of Object.keys(enGB)) expect(resolved[key], key).to.be.a('string');
  });

  it('leaves the English and built-in tables untouched', () => {
    const [englishTitle, welshTitle] = [enGB.title, cy.title];
    resolveStrings(languageChain('cy-GB'), builtIn, { cy: { title: 'x' }, 'en-GB': { title: 'y' } });
    expect([enGB.title, cy.title]).to.deep.equal([englishTitle, welshTitle]);
  });
});

describe('format', () => {
  const cases: [string, Record<string, string | number>, string][] = [
    ['Content from {provider} is blocked', { provider: 'YouTube' }, 'Content from YouTube is blocked'],
    ['{n} years', { n: 2 }, '2 years'],
    ['{n} and {n}', { n: 0 }, '0 and 0'],
    ['Allow {category} cookies', {}, 'Allow {category} cookies'],
    ['Allow {category} cookies', { provider: 'YouTube' }, 'Allow {category} cookies'],
    ['{a}', { a: '{b}', b: 'x' }, '{b}'],
    ['No placeholders', { n: 1 }, 'No placeholders'],
  ];
  for (const [template, values, expected] of cases) {
    it(`${template} with ${JSON.stringify(values)} → ${expected}`, () => {
      expect(format(template, values)).to.equal(expected);
    });
  }
});

describe('plural', () => {
  const cases: [string, number, string][] = [
    ['en-GB', 1, '1 year'],
    ['en-GB', 2, '2 years'],
    ['en-GB', 0, '0 years'],
    // An invalid tag cannot pick a category, so the "other" form is used.
    ['not a language', 1, '1 years'],
    // Welsh asks for "two", which English lacks: the "other" form stands in.
    ['cy', 2, '2 years'],
  ];
  for (const [language, count, expected] of cases) {
    it(`${language} ${count} → ${expected}`, () => {
      expect(plural(enGB, language, 'year', count)).to.equal(expected);
    });
  }

  it('names the unit when no form exists for it', () => {
    expect(plural(enGB, 'en-GB', 'fortnight', 3)).to.equal('3 fortnight');
  });

  it('uses the Welsh forms on a Welsh page', () => {
    expect([1, 2, 3, 6, 7].map((count) => plural(cy, 'cy-GB', 'year', count))).to.deep.equal([
      '1 flwyddyn',
      '2 flynedd',
      '3 blynedd',
      '6 blynedd',
      '7 mlynedd',
    ]);
  });
});

describe('describeCategories', () => {
  const categories = (...ids: string[]) => ids.map((id) => ({ id, required: id === 'necessary' }));
  const english = (ids: string[], overrides: Record<string, Record<string, string>> = {}) =>
    describeCategories(resolveStrings(['en-GB'], {}, overrides), ['en-GB'], overrides, 'en-GB', categories(...ids));

  it('names only the optional categories the config has', () => {
    expect(english(['necessary', 'analytics'])).to.equal('We use cookies that the site needs to work. With your consent, we would also like to use cookies for: Analytics.');
    expect(english(['necessary', 'preferences', 'analytics', 'advertising'])).to.equal(
      'We use cookies that the site needs to work. With your consent, we would also like to use cookies for: Preferences, Analytics and Advertising.',
    );
  });

  it('speaks only of the cookies the site needs when the config has no optional category', () => {
    expect(english(['necessary'])).to.equal('We use cookies that the site needs to work.');
  });

  it('names a config’s own category by the title the config gives it', () => {
    expect(english(['necessary', 'chat'], { 'en-GB': { 'chat.title': 'Live chat' } })).to.include('cookies for: Live chat.');
  });

  it('keeps a description the config writes itself', () => {
    expect(english(['necessary', 'advertising'], { 'en-GB': { description: 'Our own words.' } })).to.equal('Our own words.');
  });

  it('joins the titles in the page’s language, and never with an English "and" in another language', () => {
    const described = (language: string) => {
      const chain = languageChain(language);
      return describeCategories(resolveStrings(chain, builtIn, {}), chain, {}, language, categories('necessary', 'preferences', 'advertising'));
    };
    expect(described('fr')).to.equal(`${fr.description} Avec votre consentement, nous aimerions aussi utiliser des cookies pour : ${fr['preferences.title']} et ${fr['advertising.title']}.`);
    expect(described('cy')).to.include(`ddefnyddio cwcis ar gyfer: ${cy['preferences.title']}`).and.not.include(' and ');
  });

  it('makes no claim that analytics figures are anonymous', () => {
    expect(enGB['analytics.description']).to.not.match(/anonym/i);
  });
});
