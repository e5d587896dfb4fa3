/**
 * The number of keys strictly below `key` in ascending `keys`, by binary search (−0 and 0 are
 * equal, as `<` has them): a value's rank among sorted values, ties sharing the lowest.
 *
 * @param keys - ascending keys
 * @param key - the value to place
 * @returns how many keys are < key
 * @example
 * ```ts
 * countBelow(Float64Array.of(1, 2, 2, 5), 2); // 1
 * ```
 */
export function countBelow(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
