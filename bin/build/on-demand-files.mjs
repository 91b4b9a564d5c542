import { CONFIG_ERRORS_FILE, INTERFACE_FILE, LOG_FILE } from './widget-defaults.mjs';

export { CONFIG_ERRORS_FILE, INTERFACE_FILE, LOG_FILE };

/**
 * Code the script-tag file loads only when needed lives in files beside it: each dynamic import
 * stays an import() of that file, which a classic script resolves against its own URL. The
 * interface, when the browser is idle after the banner, or when a visitor needs the dialog or a
 * placeholder; the consent log, when a config names one; the wording of config errors, when a
 * config is wrong.
 */
const ON_DEMAND_FILES = { './interface.js': INTERFACE_FILE, './page/consent-log.js': LOG_FILE, './core/config/config-messages.js': CONFIG_ERRORS_FILE };

export const onDemandFiles = () => ({
  name: 'on-demand-files',
  resolveDynamicImport(specifier) {
    const file = ON_DEMAND_FILES[specifier];
    return file ? { id: `./${file}`, external: true } : null;
  },
});
