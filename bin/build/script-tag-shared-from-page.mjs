import { resolve } from 'node:path';
import { sourceOf } from './source-of.mjs';

/**
 * The interface takes the modules src/script-tag-shared.ts lists from the script-tag file, which
 * registers them on the page before it can load the interface: each import of one becomes the
 * script-tag file's copy, so a first visit downloads it once. The list and each module's exports
 * come from rollup's own reading of the modules (their module info), so every form of export
 * counts. A name the module no longer exports fails the build (rollup's missing-export error).
 */
const SCRIPT_TAG_SHARED_KEY = 'cookie-consent.script-tag-shared';
const VIRTUAL_PREFIX = '\0script-tag-shared:';

/** A module whose exports are the copies another of the widget's files registered on the page under `key`. */
const copiesOnPage = (names, key) => `export const { ${names.join(', ')} } = window[Symbol.for('${key}')];`;

/** `list` is the module of `export * from` lines naming the shared modules. */
export const scriptTagSharedFromPage = ({ list = 'src/script-tag-shared.ts' } = {}) => {
  const listFile = resolve(list);
  /** Each shared module's file, with the names it exports; read once per build. */
  let shared;

  /** The names a module exports, its own and those it passes on from others. */
  async function exportsOf(id) {
    const { exportedBindings } = await this.load({ id });
    const names = [];
    for (const [source, bound] of Object.entries(exportedBindings)) {
      for (const name of bound) {
        if (name !== '*') names.push(name);
        else names.push(...(await exportsOf.call(this, sourceOf(source, id))));
      }
    }
    // A default export has no name to take from the page's copy, and script-tag-shared.ts passes none on.
    return names.filter((name) => name !== 'default');
  }

  async function readShared() {
    const { exportedBindings } = await this.load({ id: listFile });
    const files = Object.keys(exportedBindings).filter((source) => source !== '.').map((source) => sourceOf(source, listFile));
    return new Map(await Promise.all(files.map(async (file) => [file, await exportsOf.call(this, file)])));
  }

  return {
    name: 'script-tag-shared-from-page',
    buildStart() {
      shared = undefined;
    },
    async resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || importer === listFile) return null;
      shared ??= readShared.call(this);
      const file = sourceOf(source, importer);
      return (await shared).has(file) ? `${VIRTUAL_PREFIX}${file}` : null;
    },
    async load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      return copiesOnPage((await shared).get(id.slice(VIRTUAL_PREFIX.length)), SCRIPT_TAG_SHARED_KEY);
    },
  };
};
