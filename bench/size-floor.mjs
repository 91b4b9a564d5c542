/**
 * What the guard's parts weigh on their own, each built the way dist/cookie-consent.min.js is built
 * (the guard build's plugins and terser options from rollup.config.mjs), gzip -9, against the guard's
 * 7 KB budget; and what Lit weighs, built the way the interface is (production Lit), against the room
 * the 18 KB first-visit budget leaves the interface beside a guard at its budget:
 *
 *   node bench/size-floor.mjs
 *
 * Each line is a bundle of only those modules and what they import, so the lines overlap (the
 * runtime holds the blocker, the config reader and the store) and do not add up. They show where
 * the guard's bytes go, and how far a part must shrink before the budget can hold.
 */
import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import configs from '../rollup.config.mjs';

const GUARD_BUDGET = 7168;
const FIRST_VISIT_BUDGET = 18_432;
const INTERFACE_ROOM = FIRST_VISIT_BUDGET - GUARD_BUDGET;

const builds = configs({});
const guard = builds.find((build) => build.output.file === 'dist/cookie-consent.min.js');
const ui = builds.find((build) => typeof build.input === 'object' && 'cookie-consent.interface' in build.input);
if (!guard || !ui) throw new Error('size-floor: rollup.config.mjs no longer has the guard build or the interface build');

const guardParts = [
  { label: 'blocker (src/page/blocker.ts)', imports: { Blocker: './page/blocker.js' } },
  { label: 'config reader (src/core/config/parse-config.ts)', imports: { readConfig: './core/config/parse-config.js' } },
  { label: 'consent store, with the record and js-cookie (src/page/consent-store.ts)', imports: { ConsentStore: './page/consent-store.js' } },
  { label: 'runtime as a whole (src/consent-runtime.ts)', imports: { ConsentRuntime: './consent-runtime.js' } },
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

const guardOf = `the guard's ${GUARD_BUDGET.toLocaleString('en-GB')} B budget`;
for (const { label, imports } of guardParts) {
  line(label, await gzipSize(guard, '\0entry', [virtualEntry(imports), ...guard.plugins]), GUARD_BUDGET, guardOf);
}
line(`the whole guard (${guard.input}: the runtime, the API and the fallback banner)`, await gzipSize(guard, guard.input, guard.plugins), GUARD_BUDGET, guardOf);
line(
  'Lit (LitElement, html, css), for the interface',
  await gzipSize(ui, '\0entry', [virtualEntry({ LitElement: 'lit', html: 'lit', css: 'lit' }), ...ui.plugins]),
  INTERFACE_ROOM,
  `the ${INTERFACE_ROOM.toLocaleString('en-GB')} B the first-visit budget leaves the interface beside a guard at its budget`,
);
