import { sha256Hex } from './sha256.js';

/** The config as JSON with every object's keys sorted: the same config whatever order a site wrote its keys in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))) : item,
  );
}

/**
 * `sha256:<hex>` of the config as the site wrote it, so a consent record proves which wording and
 * cookies were shown, and an owner can hash a config file to check it against a record. The same
 * on every origin: `crypto.subtle` where the page has it (secure contexts), the pure SHA-256 elsewhere.
 */
export async function configHash(config: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(config));
  const subtle = globalThis.crypto?.subtle;
  const hex = subtle ? [...new Uint8Array(await subtle.digest('SHA-256', bytes))].map((byte) => byte.toString(16).padStart(2, '0')).join('') : sha256Hex(bytes);
  return `sha256:${hex}`;
}
