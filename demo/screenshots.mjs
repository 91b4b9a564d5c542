#!/usr/bin/env node
/**
 * Takes the README's screenshots from the Claranet SOHO demo page: the banner on a first visit and
 * the preferences dialog with one category's cookie table open. Run after `npm run build`:
 * `node demo/screenshots.mjs` (Chromium from CHROME_PATH, else /usr/bin/chromium).
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = new URL('../docs/screenshots/', import.meta.url);
const PAGE = 'claranet-soho.html';
/** The category whose cookie table is shown open in the dialog. */
const CATEGORY = 'analytics';

/** Starts demo/serve.mjs and resolves with the demo's base URL once it is listening. */
function startServer() {
  const server = spawn(process.execPath, ['demo/serve.mjs'], { cwd: root, env: { ...process.env, PORT: process.env.PORT ?? '8190' } });
  const url = new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Demo: (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    server.stderr.on('data', (chunk) => process.stderr.write(chunk));
    server.once('exit', (code) => reject(new Error(`demo/serve.mjs exited with code ${code} before listening`)));
  });
  return { server, url };
}

const { server, url } = startServer();
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  await mkdir(out, { recursive: true });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: 'light' },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  const problems = [];
  page.on('console', (message) => ['error', 'warn'].includes(message.type()) && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(new URL(PAGE, await url).href, { waitUntil: 'networkidle0' });
  // The developer panel is the demo's own tool, not part of what a visitor sees.
  await page.evaluate(() => document.getElementById('dev-panel')?.remove());
  await page.waitForFunction(() => document.querySelector('cookie-consent')?.shadowRoot?.querySelector('.banner'));
  await page.screenshot({ path: fileURLToPath(new URL('banner.png', out)) });

  // Real mouse clicks, as a visitor would: focus then shows no keyboard focus ring.
  await page.click('cookie-consent >>> .banner [data-action="manage"]');
  await page.waitForFunction(() => document.querySelector('cookie-consent').shadowRoot.querySelector('dialog')?.open);
  const section = `cookie-consent >>> [aria-labelledby="cc-title-${CATEGORY}"]`;
  await page.$eval(section, (element) => element.scrollIntoView({ block: 'start' }));
  await page.click(`${section} summary`);
  await page.$eval(section, (element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: fileURLToPath(new URL('preferences.png', out)) });

  if (problems.length) console.warn(`The page reported:\n  ${problems.join('\n  ')}`);
  console.log(`Wrote ${fileURLToPath(new URL('banner.png', out))} and preferences.png`);
} finally {
  await browser.close();
  server.kill();
}
