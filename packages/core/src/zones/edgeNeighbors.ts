import { assertArgument } from '../errors.js';
import type { CellGrid, SpatialWeights } from '../types.js';
import { kRingWeights } from '../weights/kRingWeights.js';

/**
 * The neighbours zones grow along: each grid cell's cells sharing an edge with it (the k = 1
 * ring, without the cell itself). Those given, once checked against the grid, else computed
 * with `kRingWeights`: an analysis computes them once and passes them to every grouping (each
 * re-score, each robustness draw), where an H3 `gridDisk` call per cell visited took most of
 * the grouping's time.
 *
 * @param grid - the analysis cells
 * @param given - the grid's edge neighbours, when known
 * @param caller - the public function named in error messages
 * @returns CSR neighbours over the grid's cell indexes
 * @throws HexreachError `E_ARGUMENT` when `given` is not over the grid's cells or includes self
 * @example
 * ```ts
 * const neighbors = edgeNeighbors(grid, undefined, 'groupContiguousCells');
 * neighbors.offsets[1] - neighbors.offsets[0]; // the first cell's neighbours in the grid, ≤ 6
 * ```
 */
export function edgeNeighbors(
  grid: CellGrid,
  given: SpatialWeights | undefined,
  caller: string,
): SpatialWeights {
  if (given === undefined) return kRingWeights(grid, { k: 1, selfIncluded: false });
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
  return given;
}
