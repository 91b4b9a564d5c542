import { existsSync, readFileSync, readdirSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const terserOptions = {
  ecma: 2021,
  module: true,
  compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
  mangle: { properties: { regex: /^__/ } },
  format: { comments: false },
};
const locales = (existsSync('src/i18n/locales') ? readdirSync('src/i18n/locales') : [])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `src/i18n/locales/${file}`);

/**
 * Collapses the white space and comments inside Lit `css` templates, which terser leaves alone
 * because they are strings. Only safe rewrites: no spaces around { } ; , > or after a colon, and
 * no leading zero before a decimal point.
 */
const minifyCssTemplates = () => ({
  name: 'minify-css-templates',
  transform(code, id) {
    if (!/\.[tj]s$/.test(id) || !/css\s*`/.test(code)) return null;
    const minified = code.replace(/css\s*`([^`]*)`/g, (_, body) =>
      `css\`${body
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        // 0.5rem → .5rem (a zero after a digit or a dot is part of a larger number and stays).
        .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2')
        .trim()}\``,
    );
    return { code: minified, map: null };
  },
});

/**
 * Code the script-tag file loads only when needed lives in files beside it: each dynamic import
 * stays an import() of that file, which a classic script resolves against its own URL.
 * The preferences panel, the first time the dialog opens; the consent log, when a config names one.
 */
const PANEL_FILE = 'cookie-consent.preferences.js';
const LOG_FILE = 'cookie-consent.consent-log.js';
const ON_DEMAND_FILES = { './preferences-panel.js': PANEL_FILE, './integrations/consent-log.js': LOG_FILE };
const onDemandFiles = () => ({
  name: 'on-demand-files',
  resolveDynamicImport(specifier) {
    const file = ON_DEMAND_FILES[specifier];
    return file ? { id: `./${file}`, external: true } : null;
  },
});

/**
 * Builds the panel file on its own: its one runtime import (preferences-panel.shared.ts) becomes
 * the copies the script-tag file registers on the page, so Lit is loaded once.
 */
const SHARED = 'src/elements/preferences-panel.shared.ts';
const SHARED_KEY = 'cookie-consent.panel-shared';
const panelSharedFromPage = () => ({
  name: 'panel-shared-from-page',
  resolveId(source, importer) {
    if (source.endsWith('preferences-panel.shared.js')) return '\0panel-shared';
    if (importer && !importer.startsWith('\0') && !source.startsWith('.')) {
      this.error(`${importer} imports "${source}"; the panel takes its imports from ${SHARED} only`);
    }
    return null;
  },
  load(id) {
    if (id !== '\0panel-shared') return null;
    const names = [...readFileSync(SHARED, 'utf8').matchAll(/export\s*\{([^}]*)\}/g)].flatMap(([, list]) => list.split(',').map((name) => name.trim()).filter(Boolean));
    return `export const { ${names.join(', ')} } = window[Symbol.for('${SHARED_KEY}')];`;
  },
});

// Each build gets its own TypeScript instance: the plugin keeps per-build state.
const ts = (options = {}) => typescript({ tsconfig: './tsconfig.json', declaration: false, declarationDir: undefined, outDir: undefined, rootDir: undefined, ...options });

export default [
  // The script-tag file: everything inside, one classic script, production Lit.
  {
    input: 'src/auto.ts',
    output: { file: 'dist/cookie-consent.min.js', format: 'iife', plugins: [terser(terserOptions)] },
    // After TypeScript: it compiles from the files on disk, so a rewrite before it would be lost.
    plugins: [onDemandFiles(), nodeResolve({ exportConditions: ['production'] }), ts(), minifyCssTemplates()],
  },
  // The preferences panel, fetched the first time the dialog opens.
  {
    input: 'src/elements/preferences-panel.ts',
    output: { file: `dist/${PANEL_FILE}`, format: 'es', plugins: [terser(terserOptions)] },
    plugins: [panelSharedFromPage(), ts(), minifyCssTemplates()],
  },
  // The consent log, fetched when a config has `consentLog`; it imports nothing at run time.
  {
    input: 'src/integrations/consent-log.ts',
    output: { file: `dist/${LOG_FILE}`, format: 'es', plugins: [terser(terserOptions)] },
    plugins: [ts()],
  },
  // The ES module for bundlers: lit and js-cookie stay dependencies, types beside it.
  {
    input: 'src/index.ts',
    output: { dir: 'dist', entryFileNames: 'cookie-consent.js', chunkFileNames: '[name].js', format: 'es' },
    external: [/^lit/, /^@lit\//, 'js-cookie'],
    // The panel chunk may import from the entry, rather than the entry becoming a facade.
    preserveEntrySignatures: 'allow-extension',
    plugins: [ts({ declaration: true, declarationDir: 'dist/types', outDir: 'dist', rootDir: 'src' })],
  },
  // `cookie-consent/server`: the pure record and config checks only, so no DOM and no dependencies.
  {
    input: 'src/server.ts',
    output: { file: 'dist/server.js', format: 'es' },
    plugins: [ts()],
  },
  // Built-in languages, fetched on demand by the widget when the page's language needs one.
  ...locales.map((input) => ({
    input,
    output: { dir: 'dist/locales', format: 'es', plugins: [terser(terserOptions)] },
    plugins: [ts()],
  })),
  // The pure config drafter behind bin/cookie-consent.mjs.
  {
    input: 'src/draft/draft-config.ts',
    output: { file: 'dist/draft.js', format: 'es' },
    plugins: [ts()],
  },
];
