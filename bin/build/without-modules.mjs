/**
 * Fails a build that bundles a module it must take from elsewhere: the script-tag file carries no
 * Lit (the interface does), and the interface carries no runtime (it uses the one the script-tag
 * file started, through runtime/runtime-on-window.ts), so no page runs two blockers or two stores.
 */
export const withoutModules = (what, pattern) => ({
  name: 'without-modules',
  generateBundle(_, bundle) {
    // A module whose code was all shaken out is listed with nothing rendered: only code counts.
    const found = Object.values(bundle).flatMap((file) => Object.entries(file.modules ?? {})).filter(([id, { renderedLength }]) => renderedLength && pattern.test(id)).map(([id]) => id);
    if (found.length) this.error(`${what}: ${found.join(', ')}`);
  },
});

