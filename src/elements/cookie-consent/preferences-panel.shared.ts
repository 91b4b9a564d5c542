/**
 * Everything the preferences panel uses at run time, in one place. The panel is a separate file
 * loaded when the dialog first opens; in the script-tag build this module becomes the copies the
 * first file already holds (one Lit on the page), so the panel file carries only its own code.
 */
export { css, html, nothing } from 'lit';
export { classifyCookie } from '../../core/classify.js';
export { categoryText, format, plural } from '../../i18n/strings.js';
