import { assertArgument } from '../errors.js';

/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate), as R's
 * `p.adjust(p, method = "BH")`: with the m non-missing p-values ranked ascending,
 * p̃_(k) = min(1, min_{l ≥ k} m·p_(l)/l) (Benjamini & Hochberg 1995, J. R. Stat. Soc. B 57:289–300).
 * A test is significant at false discovery rate q exactly when its adjusted p is ≤ q.
 *
 * @param p - p-values in [0, 1]; NaN marks a missing test, is passed through and not counted in m
 * @returns the adjusted p-values, aligned with `p`
 * @throws HexreachError `E_ARGUMENT` if a p-value is outside [0, 1] (the error names its index)
 * @example
 * ```ts
 * benjaminiHochberg([0.01, 0.04, 0.03, NaN]); // Float64Array [0.03, 0.04, 0.04, NaN]
 * ```
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const length = p.length;
  const adjusted = new Float64Array(length);
  let m = 0;
  for (let i = 0; i < length; i++) {
    const value = p[i];
    if (Number.isNaN(value)) continue;
    // The message is built only on failure: this loop runs over every cell.
    if (!(value >= 0 && value <= 1)) {
      assertArgument(
        false,
        'benjaminiHochberg',
        `p[${i}] = ${value} is not a probability in [0, 1]`,
        {
          index: i,
          value,
        },
      );
    }
    m++;
  }
  // A native numeric sort of the p-values themselves (no comparator): ascending.
  const sorted = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < length; i++) if (!Number.isNaN(p[i])) sorted[k++] = p[i];
  sorted.sort();
  // R's p.adjust: adjusted_(k) = min over l ≥ k of (m / l)·p_(l), capped at 1. The running minimum
  // from the top gives tied p-values one value, that of their highest rank.
  const bySorted = new Float64Array(m);
  let running = Number.POSITIVE_INFINITY;
  for (let r = m; r >= 1; r--) {
    const candidate = (m / r) * sorted[r - 1];
    if (candidate < running) running = candidate;
    bySorted[r - 1] = Math.min(running, 1);
  }
  for (let i = 0; i < length; i++) {
    const value = p[i];
    if (Number.isNaN(value)) {
      adjusted[i] = Number.NaN;
      continue;
    }
    // The last position holding this value: ties share its adjusted p.
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid] <= value) lo = mid;
      else hi = mid - 1;
    }
    adjusted[i] = bySorted[lo];
  }
  return adjusted;
}
