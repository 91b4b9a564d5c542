import { existsSync, readdirSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { entriesOnly } from './bin/build/entries-only.mjs';
import { minifyCssTemplates } from './bin/build/minify-css-templates.mjs';
import { CONFIG_ERRORS_FILE, INTERFACE_FILE, LOG_FILE, onDemandFiles } from './bin/build/on-demand-files.mjs';
import { packageVersion } from './bin/build/package-version.mjs';
import { scriptTagSharedFromPage } from './bin/build/script-tag-shared-from-page.mjs';
import { transpileOnly } from './bin/build/transpile-only.mjs';
import { withoutDraftTypes } from './bin/build/without-draft-types.mjs';
import { withoutModules } from './bin/build/without-modules.mjs';

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

/** Lit's packages: the script-tag file draws its banner without them. */
const LIT_MODULES = /node_modules\/(lit|lit-html|lit-element|@lit)\//;
/** The runtime the script-tag file starts, which the interface uses rather than carrying a copy. */
const RUNTIME_MODULES = /src\/(runtime\/(?!runtime-on-window)[\w-]+|page\/(blocker|consent-store|cleanup))\.ts$|node_modules\/js-cookie\//;

// Each build gets its own TypeScript instance: the plugin keeps per-build state. Only the ES build,
// which emits the type declarations, type-checks, and a type error fails the build; the others compile
// the same sources with `noCheck`, so the build checks the program once rather than once per output.
const ts = (options = {}) => typescript({ tsconfig: './tsconfig.json', noCheck: true, declaration: false, declarationDir: undefined, outDir: undefined, rootDir: undefined, ...options });

const widget = [
  // The script-tag file: the runtime, the blocker, the store, the API and <cookie-consent> with its
  // banner, with no Lit. One classic script, run on every page view.
  {
    input: 'src/auto.ts',
    output: { file: 'dist/cookie-consent.min.js', format: 'iife', plugins: [terser(terserOptions)] },
    // After TypeScript: it compiles from the files on disk, so a rewrite before it would be lost.
    plugins: [onDemandFiles(), nodeResolve(), ts(), packageVersion(), minifyCssTemplates(), withoutModules('the script-tag file must not bundle Lit', LIT_MODULES)],
  },
  // The files the script-tag file fetches from beside itself: the interface (Lit, the dialog's
  // content, the placeholders, the audit), the consent log (when a config has `consentLog`) and the built-in
  // languages (when the page's language needs one). None imports another at run time.
  {
    input: {
      [INTERFACE_FILE.replace(/\.js$/, '')]: 'src/interface.ts',
      [LOG_FILE.replace(/\.js$/, '')]: 'src/page/consent-log.ts',
      [CONFIG_ERRORS_FILE.replace(/\.js$/, '')]: 'src/core/config/config-messages.ts',
      ...Object.fromEntries(locales.map((input) => [input.replace(/^src\/i18n\/(locales\/[\w-]+)\.ts$/, '$1'), input])),
    },
    output: { dir: 'dist', entryFileNames: '[name].js', chunkFileNames: 'cookie-consent.[name].js', format: 'es', plugins: [terser(terserOptions)] },
    // The dialog's chunk takes Lit from the interface file, rather than the interface becoming a facade.
    preserveEntrySignatures: 'allow-extension',
    // js-cookie does nothing when it is loaded: the audit reads the cookie jar's names without it.
    treeshake: { moduleSideEffects: (id) => !id.includes('/node_modules/js-cookie/') },
    plugins: [
      onDemandFiles(),
      scriptTagSharedFromPage(),
      nodeResolve({ exportConditions: ['production'] }),
      ts(),
      minifyCssTemplates(),
      entriesOnly(),
      withoutModules('the interface takes the runtime from the page, never a copy', RUNTIME_MODULES),
    ],
  },
  // The ES module for bundlers: lit and js-cookie stay dependencies, types beside it.
  {
    input: 'src/index.ts',
    output: { dir: 'dist', entryFileNames: 'cookie-consent.js', chunkFileNames: '[name].js', format: 'es' },
    external: [/^lit/, /^@lit\//, 'js-cookie'],
    // The panel chunk may import from the entry, rather than the entry becoming a facade.
    preserveEntrySignatures: 'allow-extension',
    plugins: [ts({ noCheck: false, noEmitOnError: true, declaration: true, declarationDir: 'dist/types', outDir: 'dist', rootDir: 'src' }), packageVersion(), withoutDraftTypes()],
  },
  // `cookie-consent/server`: the pure record and config checks only, so no DOM and no dependencies.
  {
    input: 'src/server.ts',
    output: { file: 'dist/server.js', format: 'es' },
    plugins: [ts()],
  },
  // `cookie-consent/records` and its command: Node only, its database drivers loaded when a store opens.
  {
    input: { records: 'src/records/index.ts', 'records-cli': 'src/records/cli.ts' },
    output: { dir: 'dist', entryFileNames: '[name].js', chunkFileNames: 'records-[name].js', format: 'es' },
    external: [/^node:/, '@electric-sql/pglite', 'pg'],
    plugins: [ts()],
  },
];

/**
 * The pure config drafter, bundled outside the served dist/: bin/cookie-consent.mjs runs it, and
 * the demo's configurator page imports the same file. `npm install` builds it alone through the
 * `prepare` script (`rollup -c --configDraftOnly`), so the command works on a fresh clone.
 */
const draft = {
  input: 'src/draft/index.ts',
  output: { file: 'dist-cli/draft.js', format: 'es' },
  plugins: [transpileOnly()],
};

/** `cookie-consent rewrite`, beside the drafter; parse5's rewriting stream stays an optional peer it loads. */
const rewriteCommand = {
  input: 'src/cli/rewrite-command.ts',
  output: { file: 'dist-cli/rewrite.js', format: 'es' },
  external: [/^node:/],
  plugins: [transpileOnly()],
};

export default (args) => (args.configDraftOnly ? [draft, rewriteCommand] : [...widget, draft, rewriteCommand]);
