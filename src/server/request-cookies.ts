/** What `readConsent` reads from a request: its headers, whichever server it came from, and the consent cookie among them. */

/** A Fetch API `Request` (or anything with its `headers.get`). */
export interface FetchLikeRequest {
  headers: { get(name: string): string | null };
}

/** A Node `http.IncomingMessage` (Express's `req` too): header names in lower case. */
export interface NodeLikeRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** A request, or its `Cookie` header on its own (then say `gpc` in the options). */
export type ConsentSource = FetchLikeRequest | NodeLikeRequest | string | null | undefined;

/** A header of a Fetch or a Node request; a repeated Node header joined with `; `. */
export function header(source: FetchLikeRequest | NodeLikeRequest, name: string): string | undefined {
  const { headers } = source;
  if (typeof headers.get === 'function') return (headers as FetchLikeRequest['headers']).get(name) ?? undefined;
  const value = (headers as NodeLikeRequest['headers'])[name];
  return Array.isArray(value) ? value.join('; ') : value;
}

const decodeName = (name: string): string | null => {
  try {
    return decodeURIComponent(name);
  } catch {
    return null;
  }
};

/**
 * The named cookie's value, decoded as js-cookie (which wrote it) reads it: the first cookie of
 * that name wins, as the browser sends the most specific path first. `null` when it is there but
 * is not valid percent-encoding.
 */
export function cookieValue(cookieHeader: string, name: string): string | null | undefined {
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || decodeName(pair.slice(0, at).trim()) !== name) continue;
    let value = pair.slice(at + 1).trim();
    if (value[0] === '"') value = value.slice(1, -1);
    try {
      return value.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
    } catch {
      return null;
    }
  }
  return undefined;
}

