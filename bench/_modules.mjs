import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';
const b = configs({}).find((x) => x.output.file === 'dist/cookie-consent.min.js');
const build = await rollup({ input: b.input, plugins: b.plugins, onwarn: () => {} });
const { output } = await build.generate({ ...b.output, plugins: [] });
const mods = Object.entries(output[0].modules).map(([id, m]) => [m.renderedLength, id.replace(/.*\/(src|node_modules)\//, '')]).sort((a, b) => b[0] - a[0]);
for (const [n, id] of mods) console.log(n, id);
