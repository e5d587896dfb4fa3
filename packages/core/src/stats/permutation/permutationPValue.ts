import { HexreachError } from '../../errors.js';

/**
 * Which pseudo p-value to take from R permuted statistics s_1 … s_R and the observed s
 * (s̄ = Σ s_r/R; counts with ≥ and ≤ take ties as at least as extreme):
 * - `esda`: esda's default `p_sim` (`alternative = None`, alias `'directed'`): (L + 1)/(R + 1)
 *   with L = #{s_r ≥ s}, replaced by R − L = #{s_r < s} when R − L < L (the observed value
 *   below the draws' median). The tail on the observed side: at most about ½, and under the
 *   null P(p ≤ α) ≈ 2α, as esda's docstring itself warns.
 * - `spdep`: spdep's rank-based `Pr(z != E(Ii)) Sim` / `Pr(z != E(Gi)) Sim` (`localmoran_perm`,
 *   `localG_perm`, alternative `"two.sided"`): the observed value's rank k among the R + 1
 *   values, ties averaged then truncated (`rank()` then `as.integer`), and
 *   p = 2·min(k, R + 2 − k)/(R + 1). Not capped: for even R the middle rank gives (R + 2)/(R + 1).
 * - `folded`: (M + 1)/(R + 1) with M = #{r : |s_r − s̄| ≥ |s − s̄|} (esda `'folded'`), uniform
 *   under the null.
 * - `two-sided`: equal tails, min(1, 2·(min(#{s_r ≥ s}, #{s_r ≤ s}) + 1)/(R + 1)) (esda
 *   `'two-sided'`).
 * - `greater`: (#{s_r ≥ s} + 1)/(R + 1); `less`: (#{s_r ≤ s} + 1)/(R + 1) (esda `'greater'`,
 *   `'lesser'`).
 */
export type PermutationPValue = 'esda' | 'spdep' | 'folded' | 'two-sided' | 'greater' | 'less';

const FN = 'permutationPValue';

/**
 * The pseudo p-value of an observed statistic among its permuted draws, as `method` says (see
 * {@link PermutationPValue}). Draws within `tolerance` of the observed value (of its distance
 * from the mean, for `folded`) count as ties; 0, the default, compares exactly as esda and spdep
 * do. Allocates nothing, so the permutation engines call it once per cell.
 *
 * Sources: esda/significance.py `_permutation_significance` (`directed`, `folded`, `two-sided`,
 * `greater`, `lesser`; pysal/esda); spdep R/localmoran.R `probs_lut` and `localmoran_perm`
 * (r-spatial/spdep); Hope (1968) for (M + 1)/(R + 1).
 *
 * @param observed - the observed statistic s
 * @param draws - the R ≥ 1 permuted statistics
 * @param method - which p-value
 * @param tolerance - absolute tie tolerance, ≥ 0 (default 0)
 * @returns the pseudo p-value; NaN when `observed` or a draw is NaN
 * @throws HexreachError `E_ARGUMENT` if `draws` is empty, `method` is unknown or `tolerance` is
 *   negative or not finite
 * @example
 * ```ts
 * permutationPValue(5, [1, 2, 3, 4, 6], 'esda'); // 1 draw ≥ 5: (1 + 1)/(5 + 1) = 1/3
 * permutationPValue(5, [1, 2, 3, 4, 6], 'spdep'); // rank 5 of 6: 2·min(5, 2)/6 = 2/3
 * ```
 */
export function permutationPValue(
  observed: number,
  draws: ArrayLike<number>,
  method: PermutationPValue,
  tolerance = 0,
): number {
  const R = draws.length;
  // Checks build their message only on failure: the engines call this once per cell.
  if (!(R >= 1)) throw new HexreachError('E_ARGUMENT', `${FN}: draws is empty`, R);
  if (!(tolerance >= 0 && tolerance < Number.POSITIVE_INFINITY))
    throw new HexreachError('E_ARGUMENT', `${FN}: tolerance must be finite and >= 0`, tolerance);
  switch (method) {
    case 'esda':
      return esdaDirected(observed, draws, tolerance);
    case 'spdep':
      return spdepRank(observed, draws, tolerance);
    case 'folded':
      return folded(observed, draws, tolerance);
    case 'two-sided':
      return equalTails(observed, draws, tolerance);
    case 'greater':
      return (atLeast(observed, draws, tolerance) + 1) / (R + 1); // esda 'greater'
    case 'less':
      return (atMost(observed, draws, tolerance) + 1) / (R + 1); // esda 'lesser'
    default:
      throw new HexreachError(
        'E_ARGUMENT',
        `${FN}: method must be 'esda', 'spdep', 'folded', 'two-sided', 'greater' or 'less', got ${String(method)}`,
        method,
      );
  }
}

