import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
const script = fileURLToPath(new URL('./check-size.mjs', import.meta.url));

/** Runs the size check from the package root, as CI does. */
const run = (args = []) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });

describe('size budget (bench/check-size.mjs)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'size-budget-'));
  const noLocales = join(scratch, 'no-locales');
  mkdirSync(noLocales);
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('dist/cookie-consent.min.js is within 12 KB gzip', () => {
    const result = run();
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /cookie-consent\.min\.js: [\d,]+ B gzip -9 .*budget 12,288 B: OK/);
  });

  it('prints the gzip -9 size and passes a file within budget', () => {
    const file = join(scratch, 'small.js');
    const body = `console.log(${JSON.stringify('x'.repeat(5000))});`;
    writeFileSync(file, body);
    const expected = gzipSync(body, { level: 9 }).length;
    const result = run(['--file', file, '--locales', noLocales]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes(`${expected.toLocaleString('en-GB')} B gzip -9`), result.stdout);
  });

  it('fails a file over budget and says by how much', () => {
    const file = join(scratch, 'large.js');
    // Random bytes do not compress, so 13,000 of them stay over 12,288 after gzip.
    writeFileSync(file, randomBytes(13_000));
    const result = run(['--file', file, '--locales', noLocales]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /OVER by [\d,]+ B/);
    assert.match(result.stderr, /over its 12,288 B gzip budget/);
  });

  it('fails when the build is missing', () => {
    const result = run(['--file', join(scratch, 'absent.js')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /missing; run `npm run build` first/);
  });

  it('prints the files fetched on demand, the preferences panel and the consent log, without budgeting them', () => {
    const file = join(scratch, 'first.js');
    const panel = join(scratch, 'panel.js');
    const log = join(scratch, 'log.js');
    writeFileSync(file, 'export {};');
    writeFileSync(panel, randomBytes(20_000));
    writeFileSync(log, randomBytes(30_000));
    const result = run(['--file', file, '--panel', panel, '--log', log, '--locales', noLocales]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /on demand \(not budgeted\): .*panel\.js 2\d,\d{3} B gzip -9, the preferences dialog/);
    assert.match(result.stdout, /on demand \(not budgeted\): .*log\.js 3\d,\d{3} B gzip -9, the consent log/);
  });

  it('lists the on-demand languages for information without budgeting them', () => {
    const file = join(scratch, 'tiny.js');
    const locales = join(scratch, 'locales');
    mkdirSync(locales);
    writeFileSync(file, 'export {};');
    writeFileSync(join(locales, 'cy.js'), randomBytes(20_000));
    const result = run(['--file', file, '--locales', locales]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /not budgeted\): cy\.js [\d,]+ B/);
    assert.match(result.stdout, /largest visit: [\d,]+ B \(with cy\.js\)/);
  });
});
