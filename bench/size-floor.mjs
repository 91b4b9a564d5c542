/**
 * What the parts the script-tag file cannot do without weigh on their own, built the way
 * dist/cookie-consent.min.js is built (same plugins, terser options, production Lit), gzip -9:
 *
 *   node bench/size-floor.mjs
 *
 * Each line is a bundle of only those modules, so it shows how much of the 12 KB budget they
 * leave for the banner, its styles and strings, the runtime and the API.
 */
import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import configs from '../rollup.config.mjs';

const BUDGET = 12_288;
const scriptTag = configs({}).find((build) => build.output.file === 'dist/cookie-consent.min.js');
const bundles = [
  { label: 'Lit (LitElement, html, css)', imports: { LitElement: 'lit', html: 'lit', css: 'lit' } },
  {
    label: 'Lit + blocker + config parser + consent store (record, js-cookie)',
    imports: { LitElement: 'lit', Blocker: './blocker/blocker.js', parseConfig: './config/parse-config.js', ConsentStore: './consent-store.js' },
  },
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

for (const { label, imports } of bundles) {
  const build = await rollup({ input: '\0entry', plugins: [virtualEntry(imports), ...scriptTag.plugins], onwarn: () => {} });
  const { output } = await build.generate(scriptTag.output);
  const size = gzipSync(output[0].code, { level: 9 }).length;
  console.log(`${label}: ${size.toLocaleString('en-GB')} B gzip -9 (${Math.round((size / BUDGET) * 100)} % of the ${BUDGET.toLocaleString('en-GB')} B budget)`);
}
