/**
 * The size check itself (bench/built-sizes.mjs), on a scratch package folder with a fake dist/ and
 * record: it must catch a file over its record, a file that shrank without lowering it, a missing
 * file, and a script-tag file over its budget, as `npm run size` reports it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BUDGET, overBudget, readRecord, readSizes, RECORD_FILE, RECORD_SLACK, recordProblem, SCRIPT_TAG_FILE } from '../../bench/built-sizes.mjs';

// Worked out here rather than by the module under test, so a wrong compression level fails.
const gzipSize = (body) => gzipSync(body, { level: 9 }).length;
const checkSize = fileURLToPath(new URL('../../bench/check-size.mjs', import.meta.url));

describe('size check (bench/built-sizes.mjs)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'built-sizes-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  mkdirSync(join(scratch, 'dist'));
  mkdirSync(join(scratch, 'bench'));
  // Text compresses well and random bytes do not: a small file, and one whose gzip size stays over the budget.
  const small = `console.log(${JSON.stringify('x'.repeat(5000))});`;
  const large = randomBytes(BUDGET + 1000);
  writeFileSync(join(scratch, SCRIPT_TAG_FILE), large);
  writeFileSync(join(scratch, 'dist/small.js'), small);

  it('reads each file once: its raw and gzip -9 size, null for a missing one', () => {
    const sizes = readSizes(scratch, ['dist/small.js', 'dist/absent.js']);
    assert.deepEqual(sizes, { 'dist/small.js': { raw: small.length, gzip: gzipSize(small) }, 'dist/absent.js': null });
  });

  it('reads the recorded sizes from bench/size-record.json', () => {
    writeFileSync(join(scratch, RECORD_FILE), JSON.stringify({ description: 'scratch', gzip: { 'dist/small.js': 100 } }));
    assert.deepEqual(readRecord(scratch), { 'dist/small.js': 100 });
  });

  const size = gzipSize(small);
  for (const { name, recorded, problem } of [
    { name: 'a file at its record holds', recorded: size, problem: null },
    { name: 'a file that shrank by less than the slack holds', recorded: size + RECORD_SLACK - 1, problem: null },
    { name: 'a file over its record fails, with its size and record', recorded: size - 1, problem: `dist/small.js grew to ${size} B gzip -9, over its record of ${size - 1} B` },
    { name: 'a file that shrank by the slack or more asks for the record to be lowered', recorded: size + RECORD_SLACK, problem: `dist/small.js shrank to ${size} B gzip -9: lower its record in bench/size-record.json to keep the gain` },
  ]) {
    it(name, () => {
      assert.equal(recordProblem('dist/small.js', readSizes(scratch, ['dist/small.js'])['dist/small.js'], recorded), problem);
    });
  }

  it('fails a missing file against its record', () => {
    assert.equal(recordProblem('dist/absent.js', readSizes(scratch, ['dist/absent.js'])['dist/absent.js'], 100), 'dist/absent.js is missing; run `npm run build` first');
  });

  it('finds a script-tag file over its budget, and by how much', () => {
    const sizes = readSizes(scratch, [SCRIPT_TAG_FILE, 'dist/small.js']);
    assert.equal(overBudget(sizes[SCRIPT_TAG_FILE]), gzipSize(large) - BUDGET);
    assert.ok(overBudget(sizes[SCRIPT_TAG_FILE]) > 0);
    assert.ok(overBudget(sizes['dist/small.js']) <= 0);
  });

  it('makes `npm run size` fail on a fake dist/ whose script-tag file is over the budget', () => {
    const result = spawnSync(process.execPath, [checkSize, '--file', join(scratch, SCRIPT_TAG_FILE), '--locales', join(scratch, 'no-locales')], { cwd: scratch, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stderr, new RegExp(`is ${(gzipSize(large) - BUDGET).toLocaleString('en-GB')} B over its 12,288 B gzip budget`));
  });
});
