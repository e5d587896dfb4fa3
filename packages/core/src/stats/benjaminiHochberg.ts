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
  const order = new Uint32Array(length);
  let m = 0;
  for (let i = 0; i < length; i++) {
    const value = p[i];
    if (Number.isNaN(value)) {
      adjusted[i] = Number.NaN;
      continue;
    }
    assertArgument(
      value >= 0 && value <= 1,
      'benjaminiHochberg',
      `p[${i}] = ${value} is not a probability in [0, 1]`,
      { index: i, value },
    );
    order[m++] = i;
  }
  const ranked = order.subarray(0, m);
  // Ties are broken by index only for a deterministic order; tied p-values get equal results.
  ranked.sort((a, b) => p[a] - p[b] || a - b);
  let running = Number.POSITIVE_INFINITY;
  for (let k = m; k >= 1; k--) {
    const i = ranked[k - 1];
    // (m / k) * p in this order, as R's p.adjust computes `n/i * p[o]`.
    const candidate = (m / k) * p[i];
    if (candidate < running) running = candidate;
    adjusted[i] = Math.min(running, 1);
  }
  return adjusted;
}
