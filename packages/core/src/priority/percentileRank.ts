import { assertArgument } from '../errors.js';
import { countBelow } from '../indicators/ranking/countBelow.js';

/** Options of {@link percentileRank}. */
export interface PercentileRankOptions {
  /** `higher` (default): the largest value ranks 1; `lower`: the smallest value ranks 1. */
  readonly direction?: 'higher' | 'lower';
  /** Only cells with a non-zero mask entry are ranked; the others get NaN. */
  readonly include?: ArrayLike<number>;
}

/**
 * Percentile rank of each value among the others, `(rank − 1) / (N − 1)`, ties sharing the
 * lowest rank — the CDC/ATSDR Social Vulnerability Index method (Flanagan et al. 2011; Excel's
 * PERCENTRANK.INC). Missing values (NaN) and excluded cells are not ranked and stay NaN, never 0.
 * With `direction: 'lower'` the ranking is reversed (e.g. income: the poorest cell ranks 1).
 * With a single ranked value, its rank is 0.
 *
 * @param values - one value per cell
 * @param options - direction and an optional inclusion mask
 * @returns ranks in [0, 1], NaN where the value is missing or excluded
 * @throws HexreachError `E_ARGUMENT` when the mask's length differs from the values'
 * @example
 * ```ts
 * percentileRank([10, 20, 20, 40]); // [0, 1/3, 1/3, 1]
 * percentileRank([10, 20, 40], { direction: 'lower' }); // [1, 0.5, 0]
 * ```
 */
export function percentileRank(
  values: ArrayLike<number>,
  options: PercentileRankOptions = {},
): Float64Array {
  const n = values.length;
  const include = options.include;
  assertArgument(
    include === undefined || include.length === n,
    'percentileRank',
    `include has ${include?.length} entries for ${n} values`,
  );
  const sign = (options.direction ?? 'higher') === 'lower' ? -1 : 1;
  // A tie's rank is the share of values strictly below it, so the keys alone are sorted
  // (natively, without a comparator) and each value finds its rank by binary search.
  const sorted = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isFinite(v) && (include === undefined || include[i] !== 0)) sorted[m++] = sign * v;
  }
  const keys = sorted.subarray(0, m).sort();
  const out = new Float64Array(n).fill(Number.NaN);
  // Neighbouring cells often share a value (empty cells, one tract's need): one search a run.
  let lastValue = Number.NaN;
  let lastRank = Number.NaN;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!(Number.isFinite(v) && (include === undefined || include[i] !== 0))) continue;
    if (v !== lastValue) {
      lastValue = v;
      lastRank = m === 1 ? 0 : countBelow(keys, sign * v) / (m - 1);
    }
    out[i] = lastRank;
  }
  return out;
}
