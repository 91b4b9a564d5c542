/**
 * What the script-tag file's parts weigh on their own, each built the way dist/cookie-consent.min.js
 * is built (its build's plugins and terser options from rollup.config.mjs), gzip -9, against its
 * 12 KB budget (a first visit before the banner works, and a returning visit); and what Lit weighs,
 * built the way the interface is (production Lit), which a visitor fetches only after the banner:
 *
 *   node bench/size-floor.mjs
 *
 * Each line is a bundle of only those modules and what they import, so the lines overlap (the
 * runtime holds the blocker, the config reader and the store) and do not add up. They show where
 * the script-tag file's bytes go, and how far a part must shrink before the budget can hold.
 */
import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import configs from '../rollup.config.mjs';

const BUDGET = 12_288;

const builds = configs({});
const scriptTag = builds.find((build) => build.output.file === 'dist/cookie-consent.min.js');
const ui = builds.find((build) => typeof build.input === 'object' && 'cookie-consent.interface' in build.input);
if (!scriptTag || !ui) throw new Error('size-floor: rollup.config.mjs no longer has the script-tag build or the interface build');

const scriptTagParts = [
  { label: 'blocker (src/page/blocker.ts)', imports: { Blocker: './page/blocker.js' } },
  { label: 'config reader (src/core/config/parse-config.ts)', imports: { readConfig: './core/config/parse-config.js' } },
  { label: 'consent store, with the record and js-cookie (src/page/consent-store.ts)', imports: { ConsentStore: './page/consent-store.js' } },
  { label: 'runtime as a whole (src/runtime/consent-runtime.ts)', imports: { ConsentRuntime: './runtime/consent-runtime.js' } },
  { label: '<cookie-consent> with its banner and styles (src/elements/cookie-consent/cookie-consent.ts)', imports: { CookieConsentElement: './elements/cookie-consent/cookie-consent.js' } },
];

/** An entry that imports the named bindings and keeps them, so nothing is shaken out. */
const virtualEntry = (imports) => ({
  name: 'virtual-entry',
  resolveId: (id) => (id === '\0entry' ? id : null),
  load(id) {
    if (id !== '\0entry') return null;
    const lines = Object.entries(imports).map(([name, from]) => `import { ${name} } from '${from.startsWith('.') ? new URL(`../src/${from.slice(2).replace(/\.js$/, '.ts')}`, import.meta.url).pathname : from}';`);
    return `${lines.join('\n')}\nwindow.__keep = [${Object.keys(imports).join(', ')}];`;
  },
});

const gzipSize = async (build, input, plugins) => {
  const bundle = await rollup({ input, plugins, onwarn: () => {} });
  const { output } = await bundle.generate({ ...build.output, file: undefined, dir: undefined });
  await bundle.close();
  return output.filter((file) => file.type === 'chunk').reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
};
const line = (label, size, budget, of) =>
  console.log(`${label}: ${size.toLocaleString('en-GB')} B gzip -9 (${Math.round((size / budget) * 100)} % of ${of})`);

const budgetOf = `the script-tag file's ${BUDGET.toLocaleString('en-GB')} B budget`;
for (const { label, imports } of scriptTagParts) {
  line(label, await gzipSize(scriptTag, '\0entry', [virtualEntry(imports), ...scriptTag.plugins]), BUDGET, budgetOf);
}
line(`the whole script-tag file (${scriptTag.input}: the runtime, the API and <cookie-consent> with its banner)`, await gzipSize(scriptTag, scriptTag.input, scriptTag.plugins), BUDGET, budgetOf);
const lit = await gzipSize(ui, '\0entry', [virtualEntry({ LitElement: 'lit', html: 'lit', css: 'lit' }), ...ui.plugins]);
console.log(`Lit (LitElement, html, css), for the interface, fetched after the banner: ${lit.toLocaleString('en-GB')} B gzip -9`);
