import type { CellGrid, PlaceTable } from '../types.js';
import { polygonToCellsByCenter } from './h3.js';

/**
 * The place of each grid cell: the place whose polygon holds the cell's centre (H3's centre
 * containment, as `polygonToCells` decides it), so every cell has at most one place and a zone's
 * places can be counted in cells. Where places overlap, the first in the file wins; a cell whose
 * centre lies in no place gets −1.
 *
 * @param grid - the analysis cells
 * @param places - the named places (`readPlacesGeoJson`)
 * @returns one entry per grid cell: the index of its place in `places.names`, or −1
 * @example
 * ```ts
 * const placeOfCell = cellsToPlaces(result.grid, places.data);
 * places.data.names[placeOfCell[0]]; // 'Humboldt Park'
 * ```
 */
export function cellsToPlaces(grid: CellGrid, places: PlaceTable): Int32Array {
  const placeOfCell = new Int32Array(grid.cells.length).fill(-1);
  for (let p = 0; p < places.length; p++) {
    const geometry = places.geometries[p];
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of parts) {
      if (rings.length === 0 || rings[0].length === 0) continue;
      for (const cell of polygonToCellsByCenter(rings, grid.resolution)) {
        const i = grid.indexOf.get(cell);
        if (i !== undefined && placeOfCell[i] === -1) placeOfCell[i] = p;
      }
    }
  }
  return placeOfCell;
}
