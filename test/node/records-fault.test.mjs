/**
 * Durability: the service, as `cookie-consent records serve` runs it, killed with SIGKILL in the
 * middle of a load of concurrent writers, then started again on the same data folder or database.
 * Every record it acknowledged is there, and none twice.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { backends, post, read, record, startService } from './records-helpers.mjs';

const WRITERS = 20;
/** Killed once this many records are acknowledged, with more in flight. */
const ACKNOWLEDGED_BEFORE_KILL = 300;

for (const backend of backends) {
  describe(`consent records on ${backend.name}: SIGKILL under load`, { skip: backend.skip }, () => {
    let place;
    const children = [];
    before(async () => {
      place = await backend.place();
    });
    after(async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await place?.remove();
    });

    it('keeps every acknowledged record, once, after a restart on the same store', { timeout: 120_000 }, async () => {
      const first = await startService(place);
      children.push(first.child);
      const acknowledged = [];
      let killed = false;
      const exited = once(first.child, 'exit');
      const writer = async () => {
        while (!killed) {
          const sent = record({ id: randomUUID(), timestamp: new Date().toISOString() });
          try {
            const response = await post(`${first.base}/consent`, sent);
            if (response.status === 201 || response.status === 200) acknowledged.push(`${sent.id} ${sent.timestamp}`);
            else assert.fail(`answered ${response.status}: ${await response.text()}`);
          } catch (error) {
            // The connection died with the process: this record was never acknowledged.
            if (!killed) throw error;
          }
          if (!killed && acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, writer));
      const [, signal] = await exited;
      assert.equal(signal, 'SIGKILL');

      const second = await startService(place);
      children.push(second.child);
      const response = await read(`${second.base}/export?format=jsonl`);
      assert.equal(response.status, 200);
      const stored = (await response.text()).trim().split('\n').map((line) => {
        const { id, timestamp } = JSON.parse(line);
        return `${id} ${timestamp}`;
      });
      const missing = acknowledged.filter((key) => !stored.includes(key));
      assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged records lost`);
      assert.equal(new Set(stored).size, stored.length, 'no record stored twice');
      assert.ok(stored.length >= acknowledged.length && stored.length <= acknowledged.length + WRITERS, `${stored.length} stored: the acknowledged ${acknowledged.length}, and at most one in flight per writer`);

      // A re-sent record (the widget did not see its answer) is acknowledged and not stored again.
      const [id, timestamp] = acknowledged[0].split(' ');
      assert.equal((await post(`${second.base}/consent`, record({ id, timestamp }))).status, 200);

      second.child.kill('SIGTERM');
      const [code] = await once(second.child, 'exit');
      assert.equal(code, 0, `a clean stop on SIGTERM:\n${second.output()}`);
    });
  });
}
