import { assertArgument } from '../errors.js';
import { cellToChildren, cellToParent } from '../hex/h3.js';
import type { CellGrid } from '../types.js';

/**
 * How far the selection made on a grid at another H3 resolution covers each cell of the base
 * grid, for the resolution part of robustness analysis (run the analysis at r − 1 and r + 1, then
 * compare with r):
 * - coarser grid (e.g. r − 1): 1 when the base cell's ancestor at that resolution is selected,
 *   else 0;
 * - finer grid (e.g. r + 1): the share of the base cell's descendants at that resolution that are
 *   selected (7 children per step, 6 under a pentagon);
 * - same resolution: 1 when the same cell is selected, else 0.
 * Only cells of the other grid count: descendants outside it (beyond the study area at that
 * resolution) are left out of the share, and a base cell whose ancestor, or all of whose
 * descendants, lie outside the other grid gets NaN — the other analysis says nothing there, which
 * `combineRobustness` skips rather than counting as "not selected".
 *
 * @param grid - the base analysis cells (resolution r)
 * @param other - the analysis cells at the other resolution
 * @param otherSelected - one entry per cell of `other`, non-zero when selected there
 * @returns per base cell, the share covered by the other selection (0–1), or NaN
 * @throws HexreachError `E_ARGUMENT` when `otherSelected` does not have one entry per cell of `other`
 * @example
 * ```ts
 * const coarse = analyze(inputs, { ...config, resolution: 8 });
 * const coarseMask = Uint8Array.from(coarse.zoneOfCell, (z) => (z >= 0 ? 1 : 0));
 * resolutionAgreement(result.grid, coarse.grid, coarseMask); // 1 where the r − 1 zones cover the cell
 * ```
 */
export function resolutionAgreement(
  grid: CellGrid,
  other: CellGrid,
  otherSelected: ArrayLike<number>,
): Float64Array {
  assertArgument(
    otherSelected.length === other.cells.length,
    'resolutionAgreement',
    `otherSelected must have one entry per cell of other (${other.cells.length}), got ${otherSelected.length}`,
    otherSelected.length,
  );
  const n = grid.cells.length;
  const share = new Float64Array(n).fill(Number.NaN);
  const isSelected = (cell: string): number | undefined => {
    const j = other.indexOf.get(cell);
    return j === undefined ? undefined : otherSelected[j] !== 0 ? 1 : 0;
  };
  for (let i = 0; i < n; i++) {
    const cell = grid.cells[i];
    if (other.resolution <= grid.resolution) {
      const ancestor =
        other.resolution === grid.resolution ? cell : cellToParent(cell, other.resolution);
      share[i] = isSelected(ancestor) ?? Number.NaN;
      continue;
    }
    let present = 0;
    let selected = 0;
    for (const child of cellToChildren(cell, other.resolution)) {
      const s = isSelected(child);
      if (s === undefined) continue;
      present++;
      selected += s;
    }
    if (present > 0) share[i] = selected / present;
  }
  return share;
}
