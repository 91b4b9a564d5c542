import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import configs from '../rollup.config.mjs';
process.chdir('/work/main');
const scriptTag = configs({}).find((b) => b.output.file === 'dist/cookie-consent.min.js');
const stub = { name: 'stub', resolveId(s, imp) { for (const [k, v] of Object.entries(STUBS)) if (s.includes(k)) return '\0stub' + k; return null; }, load(id) { if (id.startsWith('\0stub')) return STUBS[id.slice(5)]; return null; } };
let STUBS = {};
const virtualEntry = (imports) => ({ name: 'v', resolveId: (id) => (id === '\0entry' ? id : null), load(id) { if (id !== '\0entry') return null;
  const lines = Object.entries(imports).map(([name, from]) => `import { ${name} } from '${'/work/main/src/' + from.replace(/\.js$/, '.ts')}';`);
  return `${lines.join('\n')}\nwindow.__keep = [${Object.keys(imports).join(', ')}];`; } });
const probes = JSON.parse(process.argv[2]);
for (const [label, imports, stubs] of probes) {
  STUBS = stubs || {};
  const build = await rollup({ input: '\0entry', plugins: [stub, virtualEntry(imports), ...scriptTag.plugins], onwarn: () => {} });
  const { output } = await build.generate(scriptTag.output);
  console.log(label, gzipSync(output[0].code, { level: 9 }).length);
}
