/**
 * The script-tag entry: `<script src="cookie-consent.min.js" data-config="/cookie-consent.json">`.
 * The only module that does work when it is loaded: it starts holding back non-essential content
 * at once, while the page is still being parsed, defines `<cookie-consent>` (which draws the banner
 * and the settings button itself), then loads the config. Everything here runs on every page view;
 * the interface (the preferences dialog's content, placeholders, the audit) is a file of its own,
 * which the runtime loads only when a visitor needs it.
 */
import { installApi } from './api.js';
import { createRuntime } from './runtime/page-runtime.js';
import { defineCookieConsent } from './define.js';
import * as scriptTagShared from './script-tag-shared.js';

if (!window.CookieConsent) {
  // Before anything can load the interface, which takes these modules from this file.
  (window as unknown as Record<symbol, unknown>)[Symbol.for('cookie-consent.script-tag-shared')] = scriptTagShared;
  const script = document.currentScript as HTMLScriptElement | null;
  const runtime = createRuntime(script?.src || null);
  runtime.start();
  const api = installApi(runtime);
  // Without data-config, `<cookie-consent config="…">` in the page names it (or its `config`
  // property): the element starts the runtime with it when it is connected.
  defineCookieConsent();
  const source = script?.dataset.config;
  if (source) void api.init(source);
}
