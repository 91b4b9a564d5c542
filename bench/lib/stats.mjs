/** The figures drawn from many loads, and from the probe's entries. */

/** The median of the finite numbers among `values`; null when there are none. */
export const median = (values) => {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Cumulative layout shift as Chromium defines it: the worst session window (1 s gap, 5 s cap). */
export function cumulativeLayoutShift(shifts) {
  let worst = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { start, value } of [...shifts].sort((a, b) => a.start - b.start)) {
    if (start - last > 1000 || start - first > 5000) {
      current = 0;
      first = start;
    }
    current += value;
    last = start;
    worst = Math.max(worst, current);
  }
  return worst;
}

/** Lighthouse's Total Blocking Time over the probe's long tasks: the part of each beyond 50 ms. */
export const totalBlockingTime = (longTasks) => longTasks.reduce((sum, { duration }) => sum + Math.max(0, duration - 50), 0);

/** Per-load spread of the insertion time: half the interquartile range, as a share of the median. */
export function spread(values) {
  const sorted = values.filter(Number.isFinite).sort((x, y) => x - y);
  if (sorted.length < 4) return null;
  const at = (q) => sorted[Math.round(q * (sorted.length - 1))];
  return (at(0.75) - at(0.25)) / 2 / median(sorted);
}
