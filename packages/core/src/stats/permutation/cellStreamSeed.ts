/**
 * The mulberry32 seed of one cell's permutation stream: the run's seed and the cell's index mixed
 * by MurmurHash3's 32-bit finaliser (Appleby 2011, `fmix32`). Each cell draws from its own
 * stream, so a cell's permutations depend on the seed and its index only — not on which cells
 * come before it, nor on how the cells are split among worker threads.
 *
 * mulberry32 keeps 32 bits of state and steps it by a constant, so two cells' streams of L draws
 * overlap with probability about 2L/2³² (3·10⁻⁶ for 999 permutations of 6 neighbours): a few
 * cell pairs then share part of their draws, which leaves each cell's p-value exact.
 *
 * @param seed - the run's seed, an unsigned 32-bit integer
 * @param cell - the cell's index, 0 ≤ cell < 2³²
 * @returns an unsigned 32-bit seed for `mulberry32`
 * @example
 * ```ts
 * const random = mulberry32(cellStreamSeed(42, 7)); // cell 7's stream for seed 42
 * ```
 */
export function cellStreamSeed(seed: number, cell: number): number {
  // The golden-ratio increment spreads consecutive cells before the finaliser mixes them.
  let h = (seed ^ Math.imul(cell + 1, 0x9e3779b9)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
