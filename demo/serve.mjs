#!/usr/bin/env node
/**
 * Serves the repository's static files for the demo (`npm start`): any static file server would do,
 * the pages need no bundler. Also mounts the consent-record service at POST /consent, /records.
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
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    const body = await readFile(path);
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
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
