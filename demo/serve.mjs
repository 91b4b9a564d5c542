#!/usr/bin/env node
/**
 * Serves the repository's static files for the demo (`npm start`): any static file server would do,
 * the pages need no bundler. Also mounts the reference consent-log receiver at POST /consent.
 */
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

/** Extra request handlers (the consent-log receiver plugs in here); return true when handled. */
const handlers = [];
try {
  const { createConsentLogHandler } = await import('./consent-log-receiver.mjs');
  handlers.push(createConsentLogHandler({ file: join(root, 'demo', 'consent-log.jsonl') }));
} catch (error) {
  if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
}

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

const preferred = Number(process.env.PORT) || 8000;
function listen(port) {
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && port < preferred + 20) listen(port + 1);
    else throw error;
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`Demo: http://localhost:${port}/demo/`);
  });
}
listen(preferred);
