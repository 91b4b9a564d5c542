import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createConsentLogHandler } from '../../demo/consent-log-receiver.mjs';

/** A proof record as the widget sends it. */
const record = (overrides = {}) => ({
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
  ...overrides,
});

/** Serves one handler on a free port, answering 404 for anything it does not take. */
async function serve(handler) {
  const server = createServer(async (request, response) => {
    if (!(await handler(request, response))) response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/consent` };
}

/** Stops a server, dropping keep-alive connections so the test process can exit. */
const stop = (server) => {
  server?.close();
  server?.closeAllConnections();
};

const post = (url, body) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('consent-log receiver', () => {
  let directory;
  let file;
  let server;
  let url;

  const lines = async () => {
    try {
      return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));
    } catch (error) {
      if (error.code === 'ENOENT') return [];
      throw error;
    }
  };

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'consent-log-'));
  });

  beforeEach(async () => {
    stop(server);
    file = join(directory, `log-${Math.random().toString(36).slice(2)}.jsonl`);
    ({ server, url } = await serve(createConsentLogHandler({ file })));
  });

  after(async () => {
    stop(server);
    await rm(directory, { recursive: true, force: true });
  });

  describe('a good record', () => {
    it('is answered 204 and written as one JSON line, with when it arrived', async () => {
      const response = await post(url, record());
      assert.equal(response.status, 204);
      const written = await lines();
      assert.equal(written.length, 1);
      const { receivedAt, ...stored } = written[0];
      assert.deepEqual(stored, record());
      assert.ok(!Number.isNaN(Date.parse(receivedAt)), `receivedAt ${receivedAt} is a date`);
    });

    it('is acknowledged but not written again when its id is already logged', async () => {
      assert.equal((await post(url, record())).status, 204);
      assert.equal((await post(url, record())).status, 204);
      assert.equal((await lines()).length, 1);
    });

    it('is not written again by a restarted receiver that reads the same file', async () => {
      assert.equal((await post(url, record())).status, 204);
      const restarted = await serve(createConsentLogHandler({ file }));
      try {
        assert.equal((await post(restarted.url, record())).status, 204);
      } finally {
        stop(restarted.server);
      }
      assert.equal((await lines()).length, 1);
    });

    it('writes records with different ids on lines of their own, in order', async () => {
      await post(url, record());
      await post(url, record({ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', decision: 'withdraw' }));
      assert.deepEqual(
        (await lines()).map((line) => [line.id, line.decision]),
        [
          ['3b241101-e2bb-4255-8caf-4136c566a962', 'custom'],
          ['7c9e6679-7425-40de-944b-e07fc1f90ae7', 'withdraw'],
        ],
      );
    });
  });

  describe('a bad request', () => {
    it('is refused with 400 when the body is not JSON', async () => {
      const response = await post(url, '{"id": ');
      assert.equal(response.status, 400);
      assert.equal(await response.text(), 'not JSON');
      assert.deepEqual(await lines(), []);
    });

    const problems = [
      ['an extra field', record({ ip: '203.0.113.7' }), /unexpected fields: ip/],
      ['a bad decision', record({ decision: 'maybe' }), /^decision: /],
      ['an id that is not a UUID', record({ id: 'visitor-42' }), /^id: /],
      ['a timestamp that is not a date', record({ timestamp: 'yesterday' }), /^timestamp: /],
      ['a revision that is not a whole number', record({ revision: 1.5 }), /^revision: /],
      ['a config hash that is not one', record({ configHash: 'abc' }), /^configHash: /],
      ['a category choice that is not true or false', record({ categories: { analytics: 'yes' } }), /^categories: /],
      ['a gpc flag that is not true or false', record({ gpc: 'no' }), /^gpc: /],
      ['an array', [record()], /expected a JSON object/],
    ];
    for (const [why, body, message] of problems) {
      it(`is refused with 400 naming ${why}`, async () => {
        const response = await post(url, body);
        assert.equal(response.status, 400);
        assert.match(await response.text(), message);
        assert.deepEqual(await lines(), []);
      });
    }

    it('is refused with 405 for GET, saying POST is allowed', async () => {
      const response = await fetch(url);
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'POST');
    });

    it('is refused with 413 when the body is over 16 KB', async () => {
      const response = await post(url, record({ method: 'x'.repeat(17 * 1024) }));
      assert.equal(response.status, 413);
      assert.deepEqual(await lines(), []);
    });

    it('is left to the server when it is for another path', async () => {
      assert.equal((await post(url.replace('/consent', '/other'), record())).status, 404);
    });
  });
});
