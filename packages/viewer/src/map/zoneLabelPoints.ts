import type { Feature, MultiPolygon, Polygon } from 'geojson';

/**
 * Where each zone's rank label goes: the centre of the zone's cell nearest the mean of its cells'
 * centres — always inside the zone, even for a crescent-shaped one whose centroid is not. A cell
 * centre is the mean of its outer ring's corners (exact enough for a hexagon).
 *
 * @param cells - cell features with a `zone` property (null outside zones)
 * @returns zone id → `[lng, lat]`
 * @example
 * ```ts
 * zoneLabelPoints(results.cells.features).get('Z01'); // [-101.35, 42.34]
 * ```
 */
export function zoneLabelPoints(
  cells: readonly Feature<Polygon | MultiPolygon, Readonly<Record<string, unknown>>>[],
): Map<string, [number, number]> {
  const centres = new Map<string, [number, number][]>();
  for (const cell of cells) {
    const zone = cell.properties.zone;
    if (typeof zone !== 'string' || zone === '') continue;
    const ring =
      cell.geometry.type === 'Polygon'
        ? cell.geometry.coordinates[0]
        : cell.geometry.coordinates[0][0];
    const n = ring.length - 1;
    let lng = 0;
    let lat = 0;
    for (let i = 0; i < n; i++) {
      lng += ring[i][0] / n;
      lat += ring[i][1] / n;
    }
    const list = centres.get(zone);
    if (list === undefined) centres.set(zone, [[lng, lat]]);
    else list.push([lng, lat]);
  }
  const points = new Map<string, [number, number]>();
  for (const [zone, list] of centres) {
    const mean = [0, 0];
    for (const c of list) {
      mean[0] += c[0] / list.length;
      mean[1] += c[1] / list.length;
    }
    let best = list[0];
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const c of list) {
      const d = (c[0] - mean[0]) ** 2 + (c[1] - mean[1]) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    points.set(zone, best);
  }
  return points;
}
