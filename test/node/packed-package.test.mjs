/**
 * The package as a developer gets it: `npm pack`, installed into a fresh Vite app that only says
 * `import 'cookie-consent'`, built for production (tree-shaking on), served and used in Chromium;
 * and a strict TypeScript consumer checked against the published types. Offline: the app takes
 * lit and js-cookie from this repository's node_modules rather than from the registry.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const config = {
  revision: 2,
  provider: { name: 'Acme Widgets Ltd', policyUrl: 'https://acme.example/privacy' },
  categories: ['necessary', 'preferences', 'analytics', 'advertising'],
};

const files = {
  'index.html': `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Acme</title><link rel="icon" href="data:,"><script type="module" src="/main.js"></script></head>
<body>
<cookie-consent config="/cookie-consent.json"></cookie-consent>
<h1>Acme Widgets</h1>
<script type="text/plain" data-category="analytics">window.analyticsRan = true;</script>
</body>
</html>
`,
  'cy.html': `<!doctype html>
<html lang="cy">
<head><meta charset="utf-8"><title>Acme</title><link rel="icon" href="data:,"><script type="module" src="/main.js"></script></head>
<body><cookie-consent config="/cookie-consent.json"></cookie-consent></body>
</html>
`,
  // Exactly what the README tells a bundler user to write.
  'main.js': "import 'cookie-consent';\n",
  'public/cookie-consent.json': JSON.stringify(config),
  'consumer.ts': `import { parseConfig, type ConsentRecord, type CookieConsentApi } from 'cookie-consent';
import { readConsent, type ServerConsent } from 'cookie-consent/server';

const { config, errors } = parseConfig(${JSON.stringify(config)});
const revision: number = config.revision;
const paths: string[] = errors.map((error) => error.path);
const api: CookieConsentApi | undefined = window.CookieConsent;
const record: ConsentRecord | null = api?.getConsent() ?? null;
const granted: boolean = api?.hasConsent('analytics') ?? false;
document.addEventListener('cookie-consent-change', (event) => {
  const decided: ConsentRecord = event.detail;
  console.log(decided.categories, revision, paths, record, granted);
});
const element = document.querySelector('cookie-consent');
void element?.showPreferences();
const consent: ServerConsent = readConsent(new Request('https://acme.example/'), config);
const analytics: boolean = consent.hasConsent('analytics');
console.log(analytics, consent.record?.timestamp, consent.problem);
// @ts-expect-error a category is a string
api?.hasConsent(1);
// @ts-expect-error a number is neither a request nor a Cookie header
readConsent(42, config);
`,
  // A Node server: no DOM types at all, and Node's own module resolution.
  'server.mts': `import { readConsent, type ConsentProblem } from 'cookie-consent/server';
const consent = readConsent({ headers: { cookie: 'cookie_consent=x', 'sec-gpc': '1' } }, { provider: { name: 'Acme', policyUrl: '/' } });
const problem: ConsentProblem | undefined = consent.problem;
const gpc: boolean = consent.gpc;
export { problem, gpc };
`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] },
    files: ['consumer.ts'],
  }),
  'tsconfig.server.json': JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: [] },
    files: ['server.mts'],
  }),
};

/** sideEffects globs as bundlers read them: `*` stays within one path segment. */
const globToRegExp = (glob) => new RegExp(`^${glob.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

/** Every file of the package the ES module loads, statically or on demand, following relative imports. */
async function filesReachedFrom(packageDir, entry) {
  const reached = new Set();
  const visit = async (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    const code = await readFile(join(packageDir, file), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      await visit(normalize(join(file, '..', specifier)));
    }
  };
  await visit(entry);
  return [...reached];
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

describe('the packed package', () => {
  let work;
  let app;
  let packageDir;
  let typeCheck;
  let server;
  let browser;
  let url;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'cookie-consent-pack-'));
    app = join(work, 'app');
    packageDir = join(app, 'node_modules', 'cookie-consent');
    await mkdir(packageDir, { recursive: true });
    // Scripts off: the build is already in dist/ (npm test builds first). Offline: nothing is fetched.
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--offline', '--json', '--pack-destination', work], { cwd: root });
    const [{ filename }] = JSON.parse(stdout);
    await run('tar', ['-xzf', join(work, filename), '-C', packageDir, '--strip-components=1']);
    for (const dependency of ['lit', 'js-cookie']) {
      await symlink(join(root, 'node_modules', dependency), join(app, 'node_modules', dependency), 'dir');
    }
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(app, name, '..'), { recursive: true });
      await writeFile(join(app, name), text);
    }
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    // Checked while Vite builds; the test for it waits.
    typeCheck = Promise.allSettled(['tsconfig.json', 'tsconfig.server.json'].map((project) => run(process.execPath, [tsc, '-p', join(app, project)], { cwd: app })));

    const out = join(app, 'dist');
    await build({
      root: app,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: out, emptyOutDir: true, rollupOptions: { input: [join(app, 'index.html'), join(app, 'cy.html')] } },
    });
    // As the README says: the built-in translations go beside the bundled script.
    await cp(join(packageDir, 'dist', 'locales'), join(out, 'assets', 'locales'), { recursive: true });
    server = createServer(async (request, response) => {
      const path = new URL(request.url, 'http://localhost').pathname;
      try {
        const body = await readFile(join(out, path === '/' ? 'index.html' : normalize(path)));
        response.writeHead(200, { 'content-type': types[extname(path) || '.html'] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${server.address().port}/`;
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    server?.close();
    await typeCheck;
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** A page in a fresh browser context (no cookies), with every page error and console error collected. */
  async function open(path) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(`${message.text()} ${message.location().url ?? ''}`));
    const scripts = [];
    page.on('response', (response) => response.request().resourceType() === 'script' && scripts.push(new URL(response.url()).pathname));
    await page.goto(new URL(path, url).href);
    return { page, problems, scripts };
  }

  it('ships the licence, the seed configs the README calls ready to copy, and the Node versions it supports', async () => {
    const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
    assert.equal(manifest.license, 'MIT');
    assert.match(await readFile(join(packageDir, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) 2026 cookie-consent contributors\n/);
    assert.equal(manifest.engines?.node, '>=20');
    for (const seed of ['call-flow', 'claranet-soho', 'clear-picture', 'cloud-phone', 'cmm-telecoms']) {
      const config = JSON.parse(await readFile(join(packageDir, 'seeds', seed, 'cookie-consent.json'), 'utf8'));
      assert.ok(config.provider?.name, `seeds/${seed}/cookie-consent.json`);
      assert.ok((await readFile(join(packageDir, 'seeds', seed, 'policy.txt'), 'utf8')).length > 0, `seeds/${seed}/policy.txt`);
    }
    assert.ok((await readFile(join(packageDir, 'seeds', 'README.md'), 'utf8')).length > 0, 'seeds/README.md');
  });

  it('marks every file the ES module loads as having side effects', async () => {
    const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
    const patterns = manifest.sideEffects.map(globToRegExp);
    const reached = await filesReachedFrom(packageDir, 'dist/cookie-consent.js');
    assert.ok(reached.length > 2, `the ES module and its chunks: ${reached.join(', ')}`);
    for (const file of [...reached, 'dist/cookie-consent.min.js']) {
      assert.ok(patterns.some((pattern) => pattern.test(file)), `${file} is not in package.json "sideEffects", so a bundler may drop it`);
    }
    assert.ok(!patterns.some((pattern) => pattern.test('dist/server.js')), 'the server helper has no side effects');
  });

  it('type-checks a strict TypeScript consumer of the browser module and the server helper', async () => {
    for (const result of await typeCheck) {
      assert.equal(result.status, 'fulfilled', result.reason && `${result.reason.stdout}${result.reason.stderr}`);
    }
  });

  it('works in a production Vite build: banner, Accept all, and the dialog from its own chunk', async () => {
    const { page, problems, scripts } = await open('/');
    await page.waitForSelector('cookie-consent >>> .banner [data-action="accept"]', { timeout: 10_000 });
    assert.equal(await page.evaluate(() => window.analyticsRan), undefined, 'analytics held back before consent');
    await page.click('cookie-consent >>> .banner [data-action="accept"]');
    await page.waitForFunction(() => window.analyticsRan === true, { timeout: 5_000 });
    const stored = await page.evaluate(() => window.CookieConsent.getConsent());
    assert.deepEqual(stored.categories, { necessary: true, preferences: true, analytics: true, advertising: true });
    assert.equal(await page.evaluate(() => window.CookieConsent.hasConsent('advertising')), true);

    // The server helper reads the cookie the browser stored to the same decision.
    const cookies = await page.cookies();
    assert.ok(cookies.some((cookie) => cookie.name === 'cookie_consent'), 'the consent cookie is stored');
    const { readConsent } = await import(join(packageDir, 'dist', 'server.js'));
    const consent = readConsent(cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '), config);
    assert.equal(consent.problem, undefined);
    assert.deepEqual(consent.record, stored);

    await page.click('cookie-consent >>> [data-action="preferences"]');
    await page.waitForFunction(() => document.querySelector('cookie-consent').shadowRoot.querySelector('dialog')?.open, { timeout: 5_000 });
    await page.waitForSelector('cookie-consent >>> dialog input[role="switch"]', { timeout: 5_000 });
    // Prefetched once the banner is drawn, or fetched on opening: either way a chunk of its own.
    assert.ok(scripts.some((path) => /preferences-panel/.test(path)), `the dialog's own chunk was fetched: ${scripts.join(', ')}`);
    assert.deepEqual(problems, []);
  });

  it('shows a Welsh page in Welsh, from the locale file beside the bundle', async () => {
    const { page, problems, scripts } = await open('/cy.html');
    const welsh = (await import(join(packageDir, 'dist', 'locales', 'cy.js'))).default;
    const accept = await page.waitForSelector('cookie-consent >>> .banner [data-action="accept"]', { timeout: 10_000 });
    assert.equal(await accept.evaluate((button) => button.textContent.trim()), welsh.acceptAll);
    assert.ok(scripts.includes('/assets/locales/cy.js'), scripts.join(', '));
    assert.deepEqual(problems, []);
  });
});
