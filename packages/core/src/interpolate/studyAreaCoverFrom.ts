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
  const candidates = indexedGrid(candidateCells(resolution, near), resolution);
  const found = areaCellOverlaps(candidates, areas);
  // The candidates some area overlaps, kept in their (sorted) order: each one's position.
  const kept = new Uint8Array(candidates.cells.length);
  for (let e = 0; e < found.cell.length; e++) kept[found.cell[e]] = 1;
  const position = new Int32Array(candidates.cells.length).fill(-1);
  const cells: string[] = [];
  for (let c = 0; c < kept.length; c++) {
    if (kept[c] === 0) continue;
    position[c] = cells.length;
    cells.push(candidates.cells[c]);
  }
  const grid = indexedGrid(cells, resolution);
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
 * A grid of cells h3 made, already sorted as `gridFromCells` sorts them, indexed without
 * checking each again (two h3 calls a cell, as long as the rest of the refinement); none is
 * refused as gridFromCells refuses it.
 */
function indexedGrid(sorted: string[], resolution: number): CellGrid {
  if (sorted.length === 0) return gridFromCells(sorted);
  const indexOf = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) indexOf.set(sorted[i], i);
  return { resolution, cells: sorted, indexOf };
}

/** The children or parents at `resolution` of `near`'s cells and their neighbours, sorted. */
function candidateCells(resolution: number, near: CellGrid): string[] {
  if (resolution > near.resolution) {
    const ring = new Set<string>();
    for (const cell of near.cells) for (const n of gridDisk(cell, 1)) ring.add(n);
    // Distinct cells have distinct children, which sort as their parents do: h3 lists each
    // cell's children in order, so the children of the sorted cells come sorted (checked).
    const children: string[] = [];
    for (const cell of [...ring].sort())
      for (const child of cellToChildren(cell, resolution)) children.push(child);
    return isSorted(children) ? children : children.sort();
  }
  const parents = new Set<string>();
  for (const cell of near.cells) parents.add(cellToParent(cell, resolution));
  const candidates = new Set<string>();
  for (const parent of parents) for (const n of gridDisk(parent, 1)) candidates.add(n);
  return [...candidates].sort();
}

/** Whether the strings rise strictly. */
function isSorted(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i - 1] < values[i])) return false;
  return true;
}
