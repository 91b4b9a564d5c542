import type { ConsentConfig } from './config/config-types.js';

/** What a visitor was shown when deciding: enough to show a record back as "this visitor saw this". */
export interface ShownTexts {
  /** Every banner and dialog string, in the visitor's language, as the config's `texts` left them. */
  strings: Record<string, string>;
  /** Each category as the dialog named and described it, with its services. */
  categories: Array<{ id: string; title: string; description: string; services: Array<{ id: string; name: string; provider: string; purpose: string }> }>;
  policyUrl: string;
  cookiePolicyUrl: string;
}

/** The texts of a config in the visitor's strings; a category without strings keeps its id as its title. */
export function shownTexts(config: ConsentConfig, strings: Record<string, string> | undefined): ShownTexts {
  const text = strings ?? {};
  return {
    strings: { ...text },
    categories: config.categories.map((category) => ({
      id: category.id,
      title: text[`${category.id}.title`] ?? category.id,
      description: text[`${category.id}.description`] ?? '',
      services: category.services.map((service) => ({ id: service.id, name: service.name, provider: service.provider ?? '', purpose: service.purpose ?? '' })),
    })),
    policyUrl: config.provider.policyUrl,
    cookiePolicyUrl: config.provider.cookiePolicyUrl ?? '',
  };
}
