/**
 * Holds the built files to the sizes recorded in bench/size-record.json: a change that makes a file
 * bigger fails here until it raises the record itself (and says why), and one that makes it clearly
 * smaller asks for the record to be lowered, so the gain is kept. The sizes are read once and checked
 * by bench/built-sizes.mjs, which also checks the script-tag file's budget for `npm run size`
 * (bench/check-size.mjs).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readRecord, readSizes, recordProblem } from '../../bench/built-sizes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const record = readRecord(root);
const sizes = readSizes(root, Object.keys(record));

describe('size record (bench/size-record.json)', () => {
  for (const [file, recorded] of Object.entries(record)) {
    it(`${file} is no larger than its recorded ${recorded} B gzip -9`, () => {
      const problem = recordProblem(file, sizes[file], recorded);
      assert.equal(problem, null, problem);
    });
  }
});
