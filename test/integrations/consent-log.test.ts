import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { createRecord } from '../../src/core/consent-record.js';
import { ConsentLog, configHash, decisionKind, type DecisionKind, type ProofOfConsent } from '../../src/page/consent-log.js';

const rawConfig = {
  provider: { name: 'Example Ltd', policyUrl: '/privacy' },
  cookies: [{ name: '_ga', category: 'analytics', lifetime: 'P2Y' }],
  texts: { 'en-GB': { title: 'Cookies on Example', description: 'We use cookies.' } },
};
const { config } = parseConfig(rawConfig);

const record = (categories: Record<string, boolean>) =>
  createRecord(config, { categories }, { id: '3b241101-e2bb-4255-8caf-4136c566a962', now: new Date() });

const PROOF_FIELDS = ['categories', 'configHash', 'decision', 'gpc', 'id', 'language', 'method', 'revision', 'services', 'timestamp'];

const proof = (id: string): ProofOfConsent => ({
  id,
  timestamp: '2025-05-01T09:30:00.000Z',
  revision: 1,
  configHash: `sha256:${'ab'.repeat(32)}`,
  decision: 'custom',
  method: 'dialog',
  categories: { necessary: true, preferences: false, analytics: true, advertising: false },
  services: {},
  gpc: false,
  language: 'en-GB',
});

interface Call {
  url: string;
  init: RequestInit;
}

/** A stand-in for fetch: records each call and answers with `status`, or fails like a network error when status is 'offline'. */
function fakeFetcher(status: number | 'offline') {
  const calls: Call[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (status === 'offline') throw new TypeError('Failed to fetch');
    return new Response(null, { status });
  }) as typeof fetch;
  return { fetcher, calls, ids: () => calls.map((call) => JSON.parse(String(call.init.body)).id) };
}

/** send() delivers in the background; one macrotask lets every promise it chains settle first. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

/** What a later page load would deliver from the same storage. */
async function nextPageLoad() {
  const next = fakeFetcher(204);
  await new ConsentLog('/consent', next.fetcher, localStorage).flush();
  return next.ids();
}

