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

const GUARD_BUDGET = 7168;
const FIRST_VISIT_BUDGET = 18_432;

/** Runs the size check from the package root, as CI does. */
const run = (args = []) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
const gzipped = (body) => gzipSync(body, { level: 9 }).length;
const bytes = (count) => `${count.toLocaleString('en-GB')} B`;
const verdict = (size, budget) => (size <= budget ? `OK, ${bytes(budget - size)} to spare` : `OVER by ${bytes(size - budget)}`);

describe('size budgets (bench/check-size.mjs)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'size-budget-'));
  const noLocales = join(scratch, 'no-locales');
  mkdirSync(noLocales);
  const smallInterface = join(scratch, 'small-interface.js');
  writeFileSync(smallInterface, 'export const attach = () => {};');
  after(() => rmSync(scratch, { recursive: true, force: true }));

  // The verdict is the check's exit status; this test holds the check to the truth, computing the
  // real sizes itself, so it passes whether or not the build fits and fails if the check misreports it.
  it('reports the real build against both budgets, and its exit status says whether both hold', (t) => {
    const guardFile = join(root, 'dist/cookie-consent.min.js');
    const interfaceFile = join(root, 'dist/cookie-consent.interface.js');
    assert.ok(existsSync(guardFile) && existsSync(interfaceFile), 'run `npm run build` first');
    const guard = gzipped(readFileSync(guardFile));
    const firstVisit = guard + gzipped(readFileSync(interfaceFile));
    const within = guard <= GUARD_BUDGET && firstVisit <= FIRST_VISIT_BUDGET;

    const result = run();
    const lines = result.stdout.split('\n');
    assert.ok(
      lines.includes(`guard: dist/cookie-consent.min.js ${bytes(guard)} gzip -9 (${bytes(readFileSync(guardFile).length)} raw); budget 7,168 B: ${verdict(guard, GUARD_BUDGET)}`),
      result.stdout,
    );
    assert.ok(
      lines.some((line) => line.startsWith('first visit: guard + dist/cookie-consent.interface.js ') && line.endsWith(` = ${bytes(firstVisit)}; budget 18,432 B: ${verdict(firstVisit, FIRST_VISIT_BUDGET)}`)),
      result.stdout,
    );
    assert.equal(result.status, within ? 0 : 1, `${result.stdout}${result.stderr}`);
    t.diagnostic(`guard ${bytes(guard)} of ${bytes(GUARD_BUDGET)}, first visit ${bytes(firstVisit)} of ${bytes(FIRST_VISIT_BUDGET)}: ${within ? 'within budget' : 'OVER budget'}`);
  });

  it('prints the gzip -9 sizes and passes a guard and interface within budget', () => {
    const file = join(scratch, 'small.js');
    const body = `console.log(${JSON.stringify('x'.repeat(5000))});`;
    writeFileSync(file, body);
    const guard = gzipped(body);
    const firstVisit = guard + gzipped(readFileSync(smallInterface));
    const result = run(['--file', file, '--interface', smallInterface, '--locales', noLocales]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^guard: .*small\\.js ${bytes(guard)} gzip -9 .*budget 7,168 B: OK, ${bytes(GUARD_BUDGET - guard)} to spare$`, 'm'));
    assert.match(result.stdout, new RegExp(`^first visit: .* = ${bytes(firstVisit)}; budget 18,432 B: OK, ${bytes(FIRST_VISIT_BUDGET - firstVisit)} to spare$`, 'm'));
  });

  it('fails a guard over its budget and says by how much', () => {
    const file = join(scratch, 'large.js');
    // Random bytes do not compress, so 8,000 of them stay over 7,168 after gzip.
    const body = randomBytes(8000);
    writeFileSync(file, body);
    const result = run(['--file', file, '--interface', smallInterface, '--locales', noLocales]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, new RegExp(`^guard: .*budget 7,168 B: OVER by ${bytes(gzipped(body) - GUARD_BUDGET)}$`, 'm'));
    assert.match(result.stderr, /the guard, .*large\.js, is [\d,]+ B over its 7,168 B gzip budget/);
  });

  it('fails a first visit over its budget even when the guard is within its own', () => {
    const file = join(scratch, 'guard.js');
    const ui = join(scratch, 'large-interface.js');
    writeFileSync(file, 'export {};');
    // 19,000 random bytes stay over 18,432 after gzip, whatever the guard adds.
    const body = randomBytes(19_000);
    writeFileSync(ui, body);
    const firstVisit = gzipped('export {};') + gzipped(body);
    const result = run(['--file', file, '--interface', ui, '--locales', noLocales]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^guard: .*budget 7,168 B: OK, [\d,]+ B to spare$/m);
    assert.match(result.stdout, new RegExp(`^first visit: .*large-interface\\.js .* = ${bytes(firstVisit)}; budget 18,432 B: OVER by ${bytes(firstVisit - FIRST_VISIT_BUDGET)}$`, 'm'));
    assert.match(result.stderr, /the first visit \(guard \+ interface\) is [\d,]+ B over its 18,432 B gzip budget/);
    assert.doesNotMatch(result.stderr, /the guard, /);
  });

  it('fails when the build is missing', () => {
    const result = run(['--file', join(scratch, 'absent.js')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /absent\.js is missing; run `npm run build` first/);
  });

  it('fails when the interface is missing, rather than counting the first visit as the guard alone', () => {
    const file = join(scratch, 'alone.js');
    writeFileSync(file, 'export {};');
    const result = run(['--file', file, '--interface', join(scratch, 'absent-interface.js'), '--locales', noLocales]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /absent-interface\.js is missing, so the first visit cannot be measured/);
    assert.doesNotMatch(result.stdout, /^first visit:/m);
  });

  it('prints the files fetched on demand, the preferences panel and the consent log, without budgeting them', () => {
    const file = join(scratch, 'first.js');
    const panel = join(scratch, 'panel.js');
    const log = join(scratch, 'log.js');
    writeFileSync(file, 'export {};');
    writeFileSync(panel, randomBytes(20_000));
    writeFileSync(log, randomBytes(30_000));
    const result = run(['--file', file, '--interface', smallInterface, '--panel', panel, '--log', log, '--locales', noLocales]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /on demand \(not budgeted\): .*panel\.js 2\d,\d{3} B gzip -9, the preferences dialog/);
    assert.match(result.stdout, /on demand \(not budgeted\): .*log\.js 3\d,\d{3} B gzip -9, the consent log/);
    assert.match(result.stdout, /^largest visit \(not budgeted\): [\d,]+ B \(guard \+ interface \+ panel\)$/m);
  });

  it('lists the on-demand languages for information without budgeting them, and the largest visit they make', () => {
    const file = join(scratch, 'tiny.js');
    const panel = join(scratch, 'small-panel.js');
    const locales = join(scratch, 'locales');
    mkdirSync(locales);
    writeFileSync(file, 'export {};');
    writeFileSync(panel, 'export {};');
    const cy = randomBytes(20_000);
    writeFileSync(join(locales, 'cy.js'), cy);
    writeFileSync(join(locales, 'de.js'), 'export default {};');
    const largest = gzipped('export {};') * 2 + gzipped(readFileSync(smallInterface)) + gzipped(cy);
    const result = run(['--file', file, '--interface', smallInterface, '--panel', panel, '--log', join(scratch, 'no-log.js'), '--locales', locales]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /not budgeted\): cy\.js [\d,]+ B, de\.js [\d,]+ B$/m);
    assert.match(result.stdout, new RegExp(`^largest visit \\(not budgeted\\): ${bytes(largest)} \\(guard \\+ interface \\+ panel \\+ cy\\.js\\)$`, 'm'));
  });
});
