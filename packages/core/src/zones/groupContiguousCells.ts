import { assertArgument } from '../errors.js';
import type { CellGrid, SpatialWeights } from '../types.js';
import { edgeNeighbors } from './edgeNeighbors.js';

/** Options of {@link groupContiguousCells}. */
export interface GroupContiguousCellsOptions {
  /** Groups with fewer cells are dropped (default 1: keep every group). */
  readonly minCells?: number;
  /**
   * Each grid cell's edge neighbours, as `kRingWeights(grid, { selfIncluded: false })` gives them:
   * pass them when grouping the same grid many times (else H3 is asked for the neighbours of
   * each cell visited, as often as it is visited).
   */
  readonly neighbors?: SpatialWeights;
}

/** One group of edge-connected selected cells. */
export interface ZoneGroup {
  /** Grid indexes of the group's cells, ascending. */
  readonly cells: Uint32Array;
}

/** Selected cells grouped into edge-connected zones. */
export interface ZoneGroups {
  /** The zone (index into `zones`) of each grid cell; −1 when unselected or in a dropped group. */
  readonly zoneOfCell: Int32Array;
  /** The kept groups, ordered by their smallest cell index (ranking happens later). */
  readonly zones: readonly ZoneGroup[];
  /** Selected cells left out because their group had fewer than `minCells` cells. */
  readonly droppedCells: number;
}

/**
 * Groups selected cells into zones of cells that share an edge (the H3 k = 1 ring, restricted
 * to the grid), by breadth-first search. Groups smaller than `minCells` are dropped
 * so that isolated cells need not become zones of their own.
 *
 * @param grid - the analysis cells
 * @param selected - one entry per grid cell, non-zero when selected (e.g. from `selectCells`)
 * @param options - `minCells`, an integer ≥ 1 (default 1); the grid's `neighbors`, if known
 * @returns the zone of every cell, the kept zones in order of their smallest cell index, and the
 *   number of selected cells dropped
 * @throws HexreachError `E_ARGUMENT` when `selected` does not have one entry per grid cell,
 *   `minCells` is not an integer ≥ 1 or `neighbors` is not over the grid's cells
 * @example
 * ```ts
 * const groups = groupContiguousCells(grid, selectCells(priority, { topN: 200 }), { minCells: 3 });
 * groups.zones.length; // number of zones kept
 * ```
 */
export function groupContiguousCells(
  grid: CellGrid,
  selected: Uint8Array,
  options: GroupContiguousCellsOptions = {},
): ZoneGroups {
  const minCells = options.minCells ?? 1;
  const n = grid.cells.length;
  assertArgument(
    selected.length === n,
    'groupContiguousCells',
    `selected must have one entry per grid cell (${n}), got ${selected.length}`,
    selected.length,
  );
  assertArgument(
    Number.isInteger(minCells) && minCells >= 1,
    'groupContiguousCells',
    `minCells must be an integer >= 1, got ${minCells}`,
    minCells,
  );

  const neighborsOf = edgeNeighbors(grid, options.neighbors, 'groupContiguousCells');
  const ring = new Uint32Array(6);
  const zoneOfCell = new Int32Array(n).fill(-1);
  const visited = new Uint8Array(n);
  const queue = new Uint32Array(n);
  const zones: ZoneGroup[] = [];
  let droppedCells = 0;

  for (let start = 0; start < n; start++) {
    if (selected[start] === 0 || visited[start] === 1) continue;
    visited[start] = 1;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const cell = queue[head++];
      const count = neighborsOf(cell, ring);
      for (let e = 0; e < count; e++) {
        const j = ring[e];
        if (selected[j] === 0 || visited[j] === 1) continue;
        visited[j] = 1;
        queue[tail++] = j;
      }
    }
    if (tail < minCells) {
      droppedCells += tail;
      continue;
    }
    const cells = queue.slice(0, tail).sort();
    for (const cell of cells) zoneOfCell[cell] = zones.length;
    zones.push({ cells });
  }
  return { zoneOfCell, zones, droppedCells };
}