describe('consent log', () => {
  describe('decisionKind', () => {
    const cases: Array<[string, Record<string, boolean> | null, Record<string, boolean>, DecisionKind]> = [
      ['accept all', null, { preferences: true, analytics: true, advertising: true }, 'accept'],
      ['reject all', null, { preferences: false, analytics: false, advertising: false }, 'reject'],
      ['some categories', null, { analytics: true }, 'custom'],
      ['accept all after reject all', { preferences: false, analytics: false, advertising: false }, { preferences: true, analytics: true, advertising: true }, 'accept'],
      ['adding a category', { analytics: true }, { analytics: true, advertising: true }, 'custom'],
      ['the same custom choice again', { analytics: true }, { analytics: true }, 'custom'],
      ['reject all after accept all', { preferences: true, analytics: true, advertising: true }, { preferences: false, analytics: false, advertising: false }, 'withdraw'],
      ['turning one category off', { analytics: true, advertising: true }, { analytics: true }, 'withdraw'],
      ['swapping one category for another', { analytics: true }, { advertising: true }, 'withdraw'],
    ];
    for (const [decision, before, after, kind] of cases) {
      it(`${decision} is "${kind}"`, () => {
        expect(decisionKind(config, record(after), before && record(before))).to.equal(kind);
      });
    }
  });

  describe('configHash', () => {
    it('is "sha256:" and 64 hex digits in a secure context', async () => {
      expect(isSecureContext).to.equal(true);
      expect(await configHash(rawConfig)).to.match(/^sha256:[0-9a-f]{64}$/);
    });

    it('is the same for equal configs, however the site ordered its keys', async () => {
      const reordered = Object.fromEntries(Object.entries(rawConfig).reverse());
      expect(await configHash(reordered)).to.equal(await configHash(rawConfig));
    });

    it('is the same for equal configs whose texts were written in another order', async () => {
      const reordered = { ...rawConfig, texts: { 'en-GB': { description: 'We use cookies.', title: 'Cookies on Example' } } };
      expect(parseConfig(reordered).config).to.deep.equal(config);
      expect(await configHash(reordered)).to.equal(await configHash(rawConfig));
    });

    it('changes when a visitor-facing text changes', async () => {
      const edited = { ...rawConfig, texts: { 'en-GB': { ...rawConfig.texts['en-GB'], description: 'We use a few cookies.' } } };
      expect(await configHash(edited)).not.to.equal(await configHash(rawConfig));
    });

    it('changes when a declared cookie changes', async () => {
      const edited = { ...rawConfig, cookies: [{ name: '_ga', category: 'analytics', lifetime: 'P13M' }] };
      expect(await configHash(edited)).not.to.equal(await configHash(rawConfig));
    });
  });

  describe('ConsentLog', () => {
    beforeEach(() => localStorage.clear());
    afterEach(() => localStorage.clear());

    describe('delivery', () => {
      it('posts the record as JSON with exactly the documented fields, with keepalive', async () => {
        const { fetcher, calls } = fakeFetcher(204);
        new ConsentLog('/consent', fetcher, localStorage).send(proof('0f8fad5b-d9cb-469f-a165-70867728950e'));
        await settle();
        expect(calls).to.have.length(1);
        const [{ url, init }] = calls;
        expect(url).to.equal('/consent');
        expect(init).to.include({ method: 'POST', keepalive: true });
        expect(new Headers(init.headers).get('content-type')).to.equal('application/json');
        const body = JSON.parse(String(init.body));
        expect(Object.keys(body).sort()).to.deep.equal(PROOF_FIELDS);
        expect(body).to.deep.equal(proof('0f8fad5b-d9cb-469f-a165-70867728950e'));
      });

      it('empties the queue on 204, so the next page load sends nothing', async () => {
        const { fetcher, calls } = fakeFetcher(204);
        new ConsentLog('/consent', fetcher, localStorage).send(proof('0f8fad5b-d9cb-469f-a165-70867728950e'));
        await settle();
        expect(calls).to.have.length(1);
        expect(await nextPageLoad()).to.deep.equal([]);
      });

      const fullStorage = {
        getItem: () => null,
        setItem: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
        removeItem: () => undefined,
      } as unknown as Storage;
      const storages: Array<[string, Storage | null]> = [
        ['unavailable', null],
        ['full', fullStorage],
      ];
      for (const [why, storage] of storages) {
        it(`still sends the record once when storage is ${why}, without throwing into the page`, async () => {
          const { fetcher, ids } = fakeFetcher(204);
          expect(() => new ConsentLog('/consent', fetcher, storage).send(proof('0f8fad5b-d9cb-469f-a165-70867728950e'))).not.to.throw();
          await settle();
          expect(ids()).to.deep.equal(['0f8fad5b-d9cb-469f-a165-70867728950e']);
        });
      }
    });

    describe('retries', () => {
      const failures: Array<[string, number | 'offline']> = [
        ['the endpoint answers 503', 503],
        ['the endpoint answers 400', 400],
        ['the network fails', 'offline'],
      ];
      for (const [why, status] of failures) {
        it(`keeps the record when ${why}, and the next page load delivers it exactly once`, async () => {
          const failing = fakeFetcher(status);
          expect(() => new ConsentLog('/consent', failing.fetcher, localStorage).send(proof('0f8fad5b-d9cb-469f-a165-70867728950e'))).not.to.throw();
          await settle();
          expect(failing.calls).to.have.length(1);
          expect(await nextPageLoad()).to.deep.equal(['0f8fad5b-d9cb-469f-a165-70867728950e']);
          expect(await nextPageLoad()).to.deep.equal([]);
        });
      }

      it('never queues the same record twice', async () => {
        const log = new ConsentLog('/consent', fakeFetcher(503).fetcher, localStorage);
        log.send(proof('0f8fad5b-d9cb-469f-a165-70867728950e'));
        await settle();
        log.send(proof('0f8fad5b-d9cb-469f-a165-70867728950e'));
        await settle();
        expect(await nextPageLoad()).to.deep.equal(['0f8fad5b-d9cb-469f-a165-70867728950e']);
      });

      it('keeps every failed record, in order, until each is delivered', async () => {
        const log = new ConsentLog('/consent', fakeFetcher('offline').fetcher, localStorage);
        log.send(proof('0f8fad5b-d9cb-469f-a165-70867728950e'));
        await settle();
        log.send(proof('7c9e6679-7425-40de-944b-e07fc1f90ae7'));
        await settle();
        expect(await nextPageLoad()).to.deep.equal(['0f8fad5b-d9cb-469f-a165-70867728950e', '7c9e6679-7425-40de-944b-e07fc1f90ae7']);
        expect(await nextPageLoad()).to.deep.equal([]);
      });

      it('keeps each decision of one visitor (one id, two times) until each is delivered', async () => {
        const log = new ConsentLog('/consent', fakeFetcher('offline').fetcher, localStorage);
        log.send(proof('0f8fad5b-d9cb-469f-a165-70867728950e'));
        await settle();
        log.send({ ...proof('0f8fad5b-d9cb-469f-a165-70867728950e'), timestamp: '2025-06-01T10:00:00.000Z', decision: 'withdraw' });
        await settle();
        const next = fakeFetcher(201);
        await new ConsentLog('/consent', next.fetcher, localStorage).flush();
        expect(next.calls.map((call) => JSON.parse(String(call.init.body)).decision)).to.deep.equal(['custom', 'withdraw']);
        expect(await nextPageLoad()).to.deep.equal([]);
      });

      it('ignores a queue that is not valid JSON instead of throwing', async () => {
        localStorage.setItem('cookie_consent_log', '{not json');
        expect(await nextPageLoad()).to.deep.equal([]);
      });
    });
  });
});
