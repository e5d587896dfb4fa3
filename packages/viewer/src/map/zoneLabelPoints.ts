import type { Feature, MultiPolygon, Polygon } from 'geojson';

/**
 * Where each zone's rank label goes: the centre of the zone's cell nearest the mean of its cells'
 * centres — always inside the zone, even for a crescent-shaped one whose centroid is not. A cell
 * centre is the mean of its outer ring's corners (exact enough for a hexagon).
 *
 * @param cells - the cell features
 * @param groupOf - each cell's zone: its place in the zone list, negative (or NaN) for none
 * @param count - the number of zones
 * @returns `[lng, lat]` of each zone by its place, undefined for a zone without cells
 * @example
 * ```ts
 * zoneLabelPoints(results.cells.features, zoneOfCell, zones.length)[0]; // [-101.35, 42.34]
 * ```
 */
export function zoneLabelPoints(
  cells: readonly Feature<Polygon | MultiPolygon, unknown>[],
  groupOf: ArrayLike<number>,
  count: number,
): ([number, number] | undefined)[] {
  const centres: [number, number][][] = Array.from({ length: count }, () => []);
  for (let c = 0; c < cells.length; c++) {
    const group = groupOf[c];
    if (!(group >= 0 && group < count)) continue;
    const geometry = cells[c].geometry;
    const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
    const n = ring.length - 1;
    let lng = 0;
    let lat = 0;
    for (let i = 0; i < n; i++) {
      lng += ring[i][0] / n;
      lat += ring[i][1] / n;
    }
    centres[group].push([lng, lat]);
  }
  return centres.map((list) => {
    if (list.length === 0) return undefined;
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
    return best;
  });
}
