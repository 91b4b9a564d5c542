/**
 * Holds the built files to the sizes recorded in bench/size-record.json: a change that makes a file
 * bigger fails here until it raises the record itself (and says why), and one that makes it clearly
 * smaller asks for the record to be lowered, so the gain is kept. The budgets (the script-tag file at
 * most 7 KB, with the interface at most 18 KB on a first visit) are checked by `npm run size`
 * (bench/check-size.mjs).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const record = JSON.parse(readFileSync(new URL('bench/size-record.json', root), 'utf8'));
/** A change smaller than this (compressor noise from an unrelated edit) does not move the record. */
const SLACK = 128;

describe('size record (bench/size-record.json)', () => {
  for (const [file, recorded] of Object.entries(record.gzip)) {
    it(`${file} is no larger than its recorded ${recorded} B gzip -9`, () => {
      const path = fileURLToPath(new URL(file, root));
      assert.ok(existsSync(path), `${file} is missing; run \`npm run build\` first`);
      const size = gzipSync(readFileSync(path), { level: 9 }).length;
      assert.ok(size <= recorded, `${file} grew to ${size} B gzip -9, over its record of ${recorded} B`);
      assert.ok(size > recorded - SLACK, `${file} shrank to ${size} B gzip -9: lower its record in bench/size-record.json to keep the gain`);
    });
  }
});
