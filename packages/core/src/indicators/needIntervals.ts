import { assertArgument } from '../errors.js';
import type { AreaInterpolator, RateGroups } from '../interpolate/createAreaInterpolator.js';
import { normalQuantile } from '../stats/normal.js';
import { mulberry32 } from '../util/random.js';
import { type CellClasses, cellClassesOf } from './ranking/cellClassesOf.js';
import {
  createRankScratch,
  percentileRankOfClasses,
  type RankScratch,
} from './ranking/percentileRankOfClasses.js';

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
 * Cells whose values are the same in every draw (those drawn from one area alone,
 * `interpolator.rateGroups`) and alike in the mask get the same ranks, so they are ranked once,
 * as a class counting all of them: the same integers divided the same way as ranking every cell,
 * so the same doubles.
 *
 * @param interpolator - the area-to-cell shares (`interpolateAreas(…).interpolator`)
 * @param indicators - estimates and margins per area
 * @param options - weights, inclusion mask, draws, confidence, interval, seed
 * @returns lower and upper bounds of the need index per cell
 * @throws HexreachError `E_ARGUMENT` for no indicator, draws < 2, levels outside (0, 1), a weight
 *   that is not positive or a mask whose length differs from the cells'
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
  const include = options.include;
  const n = interpolator.coverage.length;
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
  for (const indicator of indicators) assertWeight(indicator);
  assertArgument(
    include === undefined || include.length === n,
    fn,
    `include has ${include?.length} entries for ${n} cells`,
  );
  // Two-sided: the margins are ± z standard errors at `confidence`.
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const random = mulberry32(options.seed ?? 1);
  // Box–Muller: two uniforms give one standard normal (the second is dropped for simplicity).
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const groups = rateGroupsOf(interpolator, options.weightBy);
  const classes = cellClassesOf(groups.groupOf, groups.count, include);
  const work = createDrawWork(groups, classes, indicators.length);
  // An indicator without margins is the same in every draw: it is moved and ranked once.
  const fixedRanks = indicators.map((indicator) =>
    indicator.moe === undefined
      ? rankOfClasses(indicator, indicator.estimate, work, new Float64Array(classes.count))
      : undefined,
  );
  const samples = new Float32Array(classes.count * draws);
  for (let d = 0; d < draws; d++) {
    const ranks = indicators.map(
      (indicator, k) =>
        fixedRanks[k] ??
        rankOfClasses(indicator, drawEstimate(indicator, z, normal), work, work.ranks[k]),
    );
    const index = needIndexOfClasses(indicators, ranks, work);
    for (let g = 0; g < classes.count; g++) samples[g * draws + d] = index[g];
  }
  return { ...intervalsOfClasses(classes, samples, draws, interval), draws };
}

/** The interpolator's rate groups, or each cell a group of its own when it has none. */
function rateGroupsOf(
  interpolator: AreaInterpolator,
  weightBy: ArrayLike<number> | undefined,
): RateGroups {
  const groups = interpolator.rateGroups?.(weightBy);
  if (groups !== undefined) return groups;
  const n = interpolator.coverage.length;
  return {
    groupOf: Uint32Array.from({ length: n }, (_, c) => c),
    count: n,
    rate: (values, out = new Float64Array(n)) => {
      out.set(interpolator.rate(values, weightBy));
      return out;
    },
  };
}

/** What a draw works with, made once: the classes and buffers reused by every draw. */
interface DrawWork {
  readonly groups: RateGroups;
  readonly classes: CellClasses;
  /** The group of each class. */
  readonly groupOfClass: Uint32Array;
  /** The cells each class puts in an indicator's ranking: none where the mask leaves it out. */
  readonly counts: Uint32Array;
  /** A draw's values per rate group, then per class. */
  readonly groupValues: Float64Array;
  readonly values: Float64Array;
  /** One rank column per indicator, for the moved ones. */
  readonly ranks: readonly Float64Array[];
  /** The weighted mean rank per class, then its rank: the draw's need index. */
  readonly sum: Float64Array;
  readonly index: Float64Array;
  readonly scratch: RankScratch;
}

