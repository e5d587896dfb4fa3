import { getResolution, lngLatToCell } from '@hexreach/core/grid';

/**
 * Finds the cell under the pointer by its H3 index rather than by hit-testing drawn geometry:
 * the H3 cell containing the position, at each resolution the cells have, looked up among the
 * cells. Exact for H3 cells, one h3 call per resolution, whatever layer draws them.
 *
 * @param cells - the H3 index of each cell, in the order of the features
 * @param indexOf - each cell's place in `cells`, when the caller has that map already
 * @returns a function from a position to the index of the cell containing it, or −1
 * @example
 * ```ts
 * const cellAt = cellPicker(results.cellIds);
 * cellAt(-87.63, 41.88); // 1234, or -1 outside every cell
 * ```
 */
export function cellPicker(
  cells: readonly string[],
  indexOf: ReadonlyMap<string, number> = new Map(cells.map((h3, i) => [h3, i])),
): (lng: number, lat: number) => number {
  const ordered = resolutionsOf(cells);
  return (lng, lat) => {
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return -1;
    for (const resolution of ordered) {
      const index = indexOf.get(lngLatToCell(lng, lat, resolution));
      if (index !== undefined) return index;
    }
    return -1;
  };
}

/**
 * The resolutions of the cells, ascending. Indexes that begin with the same two hex digits hold
 * the same bits 52–59, and so the same resolution (bits 52–55): h3 is asked once per pair of
 * digits instead of once per cell.
 */
function resolutionsOf(cells: readonly string[]): number[] {
  const seen = new Set<string>();
  const resolutions = new Set<number>();
  for (const h3 of cells) {
    // Same length, same leading digits: the same bits in the same places.
    const head = `${h3.length}:${h3.slice(0, 2)}`;
    if (seen.has(head)) continue;
    seen.add(head);
    resolutions.add(getResolution(h3));
  }
  return [...resolutions].sort((a, b) => a - b);
}
