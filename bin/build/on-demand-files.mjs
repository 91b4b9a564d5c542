import { resolve } from 'node:path';
import { CONFIG_ERRORS_FILE, INTERFACE_FILE, LOG_FILE } from './widget-defaults.mjs';
import { sourceOf } from './source-of.mjs';

export { CONFIG_ERRORS_FILE, INTERFACE_FILE, LOG_FILE };

/**
 * Code the script-tag file loads only when needed lives in files beside it: each dynamic import of
 * one of these modules stays an import() of its file, which a classic script resolves against its
 * own URL. The interface, when the browser is idle after the banner, or when a visitor needs the
 * dialog or a placeholder; the consent log, when a config names one; the wording of config errors,
 * when a config is wrong. Matched by the module imported, whichever file imports it.
 */
const ON_DEMAND_FILES = new Map([
  ['src/interface.ts', INTERFACE_FILE],
  ['src/page/consent-log.ts', LOG_FILE],
  ['src/core/config/config-messages.ts', CONFIG_ERRORS_FILE],
].map(([source, file]) => [resolve(source), file]));

export const onDemandFiles = () => ({
  name: 'on-demand-files',
  resolveDynamicImport(specifier, importer) {
    if (typeof specifier !== 'string' || !specifier.startsWith('.') || !importer) return null;
    const file = ON_DEMAND_FILES.get(sourceOf(specifier, importer));
    return file ? { id: `./${file}`, external: true } : null;
  },
});
