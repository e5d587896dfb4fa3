/** Bits per radix pass: six passes cover the 64 bits of a double. */
const BITS = 11;
const RADIX = 1 << BITS;
const PASSES = 6;
/** Which 32-bit half of a double holds its sign and exponent, as typed arrays store it. */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * The working memory of {@link ascendingOrder} for up to `capacity` keys, to reuse across calls.
 *
 * @param capacity - the most keys to be ordered
 * @returns a scratch array for `ascendingOrder`
 * @example
 * ```ts
 * const scratch = createOrderScratch(keys.length);
 * ascendingOrder(keys, keys.length, new Uint32Array(keys.length), scratch);
 * ```
 */
export function createOrderScratch(capacity: number): Uint32Array {
  return new Uint32Array(3 * capacity + PASSES * RADIX);
}

/**
 * The ascending order of the first `count` keys, equal keys in their given order (stable): a
 * least-significant-digit radix sort of their IEEE 754 bits, 11 bits a pass (Knuth, TAOCP
 * vol. 3, §5.2.5), the bits first mapped so that unsigned order is numeric order (sign bit set
 * for positive numbers, every bit flipped for negative ones). A pass whose digit is the same
 * for every key is skipped. Keys must not be NaN; −0 comes just before 0, which `<` has equal.
 *
 * @param keys - the values to order
 * @param count - how many of them, from the first
 * @param order - where to write the order: `keys[order[0]]` is the smallest
 * @param scratch - working memory (`createOrderScratch(count)` or larger)
 * @returns `order`
 * @example
 * ```ts
 * const keys = Float64Array.of(0.5, -2, 0.25, -2);
 * ascendingOrder(keys, 4, new Uint32Array(4), createOrderScratch(4)); // [1, 3, 2, 0]
 * ```
 */
export function ascendingOrder(
  keys: Float64Array,
  count: number,
  order: Uint32Array,
  scratch: Uint32Array,
): Uint32Array {
  const low = scratch.subarray(0, count);
  const high = scratch.subarray(count, 2 * count);
  const spare = scratch.subarray(2 * count, 3 * count);
  const counts = scratch.subarray(3 * count, 3 * count + PASSES * RADIX).fill(0);
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, 2 * count);
  const mask = RADIX - 1;
  // One pass maps the bits and counts every digit of every pass.
  for (let i = 0; i < count; i++) {
    let h = bits[2 * i + HIGH];
    let l = bits[2 * i + 1 - HIGH];
    if (h >= 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    low[i] = l;
    high[i] = h;
    counts[l & mask]++;
    counts[RADIX + ((l >>> BITS) & mask)]++;
    counts[2 * RADIX + (l >>> (2 * BITS))]++;
    counts[3 * RADIX + (h & mask)]++;
    counts[4 * RADIX + ((h >>> BITS) & mask)]++;
    counts[5 * RADIX + (h >>> (2 * BITS))]++;
    order[i] = i;
  }
  let from = order.subarray(0, count);
  let to = spare;
  let inOrder = true;
  for (let pass = 0; pass < PASSES && count > 0; pass++) {
    const word = pass < 3 ? low : high;
    const shift = (pass % 3) * BITS;
    const base = pass * RADIX;
    if (counts[base + ((word[0] >>> shift) & mask)] === count) continue;
    let start = 0;
    for (let d = base; d < base + RADIX; d++) {
      const n = counts[d];
      counts[d] = start;
      start += n;
    }
    for (let i = 0; i < count; i++) {
      const k = from[i];
      to[counts[base + ((word[k] >>> shift) & mask)]++] = k;
    }
    const done = to;
    to = from;
    from = done;
    inOrder = !inOrder;
  }
  if (!inOrder) order.set(from);
  return order;
}
