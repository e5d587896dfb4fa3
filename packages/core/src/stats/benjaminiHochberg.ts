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
  const values = distinctPValues(p);
  // Each test's value among the distinct ones, and how many tests hold each value.
  const group = new Int32Array(p.length);
  const totals = new Uint32Array(values.length);
  let m = 0;
  let lastValue = Number.NaN;
  let lastGroup = -1;
  for (let i = 0; i < p.length; i++) {
    const value = p[i];
    if (Number.isNaN(value)) {
      group[i] = -1;
      continue;
    }
    // Neighbouring cells often share a p-value (a run of empty neighbourhoods): one search a run.
    if (value !== lastValue) {
      lastValue = value;
      lastGroup = lastAtMost(values, value);
    }
    group[i] = lastGroup;
    totals[lastGroup]++;
    m++;
  }
  // R's p.adjust: adjusted_(k) = min over l ≥ k of (m / l)·p_(l), capped at 1. Over a group of
  // tied p-values (m / l)·p is least at its highest rank, which every member takes: one
  // candidate per distinct value, from the top.
  const byValue = new Float64Array(values.length);
  let running = Number.POSITIVE_INFINITY;
  let rank = m;
  for (let k = values.length - 1; k >= 0; k--) {
    const candidate = (m / rank) * values[k];
    if (candidate < running) running = candidate;
    byValue[k] = Math.min(running, 1);
    rank -= totals[k];
  }
  const adjusted = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) adjusted[i] = group[i] < 0 ? Number.NaN : byValue[group[i]];
  return adjusted;
}

/** Bits of the slot index of the cache of values already collected by {@link distinctPValues}. */
const SEEN_BITS = 12;

/**
 * The distinct p-values ascending (of tied ones, the last in sorted order); refuses one outside
 * [0, 1]. A value whose bits are in a small cache of those already collected is not collected
 * again, so that the sort sees about one value per distinct p-value when there are few (Gi* on
 * sparse counts gives a few hundred among tens of thousands of cells).
 */
function distinctPValues(p: ArrayLike<number>): Float64Array {
  const collected = new Float64Array(p.length);
  let count = 0;
  // Low and high words of the value last collected into each slot; a NaN's high word at first.
  const seenLow = new Uint32Array(1 << SEEN_BITS);
  const seenHigh = new Uint32Array(1 << SEEN_BITS).fill(0xffffffff);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < p.length; i++) {
    const value = p[i];
    if (Number.isNaN(value)) continue;
    // The message is built only on failure: this loop runs over every cell.
    if (!(value >= 0 && value <= 1)) {
      assertArgument(
        false,
        'benjaminiHochberg',
        `p[${i}] = ${value} is not a probability in [0, 1]`,
        { index: i, value },
      );
    }
    bits[0] = value;
    const low = words[0];
    const high = words[1];
    const slot = Math.imul(low ^ high, 0x9e3779b1) >>> (32 - SEEN_BITS); // Fibonacci hashing
    if (seenLow[slot] === low && seenHigh[slot] === high) continue;
    seenLow[slot] = low;
    seenHigh[slot] = high;
    collected[count++] = value;
  }
  // A native numeric sort of the values themselves (no comparator): ascending.
  const sorted = collected.subarray(0, count).sort();
  let distinct = 0;
  for (let k = 0; k < count; k++) {
    if (distinct > 0 && sorted[k] === sorted[distinct - 1]) sorted[distinct - 1] = sorted[k];
    else sorted[distinct++] = sorted[k];
  }
  return sorted.subarray(0, distinct);
}
/** The last index k of ascending `values` with values[k] ≤ value (values[0] ≤ value). */
function lastAtMost(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
