/**
 * `npm start`: the demo server prints one URL, the one that serves, and ending the process the
 * developer started (npm's) leaves nothing listening. Run through npm itself, as a developer
 * would, with `--no-build` since `npm test` has just built.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A port with a listener on it, as when another server already uses the demo's port. */
async function busyPort() {
  const server = createServer((_, response) => response.end('someone else'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: server.address().port };
}

/** True when a connection to the port is refused. */
const refused = (port) =>
  new Promise((resolve) => {
    const probe = request({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
      response.resume();
      resolve(false);
    });
    probe.once('error', (error) => resolve(error.code === 'ECONNREFUSED'));
    probe.end();
  });

describe('npm start', () => {
  it('prints only the URL it serves when the preferred port is busy, and leaves nothing listening when ended', { timeout: 30_000 }, async () => {
    const busy = await busyPort();
    // A process group of its own, so that whatever happens the test can end all of it afterwards.
    const npm = spawn('npm', ['start', '--', '--no-build'], { cwd: root, env: { ...process.env, PORT: String(busy.port) }, detached: true });
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    npm.stderr.on('data', (chunk) => (output += chunk));
    const exited = once(npm, 'exit');
    try {
      await new Promise((resolve, reject) => {
        npm.stdout.on('data', () => /Demo: \S+\n/.test(output) && resolve());
        exited.then(() => reject(new Error(`npm start exited before serving:\n${output}`)));
      });
      const urls = output.match(/https?:\/\/\S+/g);
      assert.equal(urls.length, 1, output);
      const url = new URL(urls[0]);
      assert.notEqual(Number(url.port), busy.port, 'not the busy port');
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /<title>cookie-consent demo/);

      npm.kill('SIGTERM');
      await exited;
      // The server notices within a quarter of a second that npm is gone; allow it two seconds.
      const deadline = Date.now() + 2_000;
      while (!(await refused(url.port)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(await refused(url.port), `port ${url.port} still answers after npm start was ended`);
    } finally {
      try {
        process.kill(-npm.pid, 'SIGKILL');
      } catch {
        // Every process of the group has ended, as it should.
      }
      busy.server.close();
    }
  });
});

/** One request with exactly these headers (no automatic Accept-Encoding or decompression): status, headers, raw body. */
const get = (url, headers = {}, method = 'GET') =>
  new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.once('error', reject);
    outgoing.end();
  });

describe('the demo server serves as a real host would', () => {
  let server;
  let base;

  before(async () => {
    const free = await busyPort();
    free.server.close();
    await once(free.server, 'close');
    server = spawn(process.execPath, ['demo/serve.mjs', '--no-build'], { cwd: root, env: { ...process.env, PORT: String(free.port) } });
    let output = '';
    await new Promise((resolve, reject) => {
      server.stdout.on('data', (chunk) => (output += chunk) && /Demo: \S+\n/.test(output) && resolve());
      server.once('exit', () => reject(new Error(`demo/serve.mjs exited before serving:\n${output}`)));
    });
    base = new URL('/', output.match(/https?:\/\/\S+/)[0]);
  });

  after(() => server?.kill('SIGTERM'));

  const CASES = [
    ['/demo/index.html', 'br', 'br', brotliDecompressSync],
    ['/demo/demo.css', 'gzip, deflate', 'gzip', gunzipSync],
    ['/dist/cookie-consent.min.js', 'gzip;q=0.5, br;q=1', 'br', brotliDecompressSync],
    ['/seeds/claranet-soho/cookie-consent.json', 'br;q=0, gzip', 'gzip', gunzipSync],
    ['/demo/index.html', '', undefined, (body) => body],
    ['/docs/screenshots/mobile.png', 'br, gzip', undefined, (body) => body],
  ];
  for (const [path, accepted, encoding, decode] of CASES) {
    it(`sends ${path} ${encoding ?? 'uncompressed'} for Accept-Encoding: "${accepted}", to be revalidated`, async () => {
      const response = await get(new URL(path, base), accepted ? { 'accept-encoding': accepted } : {});
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-encoding'], encoding);
      assert.deepEqual(decode(response.body), await readFile(new URL(`../..${path}`, import.meta.url)));
      assert.equal(response.headers['content-length'], String(response.body.length));
      assert.equal(response.headers['cache-control'], 'no-cache');
      assert.match(response.headers.etag, /^W\/"[0-9a-f]+-[0-9a-f]+"$/);
      assert.ok(!Number.isNaN(Date.parse(response.headers['last-modified'])), 'Last-Modified');
      if (!path.endsWith('.png')) assert.equal(response.headers.vary, 'Accept-Encoding');
    });
  }

  it('answers 304 with no body when the browser has the current version, and the file when it has not', async () => {
    const url = new URL('/dist/cookie-consent.min.js', base);
    const first = await get(url, { 'accept-encoding': 'br' });
    const { etag, 'last-modified': modified } = first.headers;
    const byTag = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.deepEqual([byTag.status, byTag.body.length, byTag.headers.etag, byTag.headers['cache-control']], [304, 0, etag, 'no-cache']);
    const byDate = await get(url, { 'if-modified-since': modified });
    assert.deepEqual([byDate.status, byDate.body.length], [304, 0]);
    const stale = await get(url, { 'if-none-match': 'W/"0-0"', 'if-modified-since': modified });
    assert.equal(stale.status, 200, 'an ETag that does not match wins over the date');
    const older = await get(url, { 'if-modified-since': new Date(Date.parse(modified) - 1000).toUTCString() });
    assert.equal(older.status, 200);
  });

  it('answers HEAD with the headers alone, and 404 for a file that is not there', async () => {
    const head = await get(new URL('/demo/index.html', base), { 'accept-encoding': 'gzip' }, 'HEAD');
    assert.deepEqual([head.status, head.headers['content-encoding'], head.body.length], [200, 'gzip', 0]);
    assert.ok(Number(head.headers['content-length']) > 0);
    const missing = await get(new URL('/demo/no-such-page.html', base));
    assert.equal(missing.status, 404);
  });
});
