/**
 * The modules the interface takes from the script-tag file rather than carrying a copy of its own:
 * the script-tag file holds all, or nearly all, of each anyway (for its banner, its config reader
 * and its clean-up), so a first visit downloads them once. A module the script-tag file uses only a
 * little of stays out: sharing it would put the rest on every page view. auto.ts registers this
 * module on the page, and the interface build turns an import of any module listed here into that
 * copy (bin/build/script-tag-shared-from-page.mjs). Elsewhere (the ES module, the tests) it is an
 * ordinary module. Only whole-module re-exports: the build reads the list from them.
 */
export * from './elements/theme.css.js';
export * from './elements/page-scheme.js';
export * from './elements/color-scheme.js';
export * from './core/domains.js';
export * from './core/config/reader.js';
export * from './core/classify.js';
export * from './i18n/strings.js';
export * from './i18n/en-GB.js';
