/**
 * The consent-record service under load: 50 concurrent writers against `cookie-consent records
 * serve` (a process of its own, as a site runs it), on the embedded store (PGlite) and on
 * PostgreSQL; then an export of 1,000,000 records, and of 100,000, with the service's peak RSS.
 *
 *   node bench/records.mjs [--records 3000] [--export 1000000] [--only pglite,postgres]
 *
 * PostgreSQL is the server DATABASE_URL (else TEST_DATABASE_URL) names; the bench works in a schema
 * of its own there and drops it afterwards. Without either, PostgreSQL is left out and the run says so.
 * `npm run bench:records` builds first.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RecordStore } from '../dist/records.js';
import { TOKEN, startService } from '../test/node/records-helpers.mjs';

const { values: options } = parseArgs({
  options: {
    records: { type: 'string', default: '3000' },
    export: { type: 'string', default: '1000000' },
    only: { type: 'string', default: 'pglite,postgres' },
  },
});
const WRITERS = 50;
const WARM_UP = 200;
const TOTAL = Number(options.records);
const EXPORT_SIZES = [Math.round(Number(options.export) / 10), Number(options.export)];
const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
const TARGETS = { pglite: { rate: 500 }, postgres: { rate: 2000, p99: 50 } };

/** A record as the widget sends it, with the texts a visitor was shown. */
const proof = () => ({
  id: randomUUID(),
  timestamp: new Date().toISOString(),
  revision: 3,
  configHash: `sha256:${'0f'.repeat(32)}`,
  decision: 'custom',
  method: 'dialog',
  categories: { necessary: true, preferences: false, analytics: true, advertising: false },
  services: { 'google-analytics': true },
  gpc: false,
  language: 'en-GB',
  shown: {
    strings: { title: 'Cookies on this site', description: 'We use cookies that the site needs to work.', acceptAll: 'Accept all', rejectAll: 'Reject all' },
    categories: [{ id: 'analytics', title: 'Analytics', description: 'Count visits.', services: [{ id: 'google-analytics', name: 'Google Analytics', provider: 'Google', purpose: 'Counts visits' }] }],
    policyUrl: 'https://www.example.co.uk/privacy',
    cookiePolicyUrl: '',
  },
});

/** The service as a site runs it, stopped with SIGTERM as a site stops it. */
async function startBenchService(place) {
  const service = await startService(place);
  return {
    ...service,
    async stop() {
      service.child.kill('SIGTERM');
      await once(service.child, 'exit');
    },
  };
}

async function send(base) {
  const started = performance.now();
  const response = await fetch(`${base}/consent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(proof()) });
  if (response.status !== 201) throw new Error(`answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - started;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** 50 writers, each sending its next record as soon as the last is acknowledged. */
async function writeLoad(base) {
  for (let index = 0; index < WARM_UP; index += WRITERS) await Promise.all(Array.from({ length: WRITERS }, () => send(base)));
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next++ < TOTAL) latencies.push(await send(base));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: TOTAL / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Fills the table with `count` records by SQL, one a second from 2020-01-01, so a date range picks any number. */
async function populate(storeOptions, count) {
  const store = await RecordStore.open(storeOptions);
  await store.query('DELETE FROM consent_records');
  await store.query(
    `INSERT INTO consent_records (consent_id, client_time, server_time, decision, method, categories, services, gpc, language, revision, config_hash)
     SELECT gen_random_uuid(), t, t, (ARRAY['accept', 'reject', 'custom', 'withdraw'])[1 + i % 4], 'banner',
            '{"necessary": true, "preferences": false, "analytics": true, "advertising": false}', '{"google-analytics": true}',
            false, 'en-GB', 3, 'sha256:${'0f'.repeat(32)}'
     FROM generate_series(1, $1::integer) AS i, LATERAL (SELECT timestamptz '2020-01-01 00:00:00+00' + i * interval '1 second') AS s (t)`,
    [count],
  );
  await store.close();
}

/** Streams an export of the first `count` records through a fresh service; its peak RSS afterwards. */
async function exportRun(place, count) {
  const service = await startBenchService(place);
  try {
    const before = await service.peakRss();
    const to = new Date(Date.parse('2020-01-01T00:00:00Z') + (count + 1) * 1000).toISOString();
    const started = performance.now();
    const response = await fetch(`${service.base}/export?from=2020-01-01&to=${to}&format=jsonl`, { headers: { authorization: `Bearer ${TOKEN}` } });
    let lines = 0;
    let bytes = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    if (lines !== count) throw new Error(`exported ${lines} records, expected ${count}`);
    return { count, seconds, megabytes: bytes / 1e6, idleRss: before, peakRss: await service.peakRss() };
  } finally {
    await service.stop();
  }
}

async function placeFor(backend) {
  if (backend === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'records-bench-'));
    return { name: 'PGlite (embedded)', storeOptions: { dataDir }, env: {}, args: ['--data', dataDir], remove: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const schema = `records_bench_${process.pid}`;
  const { default: pg } = await import('pg');
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { name: 'PostgreSQL', storeOptions: { databaseUrl: url.href }, env: { DATABASE_URL: url.href }, args: [], remove: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}

const fixed = (value, digits = 1) => value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok) => (ok ? 'meets' : 'MISSES');

console.log(`Consent records: ${WRITERS} concurrent writers, ${TOTAL.toLocaleString('en-GB')} records each run after ${WARM_UP} to warm up; ${cpus().length} CPUs, Node ${process.version}`);
for (const backend of options.only.split(',')) {
  if (backend === 'postgres' && !databaseUrl) {
    console.log('\nPostgreSQL: left out, since neither DATABASE_URL nor TEST_DATABASE_URL is set.');
    continue;
  }
  const place = await placeFor(backend);
  try {
    const service = await startBenchService(place);
    const load = await writeLoad(service.base).finally(() => service.stop());
    const target = TARGETS[backend];
    const meets = load.rate >= target.rate && (!target.p99 || load.p99 <= target.p99);
    console.log(`\n${place.name}`);
    console.log(`  writes: ${fixed(load.rate, 0)} records/s, p50 ${fixed(load.p50)} ms, p99 ${fixed(load.p99)} ms (target ≥ ${target.rate} records/s${target.p99 ? `, p99 ≤ ${target.p99} ms` : ''}: ${verdict(meets)})`);
    const populated = performance.now();
    await populate(place.storeOptions, EXPORT_SIZES[1]);
    console.log(`  filled with ${EXPORT_SIZES[1].toLocaleString('en-GB')} records by SQL in ${fixed((performance.now() - populated) / 1000)} s`);
    for (const count of EXPORT_SIZES) {
      const run = await exportRun(place, count);
      console.log(`  export of ${count.toLocaleString('en-GB').padStart(9)} records (JSON Lines, ${fixed(run.megabytes, 0)} MB): ${fixed(run.seconds)} s, ${fixed(count / run.seconds, 0)} records/s, service peak RSS ${fixed(run.peakRss, 0)} MB (${fixed(run.idleRss, 0)} MB before)`);
    }
  } finally {
    await place.remove();
  }
}
