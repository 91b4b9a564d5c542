import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkProof } from './proof-schema.js';
import { truncateAddress } from './client-address.js';
import { lookupPage } from './lookup-page.js';
import type { RecordStore, StoredRecord } from './record-store.js';

export interface RecordsServiceOptions {
  store: RecordStore;
  /** The read token: lookup, export and counts need `Authorization: Bearer <token>`. Without one they are off. */
  token?: string;
  /** Origins allowed to send records from another origin (CORS), as `https://www.example.co.uk`. */
  origins?: readonly string[];
  /** Records one client may send per minute (429 beyond); 0 for no limit. */
  rateLimit?: number;
  /** Keep the client's address (truncated: IPv4 /24, IPv6 /48) and user agent with each record. Off by default. */
  clientInfo?: boolean;
  /** Where the service's paths start when it is mounted under one (`/records-service`). */
  prefix?: string;
  /** The largest body accepted, in bytes. */
  maxBody?: number;
}

/** A request as the service reads it, whichever server it came from. */
interface ServiceRequest {
  method: string;
  url: URL;
  header(name: string): string | null;
  /** The body as text, or null once it is over `limit` bytes (the rest is not read). */
  body(limit: number): Promise<string | null>;
  clientAddress: string | null;
}

/** An answer: a whole body, or lines streamed one after another (the export). */
interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  body: string | AsyncIterable<string>;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): ServiceResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});
const problem = (status: number, error: string, field?: string, headers?: Record<string, string>) => json(status, field ? { error, field } : { error }, headers);

