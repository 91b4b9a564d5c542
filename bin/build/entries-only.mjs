/**
 * Fails a build whose entries came to share a module: rollup would put it in a chunk of its own,
 * which an entry would import statically, one more request before it can run. Such a module belongs
 * in the script-tag file (see src/script-tag-shared.ts) or in each entry. A chunk an entry imports
 * dynamically (the preferences dialog's) is its own on purpose.
 */
export const entriesOnly = () => ({
  name: 'entries-only',
  generateBundle(_, bundle) {
    const files = Object.values(bundle);
    const shared = files.filter((file) => file.type === 'chunk' && !file.isEntry && !file.isDynamicEntry);
    if (shared.length) this.error(`the on-demand files share ${shared.flatMap((chunk) => Object.keys(chunk.modules)).join(', ')}; give each file its own copy or take it from the script-tag file`);
  },
});
