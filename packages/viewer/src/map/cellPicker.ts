import { getResolution, lngLatToCell } from '@hexreach/core/grid';

/**
 * Finds the cell under the pointer by its H3 index rather than by hit-testing drawn geometry:
 * the H3 cell containing the position, at each resolution the cells have, looked up among the
 * cells. Exact for H3 cells, one h3 call per resolution, whatever layer draws them.
 *
 * @param cells - the H3 index of each cell, in the order of the features
 * @returns a function from a position to the index of the cell containing it, or −1
 * @example
 * ```ts
 * const cellAt = cellPicker(results.cells.features.map((f) => f.properties.h3));
 * cellAt(-87.63, 41.88); // 1234, or -1 outside every cell
 * ```
 */
export function cellPicker(cells: readonly string[]): (lng: number, lat: number) => number {
  const indexOf = new Map<string, number>();
  const resolutions = new Set<number>();
  cells.forEach((h3, i) => {
    indexOf.set(h3, i);
    resolutions.add(getResolution(h3));
  });
  const ordered = [...resolutions].sort((a, b) => a - b);
  return (lng, lat) => {
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return -1;
    for (const resolution of ordered) {
      const index = indexOf.get(lngLatToCell(lng, lat, resolution));
      if (index !== undefined) return index;
    }
    return -1;
  };
}
