/**
 * TypeScript declares every file of the program; the drafter is no part of the widget, so its
 * declarations stay out of the served dist/ (it is bundled into dist-cli/ on its own).
 */
export const withoutDraftTypes = () => ({
  name: 'without-draft-types',
  generateBundle(_, bundle) {
    for (const file of Object.keys(bundle)) if (/^types\/draft\//.test(file)) delete bundle[file];
  },
});
