/**
 * The widget's interface: `<cookie-consent>`'s banner and dialog, the placeholders of held embeds,
 * and the visitor's strings. The runtime loads it when a visitor needs it (a first visit, a new
 * revision, an expired decision, the settings opened, a placeholder shown); a returning visitor's
 * page views never do. In the script-tag build it is a file of its own beside the script.
 */
import type { ConsentRuntime, WidgetInterface } from './consent-runtime.js';
import type { AuditEntry } from './core/audit.js';
import type { ConsentConfig } from './core/config/config-types.js';
import { readCosmetic } from './core/config/cosmetic.js';
import { formatConfigWarnings } from './core/config/parse-config.js';
import { grantChoices } from './core/decision.js';
import { ownValue } from './core/own-property.js';
import { currentRuntime } from './runtime-holder.js';
import type { Strings } from './i18n/en-GB.js';
import { builtInLanguageFor, describeCategories, languageChain, resolveStrings } from './i18n/strings.js';
import { CookieAuditor } from './page/cookie-audit.js';
import { definePlaceholder, type AllowEvent } from './elements/placeholder/placeholder.js';
import { CookieConsentElement } from './elements/cookie-consent/cookie-consent.js';
import * as panelShared from './elements/cookie-consent/preferences-panel.shared.js';

/** Each runtime's auditor (tests start a fresh runtime on the same page). */
const auditors = new WeakMap<ConsentRuntime, CookieAuditor>();

/**
 * The visitor's strings: the built-in ones for the page's language (from `locales/<language>.js`
 * beside the widget) over English, under the config's own `texts`; and the language they are in.
 */
async function loadStrings(base: string | null, config: ConsentConfig): Promise<{ strings: Strings; language: string }> {
  const chain = languageChain(document.documentElement.lang || navigator.language);
  const builtInLanguage = builtInLanguageFor(chain);
  const builtIn: Record<string, Strings> = {};
  if (builtInLanguage && base) {
    try {
      builtIn[builtInLanguage] = (await import(/* @vite-ignore */ new URL(`locales/${builtInLanguage}.js`, base).href)).default;
    } catch (error) {
      console.warn(`cookie-consent: could not load the "${builtInLanguage}" strings, showing English: ${(error as Error).message}`);
    }
  }
  const language = chain.find((tag) => ownValue(builtIn, tag) || ownValue(config.texts, tag)) ?? 'en-GB';
  const strings = resolveStrings(chain, builtIn, config.texts);
  strings.description = describeCategories(strings, chain, config.texts, language, config.categories);
  return { strings, language };
}

/**
 * A blocked embed's placeholder asked for what it needs: every category it names, and its service
 * (an older copy of the placeholder on the page sends none). Placeholders exist only with the
 * interface, so this listens from the moment it is attached, for whichever runtime is the page's.
 */
function handleAllow({ detail }: AllowEvent): void {
  const runtime = currentRuntime();
  if (runtime.status !== 'ready') return;
  const { choices, unknown } = grantChoices(runtime.config, runtime.record, detail.categories, detail.services ?? []);
  if (unknown.length) console.error(`cookie-consent: ${unknown.join(', ')} is not in the config, so the element that needs it stays blocked.`);
  else runtime.decide(choices, 'placeholder');
}

/** Makes the interface the runtime's: cosmetic keys, strings, the elements, the audit; then redraws. */
export const attach: WidgetInterface['attach'] = async (runtime) => {
  // The dialog's own file takes Lit and its helpers from this one (see preferences-panel.shared.ts).
  (window as unknown as Record<symbol, unknown>)[Symbol.for('cookie-consent.panel-shared')] ??= panelShared;
  await runtime.configured;
  // Once for the page, however many runtimes attach (tests start fresh ones): a named listener is added once.
  document.addEventListener('cookie-consent-allow', handleAllow);
  const { texts, ui, warnings } = readCosmetic(runtime.raw ?? {}, runtime.config.categories);
  if (warnings.length) console.warn(formatConfigWarnings(warnings));
  const { strings, language } = await loadStrings(runtime.base, { ...runtime.config, texts });
  runtime.present({ texts, ui }, strings, language);
  definePlaceholder();
  if (!customElements.get('cookie-consent')) customElements.define('cookie-consent', CookieConsentElement);
  if (runtime.status === 'ready') {
    // Undeclared cookies are reported where the banner is: on a first visit, or when the settings open.
    const auditor = new CookieAuditor(runtime.config, () => runtime.target);
    auditors.set(runtime, auditor);
    auditor.watch();
  }
  runtime.changed();
};

/** Stops the runtime's audit from watching the page's cookies. */
export const detach: WidgetInterface['detach'] = (runtime) => auditors.get(runtime)?.stop();

/** The runtime's cookie audit (none under an invalid config). */
export const audit: WidgetInterface['audit'] = async (runtime): Promise<AuditEntry[]> => auditors.get(runtime)?.audit() ?? [];
