import { SCALE_ROUNDS } from '../lib/options.mjs';
import { median } from '../lib/stats.mjs';
import { measureActivation } from './activation.mjs';
import { measureDialog } from './dialog.mjs';

export const SCALE_SIZES = [10, 100, 1000];

/**
 * Activation and the dialog at each of SCALE_SIZES, for each contender that has them, interleaved
 * and rotating like the main rounds: the median time of each case, how many succeeded, and why the
 * others failed.
 */
export async function measureScaling(browser, origin, contenders, progress) {
  const scaling = { activation: {}, dialog: {} };
  const cases = [];
  for (const contender of contenders) {
    for (const n of SCALE_SIZES) {
      if (contender.blocker) cases.push({ kind: 'activation', contender, n, run: () => measureActivation(browser, origin, contender, n) });
      if (contender.dialogReady) cases.push({ kind: 'dialog', contender, n, run: () => measureDialog(browser, origin, contender, n) });
    }
  }
  const samples = new Map(cases.map((entry) => [entry, []]));
  for (let round = 0; round < SCALE_ROUNDS; round++) {
    for (let step = 0; step < cases.length; step++) {
      const entry = cases[(round + step) % cases.length];
      progress(`scaling ${round + 1}/${SCALE_ROUNDS}: ${entry.kind} ${entry.contender.id}${entry.n ? ` N=${entry.n}` : ''}`);
      samples.get(entry).push(await entry.run());
    }
  }
  for (const [entry, list] of samples) {
    const good = list.filter((sample) => !sample.error);
    const summary = { ms: median(good.map((sample) => sample.ms)), ok: good.length, errors: [...new Set(list.filter((sample) => sample.error).map((sample) => sample.error))] };
    (scaling[entry.kind][entry.contender.id] ??= {})[entry.n] = summary;
  }
  return scaling;
}
