import { dirname, resolve } from 'node:path';

/** The TypeScript source a relative `.js` import names: the sources import each other by the names they build to. */
export const sourceOf = (source, importer) => resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
