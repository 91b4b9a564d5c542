#!/usr/bin/env node
/**
 * Serves the repository's static files for the demo (`npm start`): any static file server would do,
 * the pages need no bundler. It serves them as a real host would, so that Lighthouse on the demo
 * measures the widget rather than the server: revalidated caching and compressed text (see
 * `serveFile`). Also mounts the consent-record service at POST /consent, /records.
 *
 *   node demo/serve.mjs [--build] [--no-build]   (PORT=8000 by default; the next free port if busy)
 *
 * `--build` runs `npm run build` first. One process to end: a build it started ends with it, and it
 * ends when the process that started it does (`npm start` forwards SIGTERM only to its shell).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/** Text types, sent compressed to a browser that accepts it; images are compressed already. */
const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg)/;
const encoders = {
  br: promisify(brotliCompress),
  gzip: promisify(gzip),
};
const encoderOptions = {
  br: { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } },
  gzip: { level: 9 },
};
/** Each file's compressed body, by path, encoding and version (ETag), so a file is compressed once. */
const compressed = new Map();

/** The best encoding the request accepts: Brotli, then gzip; none when it accepts neither. */
function encodingFor(request) {
  const accepted = String(request.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(/\s*;\s*q=/))
    .filter(([, quality]) => quality === undefined || Number(quality) > 0)
    .map(([name]) => name.toLowerCase());
  return ['br', 'gzip'].find((name) => accepted.includes(name));
}

/**
 * Whether the browser's copy is current: its If-None-Match names this version, or, without one,
 * its If-Modified-Since is no older than the file (HTTP dates are whole seconds).
 */
function isFresh(request, etag, modified) {
  const match = request.headers['if-none-match'];
  if (match !== undefined) return match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(modified / 1000) * 1000 <= since;
}

/**
 * A static file as a real host serves it: revalidated on every use (`no-cache`, with an ETag and
 * Last-Modified, answered 304 when the browser's copy is current), so a rebuilt file shows at the
 * next load, and text compressed with Brotli or gzip for a browser that accepts it.
 */
async function serveFile(request, response, path, info) {
  const type = types[extname(path)] ?? 'application/octet-stream';
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const compressible = COMPRESSIBLE.test(type);
  const headers = {
    'content-type': type,
    'cache-control': 'no-cache',
    etag,
    'last-modified': new Date(info.mtimeMs).toUTCString(),
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
  };
  if (isFresh(request, etag, info.mtimeMs)) return void response.writeHead(304, headers).end();
  let body = await readFile(path);
  const encoding = compressible ? encodingFor(request) : undefined;
  if (encoding) {
    const key = `${path}\0${encoding}\0${etag}`;
    if (!compressed.has(key)) compressed.set(key, encoders[encoding](body, encoderOptions[encoding]));
    body = await compressed.get(key);
    headers['content-encoding'] = encoding;
  }
  headers['content-length'] = body.length;
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Extra request handlers; return true when handled. The consent-record service
 * (`cookie-consent/records`) with its embedded store in demo/consent-records/: POST /consent and
 * the lookup page at /records. Its store opens in the background, so the demo serves at once.
 */
const handlers = [];
let records;
/** Opened once the build (if any) is done, from its dist/. */
const openRecords = () =>
  import('../dist/records.js')
    .then(async ({ RecordStore, createRecordsHandler }) => {
      const token = process.env.CONSENT_RECORDS_TOKEN || randomBytes(12).toString('hex');
      const store = await RecordStore.open({ dataDir: join(root, 'demo', 'consent-records') });
      console.log(`Consent records: /records on the demo's host (${store.description}; read token ${token})`);
      return createRecordsHandler({ store, token });
    })
    .catch((error) => console.error(`demo/serve.mjs: no consent records (${error.message})`));
handlers.push(async (request, response) => /^\/(consent(\/|$)|export|stats|records)/.test(request.url) && ((await (await records)?.(request, response)) ?? false));

const server = createServer(async (request, response) => {
  for (const handle of handlers) if (await handle(request, response)) return;
  const url = new URL(request.url, 'http://localhost');
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root)) return void response.writeHead(403).end();
  let info;
  try {
    info = await stat(path);
    if (info.isDirectory()) info = await stat((path = join(path, 'index.html')));
  } catch {
    return void response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }
  try {
    await serveFile(request, response, path, info);
  } catch (error) {
    console.error(`demo/serve.mjs: could not serve ${url.pathname}: ${error.message}`);
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end();
  }
});

/** The `npm run build` in progress, in a process group of its own so that all of it can be ended. */
let build = null;
function stop() {
  if (build) {
    try {
      process.kill(process.platform === 'win32' ? build.pid : -build.pid, 'SIGTERM');
    } catch {
      // Already finished.
    }
  }
  server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
// npm runs this through a shell and, when it is ended, signals only that shell: an orphan here
// would keep the port. The parent is checked often enough for the port to be free within a second.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 250).unref();

if (process.argv.includes('--build') && !process.argv.includes('--no-build')) {
  build = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    detached: process.platform !== 'win32',
  });
  const [code] = await new Promise((resolve) => build.once('exit', (...result) => resolve(result)));
  build = null;
  if (code !== 0) {
    console.error(`demo/serve.mjs: the build failed (exit code ${code}), so nothing is served.`);
    process.exit(1);
  }
}

records = openRecords();
const preferred = Number(process.env.PORT) || 8000;
const LAST_PORT = preferred + 20;

/** Listens on the preferred port, or the next free one; prints the one URL that serves. */
function listen(port) {
  const handleError = (error) => {
    server.off('listening', handleListening);
    if (error.code === 'EADDRINUSE' && port < LAST_PORT) return listen(port + 1);
    console.error(`demo/serve.mjs: cannot listen on ports ${preferred}-${port}: ${error.message}`);
    process.exit(1);
  };
  const handleListening = () => {
    server.off('error', handleError);
    console.log(`Demo: http://localhost:${port}/demo/`);
  };
  server.once('error', handleError);
  server.once('listening', handleListening);
  server.listen(port, '127.0.0.1');
}
listen(preferred);