function createDrawWork(groups: RateGroups, classes: CellClasses, indicators: number): DrawWork {
  const k = classes.count;
  const groupOfClass = new Uint32Array(k);
  const counts = new Uint32Array(k);
  for (let g = 0; g < k; g++) {
    groupOfClass[g] = groups.groupOf[classes.representative[g]];
    counts[g] = classes.included[g] === 1 ? classes.size[g] : 0;
  }
  return {
    groups,
    classes,
    groupOfClass,
    counts,
    groupValues: new Float64Array(groups.count),
    values: new Float64Array(k),
    ranks: Array.from({ length: indicators }, () => new Float64Array(k)),
    sum: new Float64Array(k),
    index: new Float64Array(k),
    scratch: createRankScratch(k),
  };
}

/**
 * An indicator's percentile rank per class, as `percentileRank` with the mask gives each of the
 * class's cells: its estimates moved to the rate groups and ranked among the included classes.
 */
function rankOfClasses(
  indicator: AreaIndicator,
  estimate: ArrayLike<number>,
  work: DrawWork,
  out: Float64Array,
): Float64Array {
  const { groupOfClass, values } = work;
  const groupValues = work.groups.rate(estimate, work.groupValues);
  for (let g = 0; g < values.length; g++) values[g] = groupValues[groupOfClass[g]];
  return percentileRankOfClasses(values, work.counts, {
    direction: indicator.direction,
    out,
    scratch: work.scratch,
  });
}

/**
 * One draw's need index per class, as `vulnerabilityFromRanks` makes it per cell: the weighted
 * mean of the available ranks, ranked among all cells. Returns `work.index`. The ranks are summed
 * in indicator order, as there, so that the sums round alike.
 */
function needIndexOfClasses(
  indicators: readonly AreaIndicator[],
  ranks: readonly Float64Array[],
  work: DrawWork,
): Float64Array {
  const { sum } = work;
  const weights = indicators.map((indicator) => indicator.weight ?? 1);
  for (let g = 0; g < sum.length; g++) {
    let weighted = 0;
    let total = 0;
    for (let k = 0; k < ranks.length; k++) {
      const r = ranks[k][g];
      if (Number.isNaN(r)) continue;
      weighted += weights[k] * r;
      total += weights[k];
    }
    sum[g] = total > 0 ? weighted / total : Number.NaN;
  }
  return percentileRankOfClasses(sum, work.classes.size, {
    out: work.index,
    scratch: work.scratch,
  });
}

/** One draw of an indicator's estimates: each moved by its margin's normal error, kept ≥ 0. */
function drawEstimate(indicator: AreaIndicator, z: number, normal: () => number): Float64Array {
  return Float64Array.from(indicator.estimate, (value, p) => {
    const moe = indicator.moe?.[p];
    if (moe === undefined || !Number.isFinite(moe) || !Number.isFinite(value)) return value;
    return Math.max(0, value + (moe / z) * normal());
  });
}

/** Each cell's interval: the central `interval` share of its class's draws, NaN where none. */
function intervalsOfClasses(
  classes: CellClasses,
  samples: Float32Array,
  draws: number,
  interval: number,
): { low: Float64Array; high: Float64Array } {
  const lowOf = new Float64Array(classes.count);
  const highOf = new Float64Array(classes.count);
  const column = new Float64Array(draws);
  const tail = (1 - interval) / 2;
  for (let g = 0; g < classes.count; g++) {
    let k = 0;
    for (let d = 0; d < draws; d++) {
      const v = samples[g * draws + d];
      if (!Number.isNaN(v)) column[k++] = v;
    }
    if (k === 0) {
      lowOf[g] = Number.NaN;
      highOf[g] = Number.NaN;
      continue;
    }
    const sorted = column.subarray(0, k).sort();
    lowOf[g] = quantile(sorted, tail);
    highOf[g] = quantile(sorted, 1 - tail);
  }
  const n = classes.classOf.length;
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    low[c] = lowOf[classes.classOf[c]];
    high[c] = highOf[classes.classOf[c]];
  }
  return { low, high };
}

/** The q quantile of sorted values, linear between order statistics (R type 7). */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Refuses a weight that is not a positive finite number, as `vulnerabilityIndex` does. */
function assertWeight(indicator: AreaIndicator): void {
  const weight = indicator.weight ?? 1;
  assertArgument(
    weight > 0 && Number.isFinite(weight),
    'needIntervals',
    `indicator "${indicator.name}" has weight ${weight}; weights must be positive`,
    weight,
  );
}
