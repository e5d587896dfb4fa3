import { assertArgument } from '../errors.js';
import type { AreaTable, CellGrid } from '../types.js';
import { gridFromCells } from './gridFromCells.js';
import { MAX_RESOLUTION, MIN_RESOLUTION, polygonToCellsOverlapping } from './h3.js';

/**
 * The analysis grid of a study area: every H3 cell at `resolution` that overlaps any of the area
 * polygons (a true cover, holes respected), whether or not anything happened in it. Hotspot
 * statistics compare each cell with the whole study area, so the empty cells must be there too:
 * Gi* over occupied cells only would measure nothing but where incidents were recorded.
 *
 * @param areas - the area polygons (Polygon or MultiPolygon, `[lng, lat]`); their union is the study area
 * @param resolution - H3 resolution of the cells, an integer 0–15
 * @returns the grid: cells sorted ascending, with the position of each
 * @throws HexreachError `E_ARGUMENT` when `resolution` is not an integer in 0–15, or the areas
 *   cover no cell at all (no area, or only empty geometries)
 * @example
 * ```ts
 * const grid = studyAreaCells(tracts, 8);
 * grid.cells.length; // 893 for Chicago's 791 census tracts of 2014
 * ```
 */
export function studyAreaCells(areas: AreaTable, resolution: number): CellGrid {
  assertArgument(
    Number.isInteger(resolution) && resolution >= MIN_RESOLUTION && resolution <= MAX_RESOLUTION,
    'studyAreaCells',
    `resolution must be an integer from ${MIN_RESOLUTION} to ${MAX_RESOLUTION}, got ${resolution}`,
    resolution,
  );
  const cells = new Set<string>();
  for (const geometry of areas.geometries) {
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of parts) {
      if (rings.length === 0 || rings[0].length === 0) continue;
      for (const cell of polygonToCellsOverlapping(rings, resolution)) cells.add(cell);
    }
  }
  assertArgument(
    cells.size > 0,
    'studyAreaCells',
    `the ${areas.length} areas of ${areas.source} cover no cell`,
    areas.source,
  );
  return gridFromCells(cells);
}
