/**
 * The build's plugin that has the interface take the shared modules from the script-tag file
 * (bin/build/script-tag-shared-from-page.mjs), on a scratch list: every form of export a shared
 * module has must be taken from the page, as rollup reads the module.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { rollup } from 'rollup';
import { scriptTagSharedFromPage } from '../../bin/build/script-tag-shared-from-page.mjs';

describe('script-tag-shared-from-page (bin/build/)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'script-tag-shared-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const files = {
    'shared.ts': "export * from './words.js';\nexport * from './numbers.js';\n",
    'words.ts': "const hello = 'hello';\nfunction shout(text) { return text.toUpperCase(); }\nexport { hello, shout as loud };\nexport const bye = 'bye';\n",
    'numbers.ts': "export * from './more-numbers.js';\nexport let one = 1;\n",
    'more-numbers.ts': 'export class Two {}\n',
    'entry.ts': "import { hello, loud, bye } from './words.js';\nimport { one, Two } from './numbers.js';\nconsole.log(loud(hello), bye, one, new Two());\n",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(scratch, name), text);

  it("takes every export of a shared module from the page's copy: declarations, export { … }, renamed and passed-on ones", async () => {
    // The sources import each other by the names they build to (.js); here nothing compiles them, so they resolve as they are.
    const asSource = { name: 'as-source', resolveId: (source, importer) => (importer && source.endsWith('.js') ? join(scratch, source.replace(/\.js$/, '.ts')) : null) };
    const bundle = await rollup({ input: join(scratch, 'entry.ts'), plugins: [scriptTagSharedFromPage({ list: join(scratch, 'shared.ts') }), asSource], onwarn: (warning) => assert.fail(warning.message) });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const [{ code, modules }] = output;
    assert.deepEqual(Object.keys(modules).filter((id) => !id.startsWith('\0')), [join(scratch, 'entry.ts')], 'no shared module is bundled');
    assert.match(code, /const \{ hello, loud, bye \} = window\[Symbol\.for\('cookie-consent\.script-tag-shared'\)\];/);
    assert.match(code, /const \{ (Two, one|one, Two) \} = window\[Symbol\.for\('cookie-consent\.script-tag-shared'\)\];/);
  });
});
