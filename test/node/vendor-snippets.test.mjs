/**
 * The script-tag build on pages with vendors' snippets pasted unchanged, in headless Chromium on a
 * plain-http origin that is not localhost (staging.test, no secure context). Every vendor URL is
 * answered by a stand-in that records that it ran (window.__vendors, or for the YouTube frame a
 * request for ran.gif) and sets the vendor's cookies, so the test sees what ran, what reached the
 * network and what was stored. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';

const root = new URL('../../', import.meta.url);
const fixture = (name) => readFile(new URL(`test/fixtures/${name}`, root), 'utf8');
const HOST = 'staging.test';
const TAG = (config) => `<script src="/dist/cookie-consent.min.js" data-config="${config}"></script>`;
const SCRIPTS = ['gtag', 'gtm', 'fbevents', 'hotjar'];

/** Vendor URL → stand-in. `name` counts its requests; scripts also push `name` to window.__vendors when they run. */
const script = (name, code = '') => ({ name, contentType: 'text/javascript', body: `(window.__vendors ||= []).push('${name}');${code}` });
const STAND_INS = [
  [/^https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-TEST123$/, script('gtag', "document.cookie='_ga=GA1.1.1.1;path=/;max-age=3600'")],
  [/^https:\/\/www\.googletagmanager\.com\/gtm\.js\?id=GTM-TEST123$/, script('gtm')],
  [/^https:\/\/connect\.facebook\.net\/en_US\/fbevents\.js$/, script('fbevents', "document.cookie='_fbp=fb.1.1.1;path=/;max-age=3600'")],
  [/^https:\/\/static\.hotjar\.com\/c\/hotjar-1234567\.js\?sv=6$/, script('hotjar', "document.cookie='_hjSessionUser_1234567=1;path=/;max-age=3600'")],
  [/^https:\/\/www\.youtube\.com\/embed\//, { name: 'youtube', contentType: 'text/html', body: '<img src="https://www.youtube.com/ran.gif">' }],
  [/^https:\/\/www\.youtube\.com\/ran\.gif$/, { name: 'youtube-ran', contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64') }],
  // The measured page's own routes (see `parserPage`).
  [/^https:\/\/tracker\.example\/([\w-]+)/, (match) => match[1].endsWith('js') ? script(match[1]) : { name: match[1], contentType: 'text/html', body: '<img src="https://tracker.example/frame-ran.gif">' }],
];

/** The vendor page with the widget's tag first in <head> and the config before it, after it (at the end of <body>), or unreadable. */
async function vendorPage(mode) {
  const config = `<script type="application/json" id="cc-config">${await fixture('vendor-snippets.json')}</script>`;
  const parts = {
    before: [config + TAG('#cc-config'), ''],
    after: [TAG('#cc-config'), config],
    missing: [TAG('#cc-config'), ''],
    'invalid-json': [TAG('#cc-config'), config.replace('"hosts"', 'hosts')],
    404: [TAG('/no-such-config.json'), ''],
    late: ['', config + TAG('#cc-config')],
  }[mode];
  return (await fixture('vendor-snippets.html')).replace('<!-- widget -->', parts[0]).replace('<!-- config-after -->', parts[1]);
}

/** Frames, images and scripts written in the page's HTML after the widget's tag, and the same made by a page script. */
const parserPage = () => `<!doctype html><html><head>
<script type="application/json" id="cc-config">{"provider":{"name":"X","policyUrl":"/privacy"},"hosts":{"advertising":["tracker.example"]}}</script>
${TAG('#cc-config')}</head><body><h1>Parser-inserted</h1>
<script src="https://tracker.example/parsed-js"></script>
<img src="https://tracker.example/parsed-img" alt="">
<iframe src="https://tracker.example/parsed-frame"></iframe>
<p>Text after the embeds.</p>
<script>
  const frame = document.createElement('iframe'); frame.src = 'https://tracker.example/made-frame'; document.body.append(frame);
  new Image().src = 'https://tracker.example/made-img';
  const script = document.createElement('script'); script.src = 'https://tracker.example/made-js'; document.head.append(script);
  document.body.insertAdjacentHTML('beforeend', '<iframe src="https://tracker.example/html-frame"></iframe><img src="https://tracker.example/html-img">');
</script></body></html>`;

async function handleRequest(request, response) {
  const url = new URL(request.url, 'http://localhost');
  let body;
  let type = 'text/html';
  if (url.pathname === '/vendor-page') body = await vendorPage(url.searchParams.get('config'));
  else if (url.pathname === '/parser-page') body = parserPage();
  else if (url.pathname.startsWith('/dist/')) {
    body = await readFile(new URL(`.${url.pathname}`, root)).catch(() => undefined);
    type = 'text/javascript';
  }
  response.writeHead(body === undefined ? 404 : 200, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

let server;
let browser;
let origin;

before(async () => {
  server = http.createServer((request, response) => void handleRequest(request, response));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://${HOST}:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/**
 * A tab in a fresh profile (no cookies, no cache): every page load is a first visit until a decision.
 * `requests` counts the stand-ins' requests by name; `console` keeps the page's errors and warnings.
 */
async function visitor() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const requests = {};
  const console = [];
  await page.setCacheEnabled(false);
  await page.setRequestInterception(true);
  page.on('console', (message) => /^(error|warn)/.test(message.type()) && console.push(message.text()));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin)) return void request.continue();
    for (const [pattern, standIn] of STAND_INS) {
      const match = url.match(pattern);
      if (!match) continue;
      const { name, ...response } = typeof standIn === 'function' ? standIn(match) : standIn;
      requests[name] = (requests[name] ?? 0) + 1;
      return void request.respond({ status: 200, ...response });
    }
    void request.abort();
  });
  return { page, requests, console, close: () => context.close() };
}

/** Loads a page and waits until the widget knows its config and has rendered. */
async function open(page, url) {
  await page.goto(`${origin}${url}`, { waitUntil: 'load' });
  await page.evaluate(async () => {
    await window.CookieConsent.ready;
    await document.querySelector('cookie-consent').updateComplete;
  });
}

const state = (page) =>
  page.evaluate(() => ({
    ran: window.__vendors ?? [],
    buttons: Array.from(document.querySelector('cookie-consent').shadowRoot.querySelectorAll('.banner button'), (button) => button.dataset.action),
  }));
const click = (page, action) => page.evaluate((action) => document.querySelector('cookie-consent').shadowRoot.querySelector(`.banner [data-action="${action}"]`).click(), action);
const vendorCookies = async (page) => (await page.cookies()).map((cookie) => cookie.name).filter((name) => /^(_ga|_fbp|_hj)/.test(name)).sort();

/**
 * What may reach the network before consent: only the routes docs/blocking.md names as out of a page
 * script's reach. The pasted YouTube frame is one of them: its request leaves as the parser inserts
 * it, and its document may even begin to load (`youtube-ran`) before the blocker removes it, so that
 * is measured over 50 visits below rather than asserted here.
 */
function assertNothingHeldLeft(requests) {
  for (const name of ['gtm', 'fbevents', 'hotjar']) assert.equal(requests[name] ?? 0, 0, `${name} was requested before consent`);
}

async function assertNothingBeforeConsent(page, requests) {
  assert.deepEqual((await state(page)).ran, [], 'a vendor script ran before consent');
  assert.deepEqual(await vendorCookies(page), []);
  assertNothingHeldLeft(requests);
}

/** Reject all, then a reload: nothing runs, nothing is stored but the decision, and the banner stays away. */
async function assertRejectAllHolds(page, requests) {
  await click(page, 'reject');
  await open(page, page.url().slice(origin.length));
  const after = await state(page);
  assert.deepEqual(after.buttons, [], 'the banner came back after Reject all');
  assert.deepEqual(after.ran, []);
  assert.deepEqual(await vendorCookies(page), []);
  assertNothingHeldLeft(requests);
}

describe('vendor snippets pasted unchanged, on a plain-http origin', () => {
  for (const mode of ['before', 'after']) {
    describe(`with the inline config ${mode} the widget's tag`, () => {
      it('runs nothing before consent, each vendor once after Accept all, and removes their cookies on withdrawal', async () => {
        const { page, requests, console, close } = await visitor();
        try {
          await open(page, `/vendor-page?config=${mode}`);
          assert.equal(await page.evaluate(() => isSecureContext), false, 'the origin must not be a secure context');
          assert.deepEqual((await state(page)).buttons, ['accept', 'reject', 'manage']);
          await assertNothingBeforeConsent(page, requests);
          assert.ok(!console.some((text) => text.includes("before the widget's tag")), 'a late-tag warning for a tag placed first');

          const embedLoadsBefore = requests['youtube-ran'] ?? 0;
          await click(page, 'accept');
          await page.waitForFunction((count) => (window.__vendors ?? []).length >= count, { timeout: 5000 }, SCRIPTS.length);
          // The frame is a separate document: its stand-in reports by requesting ran.gif (polled, 5 s at most).
          for (let tries = 0; (requests['youtube-ran'] ?? 0) === embedLoadsBefore && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
          // A released element that ran twice would do so right after the first: one more round trip to the page lets it show.
          await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
          assert.deepEqual((await state(page)).ran.sort(), [...SCRIPTS].sort());
          assert.equal((requests['youtube-ran'] ?? 0) - embedLoadsBefore, 1, 'the YouTube embed did not load exactly once after Accept all');
          assert.deepEqual(await vendorCookies(page), ['_fbp', '_ga', '_hjSessionUser_1234567']);
          const record = JSON.parse(decodeURIComponent((await page.cookies()).find((cookie) => cookie.name === 'cookie_consent').value));
          assert.match(record.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'the consent id is a UUID v4');
          assert.ok(!console.some((text) => /randomUUID|TypeError/.test(text)), console.join('\n'));

          // Withdrawal deletes the declared cookies and reloads the page.
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.evaluate(() => window.CookieConsent.rejectAll())]);
          await page.evaluate(() => window.CookieConsent.ready);
          assert.deepEqual(await vendorCookies(page), []);
          assert.deepEqual((await state(page)).ran, []);
        } finally {
          await close();
        }
      });

      it('runs nothing after Reject all and a reload', async () => {
        const { page, requests, close } = await visitor();
        try {
          await open(page, `/vendor-page?config=${mode}`);
          await assertNothingBeforeConsent(page, requests);
          await assertRejectAllHolds(page, requests);
        } finally {
          await close();
        }
      });
    });
  }

  for (const [mode, problem] of [
    ['missing', 'no element with id "cc-config" holds the config'],
    ['invalid-json', '#cc-config is not valid JSON'],
    [404, 'could not load /no-such-config.json: HTTP 404'],
  ]) {
    it(`holds everything when the config cannot be read (${mode}), offering only Reject all`, async () => {
      const { page, requests, console, close } = await visitor();
      try {
        await open(page, `/vendor-page?config=${mode}`);
        const error = console.find((text) => text.includes(problem));
        assert.ok(error, `no console error naming the problem: ${console.join('\n')}`);
        assert.match(error, /every cross-origin script, frame and image stays held, cross-origin requests fail, and nothing optional runs/);
        assert.deepEqual((await state(page)).buttons, ['reject']);
        await assertNothingBeforeConsent(page, requests);
        await assertRejectAllHolds(page, requests);
      } finally {
        await close();
      }
    });
  }

  it('warns once, naming the tags that came before a late widget tag', async () => {
    const { page, console, close } = await visitor();
    try {
      await open(page, '/vendor-page?config=late');
      const warnings = console.filter((text) => text.includes("before the widget's tag"));
      assert.equal(warnings.length, 1, console.join('\n'));
      for (const url of ['googletagmanager.com/gtag/js', 'googletagmanager.com/gtm.js', 'connect.facebook.net/en_US/fbevents.js', 'static.hotjar.com', 'www.youtube.com/embed/']) {
        assert.ok(warnings[0].includes(url), `${url} is not named in: ${warnings[0]}`);
      }
      assert.match(warnings[0], /first in <head>/);
    } finally {
      await close();
    }
  });
});

describe('parser-inserted frames, images and scripts, over 50 first visits', () => {
  it('never runs any of them before consent, and holds every one a page script makes', async (t) => {
    const { page, requests, close } = await visitor();
    const visits = 50;
    try {
      for (let visit = 0; visit < visits; visit++) {
        await open(page, '/parser-page');
        assert.deepEqual((await state(page)).ran, [], `visit ${visit}: a held script ran`);
      }
      for (const name of ['made-frame', 'made-img', 'made-js', 'html-frame', 'html-img']) {
        assert.equal(requests[name] ?? 0, 0, `${name} reached the network in ${requests[name]} of ${visits} visits`);
      }
      // What a page script cannot stop (see docs/blocking.md): requests started by the
      // browser itself before any script can see the element. Measured here, named in docs/blocking.md.
      // A parsed frame whose response beats the observer (a stand-in on this machine answers at once)
      // may even start to load its own document before it is removed: `frame-ran` counts those.
      t.diagnostic(`requested before consent in ${visits} first visits: ${['parsed-js', 'parsed-img', 'parsed-frame', 'frame-ran'].map((name) => `${name} ${requests[name] ?? 0}`).join(', ')}`);
    } finally {
      await close();
    }
  });
});
