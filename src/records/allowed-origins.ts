import type { ServiceRequest } from './service-messages.js';

/** The host of an origin; null when it is not a URL. */
const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/** CORS headers for an allowed origin; null for an origin that is not allowed (same-origin needs none). */
export function corsCheck(origins: readonly string[]) {
  return (request: ServiceRequest): Record<string, string> | null => {
    const origin = request.header('origin');
    // Same origin by host alone: behind a proxy that ends TLS the service itself hears http.
    if (!origin || hostOf(origin) === request.header('host')) return {};
    if (!origins.includes(origin)) return null;
    return { 'access-control-allow-origin': origin, vary: 'Origin' };
  };
}
