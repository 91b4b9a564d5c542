import { unsafeCSS } from 'lit';
import { BUTTON_LOOK, CONTROLS, HOST, SETTINGS_BUTTON, TOKENS } from './theme.css.js';

/** The shared rules of theme.css.ts, for Lit elements. */
export const host = unsafeCSS(HOST);
export const tokens = unsafeCSS(TOKENS);
export const buttonLook = unsafeCSS(BUTTON_LOOK);
export const controls = unsafeCSS(CONTROLS);
export const settingsButton = unsafeCSS(SETTINGS_BUTTON);
