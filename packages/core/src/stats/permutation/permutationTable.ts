import { assertArgument } from '../../errors.js';
import type { SpatialWeights } from '../../types.js';
import { mulberry32 } from '../../util/random.js';

/**
 * One table of permutation draws shared by the cells of a run (the `lookup-table` scheme): row r
 * lists `width` distinct cells drawn from all n, and a cell i reading row r takes the first k
 * entries that are not i itself. Also the inverse: where each cell appears in the table, so that
 * a cell finds the few rows it must skip itself in without scanning them all.
 */
export interface PermutationTable {
  /** Entries per row: the most slots any cell refills, plus one to stand in for the cell itself. */
  readonly width: number;
  /** Row-major R × width cell indexes, distinct within a row. */
  readonly cells: Uint32Array;
  /** Per cell c, its entries in `hits` are `hitOffsets[c] … hitOffsets[c + 1] − 1`. */
  readonly hitOffsets: Uint32Array;
  /** Flat positions r · width + t of each cell's entries, rows ascending. */
  readonly hits: Uint32Array;
}

/** The most entries a table may hold (128 MiB of indexes). */
export const MAX_TABLE_ENTRIES = 2 ** 25;

/**
 * Draws a {@link PermutationTable}: R rows of `width` distinct cells out of n, each row a uniformly
 * random ordered sample without replacement (rejection of repeats for rows up to n/2 entries, a
 * partial Fisher–Yates shuffle beyond), all from one mulberry32 stream seeded by `seed`.
 *
 * A row's first k entries other than i are a uniformly random ordered sample of the n − 1 other
 * cells (the ordered sample of `width` cells with i removed where it occurs), so a cell reading R
 * distinct rows draws by conditional randomisation without replacement (Anselin 1995, §4), as
 * with a stream per cell; its pseudo p-value is exact. The idea is GeoDa's and rgeoda's lookup
 * table (libgeoda `LISA::PermCreateTable`), where every cell reads the same R rows; that moves
 * every cell's p-value together (the share of cells under 0.05 swings from seed to seed), so
 * hexreach draws 64R rows and gives each cell its own window of R (see `permuteCellRange`).
 *
 * @param n - the number of cells, ≥ width
 * @param permutations - the number of rows
 * @param width - entries per row, ≥ 1
 * @param seed - unsigned 32-bit seed
 * @returns the table and its inverse
 * @throws HexreachError `E_ARGUMENT` when the table would hold more than 2²⁵ entries
 * @example
 * ```ts
 * const table = drawPermutationTable(100, 999, 7, 1);
 * table.cells.length; // 6993
 * ```
 */
export function drawPermutationTable(
  n: number,
  permutations: number,
  width: number,
  seed: number,
): PermutationTable {
  const size = permutations * width;
  assertArgument(
    size <= MAX_TABLE_ENTRIES,
    'drawPermutationTable',
    `a lookup table of ${permutations} permutations × ${width} entries passes the ${MAX_TABLE_ENTRIES} entries it may hold; use the conditional scheme`,
    size,
  );
  const cells = new Uint32Array(size);
  const random = mulberry32(seed);
  if (2 * width <= n) fillByRejection(cells, n, width, random);
  else fillByFisherYates(cells, n, width, random);
  return { width, cells, ...invertTable(cells, n) };
}

/** Each row by drawing among all n cells again while the draw repeats one of the row. */
function fillByRejection(cells: Uint32Array, n: number, width: number, random: () => number) {
  const mark = new Int32Array(n).fill(-1);
  for (let start = 0, r = 0; start < cells.length; start += width, r++) {
    for (let t = 0; t < width; t++) {
      let j: number;
      do j = Math.floor(random() * n);
      while (mark[j] === r);
      mark[j] = r;
      cells[start + t] = j;
    }
  }
}

/** Each row as the head of a partial Fisher–Yates shuffle of all n cells, undone after it. */
function fillByFisherYates(cells: Uint32Array, n: number, width: number, random: () => number) {
  const pool = Uint32Array.from({ length: n }, (_, j) => j);
  const picks = new Uint32Array(width);
  for (let start = 0; start < cells.length; start += width) {
    for (let t = 0; t < width; t++) {
      const pick = t + Math.floor(random() * (n - t));
      const j = pool[pick];
      pool[pick] = pool[t];
      pool[t] = j;
      picks[t] = pick;
      cells[start + t] = j;
    }
    for (let t = width - 1; t >= 0; t--) {
      const j = pool[t];
      pool[t] = pool[picks[t]];
      pool[picks[t]] = j;
    }
  }
}

/** Where each cell occurs in the table, as CSR over the cells (a counting sort of positions). */
function invertTable(
  cells: Uint32Array,
  n: number,
): { hitOffsets: Uint32Array; hits: Uint32Array } {
  const hitOffsets = new Uint32Array(n + 1);
  for (let p = 0; p < cells.length; p++) hitOffsets[cells[p] + 1]++;
  for (let c = 0; c < n; c++) hitOffsets[c + 1] += hitOffsets[c];
  const next = hitOffsets.slice(0, n);
  const hits = new Uint32Array(cells.length);
  for (let p = 0; p < cells.length; p++) hits[next[cells[p]]++] = p;
  return { hitOffsets, hits };
}

/**
 * The entries per row of the lookup table of `weights`: one more than the most slots any cell
 * refills (its links other than a self link), to stand in for the cell itself where it occurs
 * among its own draws; at most n.
 *
 * @param weights - the weights the permutations run on (CSR rows)
 * @returns the table's width
 * @example
 * ```ts
 * lookupTableWidth(kRingWeights(grid, { k: 1 })); // 7 on a grid of inner cells
 * ```
 */
export function lookupTableWidth(weights: SpatialWeights): number {
  const { n, offsets, neighbors } = weights;
  let maxSlots = 0;
  for (let i = 0; i < n; i++) {
    let slots = 0;
    for (let l = offsets[i]; l < offsets[i + 1]; l++) if (neighbors[l] !== i) slots++;
    if (slots > maxSlots) maxSlots = slots;
  }
  return Math.min(n, maxSlots + 1);
}

/**
 * Whether the `lookup-table` scheme can run `permutations` on `weights`: its table of at least
 * `permutations` rows of {@link lookupTableWidth} entries holds at most 2²⁵ entries. Large
 * neighbourhoods (wide distance bands) or very many permutations need the `conditional` scheme.
 *
 * @param weights - the weights the permutations run on
 * @param permutations - R, the number of permutations
 * @returns true when the table fits
 * @example
 * ```ts
 * lookupTableFits(kRingWeights(grid, { k: 1 }), 999); // true: 999 × 7 entries
 * ```
 */
export function lookupTableFits(weights: SpatialWeights, permutations: number): boolean {
  return permutations * lookupTableWidth(weights) <= MAX_TABLE_ENTRIES;
}
