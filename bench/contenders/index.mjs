import { options } from '../lib/options.mjs';
import { floor } from './floor.mjs';
import { klaro } from './klaro.mjs';
import { osano } from './osano.mjs';
import { ours } from './ours.mjs';
import { vanilla } from './vanilla.mjs';

/**
 * Who is measured, and how each one is recognised on the wire and driven through its API: the
 * ones `--only` names, in this order.
 */
export const CONTENDERS = [floor, ours, vanilla, klaro, osano].filter((contender) => !options.only || options.only.split(',').includes(contender.id));
