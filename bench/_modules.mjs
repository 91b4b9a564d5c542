import { rollup } from 'rollup';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import configs from '../rollup.config.mjs';
const which = process.argv[2] || 'dist/cookie-consent.min.js';
const b = configs({}).find((x) => x.output.file === which || x.input?.['cookie-consent.interface'] && which === 'interface');
const build = await rollup({ input: which === 'interface' ? { i: 'src/interface.ts' } : b.input, plugins: b.plugins.filter((p) => !['entries-only', 'without'].includes(p.name)), onwarn: () => {} });
const { output } = await build.generate({ format: 'es', preserveModules: true, dir: '/tmp/x' });
let total = 0; const rows = [];
for (const chunk of output) { if (chunk.type !== 'chunk') continue; const m = await minify(chunk.code, { module: true, compress: { passes: 2 }, mangle: true }); const n = gzipSync(m.code, { level: 9 }).length; total += n; rows.push([n, m.code.length, chunk.fileName]); }
rows.sort((a, b) => b[0] - a[0]); for (const r of rows) console.log(r.join('\t')); console.log('sum', total);
