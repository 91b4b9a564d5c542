/**
 * Shared by the consent-record tests and bench/records.mjs: the stores they run against (the
 * embedded store always, a PostgreSQL server when TEST_DATABASE_URL names one), a record as the
 * widget sends it, and the service in-process or as `cookie-consent records serve`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { TEST_DATABASE_URL } = process.env;

/**
 * Each backend gives a place for a store: a data folder, or a PostgreSQL schema of the test file's
 * own (test files run in parallel on one database), and removes it afterwards.
 */
export const backends = [
  {
    name: 'the embedded store (PGlite)',
    async place() {
      const dataDir = await mkdtemp(join(tmpdir(), 'consent-records-'));
      return { options: { dataDir }, env: {}, args: ['--data', dataDir], remove: () => rm(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is unset, so the record tests ran against the embedded store only (see docs/consent-records.md to run them against your own PostgreSQL)',
    async place() {
      const schema = `consent_test_${randomUUID().replace(/-/g, '')}`;
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const databaseUrl = url.href;
      return {
        options: { databaseUrl },
        env: { DATABASE_URL: databaseUrl },
        args: [],
        async remove() {
          const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
          await client.connect();
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  },
];

export const TOKEN = 'a-long-read-token-for-the-tests';

/** What the widget's dialog showed, as its consent log sends it. */
export const shown = (overrides = {}) => ({
  strings: { title: 'Cookies on this site', acceptAll: 'Accept all', rejectAll: 'Reject all' },
  categories: [
    { id: 'necessary', title: 'Strictly necessary', description: 'Needed for the site to work.', services: [] },
    { id: 'analytics', title: 'Analytics', description: 'Count visits.', services: [{ id: 'google-analytics', name: 'Google Analytics', provider: 'Google', purpose: 'Counts visits' }] },
  ],
  policyUrl: 'https://www.example.co.uk/privacy',
  cookiePolicyUrl: '',
  ...overrides,
});

/** A proof record as the widget sends it. */
export const record = (overrides = {}) => ({
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  timestamp: '2025-05-01T09:30:00.000Z',
  revision: 3,
  configHash: `sha256:${'0f'.repeat(32)}`,
  decision: 'custom',
  method: 'dialog',
  categories: { necessary: true, analytics: true, advertising: false },
  services: { 'google-analytics': true },
  gpc: false,
  language: 'en-GB',
  shown: shown(),
  ...overrides,
});

/** Serves a Node handler on a free port, answering 404 for anything it does not take. */
export async function serve(handler) {
  const server = createServer(async (request, response) => {
    if (!(await handler(request, response))) response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Stops a server, dropping keep-alive connections so the test process can exit. */
export const stop = (server) => {
  server?.close();
  server?.closeAllConnections();
};

export const post = (url, body, headers = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

export const read = (url, token = TOKEN) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const bin = fileURLToPath(new URL('../../bin/cookie-consent.mjs', import.meta.url));

/**
 * Starts `cookie-consent records serve` on a free port in the place a backend gave, with no rate
 * limit; resolves once it listens. `peakRss()` reads the process's peak resident memory (MB).
 */
export async function startService(place) {
  const child = spawn(process.execPath, [bin, 'records', 'serve', '--port', '0', '--rate-limit', '0', ...place.args], {
    env: { ...process.env, ...place.env, CONSENT_RECORDS_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const base = await new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /Consent records: (http:\/\/127\.0\.0\.1:\d+)\/records/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before listening:\n${output}`)));
  });
  return {
    child,
    base,
    output: () => output,
    async peakRss() {
      return Number(/VmHWM:\s+(\d+) kB/.exec(await readFile(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
    },
  };
}
