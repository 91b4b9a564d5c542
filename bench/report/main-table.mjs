import { CONTENDERS } from '../contenders/index.mjs';
import { CPU_SLOWDOWN } from '../lib/devtools.mjs';
import { ROUNDS } from '../lib/options.mjs';
import { COLUMNS, printTable, ratio } from './table.mjs';

/** The main table and the ratios to the floor and the best peer; returns the best peer of each column. */
export function printMain(results) {
  const present = CONTENDERS.filter((contender) => results[contender.id]);
  console.log(`\nMain table: median of ${ROUNDS} interleaved cold loads, CPU slowed ${CPU_SLOWDOWN}x, fresh incognito context each`);
  printTable(
    [['contender', ...COLUMNS.map((column) => column.title), 'rounds ok'], ['', ...COLUMNS.map((column) => column.unit), '']],
    present.map((contender) => {
      const { median: values, ok } = results[contender.id];
      return [contender.label, ...COLUMNS.map((column) => (values[column.key] == null ? '—' : column.format(values[column.key]))), `${ok}/${ROUNDS}`];
    }),
  );

  const peers = present.filter((contender) => contender.peer && results[contender.id].ok);
  const best = {};
  for (const column of COLUMNS) {
    const candidates = peers.filter((peer) => results[peer.id].median[column.key] != null);
    if (candidates.length) best[column.key] = candidates.reduce((a, b) => (results[b.id].median[column.key] < results[a.id].median[column.key] ? b : a));
  }
  const floor = results.floor?.median ?? {};
  const ratioColumns = COLUMNS.filter((column) => !column.noRatio);
  console.log('\nRatios: median ÷ floor / median ÷ best peer (lower is better; — where the base is zero or missing)');
  printTable(
    [['contender', ...ratioColumns.map((column) => column.title)]],
    present
      .filter((contender) => contender.id !== 'floor')
      .map((contender) => {
        const values = results[contender.id].median;
        return [
          contender.label,
          ...ratioColumns.map((column) => {
            const peer = best[column.key] && results[best[column.key].id].median[column.key];
            return `${ratio(values[column.key], floor[column.key])} / ${ratio(values[column.key], peer)}`;
          }),
        ];
      }),
  );
  console.log(`best peer per column: ${ratioColumns.map((column) => `${column.title} = ${best[column.key]?.id ?? '—'}`).join(', ')}`);
  return best;
}

/** One line per contender: how it was set up, whether it held and released the tags, what it loaded, what went wrong. */
export function printNotes(results, consentChecks) {
  console.log('\nSetup notes');
  for (const contender of CONTENDERS) {
    const result = results[contender.id];
    if (!result) continue;
    const check = consentChecks[contender.id];
    const parts = [];
    if (contender.note) parts.push(contender.note);
    if (contender.id !== 'floor') {
      const measured = result.runs.filter((run) => !run.error);
      parts.push(
        !measured.length ? 'tags held before consent: not checked' : measured.every((run) => run.heldBeforeConsent) ? 'tags held before consent: yes' : 'tags held before consent: NO (a tag ran before consent)',
      );
      if (check) parts.push(`tags released by a click on "Accept all": ${check.releasedOnAccept === true ? 'yes' : check.error ? `not checked (${check.error})` : 'NO'}`);
    }
    const lcpElements = [...new Set(result.runs.map((run) => run.lcpElement).filter(Boolean))];
    if (lcpElements.length) parts.push(`LCP element: ${lcpElements.join(' or ')}`);
    const files = result.runs.find((run) => run.widgetFiles)?.widgetFiles ?? [];
    if (files.length) parts.push(`files: ${files.map((file) => `${file.path.replace(/^\/node_modules\//, '')} ${file.bytes} B ${file.encoding}`).join(', ')}`);
    const errors = [...new Set(result.runs.flatMap((run) => (run.error ? [run.error] : run.errors ?? [])))];
    if (errors.length) parts.push(`problems: ${errors.slice(0, 3).join(' | ')}`);
    console.log(`  ${contender.label}: ${parts.join('; ')}`);
  }
}
