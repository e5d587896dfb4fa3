import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The outer boundary of a set of adjacent cells (the study area and its holes), for orientation
 * on a map without a basemap. An edge shared by two cells is interior; the edges that belong to
 * one cell only are the boundary, chained into closed rings. Vertices are matched to 1e-7° (about
 * 1 cm), so the same corner written by two cells with tiny rounding differences still matches.
 *
 * @param cells - polygon features (H3 cells as `cells.geojson` writes them)
 * @returns the boundary rings as one MultiLineString (empty for no cells)
 * @example
 * ```ts
 * map.addSource('study-area', { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: cellsOutline(cells.features) } });
 * ```
 */
export function cellsOutline(
  cells: readonly Feature<Polygon | MultiPolygon | null>[],
): MultiLineString {
  const key = (p: Position): string => `${Math.round(p[0] * 1e7)},${Math.round(p[1] * 1e7)}`;
  const edges = new Map<string, { from: Position; to: Position; count: number }>();
  for (const cell of cells) {
    const geometry = cell.geometry;
    if (geometry === null) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = key(ring[i]);
          const b = key(ring[i + 1]);
          if (a === b) continue;
          const id = a < b ? `${a}|${b}` : `${b}|${a}`;
          const edge = edges.get(id);
          if (edge === undefined) edges.set(id, { from: ring[i], to: ring[i + 1], count: 1 });
          else edge.count++;
        }
      }
    }
  }
  // Boundary edges leaving each vertex; in a cell grid a boundary vertex has exactly two.
  const leaving = new Map<string, { from: Position; to: Position; used: boolean }[]>();
  const boundary: { from: Position; to: Position; used: boolean }[] = [];
  for (const edge of edges.values()) {
    if (edge.count !== 1) continue;
    const segment = { from: edge.from, to: edge.to, used: false };
    boundary.push(segment);
    for (const end of [key(edge.from), key(edge.to)]) {
      const list = leaving.get(end);
      if (list === undefined) leaving.set(end, [segment]);
      else list.push(segment);
    }
  }
  const rings: Position[][] = [];
  for (const first of boundary) {
    if (first.used) continue;
    first.used = true;
    const line: Position[] = [first.from, first.to];
    let end = first.to;
    for (;;) {
      const next = leaving.get(key(end))?.find((s) => !s.used);
      if (next === undefined) break;
      next.used = true;
      end = key(next.from) === key(end) ? next.to : next.from;
      line.push(end);
    }
    rings.push(line);
  }
  return { type: 'MultiLineString', coordinates: rings };
}
