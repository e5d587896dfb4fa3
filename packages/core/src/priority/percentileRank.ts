import { assertArgument } from '../errors.js';

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
  const key = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isFinite(v) && (include === undefined || include[i] !== 0)) {
      key[i] = sign * v;
      order.push(i);
    }
  }
  order.sort((a, b) => key[a] - key[b] || a - b);
  const out = new Float64Array(n).fill(Number.NaN);
  const m = order.length;
  if (m === 1) out[order[0]] = 0;
  for (let r = 0; m > 1 && r < m; ) {
    let end = r + 1;
    while (end < m && key[order[end]] === key[order[r]]) end++;
    const rank = r / (m - 1);
    for (let t = r; t < end; t++) out[order[t]] = rank;
    r = end;
  }
  return out;
}
