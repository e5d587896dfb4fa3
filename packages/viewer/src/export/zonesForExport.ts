import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ZoneProperties } from '../data/results.js';

/**
 * The zones to export: all of them, or only those whose id is listed, in the collection's (rank)
 * order. Features are passed through as loaded, so exporting every zone gives back the run's
 * `zones.geojson` (serialised as the CLI does by {@link zonesGeoJsonText}).
 *
 * @param zones - the zones loaded
 * @param ids - the ids to keep; undefined keeps every zone
 * @returns a new FeatureCollection (the loaded one is not changed)
 * @example
 * ```ts
 * zonesForExport(results.zones, ['Z02']).features.length; // 1
 * ```
 */
export function zonesForExport(
  zones: FeatureCollection<Polygon | MultiPolygon, ZoneProperties>,
  ids?: readonly string[],
): FeatureCollection<Polygon | MultiPolygon, ZoneProperties> {
  const keep = ids === undefined ? undefined : new Set(ids);
  return {
    ...zones,
    features: zones.features.filter((f) => keep === undefined || keep.has(f.properties.id)),
  };
}

/**
 * Zones as the text `hexreach analyze` writes to `zones.geojson` (`JSON.stringify` with a
 * one-space indent), so that an export of every zone equals the CLI's file byte for byte.
 *
 * @example
 * ```ts
 * zonesGeoJsonText(zonesForExport(results.zones)); // '{\n "type": "FeatureCollection", …'
 * ```
 */
export function zonesGeoJsonText(
  zones: FeatureCollection<Polygon | MultiPolygon, ZoneProperties>,
): string {
  return JSON.stringify(zones, null, 1);
}