/** #{s_r ≥ s}, ties within `tolerance` included; NaN if s or a draw is NaN. */
function atLeast(observed: number, draws: ArrayLike<number>, tolerance: number): number {
  if (Number.isNaN(observed)) return Number.NaN;
  const threshold = observed - tolerance;
  let count = 0;
  for (let r = 0; r < draws.length; r++) {
    const d = draws[r];
    if (Number.isNaN(d)) return Number.NaN;
    if (d >= threshold) count++;
  }
  return count;
}

/** #{s_r ≤ s}, ties within `tolerance` included; NaN if s or a draw is NaN. */
function atMost(observed: number, draws: ArrayLike<number>, tolerance: number): number {
  if (Number.isNaN(observed)) return Number.NaN;
  const threshold = observed + tolerance;
  let count = 0;
  for (let r = 0; r < draws.length; r++) {
    const d = draws[r];
    if (Number.isNaN(d)) return Number.NaN;
    if (d <= threshold) count++;
  }
  return count;
}

/** esda's default p_sim: the ≥ count folded at the draws' median. */
function esdaDirected(observed: number, draws: ArrayLike<number>, tolerance: number): number {
  return esdaPValue(atLeast(observed, draws, tolerance), draws.length);
}

/**
 * esda's default p_sim from L = #{s_r ≥ s} among R draws: (min(L, R − L) + 1)/(R + 1), for the
 * permutation engine, which counts L while it forms the draws.
 *
 * @param larger - L, the draws at least the observed statistic (ties within tolerance included)
 * @param R - the number of draws
 * @returns the pseudo p-value
 * @example
 * ```ts
 * esdaPValue(1, 5); // 1 draw of 5 ≥ s: (1 + 1)/(5 + 1) = 1/3
 * ```
 */
export function esdaPValue(larger: number, R: number): number {
  // esda/significance.py _permutation_significance, 'directed': low_extreme = (R − larger) < larger
  const tail = R - larger < larger ? R - larger : larger;
  return (tail + 1) / (R + 1);
}

/** spdep's rank-based two-sided p: probs_lut's ts[k], k the truncated average rank of s. */
function spdepRank(observed: number, draws: ArrayLike<number>, tolerance: number): number {
  if (Number.isNaN(observed)) return Number.NaN;
  const R = draws.length;
  let below = 0;
  let tied = 0;
  for (let r = 0; r < R; r++) {
    const d = draws[r];
    if (Number.isNaN(d)) return Number.NaN;
    if (d < observed - tolerance) below++;
    else if (d <= observed + tolerance) tied++;
  }
  // rank(c(res_p, Ii))[nsim + 1] averages the tied ranks below + 1 … below + tied + 1;
  // probs[xrank] truncates it to an integer index.
  const k = below + 1 + Math.floor(tied / 2);
  // spdep R/localmoran.R probs_lut: gr = k/(R + 1), ls = rev(gr), ts = 2·min(gr, ls)
  return (2 * Math.min(k, R + 2 - k)) / (R + 1);
}

/** esda's 'folded': distances from the draws' mean at least the observed one's. */
function folded(observed: number, draws: ArrayLike<number>, tolerance: number): number {
  if (Number.isNaN(observed)) return Number.NaN;
  const R = draws.length;
  let sum = 0;
  for (let r = 0; r < R; r++) sum += draws[r];
  const mean = sum / R;
  if (Number.isNaN(mean)) return Number.NaN;
  const distance = Math.abs(observed - mean) - tolerance;
  let extreme = 0;
  for (let r = 0; r < R; r++) if (Math.abs(draws[r] - mean) >= distance) extreme++;
  return (extreme + 1) / (R + 1); // esda 'folded': (M + 1)/(R + 1)
}

/** esda's 'two-sided': twice the smaller tail, each counting ties, capped at 1. */
function equalTails(observed: number, draws: ArrayLike<number>, tolerance: number): number {
  const R = draws.length;
  const greater = atLeast(observed, draws, tolerance);
  const lesser = atMost(observed, draws, tolerance);
  return Math.min((2 * (Math.min(greater, lesser) + 1)) / (R + 1), 1);
}
