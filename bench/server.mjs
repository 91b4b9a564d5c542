/**
 * The bench's web server: serves the repository read-only, gzip-compressed (zlib level 9, the
 * same figure bench/check-size.mjs budgets), on 127.0.0.1 and a free port.
 *
 * Pages under /bench/pages/ are hand-written; the server only fills three markers in them so
 * every contender gets byte-identical shared parts:
 *   <!-- bench:probe -->        the measuring script (bench/pages/probe.js), inlined
 *   <!-- bench:site -->         the provider's page content (bench/pages/site-content.html)
 *   <!-- bench:config -->       bench/pages/config.json as an inline `<script type="application/json" id="cookie-consent-config">`
 *   <!-- bench:repeat X -->     X repeated `?n=` times (held inline scripts for the scaling runs)
 * and `{{n}}` with the page's `?n=` query value.
 *
 * Generated on the fly for the dialog-scaling runs:
 *   /bench/gen/config.json?cookies=N   bench/pages/config.json with N declared cookies
 *   /bench/gen/cookies.json?n=N        the same N cookies, for the pages of peers
 *
 * Run it alone to look at the pages: `node bench/server.mjs` prints the address.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PAGES = join(ROOT, 'bench', 'pages');
// Only what the pages load: the pages themselves, our build and the three peers' packages.
const ALLOWED = ['/bench/pages/', '/dist/', '/node_modules/vanilla-cookieconsent/', '/node_modules/klaro/', '/node_modules/cookieconsent/'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
};
const MAX_N = 100_000;

/** gzip at level 9; compressed bodies are cached, so compression time never lands in a measurement. */
const gzipCache = new Map();
function gzip(key, body) {
  let hit = gzipCache.get(key);
  if (!hit || hit.source !== body) {
    hit = { source: body, gz: gzipSync(body, { level: 9 }) };
    gzipCache.set(key, hit);
  }
  return hit.gz;
}

const categoriesCycle = ['necessary', 'preferences', 'analytics', 'advertising'];

/** N cookie declarations in our config's format, spread over the four categories. */
export function generateCookies(n) {
  return Array.from({ length: n }, (_, index) => {
    const category = categoriesCycle[index % 4];
    return {
      name: `bench_${category}_${String(index).padStart(4, '0')}`,
      category,
      lifetime: index % 3 === 0 ? 'session' : index % 3 === 1 ? 'P1Y' : 'P30D',
      provider: index % 2 ? 'Harbour Lane Physiotherapy' : 'Example Analytics Ltd',
      purpose: `Remembers setting number ${index} between visits.`,
    };
  });
}

function readCount(url, name) {
  const value = url.searchParams.get(name);
  if (value === null) return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= MAX_N ? n : NaN;
}

async function fillPage(html, url) {
  const n = readCount(url, 'n');
  if (Number.isNaN(n)) throw Object.assign(new Error('bad ?n='), { status: 400 });
  const [probe, site, config] = await Promise.all([
    readFile(join(PAGES, 'probe.js'), 'utf8'),
    readFile(join(PAGES, 'site-content.html'), 'utf8'),
    readFile(join(PAGES, 'config.json'), 'utf8'),
  ]);
  return html
    .replace('<!-- bench:probe -->', () => `<script>\n${probe}</script>`)
    .replace('<!-- bench:site -->', () => site)
    .replace('<!-- bench:config -->', () => `<script type="application/json" id="cookie-consent-config" data-bench-config>\n${config}</script>`)
    .replace(/<!-- bench:repeat ([\s\S]*?) -->/g, (_, part) => part.repeat(n ?? 0))
    .replace(/\{\{n\}\}/g, String(n ?? 0));
}

async function generated(url) {
  if (url.pathname === '/bench/gen/config.json') {
    const n = readCount(url, 'cookies');
    if (n === null || Number.isNaN(n)) return null;
    const config = JSON.parse(await readFile(join(PAGES, 'config.json'), 'utf8'));
    config.cookies = generateCookies(n);
    return { type: TYPES['.json'], body: Buffer.from(JSON.stringify(config)) };
  }
  if (url.pathname === '/bench/gen/cookies.json') {
    const n = readCount(url, 'n');
    if (n === null || Number.isNaN(n)) return null;
    return { type: TYPES['.json'], body: Buffer.from(JSON.stringify(generateCookies(n))) };
  }
  return null;
}

async function respond(request, response) {
  const url = new URL(request.url, 'http://127.0.0.1');
  let type;
  let body;
  const made = await generated(url);
  if (made) {
    ({ type, body } = made);
  } else {
    const path = decodeURIComponent(url.pathname === '/' ? '/bench/pages/index.html' : url.pathname);
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT + sep) || !ALLOWED.some((prefix) => path.startsWith(prefix))) {
      response.writeHead(404).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    type = TYPES[extname(file)] ?? 'application/octet-stream';
    body = await readFile(file);
    if (extname(file) === '.html' && path.startsWith('/bench/pages/')) body = Buffer.from(await fillPage(body.toString('utf8'), url));
  }
  const gz = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const payload = gz ? gzip(url.pathname + url.search, body) : body;
  response.writeHead(200, {
    'content-type': type,
    'content-length': payload.length,
    ...(gz && { 'content-encoding': 'gzip' }),
    vary: 'accept-encoding',
    // Every run starts cold (fresh incognito context); no-store keeps it that way if a context is reused.
    'cache-control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : payload);
}

/** Starts the server; resolves to { origin, close() }. */
export function startServer() {
  const server = createServer((request, response) => {
    respond(request, response).catch((error) => {
      if (!response.headersSent) response.writeHead(error.status ?? 500, { 'content-type': 'text/plain' });
      response.end(String(error.message ?? error));
    });
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolveStart({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { origin } = await startServer();
  console.log(`bench pages at ${origin}/bench/pages/index.html (Ctrl+C to stop)`);
}
