import { assertArgument } from '../errors.js';
import { twoSidedP } from './normal.js';

/** The Mann–Kendall trend test of one series. Every field refers to the non-missing values. */
export interface MannKendallResult {
  /** Number of non-missing values used. */
  readonly n: number;
  /** S = Σ_{i<j} sgn(x_j − x_i): concordant minus discordant pairs in time order. */
  readonly S: number;
  /** Var[S] under no trend, with the tie correction (Kendall 1975); 0 when all values are tied or n < 2. */
  readonly variance: number;
  /**
   * z = (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, 0 for S = 0 (continuity correction);
   * NaN when Var[S] is 0. Positive: upward trend.
   */
  readonly z: number;
  /** Two-sided normal p-value 2·Φ(−|z|); NaN with z. */
  readonly p: number;
  /**
   * Kendall's τ between the values and time: S/√((n₀ − n₁)·n₀) with n₀ = n(n − 1)/2 and
   * n₁ = Σ t(t − 1)/2 over groups of tied values (τ-b; time has no ties), as R's
   * `Kendall::MannKendall`; NaN when every value is tied or n < 2.
   */
  readonly tau: number;
}

/**
 * The Mann–Kendall test for a monotonic trend (Mann 1945, Econometrica 13:245–259; Kendall
 * 1975, Rank Correlation Methods, 4th ed.), as ArcGIS's Emerging Hot Spot Analysis applies it to
 * each location's series of Gi* z-scores. The series is read in index order (index = time).
 *
 * S = Σ_{i<j} sgn(x_j − x_i); Var[S] = [n(n − 1)(2n + 5) − Σ_g t_g(t_g − 1)(2t_g + 5)]/18 with
 * t_g the size of each group of tied values; z = (S − sgn(S))/√Var[S] (continuity correction),
 * compared with the standard normal; the p-value is two-sided. NaN values are missing and
 * skipped (the remaining values keep their order). O(n²) pairs, meant for series of tens to a
 * few hundred steps.
 *
 * @param series - values in time order; NaN marks a missing step
 * @returns n, S, variance, z, p and tau
 * @throws HexreachError `E_ARGUMENT` if a value is ±Infinity
 * @example
 * ```ts
 * mannKendall([1, 2, 3, 4, 5]); // { n: 5, S: 10, variance: 50/3, z: 2.2045…, p: 0.0274…, tau: 1 }
 * ```
 */
export function mannKendall(series: ArrayLike<number>): MannKendallResult {
  const values = presentValues(series);
  const n = values.length;
  let S = 0;
  let tiedPairs = 0; // Σ t(t − 1)/2 over groups of tied values: the tied pairs
  let tieTerm = 0; // Σ t(t − 1)(2t + 5)
  for (let i = 0; i < n - 1; i++) {
    const xi = values[i];
    // Counted without branches: the signs of a series' differences are unpredictable.
    let above = 0;
    let later = 0; // values after i equal to it
    for (let j = i + 1; j < n; j++) {
      above += Number(values[j] > xi);
      later += Number(values[j] === xi);
    }
    const below = n - 1 - i - above - later;
    S += above - below;
    // The members of a group of t have t − 1, …, 0 equal values after them, and
    // Σ_{r<t} 6r(r + 2) = t(t − 1)(2t + 5): the tie terms add up without sorting.
    tiedPairs += later;
    tieTerm += 6 * later * (later + 2);
  }
  // Kendall 1975: Var[S] = [n(n − 1)(2n + 5) − Σ t(t − 1)(2t + 5)]/18
  const variance = n < 2 ? 0 : (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  let z = Number.NaN;
  if (variance > 0)
    z = S > 0 ? (S - 1) / Math.sqrt(variance) : S < 0 ? (S + 1) / Math.sqrt(variance) : 0;
  const pairs = (n * (n - 1)) / 2;
  // τ-b with untied time: S/√((n₀ − n₁)·n₀) (Kendall 1975; R Kendall::MannKendall)
  const tau = pairs > tiedPairs ? S / Math.sqrt((pairs - tiedPairs) * pairs) : Number.NaN;
  return { n, S, variance, z, p: twoSidedP(z), tau };
}

/** The series without its NaN values (the series itself when it has none); refuses ±Infinity. */
function presentValues(series: ArrayLike<number>): ArrayLike<number> {
  let missing = 0;
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (Number.isNaN(v)) missing++;
    else if (!Number.isFinite(v)) {
      assertArgument(false, 'mannKendall', `series[${i}] = ${v} is not finite`, {
        index: i,
        value: v,
      });
    }
  }
  if (missing === 0) return series;
  const values = new Float64Array(series.length - missing);
  let k = 0;
  for (let i = 0; i < series.length; i++) if (!Number.isNaN(series[i])) values[k++] = series[i];
  return values;
}
