/**
 * Code the script-tag file loads only when needed lives in files beside it: each dynamic import
 * stays an import() of that file, which a classic script resolves against its own URL. The
 * interface, when the browser is idle after the banner, or when a visitor needs the dialog or a
 * placeholder; the consent log, when a config names one.
 */
export const INTERFACE_FILE = 'cookie-consent.interface.js';
export const LOG_FILE = 'cookie-consent.consent-log.js';
const ON_DEMAND_FILES = { './interface.js': INTERFACE_FILE, './page/consent-log.js': LOG_FILE };

export const onDemandFiles = () => ({
  name: 'on-demand-files',
  resolveDynamicImport(specifier) {
    const file = ON_DEMAND_FILES[specifier];
    return file ? { id: `./${file}`, external: true } : null;
  },
});
