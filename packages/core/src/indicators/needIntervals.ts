import { assertArgument } from '../errors.js';
import type { AreaInterpolator } from '../interpolate/createAreaInterpolator.js';
import { percentileRank } from '../priority/percentileRank.js';
import { normalQuantile } from '../stats/normal.js';
import { mulberry32 } from '../util/random.js';
import { type RankedIndicator, vulnerabilityFromRanks } from './vulnerabilityIndex.js';

/** One need indicator as published per area: the estimate and, optionally, its margin of error. */
export interface AreaIndicator {
  readonly name: string;
  readonly direction: 'higher' | 'lower';
  readonly weight?: number;
  readonly theme?: string;
  /** The estimate per area (table order). */
  readonly estimate: ArrayLike<number>;
  /** The margin of error per area at `confidence` (ACS publishes 90 % margins); none = exact. */
  readonly moe?: ArrayLike<number>;
}

/** Options of {@link needIntervals}. */
export interface NeedIntervalsOptions {
  /** Residents per area, to weight rates when they move to cells (as `interpolateAreas`). */
  readonly weightBy?: ArrayLike<number>;
  /** Cells to rank (e.g. populated ones), as `vulnerabilityIndex`. */
  readonly include?: ArrayLike<number>;
  /** Monte-Carlo draws (default 100). */
  readonly draws?: number;
  /** Confidence level of the published margins (default 0.9, the ACS's). */
  readonly confidence?: number;
  /** Central share of the draws the interval covers (default 0.9: 5th to 95th percentile). */
  readonly interval?: number;
  readonly seed?: number;
}

/** The interval of each cell's need index under the areas' sampling error. */
export interface NeedIntervals {
  /** Lower bound of the need index (the (1 − interval)/2 quantile of the draws). */
  readonly low: Float64Array;
  /** Upper bound. */
  readonly high: Float64Array;
  /** Draws made. */
  readonly draws: number;
}

/**
 * Propagates the areas' margins of error (ACS `*_moe` attributes) into an interval for each cell's
 * need index, by Monte Carlo: each draw replaces every estimate by estimate + (moe / z)·N(0, 1),
 * z the normal quantile of the margins' confidence (1.645 at 90 %, US Census Bureau, "Understanding
 * and Using ACS Data", 2020), truncated at 0 as counts and rates cannot be negative; moves the
 * drawn values to the cells with the same shares as the estimates; and ranks them again as
 * `vulnerabilityIndex` does. The interval is the central `interval` share of the draws.
 *
 * @param interpolator - the area-to-cell shares (`interpolateAreas(…).interpolator`)
 * @param indicators - estimates and margins per area
 * @param options - weights, inclusion mask, draws, confidence, interval, seed
 * @returns lower and upper bounds of the need index per cell
 * @throws HexreachError `E_ARGUMENT` for no indicator, draws < 2 or levels outside (0, 1)
 * @example
 * ```ts
 * const { low, high } = needIntervals(interpolated.interpolator, [
 *   { name: 'poverty', direction: 'higher', estimate: tracts.attributes.poverty_rate, moe: tracts.attributes.poverty_rate_moe },
 * ], { weightBy: tracts.attributes.population, draws: 100, seed: 1 });
 * ```
 */
export function needIntervals(
  interpolator: AreaInterpolator,
  indicators: readonly AreaIndicator[],
  options: NeedIntervalsOptions = {},
): NeedIntervals {
  const fn = 'needIntervals';
  const draws = options.draws ?? 100;
  const confidence = options.confidence ?? 0.9;
  const interval = options.interval ?? 0.9;
  assertArgument(indicators.length > 0, fn, 'needs at least one indicator');
  assertArgument(
    Number.isInteger(draws) && draws >= 2,
    fn,
    `draws must be an integer ≥ 2, got ${draws}`,
    draws,
  );
  assertArgument(
    confidence > 0 && confidence < 1,
    fn,
    `confidence must be in (0, 1), got ${confidence}`,
  );
  assertArgument(interval > 0 && interval < 1, fn, `interval must be in (0, 1), got ${interval}`);
  // Two-sided: the margins are ± z standard errors at `confidence`.
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const random = mulberry32(options.seed ?? 1);
  // Box–Muller: two uniforms give one standard normal (the second is dropped for simplicity).
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const n = interpolator.coverage.length;
  const rankedOf = (indicator: AreaIndicator, estimate: ArrayLike<number>): RankedIndicator => ({
    name: indicator.name,
    weight: indicator.weight,
    theme: indicator.theme,
    rank: percentileRank(interpolator.rate(estimate, options.weightBy), {
      direction: indicator.direction,
      include: options.include,
    }),
  });
  const samples = new Float32Array(draws * n);
  // An indicator without margins is the same in every draw: it is moved and ranked once.
  const fixed = indicators.map((indicator) =>
    indicator.moe === undefined ? rankedOf(indicator, indicator.estimate) : undefined,
  );
  for (let d = 0; d < draws; d++) {
    const ranked = indicators.map((indicator, k) => {
      const once = fixed[k];
      if (once !== undefined) return once;
      const drawn = Float64Array.from(indicator.estimate, (value, p) => {
        const moe = indicator.moe?.[p];
        if (moe === undefined || !Number.isFinite(moe) || !Number.isFinite(value)) return value;
        return Math.max(0, value + (moe / z) * normal());
      });
      return rankedOf(indicator, drawn);
    });
    const index = vulnerabilityFromRanks(ranked, { include: options.include, themes: false }).index;
    for (let c = 0; c < n; c++) samples[d * n + c] = index[c];
  }
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  const column = new Float64Array(draws);
  const tail = (1 - interval) / 2;
  for (let c = 0; c < n; c++) {
    let k = 0;
    for (let d = 0; d < draws; d++) {
      const v = samples[d * n + c];
      if (!Number.isNaN(v)) column[k++] = v;
    }
    if (k === 0) {
      low[c] = Number.NaN;
      high[c] = Number.NaN;
      continue;
    }
    const sorted = column.subarray(0, k).sort();
    low[c] = quantile(sorted, tail);
    high[c] = quantile(sorted, 1 - tail);
  }
  return { low, high, draws };
}

/** The q quantile of sorted values, linear between order statistics (R type 7). */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
