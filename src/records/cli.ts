import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { parseDuration } from '../core/duration.js';
import { RecordStore } from './record-store.js';
import { createRecordsHandler } from './node-handler.js';

const USAGE = `Usage:
  cookie-consent records serve [--data DIR] [--port N] [--host H] [--origin URL]... [--retention P6Y] [--rate-limit N] [--client-info]
      Receives consent records (POST /consent) and serves lookup (GET /consent/<id>), export
      (GET /export), counts (GET /stats) and the lookup page (GET /records).
      The embedded store keeps its data in DIR (./consent-records); with DATABASE_URL set, a
      PostgreSQL server instead. Reading needs the token in CONSENT_RECORDS_TOKEN.
      --origin        another origin whose pages may send records (CORS); repeat for each
      --retention     delete records older than this ISO 8601 duration, at start and daily
      --rate-limit    records one client may send per minute (120; 0 for no limit)
      --client-info   keep each sender's address (IPv4 /24, IPv6 /48) and user agent
  cookie-consent records purge --older-than <ISO duration> [--data DIR]
      Deletes the records received longer ago than that (P6Y, P18M), and prints how many.`;

const DAY = 86_400_000;

/** Runs `cookie-consent records <command>`; resolves the exit code (`serve` once it is stopped). */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        data: { type: 'string', default: 'consent-records' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        origin: { type: 'string', multiple: true, default: [] },
        retention: { type: 'string' },
        'rate-limit': { type: 'string', default: '120' },
        'client-info': { type: 'boolean', default: false },
        'older-than': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`cookie-consent records: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if ((command !== 'serve' && command !== 'purge') || extra.length) {
    console.error(USAGE);
    return 2;
  }
  const port = Number(values.port);
  const rateLimit = Number(values['rate-limit']);
  const retention = command === 'purge' ? values['older-than'] : values.retention;
  if (command === 'purge' && !retention) {
    console.error(`cookie-consent records purge: --older-than is required\n${USAGE}`);
    return 2;
  }
  if (retention !== undefined && !parseDuration(retention)) {
    console.error(`cookie-consent records: "${retention}" is not an ISO 8601 duration (P6Y, P18M, P30D)`);
    return 2;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(rateLimit) || rateLimit < 0) {
    console.error(`cookie-consent records: --port and --rate-limit take whole numbers\n${USAGE}`);
    return 2;
  }

  let store: RecordStore;
  try {
    store = await RecordStore.open({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: values.data });
  } catch (error) {
    console.error(`cookie-consent records: cannot open the store: ${(error as Error).message}`);
    return 1;
  }
  if (command === 'purge') {
    const count = await store.purge(retention!);
    await store.close();
    console.log(`cookie-consent records: deleted ${count} record${count === 1 ? '' : 's'} older than ${retention} from the ${store.description}`);
    return 0;
  }

  const token = process.env.CONSENT_RECORDS_TOKEN || undefined;
  const handle = createRecordsHandler({ store, token, origins: values.origin, rateLimit, clientInfo: values['client-info'] });
  const server = createServer(async (request, response) => {
    if (!(await handle(request, response))) response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
  const purge = async () => {
    try {
      const count = await store.purge(retention!);
      if (count) console.log(`cookie-consent records: deleted ${count} records older than ${retention}`);
    } catch (error) {
      console.error(`cookie-consent records: the retention purge failed: ${(error as Error).message}`);
    }
  };
  if (retention) {
    await purge();
    setInterval(purge, DAY).unref();
  }
  await new Promise<void>((resolve) => server.listen(port, values.host, resolve));
  const address = server.address() as { port: number };
  console.log(`Consent records: http://${values.host}:${address.port}/records (${store.description})${token ? '' : '; reading is off until CONSENT_RECORDS_TOKEN is set'}`);
  // Serves until SIGINT or SIGTERM: then no new request is taken, and the store is closed cleanly.
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  server.close();
  server.closeAllConnections();
  await store.close();
  return 0;
}
