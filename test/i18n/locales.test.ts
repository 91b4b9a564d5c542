import { expect } from '@open-wc/testing';
import { enGB, type Strings } from '../../src/i18n/en-GB.js';
import ar from '../../src/i18n/locales/ar.js';
import cy from '../../src/i18n/locales/cy.js';
import de from '../../src/i18n/locales/de.js';
import es from '../../src/i18n/locales/es.js';
import fr from '../../src/i18n/locales/fr.js';
import ga from '../../src/i18n/locales/ga.js';
import it_ from '../../src/i18n/locales/it.js';
import nl from '../../src/i18n/locales/nl.js';
import pl from '../../src/i18n/locales/pl.js';
import pt from '../../src/i18n/locales/pt.js';
import { BUILT_IN_LANGUAGES, isRightToLeft, languageChain, plural, resolveStrings } from '../../src/i18n/strings.js';

const locales: Record<string, Strings> = { ar, cy, de, es, fr, ga, it: it_, nl, pl, pt };

/** The units that have plural forms, read from the English `<unit>_other` keys. */
const units = Object.keys(enGB)
  .filter((key) => key.endsWith('_other'))
  .map((key) => key.slice(0, -'_other'.length));
const isPluralKey = (key: string) => units.some((unit) => key.startsWith(`${unit}_`));
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

/** The keys a language must have: every non-plural English key plus the plural forms Intl asks for. */
function expectedKeys(language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const pluralKeys = units.flatMap((unit) => categories.map((category) => `${unit}_${category}`));
  return [...Object.keys(enGB).filter((key) => !isPluralKey(key)), ...pluralKeys].sort();
}

describe('built-in locales', () => {
  it('has one file for every built-in language', () => {
    expect(Object.keys(locales).sort()).to.deep.equal([...BUILT_IN_LANGUAGES].sort());
  });

  it('marks only Arabic as right to left', () => {
    expect(BUILT_IN_LANGUAGES.filter((language) => isRightToLeft(language))).to.deep.equal(['ar']);
  });

  for (const language of BUILT_IN_LANGUAGES) {
    describe(language, () => {
      const strings = locales[language];
      const resolved = () => resolveStrings(languageChain(language), { [language]: strings }, {});

      it('has every English key and exactly the plural forms Intl.PluralRules needs', () => {
        expect(Object.keys(strings).sort()).to.deep.equal(expectedKeys(language));
      });

      it('has a non-empty string for every key', () => {
        for (const [key, value] of Object.entries(strings)) {
          expect(typeof value, key).to.equal('string');
          expect(value.trim(), key).to.not.equal('');
        }
      });

      it('keeps the placeholders of the English strings', () => {
        for (const [key, value] of Object.entries(strings)) {
          const english = isPluralKey(key) ? ['{n}'] : placeholders(enGB[key as keyof typeof enGB]);
          expect(placeholders(value), key).to.deep.equal(english);
        }
      });

      it('translates the banner rather than repeating the English', () => {
        for (const key of ['title', 'description', 'acceptAll', 'rejectAll', 'manage', 'preferencesDescription'] as const) {
          expect(strings[key], key).to.not.equal(enGB[key]);
        }
      });

      it('names the Cookie settings link as it is labelled', () => {
        expect(enGB.preferencesDescription).to.contain(enGB.settings);
        expect(strings.preferencesDescription).to.contain(strings.settings);
      });

      it('gives accept and reject labels equal weight', () => {
        const [accept, reject] = [strings.acceptAll.length, strings.rejectAll.length];
        expect(Math.max(accept, reject) / Math.min(accept, reject)).to.be.at.most(1.5);
      });

      it('writes a distinct duration with the number for each count', () => {
        for (const unit of units) {
          const counts = [0, 1, 2, 3, 6, 11, 100];
          const texts = counts.map((count) => plural(resolved(), language, unit, count));
          texts.forEach((text, index) => {
            expect(text, `${unit} ${counts[index]}`).to.contain(String(counts[index]));
            expect(text, `${unit} ${counts[index]}`).to.not.match(/[{}]/);
          });
          expect(new Set(texts).size, unit).to.equal(counts.length);
        }
      });
    });
  }

  it('uses the grammatical forms of each language', () => {
    const cases: [string, number, string][] = [
      ['cy', 1, '1 flwyddyn'],
      ['cy', 2, '2 flynedd'],
      ['cy', 3, '3 blynedd'],
      ['cy', 5, '5 mlynedd'],
      ['pl', 1, '1 rok'],
      ['pl', 3, '3 lata'],
      ['pl', 5, '5 lat'],
      ['pl', 22, '22 lata'],
      ['ga', 2, '2 bhliain'],
      ['ga', 4, '4 bliana'],
      ['ga', 8, '8 mbliana'],
      ['ar', 4, '4 سنوات'],
      ['fr', 1, '1 an'],
      ['de', 2, '2 Jahre'],
    ];
    for (const [language, count, expected] of cases) {
      expect(plural(locales[language], language, 'year', count), `${language} ${count}`).to.equal(expected);
    }
  });
});
