/**
 * A seeded uniform generator on [0, 1): mulberry32 (Tommy Ettinger's public-domain generator).
 * One generator serves permutations, fixtures, demo data and benchmarks, so every run is
 * reproducible from its seed.
 *
 * @param seed - any 32-bit integer
 * @returns a function returning the next uniform number in [0, 1)
 * @example
 * ```ts
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, the same on every machine
 * ```
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
