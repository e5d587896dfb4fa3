import type { ZoneFeature } from '../data/results.js';

/**
 * Each cell's zone as its place in the zone list (rank 1 first), −1 for a cell in no zone or in
 * a zone the list lacks: the form the zones' outlines and labels are drawn from, whether the
 * zones come from zones.geojson or from a re-score in the worker.
 *
 * @param cellZones - each cell's `zone` property (the zone id, or null)
 * @param zones - the zones, rank 1 first
 * @returns one integer per cell
 * @example
 * ```ts
 * zoneGroups(['Z02', null, 'Z01'], zones.features); // Int32Array [1, -1, 0]
 * ```
 */
export function zoneGroups(
  cellZones: readonly (string | null)[],
  zones: readonly ZoneFeature[],
): Int32Array {
  const place = new Map(zones.map((zone, z) => [zone.properties.id, z]));
  const groups = new Int32Array(cellZones.length);
  for (let c = 0; c < cellZones.length; c++) {
    const zone = cellZones[c];
    groups[c] = zone === null ? -1 : (place.get(zone) ?? -1);
  }
  return groups;
}
