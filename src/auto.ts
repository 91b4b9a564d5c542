/**
 * The script-tag entry: `<script src="cookie-consent.min.js" data-config="/cookie-consent.json">`.
 * The only module that does work when it is loaded: it starts holding back non-essential content
 * at once, while the page is still being parsed, then loads the config. Everything here runs on
 * every page view; the interface (banner, dialog, placeholders) is a file of its own, which the
 * runtime loads only when a visitor needs it.
 */
import { installApi } from './api.js';
import { createRuntime } from './page-runtime.js';
import { FallbackView } from './elements/fallback/fallback-view.js';
import { hostElement } from './page/host-element.js';
import * as guardShared from './guard-shared.js';

if (!window.CookieConsent) {
  // Before anything can load the interface, which takes these modules from this file.
  (window as unknown as Record<symbol, unknown>)[Symbol.for('cookie-consent.guard-shared')] = guardShared;
  const script = document.currentScript as HTMLScriptElement | null;
  const runtime = createRuntime(script?.src || null);
  runtime.start();
  new FallbackView(runtime);
  const api = installApi(runtime);
  const source = script?.dataset.config;
  if (source) void api.init(source);
  // Without data-config, `<cookie-consent config="…">` in the page names it (or its `config`
  // property, set before the interface defines the element): read once the page is parsed.
  else {
    void hostElement().then((element) => {
      const named = (element as { config?: string | object }).config ?? element.getAttribute('config');
      if (named) void api.init(named);
    });
  }
}
