import { checkedTotal, gini } from './gini.js';

/** Options of {@link generalizedGini}. */
export interface GeneralizedGiniOptions {
  /**
   * Multiply by m/(m − 1), m = min(N, n), so that all incidents in one cell give 1, as the
   * lorenzgini R package does by default (`unbiased = TRUE`). Default false (the paper's G′).
   */
  readonly unbiased?: boolean;
}

/**
 * The generalised Gini coefficient for sparse incidents (Bernasco & Steenbeek 2017, "More places
 * than crimes", J. Quant. Criminol. 33:451–467): with n incidents over N cells and n < N, the
 * most equal distribution possible puts one incident in each of n cells, whose Gini is 1 − n/N;
 * G′ measures concentration against that line of maximal equality instead of perfect equality:
 * G′ = max(1, N/n)·(G − 1) + 1 (lorenzgini `gini(x, unbiased = FALSE)`). G′ = G when n ≥ N;
 * 0 at maximal equality; 1 − 1/n when all n < N incidents are in one cell (1 with `unbiased`).
 *
 * @param counts - incidents per cell, integers ≥ 0
 * @param options - `unbiased` (default false)
 * @returns G′ in [0, 1]; NaN when there is no incident (or a single one with `unbiased`)
 * @throws HexreachError `E_ARGUMENT` if `counts` is empty or a count is not an integer ≥ 0
 * @example
 * ```ts
 * // lorenzgini's example: 8 crimes over 10 places.
 * gini([5, 2, 1, 0, 0, 0, 0, 0, 0, 0]);            // 0.8
 * generalizedGini([5, 2, 1, 0, 0, 0, 0, 0, 0, 0]); // 0.75
 * ```
 */
export function generalizedGini(
  counts: ArrayLike<number>,
  options: GeneralizedGiniOptions = {},
): number {
  const unbiased = options.unbiased ?? false;
  const incidents = checkedTotal(counts, 'generalizedGini', true);
  const places = counts.length;
  if (incidents === 0) return Number.NaN;
  // Bernasco & Steenbeek 2017: G′ = max(1, N/n)·(G − 1) + 1
  const g = Math.max(1, places / incidents) * (gini(counts) - 1) + 1;
  const clamped = Math.min(Math.max(g, 0), 1);
  if (!unbiased) return clamped;
  const m = Math.min(places, incidents);
  return m > 1 ? (clamped * m) / (m - 1) : Number.NaN;
}
