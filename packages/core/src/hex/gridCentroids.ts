import { assertArgument } from '../errors.js';
import type { CellGrid } from '../types.js';
import { cellToLngLat, isValidCell } from './h3.js';

/** The centres of a grid's cells as columns, indexed like `grid.cells`. */
export interface GridCentroids {
  /** Longitude of each cell centre, degrees. */
  readonly lng: Float64Array;
  /** Latitude of each cell centre, degrees. */
  readonly lat: Float64Array;
}

/**
 * Each grid's centres, measured once: partner access, places and the kernel density of one run
 * all ask for them, and 65,949 h3 look-ups at resolution 11 are the bulk of each (a grid, like
 * every result here, is not changed once made). Callers get copies, so that what one does to its
 * columns reaches no other.
 */
const measured = new WeakMap<CellGrid, GridCentroids>();

/**
 * The centre of every cell of a grid (h3 `cellToLatLng`), as `lng` and `lat` columns.
 *
 * @param grid - the analysis cells
 * @param caller - the public function to name in errors (default `gridCentroids`)
 * @returns one longitude and one latitude per cell, in the grid's order
 * @throws HexreachError `E_ARGUMENT` if a cell is not a valid H3 index (the value names it)
 * @example
 * ```ts
 * const { lng, lat } = gridCentroids(grid);
 * [lng[0], lat[0]]; // the centre of grid.cells[0]
 * ```
 */
export function gridCentroids(grid: CellGrid, caller = 'gridCentroids'): GridCentroids {
  assertArgument(
    Array.isArray(grid?.cells),
    caller,
    'grid.cells must be an array of H3 indexes',
    grid?.cells,
  );
  let centres = measured.get(grid);
  if (centres === undefined) {
    centres = cellCentres(grid.cells, caller);
    measured.set(grid, centres);
  }
  return { lng: centres.lng.slice(), lat: centres.lat.slice() };
}

/** The centres of the cells, checking each (the message built only on failure). */
function cellCentres(cells: readonly string[], caller: string): GridCentroids {
  const n = cells.length;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    if (!(typeof cell === 'string' && isValidCell(cell))) {
      assertArgument(
        false,
        caller,
        `grid.cells[${i}] = ${String(cell)} is not a valid H3 cell`,
        cell,
      );
    }
    [lng[i], lat[i]] = cellToLngLat(cell);
  }
  return { lng, lat };
}
