import { gridFromCells } from '../hex/gridFromCells.js';
import { cellToChildren, cellToParent, gridDisk } from '../hex/h3.js';
import type { AreaTable, CellGrid } from '../types.js';
import { type AreaCellShares, areaCellOverlaps } from './areaCellOverlaps.js';

/** A study area's cells at one resolution with the areas' overlaps with them. */
export interface StudyAreaCover {
  /** The cells that overlap some area, sorted as `studyAreaCells` sorts them. */
  readonly grid: CellGrid;
  /** The areas' overlaps with `grid`'s cells, as `areaCellOverlaps(grid, areas)` gives them. */
  readonly overlaps: AreaCellShares;
}

/**
 * The cells of a study area at `resolution` and the areas' overlaps with them, found from its
 * cells at a neighbouring resolution instead of by filling every polygon again: the candidates
 * are the children (finer) or parents (coarser) of those cells and of their neighbours — a
 * cell's descendants stick out of it by less than a neighbour's width, so no overlapping cell is
 * missed — and the cells kept are those the areas overlap by clipping (`areaCellOverlaps`).
 * H3's overlapping fill keeps the cells whose outline meets an area; clipping keeps those it
 * overlaps with some area, so a cell that only touches an area along an edge or at a corner is
 * left out here. On Chicago's tracts (resolutions 8–10) and the demo city's (9–11) both give
 * the same cells, and the overlaps equal those measured on `studyAreaCells`' grid to the bit.
 *
 * @param areas - the area polygons
 * @param resolution - the resolution wanted
 * @param near - the study area's cells at another resolution (`studyAreaCells(areas, r)`)
 * @returns the cells and the overlaps
 * @example
 * ```ts
 * const grid9 = studyAreaCells(tracts, 9);
 * const { grid, overlaps } = studyAreaCoverFrom(tracts, 10, grid9);
 * ```
 */
export function studyAreaCoverFrom(
  areas: AreaTable,
  resolution: number,
  near: CellGrid,
): StudyAreaCover {
  const candidates = sortedGrid(candidateCells(resolution, near), resolution);
  const found = areaCellOverlaps(candidates, areas);
  const kept = new Set<string>();
  for (let e = 0; e < found.cell.length; e++) kept.add(candidates.cells[found.cell[e]]);
  const grid = sortedGrid(kept, resolution);
  const position = Int32Array.from(candidates.cells, (cell) => grid.indexOf.get(cell) ?? -1);
  const cellAreaM2 = new Float64Array(grid.cells.length);
  for (let c = 0; c < candidates.cells.length; c++)
    if (position[c] >= 0) cellAreaM2[position[c]] = found.cellAreaM2[c];
  const overlaps: AreaCellShares = {
    ...found,
    cell: Uint32Array.from(found.cell, (c) => position[c]),
    cellAreaM2,
  };
  return { grid, overlaps };
}

/**
 * A grid of cells h3 made, as `gridFromCells` sorts and indexes them, without checking each again
 * (two h3 calls a cell, as long as the rest of the refinement).
 */
function sortedGrid(cells: Set<string>, resolution: number): CellGrid {
  if (cells.size === 0) return gridFromCells(cells);
  const sorted = [...cells].sort();
  const indexOf = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) indexOf.set(sorted[i], i);
  return { resolution, cells: sorted, indexOf };
}

/** The children or parents at `resolution` of `near`'s cells and their neighbours. */
function candidateCells(resolution: number, near: CellGrid): Set<string> {
  const candidates = new Set<string>();
  if (resolution > near.resolution) {
    const ring = new Set<string>();
    for (const cell of near.cells) for (const n of gridDisk(cell, 1)) ring.add(n);
    for (const cell of ring)
      for (const child of cellToChildren(cell, resolution)) candidates.add(child);
  } else {
    const parents = new Set<string>();
    for (const cell of near.cells) parents.add(cellToParent(cell, resolution));
    for (const parent of parents) for (const n of gridDisk(parent, 1)) candidates.add(n);
  }
  return candidates;
}
