import { assertArgument } from '../errors.js';
import { countBelow } from './ranking/countBelow.js';

/** Options of {@link percentRankInc}. */
export interface PercentRankIncOptions {
  /** Decimal digits kept, the rest truncated, as Excel's `significance` (default 4, CDC's). */
  readonly significance?: number;
  /** Only entries with a non-zero mask entry are ranked; the others get NaN. */
  readonly include?: ArrayLike<number>;
}

/**
 * Excel's `PERCENTRANK.INC(array, x, significance)` of every value among the finite ones:
 * `(rank − 1)/(n − 1)`, ties sharing the lowest rank, truncated (not rounded) to `significance`
 * decimals — Microsoft's example gives 0.555 for 5/9 at the default three digits. CDC/ATSDR
 * rank SVI variables and theme sums this way, to four digits. Non-finite values (missing data)
 * are left out of `n` and get NaN; a single ranked value gets 0.
 *
 * The result is the double nearest `k / 10^significance`, computed from integers, so sums of
 * ranks can be formed exactly in units of `10^−significance` (see `sviRanks`).
 *
 * @param values - one value per record (NaN where missing)
 * @param options - digits kept and an inclusion mask
 * @returns ranks in [0, 1], NaN where missing or excluded
 * @throws HexreachError `E_ARGUMENT` when significance is not an integer 1–6 or the mask's
 *   length differs
 * @example
 * ```ts
 * percentRankInc([13, 12, 11, 8, 4, 3, 2, 1, 1, 1], { significance: 3 })[4]; // 0.555
 * ```
 */
export function percentRankInc(
  values: ArrayLike<number>,
  options: PercentRankIncOptions = {},
): Float64Array {
  const significance = options.significance ?? 4;
  const include = options.include;
  const n = values.length;
  assertArgument(
    Number.isInteger(significance) && significance >= 1 && significance <= 6,
    'percentRankInc',
    `significance must be an integer from 1 to 6, got ${significance}`,
    significance,
  );
  assertArgument(
    include === undefined || include.length === n,
    'percentRankInc',
    `include has ${include?.length} entries for ${n} values`,
  );
  const ranked = (i: number) =>
    Number.isFinite(values[i]) && (include === undefined || include[i] !== 0);
  const keys: number[] = [];
  for (let i = 0; i < n; i++) if (ranked(i)) keys.push(values[i]);
  const sorted = Float64Array.from(keys).sort();
  const m = sorted.length;
  const scale = 10 ** significance;
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    if (!ranked(i)) continue;
    // (below · 10^s)/(m − 1) of integers is at least 1/(m − 1) from an integer it does not
    // equal, more than an ulp of 10^6 for m < 10^9: the floor is Excel's truncation.
    out[i] = m === 1 ? 0 : Math.floor((countBelow(sorted, values[i]) * scale) / (m - 1)) / scale;
  }
  return out;
}
