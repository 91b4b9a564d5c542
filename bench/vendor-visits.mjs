/**
 * The vendors' snippets pasted unchanged (test/fixtures/vendor-snippets.html) behind the widget's
 * script tag, served on a plain-http origin to headless Chromium by each route a site can take:
 * as written (`/`, the script tag alone), through the server rewrite (`/server`), as the output of
 * `cookie-consent rewrite` (`/cli`). Every request the browser makes is seen at the network layer
 * (DevTools' request interception, which sees the preload scanner's and every frame's requests);
 * vendor URLs are answered by stand-ins that record that they ran (window.__vendors). Used by
 * test/node/rewrite-visits.test.mjs and bench/leaks.mjs. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { rewriteNodeStream } from '../dist/server.js';

const root = new URL('../', import.meta.url);
const HOST = 'staging.test';

export const config = JSON.parse(readFileSync(new URL('test/fixtures/vendor-snippets.json', root), 'utf8'));
/** The fixture with the config and the widget's tag first in <head>. */
export const page = readFileSync(new URL('test/fixtures/vendor-snippets.html', root), 'utf8').replace(
  '<!-- widget -->',
  `<script type="application/json" id="cc-config">${JSON.stringify(config)}</script><script src="/dist/cookie-consent.min.js" data-config="#cc-config"></script>`,
);

/** Vendor URL → the name its requests are counted under. */
export const VENDORS = [
  [/^https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-TEST123$/, 'gtag'],
  [/^https:\/\/www\.googletagmanager\.com\/gtm\.js\?id=GTM-TEST123$/, 'gtm'],
  [/^https:\/\/connect\.facebook\.net\/en_US\/fbevents\.js$/, 'fbevents'],
  [/^https:\/\/static\.hotjar\.com\/c\/hotjar-1234567\.js\?sv=6$/, 'hotjar'],
  [/^https:\/\/www\.googletagmanager\.com\/ns\.html/, 'gtm-noscript'],
  [/^https:\/\/www\.facebook\.com\/tr\?/, 'pixel-noscript'],
  [/^https:\/\/www\.youtube\.com\/embed\//, 'youtube'],
];
/** The vendors that are scripts: each pushes its name to window.__vendors when it runs. */
export const SCRIPTS = ['gtag', 'gtm', 'fbevents', 'hotjar'];
const standIn = (name) =>
  SCRIPTS.includes(name) ? { contentType: 'text/javascript', body: `(window.__vendors ||= []).push('${name}');` } : { contentType: 'text/html', body: `<p>${name}</p>` };

/**
 * Starts the site and the browser. `extraRoutes` maps more paths to functions returning `{ type, body }`.
 * Returns `visitor()`, `open()`, `firstVisits()` and `close()`.
 */
export async function startVendorSite(extraRoutes = {}) {
  // The command's route: the page as `cookie-consent rewrite` leaves it, written once.
  const site = mkdtempSync(join(tmpdir(), 'cc-visits-'));
  writeFileSync(join(site, 'index.html'), page);
  writeFileSync(join(site, 'cookie-consent.json'), JSON.stringify(config));
  const cli = spawnSync(process.execPath, [fileURLToPath(new URL('bin/cookie-consent.mjs', root)), 'rewrite', 'index.html'], { cwd: site, encoding: 'utf8' });
  if (cli.status !== 0) throw new Error(`cookie-consent rewrite failed: ${cli.stderr}`);
  const built = readFileSync(join(site, 'index.html'), 'utf8');
  rmSync(site, { recursive: true, force: true });

  const server = http.createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path.startsWith('/dist/')) {
      response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      return response.end(readFileSync(new URL(`.${path}`, root)));
    }
    if (extraRoutes[path]) {
      const { type, body } = extraRoutes[path]();
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      return response.end(body);
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' });
    if (path === '/server') {
      // Sent in pieces, as a server renders it, through the rewrite.
      const rewrite = rewriteNodeStream(request, config);
      rewrite.pipe(response);
      for (let at = 0; at < page.length; at += 512) rewrite.write(page.slice(at, at + 512));
      return rewrite.end();
    }
    response.end(path === '/cli' ? built : page);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://${HOST}:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });

  /** A fresh incognito profile. `requests` lists every vendor request in the order the browser made it. */
  async function visitor() {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    const requests = [];
    await tab.setCacheEnabled(false);
    await tab.setRequestInterception(true);
    tab.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(origin)) return void request.continue();
      const name = VENDORS.find(([pattern]) => pattern.test(url))?.[1] ?? url;
      requests.push(name);
      if (!SCRIPTS.includes(name) && !VENDORS.some(([, known]) => known === name)) return void request.abort();
      return void request.respond({ status: 200, ...standIn(name) });
    });
    return { tab, requests, close: () => context.close() };
  }

  /** Loads a path and waits until the widget knows the decision (and has drawn the banner when there is none). */
  async function open(tab, path) {
    const response = await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
    await tab.evaluate(async () => {
      await window.CookieConsent.ready;
      await document.querySelector('cookie-consent')?.updateComplete;
    });
    return response;
  }

  /**
   * `visits` first visits of `path`, `atOnce` side by side (each its own context): how many visits
   * requested each vendor before any decision, how many requested any, and how many ran a vendor script.
   */
  async function firstVisits(path, visits, atOnce = 4) {
    const leaks = {};
    let ran = 0;
    let any = 0;
    let started = 0;
    const worker = async () => {
      while (started < visits) {
        started++;
        const { tab, requests, close } = await visitor();
        try {
          await open(tab, path);
          for (const name of new Set(requests)) leaks[name] = (leaks[name] ?? 0) + 1;
          if (requests.length) any++;
          if ((await tab.evaluate(() => window.__vendors ?? [])).length) ran++;
        } finally {
          await close();
        }
      }
    };
    await Promise.all(Array.from({ length: atOnce }, worker));
    return { leaks, ran, any };
  }

  return {
    visitor,
    open,
    firstVisits,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** "gtag 0, gtm 0, …": visits per vendor. */
export const figures = (leaks) => VENDORS.map(([, name]) => `${name} ${leaks[name] ?? 0}`).join(', ');
