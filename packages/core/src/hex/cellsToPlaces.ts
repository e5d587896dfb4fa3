import type { MultiPolygon, Polygon } from 'geojson';
import type { CellGrid, PlaceTable } from '../types.js';
import { gridCentroids } from './gridCentroids.js';

/**
 * The place of each grid cell: the place whose polygon holds the cell's centre (even-odd rule,
 * so holes are outside), so every cell has at most one place and a zone's places can be counted
 * in cells. Where places overlap, the first in the file wins; a cell whose centre lies in no
 * place gets −1. Only the grid's cells are tested, each place against the cells within its
 * bounding box (cells sorted by longitude): a county-wide places file costs no more than the
 * grid, however large its polygons.
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
  const { lng, lat } = gridCentroids(grid, 'cellsToPlaces');
  const placeOfCell = new Int32Array(grid.cells.length).fill(-1);
  const byLng = Uint32Array.from(grid.cells.keys()).sort((a, b) => lng[a] - lng[b]);
  const sortedLng = Float64Array.from(byLng, (i) => lng[i]);
  for (let p = 0; p < places.length; p++) {
    const geometry = places.geometries[p];
    const [west, south, east, north] = boundsOf(geometry);
    for (let k = firstAtLeast(sortedLng, west); k < byLng.length && sortedLng[k] <= east; k++) {
      const i = byLng[k];
      if (placeOfCell[i] !== -1 || lat[i] < south || lat[i] > north) continue;
      if (containsPoint(geometry, lng[i], lat[i])) placeOfCell[i] = p;
    }
  }
  return placeOfCell;
}

/** `[west, south, east, north]` of a polygon's outer rings. */
function boundsOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of parts) {
    for (const [x, y] of rings[0] ?? []) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/** The first position whose value is at least `value` (values ascending). */
function firstAtLeast(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a point lies inside a polygon: an odd number of ring crossings to its east. */
function containsPoint(geometry: Polygon | MultiPolygon, x: number, y: number): boolean {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of parts) {
    let inside = false;
    for (const ring of rings) {
      for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
        const [xa, ya] = ring[a];
        const [xb, yb] = ring[b];
        // Ray casting (Shimrat 1962, as W. R. Franklin's pnpoly): count edges crossing y east of x.
        if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}
