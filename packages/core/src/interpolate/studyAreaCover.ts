import { gridFromCells } from '../hex/gridFromCells.js';
import { polygonToCellsOverlapping } from '../hex/h3.js';
import { studyAreaCells } from '../hex/studyAreaCells.js';
import type { AreaTable, CellGrid } from '../types.js';
import { type StudyAreaCover, studyAreaCoverFrom } from './studyAreaCoverFrom.js';

/** Levels coarser than the wanted resolution at which the refinement starts. */
const COARSER = 4;

/**
 * The cells of a study area at `resolution` with the areas' overlaps with them, found from the
 * top down: the cells covering the areas' bounding box four resolutions coarser (a rectangle
 * h3 fills at once), then `studyAreaCoverFrom` one resolution at a time, each keeping the cells
 * the areas overlap by clipping. H3's own fill of every polygon (`studyAreaCells`) tests each
 * cell against every edge, and costs as much at any resolution as the polygons are detailed
 * (0.5 s for Chicago's tracts at 7, 1 s at 9); this costs about what the last clipping costs,
 * and the interpolation reuses its overlaps. The cells are `studyAreaCells`' (the same on
 * Chicago's tracts at 8–10 and the demo city's at 9–11; a cell that only touches an area, with
 * no overlap, is left out).
 *
 * @param areas - the area polygons
 * @param resolution - H3 resolution of the cells, an integer 0–15
 * @returns the cells and the areas' overlaps with them
 * @throws HexreachError `E_ARGUMENT` as `studyAreaCells` does
 * @example
 * ```ts
 * const { grid, overlaps } = studyAreaCover(tracts, 9);
 * ```
 */
export function studyAreaCover(areas: AreaTable, resolution: number): StudyAreaCover {
  if (!Number.isInteger(resolution) || resolution < COARSER)
    return studyAreaCoverFrom(areas, resolution, studyAreaCells(areas, resolution));
  const start = resolution - COARSER;
  let cover = studyAreaCoverFrom(areas, start, boundsCells(areas, start));
  for (let r = start + 1; r <= resolution; r++) cover = studyAreaCoverFrom(areas, r, cover.grid);
  return cover;
}

/** The cells overlapping the areas' bounding box; the areas' own fill across the antimeridian. */
function boundsCells(areas: AreaTable, resolution: number): CellGrid {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const geometry of areas.geometries) {
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of parts)
      for (const [lng, lat] of rings[0] ?? []) {
        west = Math.min(west, lng);
        east = Math.max(east, lng);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  }
  if (!(east - west < 180)) return studyAreaCells(areas, resolution);
  const box = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return gridFromCells(polygonToCellsOverlapping([box], resolution));
}
