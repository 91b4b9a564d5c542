import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
const script = fileURLToPath(new URL('./check-size.mjs', import.meta.url));

const BUDGET = 12_288;

/** Runs the size check from the package root, as CI does. */
const run = (args = []) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
const gzipped = (body) => gzipSync(body, { level: 9 }).length;
const bytes = (count) => `${count.toLocaleString('en-GB')} B`;
const verdict = (size) => (size <= BUDGET ? `OK, ${bytes(BUDGET - size)} to spare` : `OVER by ${bytes(size - BUDGET)}`);

describe('size budget (bench/check-size.mjs)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'size-budget-'));
  const noLocales = join(scratch, 'no-locales');
  mkdirSync(noLocales);
  const absent = (file) => join(scratch, `absent-${file}`);
  /** Only the script-tag file, none of the later files. */
  const alone = (file) => ['--file', file, '--interface', absent('interface.js'), '--panel', absent('panel.js'), '--log', absent('log.js'), '--locales', noLocales];
  after(() => rmSync(scratch, { recursive: true, force: true }));

  // The verdict is the check's exit status; this test holds the check to the truth, computing the
  // real size itself, so it passes whether or not the build fits and fails if the check misreports it.
  it('reports the real script-tag file against its budget, and its exit status says whether it holds', (t) => {
    const file = join(root, 'dist/cookie-consent.min.js');
    assert.ok(existsSync(file), 'run `npm run build` first');
    const size = gzipped(readFileSync(file));
    const result = run();
    assert.ok(
      result.stdout.split('\n').includes(`script-tag file (a first visit before the banner works; a returning visit): dist/cookie-consent.min.js ${bytes(size)} gzip -9 (${bytes(readFileSync(file).length)} raw); budget 12,288 B: ${verdict(size)}`),
      result.stdout,
    );
    assert.equal(result.status, size <= BUDGET ? 0 : 1, `${result.stdout}${result.stderr}`);
    t.diagnostic(`script-tag file ${bytes(size)} of ${bytes(BUDGET)}: ${size <= BUDGET ? 'within budget' : 'OVER budget'}`);
  });

  it('prints the gzip -9 size and passes a script-tag file within budget', () => {
    const file = join(scratch, 'small.js');
    const body = `console.log(${JSON.stringify('x'.repeat(5000))});`;
    writeFileSync(file, body);
    const result = run(alone(file));
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^script-tag file .*small\\.js ${bytes(gzipped(body))} gzip -9 .*budget 12,288 B: OK, ${bytes(BUDGET - gzipped(body))} to spare$`, 'm'));
  });

  it('fails a script-tag file over its budget and says by how much', () => {
    const file = join(scratch, 'large.js');
    // Random bytes do not compress, so 13,000 of them stay over 12,288 after gzip.
    const body = randomBytes(13_000);
    writeFileSync(file, body);
    const result = run(alone(file));
    assert.equal(result.status, 1);
    assert.match(result.stdout, new RegExp(`^script-tag file .*budget 12,288 B: OVER by ${bytes(gzipped(body) - BUDGET)}$`, 'm'));
    assert.match(result.stderr, /the script-tag file, .*large\.js, is [\d,]+ B over its 12,288 B gzip budget/);
  });

  it('fails when the build is missing', () => {
    const result = run(['--file', join(scratch, 'absent.js')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /absent\.js is missing; run `npm run build` first/);
  });

  it('prints the files fetched later, without budgeting them, however large', () => {
    const file = join(scratch, 'first.js');
    const ui = join(scratch, 'interface.js');
    const panel = join(scratch, 'panel.js');
    const log = join(scratch, 'log.js');
    writeFileSync(file, 'export {};');
    writeFileSync(ui, randomBytes(15_000));
    writeFileSync(panel, randomBytes(20_000));
    writeFileSync(log, randomBytes(30_000));
    const result = run(['--file', file, '--interface', ui, '--panel', panel, '--log', log, '--locales', noLocales]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /later \(not budgeted\): .*interface\.js 1\d,\d{3} B gzip -9, the interface/);
    assert.match(result.stdout, /later \(not budgeted\): .*panel\.js 2\d,\d{3} B gzip -9, the preferences dialog/);
    assert.match(result.stdout, /later \(not budgeted\): .*log\.js 3\d,\d{3} B gzip -9, the consent log/);
    assert.match(result.stdout, /^largest visit \(not budgeted\): [\d,]+ B \(script-tag file \+ interface \+ panel\)$/m);
  });

  it('lists the languages for information without budgeting them, and the largest visit they make', () => {
    const file = join(scratch, 'tiny.js');
    const locales = join(scratch, 'locales');
    mkdirSync(locales);
    writeFileSync(file, 'export {};');
    const cy = randomBytes(20_000);
    writeFileSync(join(locales, 'cy.js'), cy);
    writeFileSync(join(locales, 'de.js'), 'export default {};');
    const largest = gzipped('export {};') + gzipped(cy);
    const result = run([...alone(file).slice(0, -2), '--locales', locales]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /not budgeted\): cy\.js [\d,]+ B, de\.js [\d,]+ B$/m);
    assert.match(result.stdout, new RegExp(`^largest visit \\(not budgeted\\): ${bytes(largest)} \\(script-tag file \\+ cy\\.js\\)$`, 'm'));
  });
});
