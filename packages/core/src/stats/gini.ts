import { assertArgument } from '../errors.js';

/** Options of {@link gini}. */
export interface GiniOptions {
  /** Multiply by N/(N − 1) so that all incidents in one cell give 1 (R DescTools `Gini(unbiased = TRUE)`). Default false. */
  readonly unbiased?: boolean;
}

/**
 * The total of per-cell counts after checking them: the shared input check of the concentration
 * measures (`gini`, `generalizedGini`, `lorenzCurve`, `concentrationShare`).
 *
 * @param counts - per-cell counts
 * @param fn - name of the public function being called, for the error message
 * @param integers - require integer counts (default false)
 * @returns Σ counts
 * @throws HexreachError `E_ARGUMENT` if `counts` is empty or a count is negative, not finite, or
 *   (with `integers`) not an integer; the error names the index
 * @example
 * ```ts
 * checkedTotal([3, 0, 2], 'gini'); // 5
 * ```
 */
export function checkedTotal(counts: ArrayLike<number>, fn: string, integers = false): number {
  assertArgument(counts.length >= 1, fn, 'counts must hold at least one cell', counts.length);
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const v = counts[i];
    assertArgument(
      Number.isFinite(v) && v >= 0 && (!integers || Number.isInteger(v)),
      fn,
      `counts[${i}] = ${v} is not ${integers ? 'an integer count' : 'a finite number'} >= 0`,
      { index: i, value: v },
    );
    total += v;
  }
  return total;
}

/**
 * The Gini coefficient of incident counts over N cells, G = Σ_i Σ_j |x_i − x_j| / (2N²·x̄),
 * computed from the ascending order statistics as G = 2·Σ_k k·x_(k) / (N·Σx) − (N + 1)/N
 * (R DescTools `Gini(x, unbiased = FALSE)`; lorenzgini `gini(x, generalized = FALSE, unbiased =
 * FALSE)`). 0 when every cell has the same count; (N − 1)/N when one cell has them all. With
 * fewer incidents than cells, prefer `generalizedGini` (Bernasco & Steenbeek 2017).
 *
 * @param counts - incidents (or weighted counts) per cell, finite and ≥ 0
 * @param options - `unbiased` (default false): multiply by N/(N − 1)
 * @returns G in [0, 1); NaN when every count is 0 (or N = 1 with `unbiased`)
 * @throws HexreachError `E_ARGUMENT` if `counts` is empty or a count is negative or not finite
 * @example
 * ```ts
 * gini([10, 8, 2, 0, 0, 0, 0, 0, 0, 0]); // 0.78
 * gini([5, 5, 5, 5]);                    // 0
 * ```
 */
export function gini(counts: ArrayLike<number>, options: GiniOptions = {}): number {
  const unbiased = options.unbiased ?? false;
  const total = checkedTotal(counts, 'gini');
  const n = counts.length;
  if (total === 0) return Number.NaN;
  const sorted = Float64Array.from(counts).sort();
  let weighted = 0;
  for (let k = 0; k < n; k++) weighted += (k + 1) * sorted[k];
  // G = 2·Σ k·x_(k)/(N·Σx) − (N + 1)/N (the mean-difference form over sorted values)
  const g = (2 * weighted) / (n * total) - (n + 1) / n;
  const clamped = Math.min(Math.max(g, 0), 1);
  if (!unbiased) return clamped;
  return n > 1 ? (clamped * n) / (n - 1) : Number.NaN;
}
