import { executeServerCommand } from '@web/test-runner-commands';

/** Media features the test runner can emulate in Chromium (see emulate-media-plugin.mjs). */
export interface MediaFeatures {
  forcedColors?: 'active' | 'none';
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * Emulates these media features in the test's page, as the browser would report them; features
 * left out go back to the browser's own values, so `emulateMedia({})` ends every emulation.
 */
export async function emulateMedia(features: MediaFeatures): Promise<void> {
  await executeServerCommand('emulate-media-features', features);
}
