/**
 * A number as JSON writes it in hexreach's files: itself when finite, else `null` (JSON has no
 * NaN or Infinity).
 *
 * @example
 * ```ts
 * finiteOrNull(0.5); // 0.5
 * finiteOrNull(Number.NaN); // null
 * ```
 */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
