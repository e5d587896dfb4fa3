import type { Feature, MultiPolygon, Polygon } from 'geojson';

/**
 * The bounding box `[west, south, east, north]` of polygon features (outer rings), for fitting
 * the map to cells or to a zone.
 *
 * @param features - polygons
 * @returns the box, or undefined when there is no coordinate
 * @example
 * ```ts
 * map.fitBounds(featureBounds(results.cells.features)!, { padding: 30 });
 * ```
 */
export function featureBounds(
  features: readonly Feature<Polygon | MultiPolygon | null>[],
): [number, number, number, number] | undefined {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const feature of features) {
    const geometry = feature.geometry;
    if (geometry === null) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      for (const [lng, lat] of polygon[0] ?? []) {
        if (lng < west) west = lng;
        if (lng > east) east = lng;
        if (lat < south) south = lat;
        if (lat > north) north = lat;
      }
    }
  }
  return west <= east ? [west, south, east, north] : undefined;
}
