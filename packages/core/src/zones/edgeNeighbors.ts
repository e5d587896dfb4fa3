import { assertArgument } from '../errors.js';
import { gridDisk } from '../hex/h3.js';
import type { CellGrid, SpatialWeights } from '../types.js';

/**
 * Writes the grid indexes of a cell's edge neighbours in the grid into `out` (room for 6) and
 * returns how many there are.
 */
export type EdgeNeighborReader = (cell: number, out: Uint32Array) => number;

/**
 * The neighbours zones grow along: each grid cell's cells sharing an edge with it (the k = 1
 * ring, without the cell itself), read from those given once checked against the grid (an
 * analysis finds them once, its `contiguity`, and passes them to every grouping: each re-score,
 * each robustness draw), else asked of H3 (`gridDisk`) for each cell visited, which costs
 * nothing up front when few cells are selected but most of the grouping's time when it is
 * repeated.
 *
 * @param grid - the analysis cells
 * @param given - the grid's edge neighbours (`kRingWeights(grid, { selfIncluded: false })`), if known
 * @param caller - the public function named in error messages
 * @returns a reader of a cell's neighbours
 * @throws HexreachError `E_ARGUMENT` when `given` is not over the grid's cells, includes self or
 *   gives a cell more than 6 neighbours
 * @example
 * ```ts
 * const neighborsOf = edgeNeighbors(grid, undefined, 'groupContiguousCells');
 * const ring = new Uint32Array(6);
 * neighborsOf(0, ring); // how many neighbours the first cell has in the grid, ≤ 6
 * ```
 */
export function edgeNeighbors(
  grid: CellGrid,
  given: SpatialWeights | undefined,
  caller: string,
): EdgeNeighborReader {
  if (given === undefined) {
    return (cell, out) => {
      let count = 0;
      for (const neighbor of gridDisk(grid.cells[cell], 1)) {
        const j = grid.indexOf.get(neighbor);
        if (j !== undefined && j !== cell) out[count++] = j;
      }
      return count;
    };
  }
  assertArgument(
    given.n === grid.cells.length && given.offsets.length === grid.cells.length + 1,
    caller,
    `neighbors must be over the grid's ${grid.cells.length} cells, got ${given.n}`,
    given.n,
  );
  assertArgument(
    !given.selfIncluded,
    caller,
    'neighbors must not include each cell itself (kRingWeights with selfIncluded: false)',
    given.selfIncluded,
  );
  const { offsets, neighbors } = given;
  let widest = 0;
  for (let i = 0; i < grid.cells.length; i++)
    widest = Math.max(widest, offsets[i + 1] - offsets[i]);
  assertArgument(
    widest <= 6,
    caller,
    `neighbors must be edge neighbours (at most 6 a cell, the k = 1 ring), got a cell with ${widest}`,
    widest,
  );
  return (cell, out) => {
    const start = offsets[cell];
    const count = offsets[cell + 1] - start;
    for (let e = 0; e < count; e++) out[e] = neighbors[start + e];
    return count;
  };
}
