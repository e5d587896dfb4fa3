import { assertArgument } from '../errors.js';
import { finiteOrNull } from '../util/finiteOrNull.js';

/**
 * A count as it may be published: 0 stays 0, counts from 1 to k − 1 become the text `"<k"`
 * (suppressed, not rounded: rounding would still reveal that a handful of incidents happened
 * at a place), larger counts are kept. A common small-cell rule of statistical disclosure
 * control (e.g. the US Census and health agencies' minimum cell sizes).
 *
 * @param count - the count that decides (for a weighted value or rate: the unweighted count behind it)
 * @param k - the smallest count shown (≥ 2)
 * @param value - the value to show when `count` may be shown (default: the count itself)
 * @returns the value, 0, or `"<k"`; null for a missing value
 * @throws HexreachError `E_ARGUMENT` when k is not an integer ≥ 2
 * @example
 * ```ts
 * suppressSmallCount(3, 5); // '<5'
 * suppressSmallCount(0, 5); // 0
 * suppressSmallCount(12, 5, 4.8); // 4.8 (a rate backed by 12 incidents)
 * ```
 */
export function suppressSmallCount(
  count: number,
  k: number,
  value: number = count,
): number | string | null {
  assertArgument(
    Number.isInteger(k) && k >= 2,
    'suppressSmallCount',
    `k must be an integer ≥ 2, got ${k}`,
    k,
  );
  if (count >= 1 && count < k) return `<${k}`;
  return finiteOrNull(value);
}
