/**
 * The script-tag entry: `<script src="cookie-consent.min.js" data-config="/cookie-consent.json">`.
 * The only module that does work when it is loaded: it starts holding back non-essential content
 * at once, while the page is still being parsed, then loads the config.
 */
import { installApi } from './api.js';
import { defineCookieConsent } from './define.js';
import { createRuntime } from './page-runtime.js';
import * as panelShared from './elements/preferences-panel.shared.js';

if (!window.CookieConsent) {
  const script = document.currentScript as HTMLScriptElement | null;
  // The preferences panel file takes Lit and its helpers from this file (see preferences-panel.shared.ts).
  (window as unknown as Record<symbol, unknown>)[Symbol.for('cookie-consent.panel-shared')] = panelShared;
  const runtime = createRuntime(script?.src || null);
  runtime.start();
  defineCookieConsent();
  const api = installApi(runtime);
  const source = script?.dataset.config;
  if (source) void api.init(source);
}
