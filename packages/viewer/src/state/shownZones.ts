import type { LoadedResults, ZoneProperties } from '../data/results.js';
import { zoneGroups } from '../map/zoneGroups.js';

/**
 * The zones drawn — outlines, rank labels, the ranked list — as each cell's zone (its place in
 * `list`, −1 for none) and the zones' properties, rank 1 first. They come from the results, or,
 * while a re-score runs, from the worker's zones ahead of the rest of it (`ahead`).
 */
export interface ShownZones {
  readonly groups: Int32Array;
  readonly list: readonly ZoneProperties[];
  readonly ahead: boolean;
}

/**
 * The zones of results as drawn: each cell's place in the zone list, and the list.
 *
 * @param results - the results, if any
 * @returns their zones, or undefined without zones.geojson
 * @example
 * ```ts
 * store.set({ shownZones: zonesOfResults(results) });
 * ```
 */
export function zonesOfResults(
  results: Pick<LoadedResults, 'zones' | 'texts' | 'cells'> | undefined,
): ShownZones | undefined {
  if (results?.zones === undefined) return undefined;
  const cellZones = results.texts.zone ?? new Array<null>(results.cells.features.length).fill(null);
  return {
    groups: zoneGroups(cellZones, results.zones.features),
    list: results.zones.features.map((z) => z.properties),
    ahead: false,
  };
}

/**
 * Do two sets of zones have the same cells and ids, zone for zone?
 *
 * @example
 * ```ts
 * if (!sameZones(before, next)) outlineZones();
 * ```
 */
export function sameZones(a: ShownZones, b: ShownZones): boolean {
  if (a.groups.length !== b.groups.length || a.list.length !== b.list.length) return false;
  for (let c = 0; c < a.groups.length; c++) if (a.groups[c] !== b.groups[c]) return false;
  return a.list.every((zone, z) => zone.id === b.list[z].id && zone.rank === b.list[z].rank);
}
