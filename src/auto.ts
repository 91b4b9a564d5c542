/**
 * The script-tag entry: `<script src="cookie-consent.min.js" data-config="/cookie-consent.json">`.
 * The only module that does work when it is loaded: it starts holding back non-essential content
 * at once, while the page is still being parsed, then loads the config.
 */
import { installApi } from './api.js';
import { defineCookieConsent } from './define.js';
import { pageRuntime } from './page-runtime.js';

if (!window.CookieConsent) {
  const script = document.currentScript as HTMLScriptElement | null;
  const runtime = pageRuntime(script?.src || null);
  runtime.start();
  defineCookieConsent();
  const api = installApi(runtime);
  const source = script?.dataset.config;
  if (source) void api.init(source);
}
