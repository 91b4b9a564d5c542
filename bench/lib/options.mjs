/**
 * The options of bench/run.mjs, read once from the command line: an option out of range ends the
 * run before anything is measured.
 */
import { parseArgs } from 'node:util';

export const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    'scale-rounds': { type: 'string', default: '3' },
    settle: { type: 'string', default: '1000' },
    only: { type: 'string' },
    'no-scaling': { type: 'boolean', default: false },
    json: { type: 'string', default: 'bench/results/latest.json' },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('node bench/run.mjs [--rounds 10] [--scale-rounds 3] [--settle 1000] [--only floor,ours,...] [--no-scaling] [--json path]');
  process.exit(0);
}
const positiveInteger = (name) => {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} expects a whole number of at least 1, got "${options[name]}"`);
    process.exit(2);
  }
  return value;
};
export const ROUNDS = positiveInteger('rounds');
export const SCALE_ROUNDS = positiveInteger('scale-rounds');
export const SETTLE = Number(options.settle);
if (!Number.isFinite(SETTLE) || SETTLE < 0) {
  console.error(`--settle expects milliseconds, got "${options.settle}"`);
  process.exit(2);
}
if (ROUNDS < 10) console.log(`Only ${ROUNDS} round(s): fewer than the 10 the figures are meant for; read them as indicative.`);
