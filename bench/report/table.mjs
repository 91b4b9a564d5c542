/** The columns of the tables, and how a table is printed. */

export const COLUMNS = [
  { key: 'widgetBytes', title: 'widget gz', unit: 'B', format: (v) => Math.round(v).toLocaleString('en-GB') },
  { key: 'configBytes', title: 'config gz', unit: 'B', format: (v) => Math.round(v).toLocaleString('en-GB'), noRatio: true },
  { key: 'acceptMs', title: 'Accept usable', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'acceptHitMs', title: '(clickable)', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'scriptMs', title: 'script', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'taskMs', title: 'tasks', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'longTasks', title: 'long tasks', unit: 'n', format: (v) => String(v) },
  { key: 'longTaskMs', title: 'long task', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'tbtMs', title: 'TBT', unit: 'ms', format: (v) => v.toFixed(1) },
  { key: 'fcpMs', title: 'FCP', unit: 'ms', format: (v) => v.toFixed(0) },
  { key: 'lcpMs', title: 'LCP', unit: 'ms', format: (v) => v.toFixed(0) },
  { key: 'cls', title: 'CLS', unit: '', format: (v) => v.toFixed(3) },
  { key: 'heapMB', title: 'JS heap', unit: 'MB', format: (v) => v.toFixed(2) },
];

export const RETURNING_COLUMNS = [
  ...COLUMNS.filter((column) => ['widgetBytes', 'scriptMs', 'taskMs', 'tbtMs', 'fcpMs', 'lcpMs'].includes(column.key)),
  { key: 'analyticsRequestedMs', title: 'analytics requested', unit: 'ms', format: (v) => v.toFixed(0) },
  { key: 'analyticsMs', title: 'analytics ran', unit: 'ms', format: (v) => v.toFixed(0) },
  { key: 'domContentLoadedMs', title: 'DCL end', unit: 'ms', format: (v) => v.toFixed(0) },
];

/** Prints rows under a header and a rule, the first `rightAlignFrom` columns left-aligned, the rest right-aligned. */
export function printTable(header, rows, rightAlignFrom = 1) {
  const all = [...header, ...rows];
  const widths = all[0].map((_, column) => Math.max(...all.map((row) => String(row[column] ?? '').length)));
  const line = (row) =>
    row.map((cell, column) => (column < rightAlignFrom ? String(cell ?? '').padEnd(widths[column]) : String(cell ?? '').padStart(widths[column]))).join('  ').trimEnd();
  header.forEach((row) => console.log(line(row)));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

export const ratio = (value, base) => (value == null || base == null ? '—' : base === 0 ? (value === 0 ? '1.00' : '—') : (value / base).toFixed(2));
