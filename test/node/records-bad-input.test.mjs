/**
 * What the consent-record service refuses: each bad request gets a clear status naming the field,
 * nothing is stored, and the service still takes the next good record.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { RecordStore, createRecordsHandler } from '../../dist/records.js';
import { TOKEN, backends, post, read, record, serve, shown, stop } from './records-helpers.mjs';

const SQL = "'; DROP TABLE consent_records; --";

/** [why, body, status, the field named (null for none), the message] */
const refused = [
  ['a body that is not JSON', '{"id": ', 400, null, /not JSON/],
  ['an empty body', '', 400, null, /not JSON/],
  ['an array', JSON.stringify([record()]), 400, '$', /expected a JSON object/],
  ['null', 'null', 400, '$', /expected a JSON object/],
  ['a 1 MB body', JSON.stringify(record({ language: 'x'.repeat(1024 * 1024) })), 413, null, /over 65536 bytes/],
  ['an unknown field', record({ ip: '203.0.113.7' }), 400, 'ip', /unknown field/],
  ['an unknown field in what was shown', record({ shown: { ...shown(), script: '<script>' } }), 400, 'shown.script', /unknown field/],
  ['an unknown field in a shown category', record({ shown: shown({ categories: [{ id: 'a', title: 'A', description: '', services: [], extra: 1 }] }) }), 400, 'shown.categories[0].extra', /unknown field/],
  ['a missing field', (({ gpc, ...rest }) => rest)(record()), 400, 'gpc', /missing/],
  ['an id that is not a UUID', record({ id: 'visitor-42' }), 400, 'id', /UUID/],
  ['an id that is SQL', record({ id: `3b241101-e2bb-4255-8caf-4136c566a962${SQL}` }), 400, 'id', /UUID/],
  ['an id that is a number', record({ id: 42 }), 400, 'id', /UUID/],
  ['a timestamp that is not a date', record({ timestamp: 'yesterday' }), 400, 'timestamp', /ISO 8601/],
  ['a timestamp that is not in UTC', record({ timestamp: '2025-05-01T09:30:00+01:00' }), 400, 'timestamp', /ISO 8601/],
  ['a revision that is not a whole number', record({ revision: 1.5 }), 400, 'revision', /whole number/],
  ['a revision that is a string', record({ revision: '3' }), 400, 'revision', /whole number/],
  ['a config hash that is not one', record({ configHash: 'abc' }), 400, 'configHash', /sha256/],
  ['a config hash with SQL in it', record({ configHash: `sha256:${SQL}` }), 400, 'configHash', /sha256/],
  ['a decision not among them', record({ decision: 'maybe' }), 400, 'decision', /accept, reject, custom, withdraw/],
  ['a method that is SQL', record({ method: SQL }), 400, 'method', /banner, dialog, placeholder, api, gpc/],
  ['a category choice that is not true or false', record({ categories: { analytics: 'yes' } }), 400, 'categories.analytics', /true or false/],
  ['a category id that is SQL', record({ categories: { [SQL]: true } }), 400, `categories.${SQL}`, /not an id/],
  ['services that are an array', record({ services: [true] }), 400, 'services', /id → true\/false/],
  ['a gpc flag that is not true or false', record({ gpc: 'no' }), 400, 'gpc', /true or false/],
  ['a language that is SQL', record({ language: `en${SQL}` }), 400, 'language', /language tag/],
  ['shown strings that are not text', record({ shown: shown({ strings: { title: 42 } }) }), 400, 'shown.strings.title', /expected a string/],
  ['a shown text over 4000 characters', record({ shown: shown({ strings: { title: 'x'.repeat(4001) } }) }), 400, 'shown.strings.title', /longer than 4000/],
  ['shown categories that are not a list', record({ shown: shown({ categories: {} }) }), 400, 'shown.categories', /array/],
];

for (const backend of backends) {
  describe(`consent records on ${backend.name}: bad input`, { skip: backend.skip }, () => {
    let place;
    let store;
    let server;
    let base;

    before(async () => {
      place = await backend.place();
      store = await RecordStore.open(place.options);
      ({ server, base } = await serve(createRecordsHandler({ store, token: TOKEN, rateLimit: 0 })));
    });
    beforeEach(() => store.query('DELETE FROM consent_records'));
    after(async () => {
      stop(server);
      await store?.close();
      await place?.remove();
    });

    /** The service still stores a good record, and that is all it stored. */
    const stillUp = async () => {
      assert.equal((await post(`${base}/consent`, record())).status, 201, 'a good record after the bad one');
      assert.equal(await store.count(), 1, 'only the good record is stored');
    };

    for (const [why, body, status, field, message] of refused) {
      it(`refuses ${why} with ${status}${field ? ` naming ${field}` : ''}, storing nothing`, async () => {
        const response = await post(`${base}/consent`, body);
        assert.equal(response.status, status);
        const answer = await response.json();
        assert.match(answer.error, message);
        assert.equal(answer.field, field ?? undefined);
        if (field) assert.ok(answer.error.startsWith(`${field}: `), `"${answer.error}" names ${field} first`);
        assert.equal(await store.count(), 0);
        await stillUp();
      });
    }

    it('stores SQL-looking text the visitor was shown as text, and the table stays', async () => {
      const sent = record({ shown: shown({ strings: { title: SQL, description: "Robert'); DROP TABLE consent_shown;--" } }) });
      assert.equal((await post(`${base}/consent`, sent)).status, 201);
      const found = await (await read(`${base}/consent/${sent.id}`)).json();
      assert.deepEqual(Object.values(found.shown)[0].strings, sent.shown.strings);
      assert.equal(await store.count(), 1);
    });

    it('refuses a write that names an existing record’s id and time, leaving that record as it was', async () => {
      assert.equal((await post(`${base}/consent`, record({ decision: 'accept' }))).status, 201);
      const overwrite = await post(`${base}/consent`, record({ decision: 'reject', categories: { necessary: true }, shown: shown({ policyUrl: 'https://forged.example' }) }));
      assert.equal(overwrite.status, 200);
      assert.deepEqual(await overwrite.json(), { stored: false, id: record().id, timestamp: record().timestamp }, 'the answer says nothing of the stored record');
      const found = await (await read(`${base}/consent/${record().id}`)).json();
      assert.deepEqual(found.records.map((row) => row.decision), ['accept']);
      assert.equal(Object.values(found.shown)[0].policyUrl, 'https://www.example.co.uk/privacy');
    });

    it('refuses other methods with 405, saying which are allowed', async () => {
      const response = await fetch(`${base}/consent`, { method: 'PUT', body: JSON.stringify(record()) });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
      assert.equal((await fetch(`${base}/consent/${record().id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } })).status, 405);
      await stillUp();
    });

    it('refuses a forged token with 401, and the service still takes records', async () => {
      for (const token of ['forged', TOKEN.slice(1), TOKEN.toUpperCase(), `${TOKEN}' OR '1'='1`]) {
        const response = await read(`${base}/export?format=jsonl`, token);
        assert.equal(response.status, 401, JSON.stringify(token));
        assert.equal(response.headers.get('www-authenticate'), 'Bearer');
      }
      await stillUp();
    });

    it('refuses export dates and formats it cannot read, naming the parameter', async () => {
      for (const [query, field] of [
        ['from=yesterday', 'from'],
        [`to=2025-01-01${encodeURIComponent(SQL)}`, 'to'],
        ['format=xlsx', 'format'],
      ]) {
        const response = await read(`${base}/export?${query}`);
        assert.equal(response.status, 400, query);
        assert.equal((await response.json()).field, field, query);
      }
    });
  });
}
