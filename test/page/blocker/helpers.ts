import { waitUntil } from '@open-wc/testing';
import type { Grants } from '../../../src/page/blocker.js';

declare global {
  interface Window {
    __ran?: string[];
  }
}

/**
 * The dev server under another origin: the test page is http://localhost:<port>/, so
 * http://127.0.0.1:<port>/ is a third party, and "127.0.0.1" is the host the tests block.
 */
export const THIRD_PARTY = `http://127.0.0.1:${location.port}`;
export const HOSTS = { advertising: ['127.0.0.1'] };
export const ACCEPT: Grants = { categories: { necessary: true, analytics: true, advertising: true }, services: {} };
export const REJECT: Grants = { categories: { necessary: true, analytics: false, advertising: false }, services: {} };

let run = 0;
/** A prefix unique to this test, so request counts of one test never mix with another's. */
export const newRun = () => `${Date.now().toString(36)}${++run}`;

/** A third-party URL answered by the request log (a 1×1 GIF), counted under `probe`. */
export const hitUrl = (probe: string) => `${THIRD_PARTY}/__probe/hit?probe=${probe}`;

/** A fixture script that records `name` in window.__ran and a cookie; counted when `probe` is given. */
export const scriptUrl = (name: string, { origin = THIRD_PARTY, probe = '', delay = 0, file = 'ran.js' as string | undefined } = {}) =>
  `${origin}/test/page/blocker/fixtures/${file ?? 'ran.js'}?name=${name}${probe ? `&probe=${probe}` : ''}${delay ? `&delay=${delay}` : ''}`;

/** How many requests with each probe id (starting with `prefix`) reached the server. */
export async function serverCounts(prefix: string): Promise<Record<string, number>> {
  const response = await fetch(`/__probe?prefix=${encodeURIComponent(prefix)}`);
  return response.json();
}

/** Waits until the server has seen every probe id of `expected` at least as often as listed. */
export async function waitForCounts(prefix: string, expected: Record<string, number>): Promise<Record<string, number>> {
  let counts: Record<string, number> = {};
  await waitUntil(
    async () => {
      counts = await serverCounts(prefix);
      return Object.entries(expected).every(([id, count]) => (counts[id] ?? 0) >= count);
    },
    `requests never arrived: ${JSON.stringify(expected)}`,
    { timeout: 4000 },
  );
  return counts;
}

export const ran = () => window.__ran ?? [];

/** Forgets what the fixture scripts recorded: the global and every cookie. */
export function resetSideEffects(): void {
  window.__ran = [];
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

/** A first-party image request: once it has loaded, requests made before it have had their chance to arrive. */
export function firstPartyRoundTrip(probe: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the control request failed'));
    image.src = `/__probe/hit?probe=${probe}`;
  });
}
