import { readFileSync } from 'node:fs';
import { VERSION } from './widget-defaults.mjs';

/** Writes package.json's version in place of src/core/defaults.ts's placeholder, so it is set in one file. */
export const packageVersion = () => ({
  name: 'package-version',
  transform(code, id) {
    if (!id.endsWith('/src/core/defaults.ts')) return null;
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return code.replace(`'${VERSION}'`, JSON.stringify(version));
  },
});
