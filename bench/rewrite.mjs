/**
 * The server rewrite's cost: time to first byte and throughput over HTTP with and without
 * `rewriteNodeStream`, and the memory it holds while a page streams through it, for pages of 1 to
 * 20 MB (the 5 MB page is the reference). The page is the vendors' snippets followed by ordinary
 * content (paragraphs, images, links, an inline script now and then), written by the server in 16 kB
 * chunks as a renderer would, never held whole in memory.
 *
 *   npm run bench:rewrite            (node --expose-gc bench/rewrite.mjs [--rounds 15])
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Writable } from 'node:stream';
import { rewriteNodeStream } from '../dist/server.js';

const root = new URL('../', import.meta.url);
const config = JSON.parse(readFileSync(new URL('test/fixtures/vendor-snippets.json', root), 'utf8'));
const head = readFileSync(new URL('test/fixtures/vendor-snippets.html', root), 'utf8').replace(/<\/body>\s*<\/html>\s*$/, '');
const at = process.argv.indexOf('--rounds');
const rounds = at > 0 ? Number(process.argv[at + 1]) : 15;
const MB = 1024 * 1024;
const CHUNK = 16 * 1024;

/** One block of ordinary content: about 1 kB. */
const block = (index) =>
  `<section id="s${index}"><h2>Section ${index}</h2><p>Lorem ipsum dolor sit amet, <a href="/page/${index}">consectetur</a> adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.</p>\n` +
  `<img src="/img/${index}.jpg" alt="" width="320" height="200"><ul><li>One</li><li>Two &amp; three</li></ul>\n` +
  (index % 50 === 0 ? `<script>window.count = (window.count || 0) + ${index};</script>\n<img src="https://www.facebook.com/tr?id=${index}" alt="">\n` : '') +
  `<p>Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident.</p></section>\n`;

/** The page of `size` bytes (about), chunk by chunk. */
function* pageChunks(size) {
  let buffer = head;
  let sent = 0;
  for (let index = 0; sent + buffer.length < size; index++) {
    buffer += block(index);
    if (buffer.length >= CHUNK) {
      sent += buffer.length;
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}</body></html>`;
}

/** Writes the page into `target`, waiting for it to drain (back-pressure), then ends it. */
async function writePage(target, size) {
  for (const chunk of pageChunks(size)) if (!target.write(chunk)) await new Promise((resolve) => target.once('drain', resolve));
  target.end();
}

/** One request: milliseconds to the first byte and to the last, and bytes received. */
function fetchPage(port, path, mb) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first;
    let bytes = 0;
    http
      .get({ host: '127.0.0.1', port, path: `${path}?mb=${mb}`, agent: false }, (response) => {
        response.on('data', (chunk) => {
          first ??= performance.now() - started;
          bytes += chunk.length;
        });
        response.on('end', () => resolve({ first, total: performance.now() - started, bytes }));
      })
      .on('error', reject);
  });
}

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(port) {
  console.log(`Server rewrite: ${rounds} rounds each, interleaved, node ${process.version}\n`);
  console.log('| page | route | time to first byte (median) | whole page (median) | throughput |');
  console.log('|---|---|---|---|---|');
  for (const mb of [1, 5]) {
    const results = { '/plain': [], '/rewrite': [] };
    await fetchPage(port, '/rewrite', mb); // warm-up: the parser is loaded on the first rewrite
    for (let round = 0; round < rounds; round++) for (const path of round % 2 ? ['/plain', '/rewrite'] : ['/rewrite', '/plain']) results[path].push(await fetchPage(port, path, mb));
    for (const [path, runs] of Object.entries(results)) {
      const total = median(runs.map((run) => run.total));
      console.log(`| ${mb} MB | ${path === '/plain' ? 'as written' : 'rewritten'} | ${median(runs.map((run) => run.first)).toFixed(2)} ms | ${total.toFixed(0)} ms | ${((runs[0].bytes / MB / total) * 1000).toFixed(0)} MB/s |`);
    }
}

// Memory: the page streams through the rewrite into a sink; the heap is sampled after every chunk.
if (!globalThis.gc) console.log('\n(run with node --expose-gc for the memory figures)');
else {
  console.log('\n| page | heap held during the rewrite (largest, after collection) | after it ended |');
  console.log('|---|---|---|');
  // The parser's code, loaded by the first rewrite, is not part of what a page holds.
  await new Promise((resolve) => rewriteNodeStream('', config).on('finish', resolve).end('<p>warm-up</p>'));
  for (const mb of [1, 5, 20]) {
    gc();
    const start = process.memoryUsage().heapUsed;
    let peak = 0;
    let chunks = 0;
    // Collected before each sample (every 32 chunks, 512 kB), so the figure is what the rewrite holds, not garbage.
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        if (++chunks % 32 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - start);
        }
        callback();
      },
    });
    const rewrite = rewriteNodeStream('', config);
    const done = new Promise((resolve) => sink.on('finish', resolve));
    rewrite.pipe(sink);
    await writePage(rewrite, mb * MB);
    await done;
    gc();
    console.log(`| ${mb} MB | ${(peak / MB).toFixed(1)} MB | ${((process.memoryUsage().heapUsed - start) / MB).toFixed(1)} MB |`);
  }
}
}

/** The server runs in a child process, so that the client's reading never waits on the rewrite's work. */
if (process.argv.includes('--serve')) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const size = Number(url.searchParams.get('mb')) * MB;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (url.pathname === '/rewrite') {
      const rewrite = rewriteNodeStream(request, config);
      rewrite.pipe(response);
      void writePage(rewrite, size);
    } else void writePage(response, size);
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
  process.on('disconnect', () => server.close());
} else {
  const child = fork(new URL(import.meta.url), ['--serve']);
  const port = await new Promise((resolve) => child.once('message', resolve));
  await measure(port);
  child.disconnect();
}
