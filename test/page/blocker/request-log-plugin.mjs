/**
 * Test-only middleware for the blocker tests: counts every request that carries `?probe=<id>`, so a
 * test can prove that a blocked request never reached the server. GET /__probe?prefix=<p> answers
 * { id: count } for the ids starting with p. /__probe/hit answers a 1×1 GIF to anything (image,
 * iframe, fetch, XHR, beacon), and `?delay=<ms>` slows a response down (to test script order).
 * `?csp=<policy>` serves any file with that Content-Security-Policy header (Chromium hides nonces
 * only under a header policy). Probe responses are never cached and readable from any origin.
 * /__without/<file>/<path> serves <path> as if <file> were missing from every folder: a request for
 * a file of that name answers 410 Gone (pages there load their scripts by relative URL). Not 404: the
 * test runner lists every 404 after the run as a problem, and these are missing on purpose, so an
 * unexpected 404 still stands out. /__slow/<file>/<path> serves it half a second late instead.
 * `?lang=<tag>` serves a fixture page with `<html lang="<tag>">`, a page in that language from its
 * first byte, so one fixture serves every language.
 */
import { readFile } from 'node:fs/promises';

const counts = new Map();
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

export async function requestLogMiddleware(context, next) {
  const without = context.path.match(/^\/__without\/([^/]+)(\/.*)$/);
  if (without) {
    if (without[2].endsWith(`/${without[1]}`)) {
      context.status = 410;
      return;
    }
    context.path = without[2];
    return next();
  }
  const slow = context.path.match(/^\/__slow\/([^/]+)(\/.*)$/);
  if (slow) {
    if (slow[2].endsWith(`/${slow[1]}`)) await new Promise((resolve) => setTimeout(resolve, 500));
    context.path = slow[2];
    return next();
  }
  if (context.path === '/__probe') {
    const prefix = String(context.query.prefix ?? '');
    context.set('Cache-Control', 'no-store');
    context.body = Object.fromEntries([...counts].filter(([id]) => id.startsWith(prefix)));
    return;
  }
  if (context.query.lang && /^\/test\/fixtures\/[\w-]+\.html$/.test(context.path)) {
    const page = await readFile(new URL(`../../..${context.path}`, import.meta.url), 'utf8');
    context.type = 'html';
    context.body = page.replace('<html lang="en-GB">', `<html lang="${String(context.query.lang).replace(/[^\w-]/g, '')}">`);
    return;
  }
  if (context.query.csp) {
    await next();
    context.set('Content-Security-Policy', String(context.query.csp));
    return;
  }
  const id = context.query.probe;
  if (!id) return next();
  counts.set(id, (counts.get(id) ?? 0) + 1);
  const delay = Number(context.query.delay ?? 0);
  if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  if (context.path === '/__probe/hit') {
    context.type = 'image/gif';
    context.body = GIF;
  } else {
    await next();
  }
  context.set('Cache-Control', 'no-store');
  context.set('Access-Control-Allow-Origin', '*');
}
