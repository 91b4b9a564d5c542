#!/usr/bin/env node
/**
 * Takes the README's screenshots from the demo sites, as a first-time visitor sees them:
 * desktop.png (the banner at 1280×800), mobile.png (375×667), dark.png (a site in its dark mode,
 * the widget following it), dialog.png (the preferences dialog with one cookie table open) and
 * placeholder.png (blocked embeds at a video's size, at 300×150 and at 200×100).
 * Run after `npm run build`: `node demo/screenshots.mjs` (Chromium from CHROME_PATH, else /usr/bin/chromium).
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = new URL('../docs/screenshots/', import.meta.url);
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
const problems = [];
const written = [];

/** A fresh page of the demo site `site` at this size and colour scheme, with its banner shown. */
async function open(site, { width = 1280, height = 800, scheme = 'light' } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: scheme },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  page.on('console', (message) => ['error', 'warn'].includes(message.type()) && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(new URL(`${site}.html`, await url).href, { waitUntil: 'networkidle0' });
  // The developer panel is the demo's own tool, not part of what a visitor sees.
  await page.evaluate(() => document.getElementById('dev-panel')?.remove());
  await page.waitForFunction(() => document.querySelector('cookie-consent')?.shadowRoot?.querySelector('.banner'));
  return page;
}

async function shoot(page, name, options = {}) {
  const path = fileURLToPath(new URL(name, out));
  await page.screenshot({ path, ...options });
  written.push(name);
}

try {
  await mkdir(out, { recursive: true });

  await shoot(await open('claranet-soho'), 'desktop.png');
  await shoot(await open('claranet-soho', { width: 375, height: 667 }), 'mobile.png');
  await shoot(await open('call-flow', { scheme: 'dark' }), 'dark.png');

  // Real mouse clicks, as a visitor would: focus then shows no keyboard focus ring.
  const dialog = await open('claranet-soho');
  await dialog.click('cookie-consent >>> .banner [data-action="manage"]');
  await dialog.waitForFunction(() => document.querySelector('cookie-consent').shadowRoot.querySelector('dialog')?.open);
  const section = `cookie-consent >>> [aria-labelledby="cc-title-${CATEGORY}"]`;
  await dialog.$eval(section, (element) => element.scrollIntoView({ block: 'start' }));
  await dialog.click(`${section} summary`);
  await dialog.$eval(section, (element) => element.scrollIntoView({ block: 'start' }));
  await shoot(dialog, 'dialog.png');

  // The site's own embed at a video's size, and two smaller frames beside it.
  const embeds = await open('claranet-soho', { width: 1100, height: 800 });
  await embeds.evaluate(() => {
    document.querySelector('cookie-consent').remove();
    const embed = document.querySelector('.embed');
    embed.style.cssText = 'display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; padding: 1rem; background: var(--page)';
    for (const [width, height] of [[300, 150], [200, 100]]) {
      embed.insertAdjacentHTML(
        'beforeend',
        `<iframe data-category="advertising" data-src="stand-ins/video-frame.html" data-provider="Example video host" title="Video" width="${width}" height="${height}"></iframe>`,
      );
    }
  });
  await embeds.waitForFunction(() => document.querySelectorAll('cookie-consent-placeholder').length === 3);
  await (await embeds.$('.embed')).screenshot({ path: fileURLToPath(new URL('placeholder.png', out)) });
  written.push('placeholder.png');

  if (problems.length) console.warn(`The pages reported:\n  ${problems.join('\n  ')}`);
  console.log(`Wrote ${written.map((name) => fileURLToPath(new URL(name, out))).join(', ')}`);
} finally {
  await browser.close();
  server.kill();
}
