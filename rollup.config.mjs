import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
 * stays an import() of that file, which a classic script resolves against its own URL. The
 * interface, when the browser is idle after the banner, or when a visitor needs the dialog or a
 * placeholder; the consent log, when a config names one.
 */
const INTERFACE_FILE = 'cookie-consent.interface.js';
const LOG_FILE = 'cookie-consent.consent-log.js';
const ON_DEMAND_FILES = { '../interface.js': INTERFACE_FILE, '../page/consent-log.js': LOG_FILE };
const onDemandFiles = () => ({
  name: 'on-demand-files',
  resolveDynamicImport(specifier) {
    const file = ON_DEMAND_FILES[specifier];
    return file ? { id: `./${file}`, external: true } : null;
  },
});

/** The TypeScript source a relative `.js` import names. */
const sourceOf = (source, importer) => resolve(dirname(importer), source.replace(/\.js$/, '.ts'));

/** A module whose exports are the copies another of the widget's files registered on the page under `key`. */
const copiesOnPage = (names, key) => `export const { ${names.join(', ')} } = window[Symbol.for('${key}')];`;

/**
 * The interface takes the modules src/script-tag-shared.ts lists from the script-tag file, which
 * registers them on the page before it can load the interface: each import of one becomes the
 * script-tag file's copy, so a first visit downloads it once. A name the module no longer exports
 * fails the build (rollup's missing-export error).
 */
const SCRIPT_TAG_SHARED = 'src/script-tag-shared.ts';
const SCRIPT_TAG_SHARED_KEY = 'cookie-consent.script-tag-shared';
const scriptTagSharedFromPage = () => {
  const exportsOf = new Map();
  return {
    name: 'script-tag-shared-from-page',
    buildStart() {
      for (const [, from] of readFileSync(SCRIPT_TAG_SHARED, 'utf8').matchAll(/^export \* from '([^']+)';$/gm)) {
        const file = sourceOf(from, SCRIPT_TAG_SHARED);
        exportsOf.set(file, [...readFileSync(file, 'utf8').matchAll(/^export (?:const|let|(?:async )?function|class) (\w+)/gm)].map(([, name]) => name));
      }
    },
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const file = sourceOf(source, importer);
      return exportsOf.has(file) ? `\0script-tag-shared:${file}` : null;
    },
    load(id) {
      if (!id.startsWith('\0script-tag-shared:')) return null;
      return copiesOnPage(exportsOf.get(id.slice('\0script-tag-shared:'.length)), SCRIPT_TAG_SHARED_KEY);
    },
  };
};

/**
 * Strips the types from each file without checking them, in a fraction of the time the TypeScript
 * plugin takes to check the whole program; the widget builds below check every file in src/.
 */
const transpileOnly = () => {
  let typescript;
  return {
    name: 'transpile-only',
    async buildStart() {
      typescript = (await import('typescript')).default;
    },
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const file = sourceOf(source, importer);
      return existsSync(file) ? file : null;
    },
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const { ScriptTarget, ModuleKind } = typescript;
      const { outputText } = typescript.transpileModule(code, { compilerOptions: { target: ScriptTarget.ES2021, module: ModuleKind.ESNext, isolatedModules: true }, fileName: id });
      return { code: outputText, map: null };
    },
  };
};

/**
 * TypeScript declares every file of the program; the drafter is no part of the widget, so its
 * declarations stay out of the served dist/ (it is bundled into dist-cli/ on its own).
 */
const withoutDraftTypes = () => ({
  name: 'without-draft-types',
  generateBundle(_, bundle) {
    for (const file of Object.keys(bundle)) if (/^types\/draft\//.test(file)) delete bundle[file];
  },
});

/**
 * Fails a build whose entries came to share a module: rollup would put it in a chunk of its own,
 * which an entry would import statically, one more request before it can run. Such a module belongs
 * in the script-tag file (see script-tag-shared.ts) or in each entry. A chunk an entry imports
 * dynamically (the preferences dialog's) is its own on purpose.
 */
const entriesOnly = () => ({
  name: 'entries-only',
  generateBundle(_, bundle) {
    const files = Object.values(bundle);
    const shared = files.filter((file) => file.type === 'chunk' && !file.isEntry && !file.isDynamicEntry);
    if (shared.length) this.error(`the on-demand files share ${shared.flatMap((chunk) => Object.keys(chunk.modules)).join(', ')}; give each file its own copy or take it from the script-tag file`);
  },
});

/**
 * Fails a build that bundles a module it must take from elsewhere: the script-tag file carries no
 * Lit (the interface does), and the interface carries no runtime (it uses the one the script-tag
 * file started, through runtime/runtime-on-window.ts), so no page runs two blockers or two stores.
 */
const without = (what, pattern) => ({
  name: 'without',
  generateBundle(_, bundle) {
    // A module whose code was all shaken out is listed with nothing rendered: only code counts.
    const found = Object.values(bundle).flatMap((file) => Object.entries(file.modules ?? {})).filter(([id, { renderedLength }]) => renderedLength && pattern.test(id)).map(([id]) => id);
    if (found.length) this.error(`${what}: ${found.join(', ')}`);
  },
});
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
    plugins: [onDemandFiles(), nodeResolve(), ts(), minifyCssTemplates(), without('the script-tag file must not bundle Lit', /node_modules\/(lit|lit-html|lit-element|@lit)\//)],
  },
  // The files the script-tag file fetches from beside itself: the interface (Lit, the dialog's
  // content, the placeholders, the audit), the consent log (when a config has `consentLog`) and the built-in
  // languages (when the page's language needs one). None imports another at run time.
  {
    input: {
      [INTERFACE_FILE.replace(/\.js$/, '')]: 'src/interface.ts',
      [LOG_FILE.replace(/\.js$/, '')]: 'src/page/consent-log.ts',
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
      without('the interface takes the runtime from the page, never a copy', RUNTIME_MODULES),
    ],
  },
  // The ES module for bundlers: lit and js-cookie stay dependencies, types beside it.
  {
    input: 'src/index.ts',
    output: { dir: 'dist', entryFileNames: 'cookie-consent.js', chunkFileNames: '[name].js', format: 'es' },
    external: [/^lit/, /^@lit\//, 'js-cookie'],
    // The panel chunk may import from the entry, rather than the entry becoming a facade.
    preserveEntrySignatures: 'allow-extension',
    plugins: [ts({ noCheck: false, noEmitOnError: true, declaration: true, declarationDir: 'dist/types', outDir: 'dist', rootDir: 'src' }), withoutDraftTypes()],
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
