import { existsSync, readdirSync } from 'node:fs';
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
 * because they are strings. Only safe rewrites: no spaces around { } ; , > or after a colon.
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
        .trim()}\``,
    );
    return { code: minified, map: null };
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
    plugins: [nodeResolve({ exportConditions: ['production'] }), ts(), minifyCssTemplates()],
  },
  // The ES module for bundlers: lit and js-cookie stay dependencies, types beside it.
  {
    input: 'src/index.ts',
    output: { dir: 'dist', entryFileNames: 'cookie-consent.js', format: 'es' },
    external: [/^lit/, /^@lit\//, 'js-cookie'],
    plugins: [ts({ declaration: true, declarationDir: 'dist/types', outDir: 'dist', rootDir: 'src' })],
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
