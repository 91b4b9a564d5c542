import { CONTENDERS } from '../contenders/index.mjs';
import { CPU_SLOWDOWN } from '../lib/devtools.mjs';
import { ROUNDS } from '../lib/options.mjs';
import { printTable, RETURNING_COLUMNS } from './table.mjs';

export function printReturning(returning) {
  console.log(`\nReturning visitor: the page view after "Accept all" (median of ${ROUNDS}, CPU slowed ${CPU_SLOWDOWN}x; the floor has no decision to keep)`);
  printTable(
    [
      ['contender', ...RETURNING_COLUMNS.map((column) => column.title), 'before DCL end', 'files loaded', 'rounds ok'],
      ['', ...RETURNING_COLUMNS.map((column) => column.unit), 'requested / ran', '', ''],
    ],
    CONTENDERS.filter((contender) => returning[contender.id]).map((contender) => {
      const { median: values, ok, runs } = returning[contender.id];
      const good = runs.filter((run) => !run.error);
      const files = good[0]?.widgetFiles.map(({ path }) => path.split('/').pop()).join(' ') ?? '—';
      return [
        contender.label,
        ...RETURNING_COLUMNS.map((column) => (values[column.key] == null ? '—' : column.format(values[column.key]))),
        `${good.filter((run) => run.releasedBeforeDomContentLoaded).length} / ${good.filter((run) => run.ranBeforeDomContentLoaded).length} of ${good.length}`,
        files,
        `${ok}/${ROUNDS}`,
      ];
    }),
  );
  const failed = Object.entries(returning).flatMap(([id, { runs }]) => [...new Set(runs.filter((run) => run.error).map((run) => run.error))].map((error) => `${id}: ${error}`));
  if (failed.length) console.log(`  failed rounds: ${failed.join(' | ')}`);
}
