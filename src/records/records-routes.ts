import { checkProof } from './proof-schema.js';
import { truncateAddress } from './client-address.js';
import { lookupPage } from './lookup-page.js';
import type { RecordStore } from './record-store.js';
import { corsCheck } from './allowed-origins.js';
import { rateLimiter } from './rate-limit.js';
import { readTokenCheck } from './read-token.js';
import { exportLines } from './records-export.js';
import { json, problem, type ServiceRequest, type ServiceResponse } from './service-messages.js';

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

/** A date (2025-05-01) or a time (2025-05-01T09:30:00Z) from a query string; `fallback` when absent. */
function dateParameter(url: URL, name: string, fallback: Date): Date | null {
  const value = url.searchParams.get(name);
  if (value === null) return fallback;
  if (!/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The consent-record service's routes, for any server:
 * - `POST /consent`: a record as the widget's `consentLog` sends it; 201 stored, 200 already stored.
 * - `GET /consent/<id>`: that consent id's history with the texts shown (token).
 * - `GET /export?from=&to=&format=csv|jsonl`: the records received in a date range, streamed (token).
 * - `GET /stats?from=&to=`: records per decision per day (token).
 * - `GET /records`: the lookup and export page (it asks for the token).
 */
export function createRoutes(options: RecordsServiceOptions) {
  const { store, origins = [], rateLimit = 120, clientInfo = false, prefix = '', maxBody = 64 * 1024 } = options;
  const authorised = readTokenCheck(options.token);
  const corsHeaders = corsCheck(origins);
  const overLimit = rateLimiter(rateLimit);

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
