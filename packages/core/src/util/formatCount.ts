/**
 * A count with thousands separators, the same in every locale.
 *
 * @example
 * ```ts
 * formatCount(2000000); // '2,000,000'
 * ```
 */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
