/**
 * The consent-record service (`cookie-consent/records`) over HTTP, against the embedded store and,
 * when TEST_DATABASE_URL is set, a PostgreSQL server: the same tests, the same SQL.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { RecordStore, createFetchHandler, createRecordsHandler, truncateAddress } from '../../dist/records.js';
import { TOKEN, backends, post, read, record, serve, shown, stop } from './records-helpers.mjs';

const SECOND_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ORIGIN = 'https://www.example.co.uk';

for (const backend of backends) {
  describe(`consent records on ${backend.name}`, { skip: backend.skip }, () => {
    let place;
    let store;
    let server;
    let base;

    const start = async (options = {}) => {
      stop(server);
      ({ server, base } = await serve(createRecordsHandler({ store, token: TOKEN, origins: [ORIGIN], rateLimit: 0, ...options })));
    };
    const history = async (id = record().id) => {
      const response = await read(`${base}/consent/${id}`);
      return response.status === 404 ? null : response.json();
    };

    before(async () => {
      place = await backend.place();
      store = await RecordStore.open(place.options);
    });
    beforeEach(async () => {
      await store.query('DELETE FROM consent_records');
      await store.query('DELETE FROM consent_shown');
      await start();
    });
    after(async () => {
      stop(server);
      await store?.close();
      await place?.remove();
    });

    describe('a good record', () => {
      it('is answered 201, stored once with the time it arrived, and looked up with what the visitor was shown', async () => {
        const response = await post(`${base}/consent`, record());
        assert.equal(response.status, 201);
        assert.deepEqual(await response.json(), { stored: true, id: record().id, timestamp: record().timestamp });
        const found = await history();
        assert.equal(found.records.length, 1);
        const [{ seq, receivedAt, shownHash, ip, userAgent, ...stored }] = found.records;
        const { shown: sent, ...fields } = record();
        assert.deepEqual(stored, fields);
        assert.ok(Math.abs(Date.parse(receivedAt) - Date.now()) < 60_000, `receivedAt ${receivedAt} is now`);
        assert.deepEqual(found.shown, { [shownHash]: sent });
        assert.deepEqual([ip, userAgent], [null, null], 'no address or user agent unless the service is told to keep them');
      });

      it('is acknowledged 200 and not stored again when the same decision (id and time) comes again', async () => {
        assert.equal((await post(`${base}/consent`, record())).status, 201);
        const again = await post(`${base}/consent`, record({ decision: 'accept' }));
        assert.equal(again.status, 200);
        assert.deepEqual(await again.json(), { stored: false, id: record().id, timestamp: record().timestamp });
        const found = await history();
        assert.deepEqual(found.records.map((row) => row.decision), ['custom'], 'the first record is left as it was');
      });

      it('stores many concurrent records, each once, however they are batched', async () => {
        const ids = Array.from({ length: 60 }, (_, index) => `3b241101-e2bb-4255-8caf-${String(index).padStart(12, '0')}`);
        // Each record twice, the copies in flight together: one is stored, the other acknowledged.
        const statuses = await Promise.all([...ids, ...ids].map(async (id) => (await post(`${base}/consent`, record({ id }))).status));
        assert.deepEqual([statuses.filter((status) => status === 201).length, statuses.filter((status) => status === 200).length], [60, 60]);
        assert.equal(await store.count(), 60);
      });

      it('is not stored again by a service restarted on the same store', async () => {
        assert.equal((await post(`${base}/consent`, record())).status, 201);
        await store.close();
        store = await RecordStore.open(place.options);
        await start();
        assert.equal((await post(`${base}/consent`, record())).status, 200);
        assert.equal(await store.count(), 1);
      });

      it('keeps a visitor’s decisions under their one id, in order, the withdrawal too, and each text once', async () => {
        await post(`${base}/consent`, record({ decision: 'accept', method: 'banner' }));
        await post(`${base}/consent`, record({ timestamp: '2025-06-01T10:00:00.000Z', decision: 'withdraw', categories: { necessary: true, analytics: false, advertising: false } }));
        await post(`${base}/consent`, record({ id: SECOND_ID, decision: 'reject', shown: shown({ policyUrl: 'https://www.example.co.uk/privacy-2' }) }));
        const found = await history();
        assert.deepEqual(found.records.map((row) => [row.timestamp, row.decision, row.method]), [
          ['2025-05-01T09:30:00.000Z', 'accept', 'banner'],
          ['2025-06-01T10:00:00.000Z', 'withdraw', 'dialog'],
        ]);
        assert.equal(Object.keys(found.shown).length, 1, 'the same texts are one row');
        assert.equal(found.records[0].shownHash, found.records[1].shownHash);
        const [{ count }] = await store.query('SELECT count(*)::integer AS count FROM consent_shown');
        assert.equal(count, 2, 'the other visitor saw other texts');
      });

      it('is stored from a widget older than the texts it shows, with none linked', async () => {
        const { shown: _, ...older } = record();
        assert.equal((await post(`${base}/consent`, older)).status, 201);
        const found = await history();
        assert.equal(found.records[0].shownHash, null);
        assert.deepEqual(found.shown, {});
      });

      it('keeps the sender’s address truncated (IPv4 /24) and user agent only when told to', async () => {
        await start({ clientInfo: true });
        await post(`${base}/consent`, record(), { 'user-agent': 'Test browser 1.0' });
        const [row] = (await history()).records;
        assert.deepEqual([row.ip, row.userAgent], ['127.0.0.0/24', 'Test browser 1.0']);
      });
    });

    describe('reading', () => {
      beforeEach(async () => {
        await post(`${base}/consent`, record({ decision: 'accept' }));
        await post(`${base}/consent`, record({ id: SECOND_ID, decision: 'reject', language: 'cy' }));
        await post(`${base}/consent`, record({ id: SECOND_ID, timestamp: '2025-05-02T08:00:00.000Z', decision: 'withdraw', method: 'api' }));
      });

      it('answers 404 for a consent id with no records and 400 for one that is no UUID', async () => {
        assert.equal((await read(`${base}/consent/0f8fad5b-d9cb-469f-a165-70867728950e`)).status, 404);
        const bad = await read(`${base}/consent/1%20OR%201=1`);
        assert.equal(bad.status, 400);
        assert.equal((await bad.json()).field, 'id');
      });

      it('exports the records received in a date range as JSON Lines, oldest first', async () => {
        const today = new Date().toISOString().slice(0, 10);
        const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
        const response = await read(`${base}/export?from=${today}&to=${tomorrow}&format=jsonl`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type'), /application\/x-ndjson/);
        const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
        assert.deepEqual(lines.map((line) => [line.id, line.decision]), [
          [record().id, 'accept'],
          [SECOND_ID, 'reject'],
          [SECOND_ID, 'withdraw'],
        ]);
        const empty = await read(`${base}/export?from=2020-01-01&to=2020-01-02&format=jsonl`);
        assert.equal(await empty.text(), '', 'nothing was received in 2020');
      });

      it('pages through records received in the same millisecond, each once, in the order they were stored', async () => {
        // Their seqs cross a power of ten (…98, 99, 100, …), where text order and number order part.
        const [{ max }] = await store.query('SELECT coalesce(max(seq), 0)::integer AS max FROM consent_records');
        let power = 100;
        while (power - 10 <= max) power *= 10;
        await store.query(`SELECT setval('consent_records_seq_seq', ${power - 10})`);
        await store.query(
          `INSERT INTO consent_records (consent_id, client_time, server_time, decision, method, categories, services, gpc, language, revision, config_hash)
           SELECT gen_random_uuid(), now(), timestamptz '2024-02-01T00:00:00Z', 'accept', 'banner', '{}', '{}', false, 'en-GB', 1, 'sha256:x' FROM generate_series(1, 25)`,
        );
        const seqs = [];
        for await (const row of store.records(new Date('2024-02-01T00:00:00Z'), new Date('2024-02-02T00:00:00Z'), 4)) seqs.push(row.seq);
        assert.equal(seqs.length, 25);
        assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
        assert.equal(new Set(seqs).size, 25);
      });

      it('exports CSV with a header row and one row per record, no cell a spreadsheet would run', async () => {
        await start({ clientInfo: true });
        await post(`${base}/consent`, record({ timestamp: '2025-05-03T08:00:00.000Z' }), { 'user-agent': '=HYPERLINK("http://evil.example")' });
        const response = await read(`${base}/export?format=csv`);
        assert.match(response.headers.get('content-type'), /text\/csv/);
        const rows = (await response.text()).trim().split('\r\n');
        assert.equal(rows[0], 'seq,id,timestamp,receivedAt,decision,method,categories,services,gpc,language,revision,configHash,shownHash,ip,userAgent');
        assert.equal(rows.length, 5);
        assert.match(rows[1], /,accept,dialog,"\{""analytics"":true,""necessary"":true,""advertising"":false\}","\{""google-analytics"":true\}",false,en-GB,3,/);
        assert.ok(rows[4].endsWith(',127.0.0.0/24,"\'=HYPERLINK(""http://evil.example"")"'), rows[4]);
      });

      it('counts records per decision per day', async () => {
        const response = await read(`${base}/stats`);
        const today = new Date().toISOString().slice(0, 10);
        assert.deepEqual(await response.json(), [
          { day: today, decision: 'accept', count: 1 },
          { day: today, decision: 'reject', count: 1 },
          { day: today, decision: 'withdraw', count: 1 },
        ]);
      });

      it('serves the lookup page, which holds no records itself', async () => {
        const response = await fetch(`${base}/records`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-security-policy'), /default-src 'none'/);
        const page = await response.text();
        assert.match(page, /<h1>Consent records<\/h1>/);
        assert.doesNotMatch(page, new RegExp(SECOND_ID));
      });

      for (const [why, token, status] of [
        ['no token', null, 401],
        ['a forged token', 'a-long-read-token-for-the-tests!', 401],
        ['a token of the same length', 'A-long-read-token-for-the-tests', 401],
      ]) {
        it(`refuses lookup, export and counts with ${why}, telling nothing of the records`, async () => {
          for (const path of [`/consent/${SECOND_ID}`, '/export?format=csv', '/stats']) {
            const response = await read(`${base}${path}`, token);
            assert.equal(response.status, status, path);
            assert.doesNotMatch(await response.text(), /7c9e6679|reject|withdraw/, path);
          }
        });
      }

      it('refuses every read when the service has no token', async () => {
        await start({ token: undefined });
        const response = await read(`${base}/consent/${SECOND_ID}`);
        assert.equal(response.status, 403);
        assert.match((await response.json()).error, /CONSENT_RECORDS_TOKEN/);
      });
    });

    describe('retention and the append-only table', () => {
      it('purges the records received longer ago than the retention, and the texts only they showed', async () => {
        await post(`${base}/consent`, record());
        await store.query(`INSERT INTO consent_shown (hash, config_hash, language, texts) VALUES ('sha256:old', 'sha256:x', 'en-GB', '{}')`);
        await store.query(
          `INSERT INTO consent_records (consent_id, client_time, server_time, decision, method, categories, services, gpc, language, revision, config_hash, shown_hash)
           VALUES ($1, now() - interval '3 years', now() - interval '3 years', 'accept', 'banner', '{}', '{}', false, 'en-GB', 1, 'sha256:x', 'sha256:old')`,
          [SECOND_ID],
        );
        assert.equal(await store.purge('P2Y'), 1);
        assert.equal(await store.count(), 1);
        assert.equal(await history(SECOND_ID), null);
        assert.ok(await history(), 'the recent record stays');
        const hashes = (await store.query('SELECT hash FROM consent_shown')).map((row) => row.hash);
        assert.deepEqual(hashes, [(await history()).records[0].shownHash]);
      });

      it('refuses a retention that is no ISO 8601 duration', async () => {
        await assert.rejects(store.purge("1 year'; DROP TABLE consent_records; --"), /not an ISO 8601 duration/);
      });

      it('refuses to change a stored record', async () => {
        await post(`${base}/consent`, record());
        await assert.rejects(store.query("UPDATE consent_records SET decision = 'accept'"), /append-only/);
        assert.equal((await history()).records[0].decision, 'custom');
      });
    });

    describe('other origins and busy clients', () => {
      it('answers CORS only for a configured origin, and stores nothing from another', async () => {
        const preflight = await fetch(`${base}/consent`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
        assert.equal(preflight.status, 204);
        assert.equal(preflight.headers.get('access-control-allow-origin'), ORIGIN);
        const allowed = await post(`${base}/consent`, record(), { origin: ORIGIN });
        assert.equal(allowed.status, 201);
        assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
        const other = await post(`${base}/consent`, record({ id: SECOND_ID }), { origin: 'https://elsewhere.example' });
        assert.equal(other.status, 403);
        assert.equal(other.headers.get('access-control-allow-origin'), null);
        assert.equal((await fetch(`${base}/consent`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example' } })).status, 403);
        // The site's own pages, served over https by a proxy that speaks http to the service.
        const sameHost = await post(`${base}/consent`, record({ id: '0f8fad5b-d9cb-469f-a165-70867728950e' }), { origin: base.replace('http:', 'https:') });
        assert.equal(sameHost.status, 201);
        assert.equal(await store.count(), 2);
      });

      it('limits the records one client may send a minute', async () => {
        await start({ rateLimit: 3 });
        const statuses = [];
        for (let index = 0; index < 5; index++) statuses.push((await post(`${base}/consent`, record({ timestamp: `2025-05-01T09:30:0${index}.000Z` }))).status);
        assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
        assert.equal(await store.count(), 3);
      });
    });

    describe('as a Fetch-style handler', () => {
      it('stores, looks up and streams an export the same way', async () => {
        const handle = createFetchHandler({ store, token: TOKEN });
        const stored = await handle(new Request('http://records.test/consent', { method: 'POST', body: JSON.stringify(record()) }));
        assert.equal(stored.status, 201);
        assert.equal((await handle(new Request('http://records.test/consent', { method: 'POST', body: JSON.stringify(record()) }))).status, 200);
        const lookup = await handle(new Request(`http://records.test/consent/${record().id}`, { headers: { authorization: `Bearer ${TOKEN}` } }));
        assert.equal((await lookup.json()).records.length, 1);
        const exported = await handle(new Request('http://records.test/export?format=jsonl', { headers: { authorization: `Bearer ${TOKEN}` } }));
        assert.equal(JSON.parse(await exported.text()).id, record().id);
        assert.equal(await handle(new Request('http://records.test/elsewhere')), null, 'another path is left to the server');
        const tooBig = await handle(new Request('http://records.test/consent', { method: 'POST', body: 'x'.repeat(70 * 1024) }));
        assert.equal(tooBig.status, 413);
      });
    });
  });
}

describe('truncateAddress', () => {
  const cases = [
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:203.0.113.77', '203.0.113.0/24'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['2001:0db8:0001::', '2001:db8:1::/48'],
    ['999.1.1.1', null],
    ['2001:db8::1::2', null],
    ['not an address', null],
    ['', null],
    [null, null],
  ];
  for (const [address, truncated] of cases) {
    it(`${JSON.stringify(address)} → ${JSON.stringify(truncated)}`, () => assert.equal(truncateAddress(address), truncated));
  }
});
