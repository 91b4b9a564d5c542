/**
 * The build takes the version from package.json and the on-demand file names from src/core/defaults.ts,
 * the module the source reads them from: the built files carry both, and not the source's placeholder.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url);
const read = (file) => readFileSync(new URL(file, root), 'utf8');
const { version } = JSON.parse(read('package.json'));
const defaults = read('src/core/defaults.ts');
const constant = (name) => new RegExp(`export const ${name}(?:: string)? = '([^']+)'`).exec(defaults)[1];

describe('built files and src/core/defaults.ts', () => {
  for (const file of ['dist/cookie-consent.min.js', 'dist/cookie-consent.js']) {
    it(`${file} says package.json's version, ${version}`, () => {
      const built = read(file);
      assert.ok(built.includes(JSON.stringify(version)), `${file} lacks "${version}"`);
      assert.ok(!built.includes(constant('VERSION')), `${file} kept the source's placeholder version`);
    });
  }

  it('the script-tag file loads the interface and the consent log by the names src/core/defaults.ts gives', () => {
    const built = read('dist/cookie-consent.min.js');
    for (const name of ['INTERFACE_FILE', 'LOG_FILE']) {
      assert.ok(built.includes(constant(name)), `the script-tag file never names ${constant(name)}`);
      assert.ok(readFileSync(new URL(`dist/${constant(name)}`, root)).length > 0);
    }
  });
});
