import { CONTENDERS } from '../contenders/index.mjs';
import { ROUNDS, SCALE_ROUNDS } from '../lib/options.mjs';
import { spread } from '../lib/stats.mjs';
import { INSERT_BATCH, INSERT_REPEATS, INSERTED_NODES } from '../measure/insert-nodes.mjs';
import { SCALE_SIZES } from '../measure/scaling.mjs';
import { printTable } from './table.mjs';

export function printScaling(scaling) {
  const cell = (entry) => (!entry ? '—' : entry.ms == null ? `failed` : entry.ms.toFixed(1));
  const growth = (entries) => {
    const [, mid, high] = SCALE_SIZES.map((n) => entries?.[n]?.ms);
    return mid && high ? (high / SCALE_SIZES[2] / (mid / SCALE_SIZES[1])).toFixed(2) : '—';
  };
  const section = (title, key, reasons) => {
    console.log(`\n${title}`);
    printTable(
      [['contender', ...SCALE_SIZES.map((n) => `N=${n.toLocaleString('en-GB')}`), 'per-item ms 100→1,000'], ['', ...SCALE_SIZES.map(() => 'ms'), '(ratio)']],
      CONTENDERS.filter((contender) => contender.id !== 'floor').map((contender) =>
        scaling[key][contender.id]
          ? [contender.label, ...SCALE_SIZES.map((n) => cell(scaling[key][contender.id][n])), growth(scaling[key][contender.id])]
          : [contender.label, reasons[contender.id] ?? 'not run', '', '', ''],
      ),
    );
  };
  section(`Activation: "accept all" until N held inline scripts have run (median of ${SCALE_ROUNDS})`, 'activation', {
    osano: 'n/a: no blocker',
    ours: 'n/a: no build',
  });
  section(`Preferences dialog: showPreferences() until open with N cookie rows painted (median of ${SCALE_ROUNDS})`, 'dialog', {
    klaro: 'n/a: dialog lists services, no cookie table',
    osano: 'n/a: no preferences dialog',
    ours: 'n/a: no build',
  });
}

export function printOverhead(results) {
  const base = results.floor?.median.insertMs;
  console.log(
    `\nBlocker overhead: a script appends ${INSERTED_NODES.toLocaleString('en-GB')} mixed nodes in batches of ${INSERT_BATCH}, timed in-page before consent` +
      `\n(median over ${ROUNDS} loads of the fastest of ${INSERT_REPEATS} timed repeats; peers observe no insertions: what they add is noise, or their stylesheets and heap)`,
  );
  printTable(
    [['page', 'insert', 'spread', 'overhead'], ['', 'ms', '± %', 'vs floor']],
    CONTENDERS.filter((contender) => results[contender.id]?.ok).flatMap((contender) => {
      const row = (label, key) => {
        const ms = results[contender.id].median[key];
        const noise = spread(results[contender.id].runs.map((run) => run[key]));
        return [
          label,
          ms == null ? 'failed' : ms.toFixed(1),
          noise == null ? '—' : (noise * 100).toFixed(1),
          key === 'insertMs' && contender.id === 'floor' ? '' : ms == null || !base ? '' : `${(((ms - base) / base) * 100).toFixed(1)} %`,
        ];
      };
      if (contender.id !== 'floor') return [row(contender.label, 'insertMs')];
      return [row('without a widget (floor)', 'insertMs'), row('floor + an empty MutationObserver', 'observedInsertMs')];
    }),
  );
}
