import { assertArgument } from '../errors.js';
import type { CellGrid } from '../types.js';
import { getResolution, isValidCell } from './h3.js';

/**
 * Builds the analysis grid from a set of H3 cells: deduplicated, sorted ascending (every H3 cell
 * index has 15 hexadecimal digits, so string order is numeric order) and indexed, so that the same
 * cells always get the same positions whatever order they arrive in.
 *
 * @param cells - H3 cell indexes, all at one resolution; duplicates are allowed and dropped
 * @returns the grid: resolution, sorted cells and the position of each cell
 * @throws HexreachError `E_ARGUMENT` when there is no cell, a string is not a valid H3 cell, or
 *   the cells mix resolutions (the error's value is the offending cell)
 * @example
 * ```ts
 * const grid = gridFromCells(['882664c1a9fffff', '882664c1a9fffff', '882664c1abfffff']);
 * grid.cells; // ['882664c1a9fffff', '882664c1abfffff']
 * grid.indexOf.get('882664c1abfffff'); // 1
 * ```
 */
export function gridFromCells(cells: Iterable<string>): CellGrid {
  const unique = new Set<string>();
  let resolution = -1;
  for (const cell of cells) {
    if (unique.has(cell)) continue;
    assertArgument(
      typeof cell === 'string' && isValidCell(cell),
      'gridFromCells',
      `not a valid H3 cell: ${String(cell)}`,
      cell,
    );
    const cellResolution = getResolution(cell);
    if (resolution === -1) resolution = cellResolution;
    assertArgument(
      cellResolution === resolution,
      'gridFromCells',
      `all cells must share one resolution; ${cell} is at ${cellResolution}, the first cell at ${resolution}`,
      cell,
    );
    unique.add(cell);
  }
  assertArgument(unique.size > 0, 'gridFromCells', 'needs at least one cell', cells);
  const sorted = [...unique].sort();
  const indexOf = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) indexOf.set(sorted[i], i);
  return { resolution, cells: sorted, indexOf };
}
