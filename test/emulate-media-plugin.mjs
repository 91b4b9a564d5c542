/**
 * Test-runner command `emulate-media-features`: sets `forced-colors`, `prefers-color-scheme` and
 * `prefers-reduced-motion` in the test's Chromium page through the DevTools protocol
 * (Emulation.setEmulatedMedia). Puppeteer's own page.emulateMediaFeatures, which the stock
 * `emulateMedia` command uses, refuses `forced-colors`. Each call sets all three: a feature left
 * out goes back to the browser's own value, so `{}` ends every emulation.
 */
const FEATURES = {
  forcedColors: ['forced-colors', ['active', 'none']],
  colorScheme: ['prefers-color-scheme', ['light', 'dark']],
  reducedMotion: ['prefers-reduced-motion', ['reduce', 'no-preference']],
};

/** One DevTools session per page, opened on first use. */
const sessions = new WeakMap();

export function emulateMediaPlugin() {
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`emulate-media-features needs Chromium, not ${session.browser.type}`);
      const features = [];
      for (const [key, value] of Object.entries(payload ?? {})) {
        const feature = FEATURES[key];
        if (!feature) throw new Error(`emulate-media-features: unknown feature "${key}" (known: ${Object.keys(FEATURES).join(', ')})`);
        if (!feature[1].includes(value)) throw new Error(`emulate-media-features: ${key} is one of ${feature[1].join(', ')}, not "${value}"`);
        features.push({ name: feature[0], value });
      }
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
      const client = await sessions.get(page);
      await client.send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}
