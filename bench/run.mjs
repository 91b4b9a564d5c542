/**
 * The benchmark: our widget against vanilla-cookieconsent, Klaro and Osano cookieconsent, and a
 * floor (the same banner as static HTML, no script). See bench/README.md for what each figure means.
 *
 *   node bench/run.mjs [--rounds 10] [--scale-rounds 3] [--settle 1000] [--only ours,vanilla]
 *                      [--no-scaling] [--json bench/results/latest.json]
 *
 * `npm run bench` builds first. Without dist/cookie-consent.min.js our widget is left out and said so.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CONTENDERS } from './contenders/index.mjs';
import { CPU_SLOWDOWN } from './lib/devtools.mjs';
import { options, ROUNDS, SCALE_ROUNDS, SETTLE } from './lib/options.mjs';
import { median } from './lib/stats.mjs';
import { measureCost } from './measure/cost.mjs';
import { measureReturning } from './measure/returning.mjs';
import { measureScaling } from './measure/scaling.mjs';
import { measureTiming } from './measure/timing.mjs';
import { printMain, printNotes } from './report/main-table.mjs';
import { printReturning } from './report/returning-table.mjs';
import { printOverhead, printScaling } from './report/scaling-table.mjs';
import { COLUMNS, RETURNING_COLUMNS } from './report/table.mjs';
import { checkTargets } from './report/targets.mjs';
import { startServer } from './server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One round of a contender: the timing pass, then the cost pass. */
async function measureLoad(browser, origin, contender) {
  const timing = await measureTiming(browser, origin, contender);
  if (timing.error) return { error: `timing pass: ${timing.error}` };
  const cost = await measureCost(browser, origin, contender, timing.acceptMs);
  if (cost.error) return { error: `cost pass: ${cost.error}`, ...timing };
  return { ...timing, ...cost };
}

async function main() {
  const started = Date.now();
  const hasBuild = existsSync(resolve(ROOT, 'dist/cookie-consent.min.js'));
  const contenders = CONTENDERS.filter((contender) => contender.id !== 'ours' || hasBuild);
  if (!hasBuild && CONTENDERS.some((contender) => contender.id === 'ours')) {
    console.log('dist/cookie-consent.min.js is missing (run `npm run build`): our widget is left out of this run.');
  }
  const server = await startServer();
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    defaultViewport: { width: 1280, height: 800 },
  });
  let last = Date.now();
  const progress = (text) => {
    if (process.env.BENCH_DEBUG) process.stderr.write(`  (${Date.now() - last} ms)\n${text}`);
    else if (process.stderr.isTTY) process.stderr.write(`\r${text}`.padEnd(70));
    last = Date.now();
  };
  try {
    const version = await browser.version();
    console.log(`${version}, Node ${process.version}, ${cpus().length} CPUs, served gzip -9 from ${server.origin}`);

    // Warm-up: one load each, not counted; it also checks that "Accept all" releases the tags.
    const consentChecks = {};
    for (const contender of contenders) {
      progress(`warm-up: ${contender.id}`);
      consentChecks[contender.id] = await measureTiming(browser, server.origin, contender, { checkConsent: true });
    }

    /**
     * ROUNDS measurements of each contender, interleaved, the order rotating each round so no one
     * always goes first; each contender's runs with how many succeeded and the median of `keys`.
     */
    const measureRounds = async (list, label, measure, keys) => {
      const runs = Object.fromEntries(list.map((contender) => [contender.id, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (let step = 0; step < list.length; step++) {
          const contender = list[(round + step) % list.length];
          progress(`${label} ${round + 1}/${ROUNDS}: ${contender.id}`);
          runs[contender.id].push(await measure(browser, server.origin, contender));
        }
      }
      return Object.fromEntries(
        list.map(({ id }) => {
          const good = runs[id].filter((run) => !run.error);
          return [id, { runs: runs[id], ok: good.length, median: Object.fromEntries(keys.map((key) => [key, median(good.map((run) => run[key]))])) }];
        }),
      );
    };
    const results = await measureRounds(contenders, 'round', measureLoad, [...COLUMNS.map((column) => column.key), 'insertMs', 'observedInsertMs']);
    // Returning visitors: the floor has no decision to come back to.
    const returners = contenders.filter((contender) => contender.id !== 'floor');
    const returning = await measureRounds(returners, 'returning', measureReturning, RETURNING_COLUMNS.map((column) => column.key));

    let scaling = null;
    if (!options['no-scaling']) {
      scaling = await measureScaling(browser, server.origin, contenders, progress);
    }
    if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(71) + '\r');

    const best = printMain(results);
    printNotes(results, consentChecks);
    printReturning(returning);
    printOverhead(results);
    if (scaling) {
      printScaling(scaling);
      const failures = Object.entries(scaling).flatMap(([kind, byContender]) =>
        Object.entries(byContender).flatMap(([id, value]) =>
          Object.entries(value).filter(([, summary]) => summary.errors.length).map(([n, summary]) => `${kind} ${id} N=${n}: ${summary.errors.join(' | ')}`),
        ),
      );
      if (failures.length) console.log(`\nScaling runs that failed:\n  ${failures.join('\n  ')}`);
    }
    const targets = checkTargets(results, scaling, returning);
    if (!hasBuild) console.log('  (our widget was not built, so its targets are not measured)');

    const seconds = (Date.now() - started) / 1000;
    console.log(`\n${ROUNDS} rounds in ${seconds.toFixed(0)} s; raw figures in ${options.json}`);
    const output = resolve(ROOT, options.json);
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(
      output,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          environment: { browser: version, node: process.version, cpus: cpus().length, cpuSlowdown: CPU_SLOWDOWN, rounds: ROUNDS, scaleRounds: SCALE_ROUNDS, settleMs: SETTLE, gzipLevel: 9 },
          contenders: Object.fromEntries(
            contenders.map((contender) => [contender.id, { label: contender.label, note: contender.note ?? null, consentCheck: consentChecks[contender.id], ...results[contender.id] }]),
          ),
          bestPeer: Object.fromEntries(Object.entries(best).map(([key, contender]) => [key, contender.id])),
          returning,
          scaling,
          targets,
          seconds,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
