import { area as areaM2 } from '@turf/area';
import type { AreaTable } from '../types.js';
import { averageCellAreaKm2 } from './h3.js';

/** How many cells a study area would need, and why. */
export interface CellCountEstimate {
  /** The areas' total area in km² (on the sphere, as turf measures it; overlaps count twice). */
  readonly areaKm2: number;
  /** The total area over the resolution's average cell area, rounded up. */
  readonly cells: number;
}

/**
 * How many H3 cells covering the areas would take, estimated without making them: their total
 * area over the resolution's average cell area (h3's getHexagonAreaAvg). Cheap, so that a study
 * area too large for the resolution (the contiguous US at resolution 8: some 11 million cells, a
 * polar cap) is refused before any cell is allocated. The cover made by `studyAreaCells` also
 * holds the cells on the boundary, so it has a few more.
 *
 * @param areas - the area polygons
 * @param resolution - the H3 resolution, an integer 0–15
 * @returns the total area in km² and the estimated number of cells
 * @throws never
 * @example
 * ```ts
 * estimateCellCount(tracts, 8); // { areaKm2: 606.1, cells: 823 } for Chicago
 * ```
 */
export function estimateCellCount(areas: AreaTable, resolution: number): CellCountEstimate {
  let areaKm2 = 0;
  for (const geometry of areas.geometries) areaKm2 += areaM2(geometry) / 1e6;
  return { areaKm2, cells: Math.ceil(areaKm2 / averageCellAreaKm2(resolution)) };
}
