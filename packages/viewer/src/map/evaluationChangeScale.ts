import { scaleDiverging } from 'd3-scale';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { cssColorToHex } from './cssColorToHex.js';

/** The colour of a zone without an estimate: a neutral grey, apart from the scale's pale middle. */
export const NO_ESTIMATE_COLOR = '#a6a6a6';

/** A diverging colour scale of estimated changes (fractions: −0.3 for −30 %). */
export interface EvaluationChangeScale {
  /** Change → `#rrggbb`; NaN → {@link NO_ESTIMATE_COLOR}; beyond ±`limit` the end colours. */
  (change: number): string;
  /** The largest |change| coloured apart, a multiple of 10 % from 10 % to 100 %. */
  readonly limit: number;
}

/**
 * The diverging scale zones are coloured by: ColorBrewer RdBu (colour-blind safe), blue for a
 * fall in incidents, red for a rise, the pale middle for no change; symmetric around 0, out to
 * the largest |change| among the zones rounded up to 10 % (so 0 is always the middle, and a fall
 * and a rise of equal size look equally strong), at most ±100 %. The same scale draws the legend.
 *
 * @param changes - the zones' estimated changes; NaN (no estimate) is left out
 * @returns the scale, with its `limit`
 * @example
 * ```ts
 * const color = evaluationChangeScale([-0.31, -0.23, 0.08]);
 * color.limit; // 0.4
 * color(-0.4); // '#053061' (deep blue)
 * color(Number.NaN); // NO_ESTIMATE_COLOR
 * ```
 */
export function evaluationChangeScale(changes: readonly number[]): EvaluationChangeScale {
  const largest = Math.max(0, ...changes.filter(Number.isFinite).map(Math.abs));
  // Rounded to ten thousandths first, so that 0.3 (0.30000000000000004 × 10) stays 30 %.
  const limit = Math.min(1, Math.max(0.1, Math.ceil(Math.round(largest * 1e4) / 1e3) / 10));
  // RdBu runs red (t = 0) to blue (t = 1): a rise maps to the red end.
  const scale = scaleDiverging<string>([limit, 0, -limit], interpolateRdBu).clamp(true);
  const color = (change: number) =>
    Number.isFinite(change) ? cssColorToHex(scale(change)) : NO_ESTIMATE_COLOR;
  return Object.assign(color, { limit });
}
