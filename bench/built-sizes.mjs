/**
 * The built files' sizes, read once, and the two checks made of them. The record
 * (bench/size-record.json): no built file grows unnoticed, and a file that clearly shrank lowers its
 * record so the gain is kept; `npm test` holds the build to it (test/node/size-record.test.mjs). The
 * budget: the script-tag file at most 12 KB gzip -9; `npm run size` checks it (bench/check-size.mjs).
 * Sizes are gzip -9 bytes (zlib level 9), as bench/server.mjs compresses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** All a first visit loads before the banner can be used, and all a returning visitor's page view loads. */
export const SCRIPT_TAG_FILE = 'dist/cookie-consent.min.js';
export const BUDGET = 12_288;
export const RECORD_FILE = 'bench/size-record.json';
/** A change smaller than this (compressor noise from an unrelated edit) does not move the record. */
export const RECORD_SLACK = 128;

export const gzipSize = (body) => gzipSync(body, { level: 9 }).length;

/** Each file's raw and gzip -9 size in bytes, keyed as given (relative to `root`, or absolute); null for a missing file. */
export function readSizes(root, files) {
  return Object.fromEntries(
    files.map((file) => {
      const path = resolve(root, file);
      if (!existsSync(path)) return [file, null];
      const body = readFileSync(path);
      return [file, { raw: body.length, gzip: gzipSize(body) }];
    }),
  );
}

/** The recorded gzip -9 size of each built file, from `root`'s bench/size-record.json. */
export const readRecord = (root) => JSON.parse(readFileSync(resolve(root, RECORD_FILE), 'utf8')).gzip;

/** What the record says of a file's size (from readSizes): null when it holds, else what is wrong and what to do. */
export function recordProblem(file, size, recorded, slack = RECORD_SLACK) {
  if (!size) return `${file} is missing; run \`npm run build\` first`;
  if (size.gzip > recorded) return `${file} grew to ${size.gzip} B gzip -9, over its record of ${recorded} B`;
  if (size.gzip <= recorded - slack) return `${file} shrank to ${size.gzip} B gzip -9: lower its record in ${RECORD_FILE} to keep the gain`;
  return null;
}

/** By how many bytes the script-tag file's size (from readSizes) is over the budget; zero or less when it holds. */
export const overBudget = (size, budget = BUDGET) => size.gzip - budget;