const CSV_COLUMNS = ['seq', 'id', 'timestamp', 'receivedAt', 'decision', 'method', 'categories', 'services', 'gpc', 'language', 'revision', 'configHash', 'shownHash', 'ip', 'userAgent'] as const;
const csvCell = (value: unknown) => {
  const text = value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A cell a spreadsheet would run as a formula is quoted with a leading apostrophe (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

async function* exportLines(records: AsyncIterable<StoredRecord>, format: 'csv' | 'jsonl'): AsyncGenerator<string> {
  if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const record of records) {
    yield format === 'csv' ? `${CSV_COLUMNS.map((column) => csvCell(record[column])).join(',')}\r\n` : `${JSON.stringify(record)}\n`;
  }
}

/** A date (2025-05-01) or a time (2025-05-01T09:30:00Z) from a query string; `fallback` when absent. */
function dateParameter(url: URL, name: string, fallback: Date): Date | null {
  const value = url.searchParams.get(name);
  if (value === null) return fallback;
  if (!/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The host of an origin; null when it is not a URL. */
const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The consent-record service's routes, for any server:
 * - `POST /consent`: a record as the widget's `consentLog` sends it; 201 stored, 200 already stored.
 * - `GET /consent/<id>`: that consent id's history with the texts shown (token).
 * - `GET /export?from=&to=&format=csv|jsonl`: the records received in a date range, streamed (token).
 * - `GET /stats?from=&to=`: records per decision per day (token).
 * - `GET /records`: the lookup and export page (it asks for the token).
 */
function createRoutes(options: RecordsServiceOptions) {
  const { store, origins = [], rateLimit = 120, clientInfo = false, prefix = '', maxBody = 64 * 1024 } = options;
  const tokenDigest = options.token ? createHash('sha256').update(options.token).digest() : null;
  /** Sends per client in the current minute. */
  let window = { start: Date.now(), counts: new Map<string, number>() };

  const authorised = (request: ServiceRequest): ServiceResponse | null => {
    if (!tokenDigest) return problem(403, 'reading records is off: start the service with a read token (CONSENT_RECORDS_TOKEN)');
    const given = /^Bearer (.+)$/.exec(request.header('authorization') ?? '')?.[1];
    // Digests of equal length, compared in constant time: the answer tells nothing of the token.
    if (!given || !timingSafeEqual(createHash('sha256').update(given).digest(), tokenDigest)) {
      return problem(401, 'a valid read token is needed (Authorization: Bearer <token>)', undefined, { 'www-authenticate': 'Bearer' });
    }
    return null;
  };

  /** CORS headers for an allowed origin; null for an origin that is not allowed (same-origin needs none). */
  const corsHeaders = (request: ServiceRequest): Record<string, string> | null => {
    const origin = request.header('origin');
    // Same origin by host alone: behind a proxy that ends TLS the service itself hears http.
    if (!origin || hostOf(origin) === request.header('host')) return {};
    if (!origins.includes(origin)) return null;
    return { 'access-control-allow-origin': origin, vary: 'Origin' };
  };

  const overLimit = (request: ServiceRequest): boolean => {
    if (!rateLimit) return false;
    const now = Date.now();
    if (now - window.start >= 60_000) window = { start: now, counts: new Map() };
    const client = request.clientAddress ?? 'unknown';
    const count = (window.counts.get(client) ?? 0) + 1;
    window.counts.set(client, count);
    return count > rateLimit;
  };

  async function receive(request: ServiceRequest): Promise<ServiceResponse> {
    const cors = corsHeaders(request);
    if (request.method === 'OPTIONS') {
      if (!cors) return problem(403, `origin ${request.header('origin')} may not send records`);
      return { status: 204, headers: { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '86400' }, body: '' };
    }
    if (request.method !== 'POST') return problem(405, 'POST a record here', undefined, { allow: 'POST, OPTIONS' });
    if (!cors) return problem(403, `origin ${request.header('origin')} may not send records`);
    if (overLimit(request)) return problem(429, `more than ${rateLimit} records a minute from one client`, undefined, { ...cors, 'retry-after': '60' });
    const text = await request.body(maxBody);
    if (text === null) return problem(413, `the body is over ${maxBody} bytes`, undefined, { ...cors, connection: 'close' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return problem(400, 'the body is not JSON', undefined, cors);
    }
    const checked = checkProof(body);
    if (checked.problem) return problem(400, `${checked.problem.field}: ${checked.problem.message}`, checked.problem.field, cors);
    const client = clientInfo ? { ip: truncateAddress(request.clientAddress), userAgent: request.header('user-agent')?.slice(0, 512) ?? null } : undefined;
    const stored = await store.insert(checked.proof, client);
    return json(stored ? 201 : 200, { stored, id: checked.proof.id, timestamp: checked.proof.timestamp }, cors);
  }

  /** The response for a request, or null when it is for none of the service's paths. */
  return async function route(request: ServiceRequest): Promise<ServiceResponse | null> {
    const path = request.url.pathname;
    if (!path.startsWith(prefix)) return null;
    const local = path.slice(prefix.length);
    if (local === '/consent') return receive(request);
    if (local === '/records' && request.method === 'GET') {
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'", 'cache-control': 'no-store' }, body: lookupPage(prefix) };
    }
    const lookup = /^\/consent\/([^/]+)$/.exec(local);
    if (!lookup && local !== '/export' && local !== '/stats') return null;
    if (request.method !== 'GET') return problem(405, 'only GET here', undefined, { allow: 'GET' });
    const refused = authorised(request);
    if (refused) return refused;
    const headers = { 'cache-control': 'no-store' };
    if (lookup) {
      if (!UUID.test(lookup[1])) return problem(400, 'id: expected a UUID', 'id');
      const history = await store.history(lookup[1]);
      return history ? json(200, history, headers) : problem(404, `no records for consent id ${lookup[1]}`);
    }
    const from = dateParameter(request.url, 'from', new Date(0));
    const to = dateParameter(request.url, 'to', new Date(Date.now() + 86_400_000));
    if (!from) return problem(400, 'from: expected a date (2025-05-01) or an ISO 8601 time', 'from');
    if (!to) return problem(400, 'to: expected a date (2025-05-01) or an ISO 8601 time', 'to');
    if (local === '/stats') return json(200, await store.dailyCounts(from, to), headers);
    const format = request.url.searchParams.get('format') ?? 'jsonl';
    if (format !== 'csv' && format !== 'jsonl') return problem(400, 'format: expected csv or jsonl', 'format');
    return {
      status: 200,
      headers: {
        ...headers,
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="consent-records.${format}"`,
      },
      body: exportLines(store.records(from, to), format),
    };
  };
}

/** What a failure inside the service says: the record was not stored, and the page will send it again. */
const failure = (error: unknown): ServiceResponse => {
  console.error(`cookie-consent/records: ${(error as Error).message}`);
  return problem(503, 'the record could not be stored; send it again');
};

/**
 * The service as a handler for Node's `http` (and Express, or Connect): `handler(request, response)`
 * resolves true when it answered, false when the path is none of its own; as Express middleware it
 * passes those on with `next()`. Mount it before any body parser, since it reads the body itself.
 */
export function createRecordsHandler(options: RecordsServiceOptions) {
  const route = createRoutes(options);
  return async function handleRecords(request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void): Promise<boolean> {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const serviceRequest: ServiceRequest = {
      method: request.method ?? 'GET',
      url,
      header: (name) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(', ') : (value ?? null);
      },
      clientAddress: request.socket.remoteAddress ?? null,
      async body(limit) {
        const chunks: Buffer[] = [];
        let size = 0;
        // Past the limit the rest is read and dropped, so the client gets its 413 rather than a reset
        // connection; a body far past it is cut off.
        for await (const chunk of request as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > limit * 64) break;
          if (size <= limit) chunks.push(chunk);
        }
        return size > limit ? null : Buffer.concat(chunks).toString('utf8');
      },
    };
    let answer: ServiceResponse | null;
    try {
      answer = await route(serviceRequest);
    } catch (error) {
      answer = failure(error);
    }
    if (!answer) {
      next?.();
      return false;
    }
    response.writeHead(answer.status, answer.headers);
    if (typeof answer.body === 'string') {
      response.end(answer.body);
      return true;
    }
    try {
      for await (const chunk of answer.body) {
        // Waits for the client to read what was sent: the export holds one page in memory at most.
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
        if (response.destroyed) break;
      }
      response.end();
    } catch (error) {
      console.error(`cookie-consent/records: the export stopped: ${(error as Error).message}`);
      response.destroy(error as Error);
    }
    return true;
  };
}

/**
 * The service as a Fetch-style handler (Deno, Bun, workers, Hono): a Response, or null when the
 * path is none of its own. `clientAddress` is the caller's to give, where the platform knows it.
 */
export function createFetchHandler(options: RecordsServiceOptions) {
  const route = createRoutes(options);
  return async function handleRecordsFetch(request: Request, context: { clientAddress?: string } = {}): Promise<Response | null> {
    const serviceRequest: ServiceRequest = {
      method: request.method,
      url: new URL(request.url),
      header: (name) => request.headers.get(name),
      clientAddress: context.clientAddress ?? null,
      async body(limit) {
        if (!request.body) return '';
        const reader = request.body.getReader();
        const chunks: Uint8Array[] = [];
        let size = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.length;
          if (size > limit) {
            void reader.cancel();
            return null;
          }
          chunks.push(value);
        }
        return Buffer.concat(chunks).toString('utf8');
      },
    };
    let answer: ServiceResponse | null;
    try {
      answer = await route(serviceRequest);
    } catch (error) {
      answer = failure(error);
    }
    if (!answer) return null;
    const { body } = answer;
    if (typeof body === 'string') return new Response(answer.status === 204 ? null : body, { status: answer.status, headers: answer.headers });
    const encoder = new TextEncoder();
    const iterator = body[Symbol.asyncIterator]();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(stream, { status: answer.status, headers: answer.headers });
  };
}
