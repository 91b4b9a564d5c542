import type { CategoryConfig, ConfigError, TextOverrides, UiSettings } from './config-types.js';
import { enGB } from '../../i18n/en-GB.js';
import { FLOATING_BUTTON, LANGUAGE_TAG, LAYOUT, THEME } from './config-keys.js';
import { join, Reader, type Json } from './reader.js';

function readTexts(reader: Reader, value: unknown, categories: CategoryConfig[]): Record<string, TextOverrides> {
  const texts: Record<string, TextOverrides> = {};
  const raw = reader.object(value, 'texts', null);
  if (!raw) return texts;
  const known = new Set(Object.keys(enGB));
  for (const category of categories) known.add(`${category.id}.title`).add(`${category.id}.description`);
  for (const [language, overrides] of Object.entries(raw)) {
    const path = join('texts', language);
    if (!LANGUAGE_TAG.pattern.test(language)) {
      reader.fail(path, 'language');
      continue;
    }
    const entries = reader.object(overrides, path, null);
    if (!entries) continue;
    const strings: TextOverrides = {};
    for (const [key, text] of Object.entries(entries)) {
      if (!known.has(key)) reader.fail(join(path, key), 'text-key');
      else if (reader.string(text, join(path, key), true) !== undefined) strings[key] = text as string;
    }
    texts[language] = strings;
  }
  return texts;
}

/**
 * The keys that change only how the widget looks and reads, `texts` and `ui`: a mistake there is a
 * warning with its JSON path, and that value keeps its default. Read where the banner is drawn.
 */
export function readCosmetic(root: Json, categories: CategoryConfig[]): { texts: Record<string, TextOverrides>; ui: UiSettings; warnings: ConfigError[] } {
  const reader = new Reader();
  const uiRaw = reader.object(root.ui, 'ui', ['layout', 'theme', 'floatingButton']) ?? {};
  return {
    texts: readTexts(reader, root.texts, categories),
    ui: {
      layout: reader.oneOf(uiRaw.layout, 'ui.layout', LAYOUT.enum) ?? LAYOUT.default,
      theme: reader.oneOf(uiRaw.theme, 'ui.theme', THEME.enum) ?? THEME.default,
      floatingButton: reader.boolean(uiRaw.floatingButton, 'ui.floatingButton') ?? FLOATING_BUTTON.default,
    },
    warnings: reader.errors,
  };
}
