import type { ServiceRequest } from './service-messages.js';

/** Counts the records each client sends per minute: true once one sends more than `rateLimit` (0: no limit). */
export function rateLimiter(rateLimit: number) {
  /** Sends per client in the current minute. */
  let window = { start: Date.now(), counts: new Map<string, number>() };
  return (request: ServiceRequest): boolean => {
    if (!rateLimit) return false;
    const now = Date.now();
    if (now - window.start >= 60_000) window = { start: now, counts: new Map() };
    const client = request.clientAddress ?? 'unknown';
    const count = (window.counts.get(client) ?? 0) + 1;
    window.counts.set(client, count);
    return count > rateLimit;
  };
}
