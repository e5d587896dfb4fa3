import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A Polygon or MultiPolygon cut at the antimeridian, as RFC 7946 §3.1.9 asks of geometries that
 * cross it: "cutting it in two such that neither part's representation crosses the
 * antimeridian". h3 gives a cell on the antimeridian as one ring whose longitudes jump from 179.99
 * to −179.99; drawn as it is, it spans the whole globe. A polygon crosses where two consecutive
 * positions are more than 180° of longitude apart: its rings are unwrapped (longitudes made
 * continuous, past 180), clipped to each side of the meridian 180 (Sutherland–Hodgman, with
 * latitude interpolated linearly in longitude, GeoJSON's planar reading), and the eastern part
 * is moved back by 360°, so that the two parts meet at 180 and −180. Other polygons, and a ring
 * around a pole (it cannot be cut in two), are kept as they are.
 *
 * @param geometry - a Polygon or MultiPolygon with `[lng, lat]` positions in −180…180
 * @returns the geometry itself when nothing crosses, else a new MultiPolygon (or Polygon when
 *   all of it lies on one side once unwrapped)
 * @throws never
 * @example
 * ```ts
 * splitAntimeridian({ type: 'Polygon', coordinates: [[[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]]] });
 * // { type: 'MultiPolygon', coordinates: [[[[179, 0], [180, 0], [180, 1], [179, 1], [179, 0]]],
 * //   [[[-180, 0], [-179, 0], [-179, 1], [-180, 1], [-180, 0]]]] }
 * ```
 */
export function splitAntimeridian(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!polygons.some((rings) => rings.some(crossesAntimeridian))) return geometry;
  const parts = polygons.flatMap(splitPolygon);
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0] }
    : { type: 'MultiPolygon', coordinates: parts };
}

/** Whether two consecutive positions of a ring are more than 180° of longitude apart. */
function crossesAntimeridian(ring: Position[]): boolean {
  for (let i = 1; i < ring.length; i++)
    if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) return true;
  return false;
}

/** One polygon (outer ring, holes) as the polygons on each side of the meridian 180. */
function splitPolygon(rings: Position[][]): Position[][][] {
  if (!rings.some(crossesAntimeridian)) return [rings];
  const unwrapped = rings.map(unwrap);
  // A ring around a pole gains 360° on its way round: there is no cutting it in two.
  if (unwrapped.some((ring) => Math.abs(ring[ring.length - 1][0] - ring[0][0]) > 1e-9))
    return [rings];
  // Move every ring to where the outer ring's longitudes straddle 180 (not −180).
  const outer = unwrapped[0];
  const shift = Math.min(...outer.map((p) => p[0])) < -180 ? 360 : 0;
  const centre = mean(outer) + shift;
  const placed = unwrapped.map((ring) => {
    const offset = shift + 360 * Math.round((centre - shift - mean(ring)) / 360);
    return offset === 0 ? ring : ring.map(([lng, lat]) => [lng + offset, lat]);
  });
  const west = placed.map((ring) => clip(ring, (lng) => lng <= 180));
  const east = placed
    .map((ring) => clip(ring, (lng) => lng >= 180))
    .map((ring) => ring.map(([lng, lat]) => [lng - 360, lat]));
  return [west, east].flatMap((side) =>
    side[0].length < 4 ? [] : [[side[0], ...side.slice(1).filter((hole) => hole.length >= 4)]],
  );
}

/** The ring with each longitude within 180° of the one before it (so it may pass ±180). */
function unwrap(ring: Position[]): Position[] {
  const out: Position[] = [];
  let previous = ring[0][0];
  for (const [lng, lat] of ring) {
    let continuous = lng;
    while (continuous - previous > 180) continuous -= 360;
    while (continuous - previous < -180) continuous += 360;
    out.push([continuous, lat]);
    previous = continuous;
  }
  return out;
}

function mean(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0];
  return sum / Math.max(1, ring.length - 1);
}

/**
 * The part of a closed ring on one side of the meridian 180 (Sutherland–Hodgman against one
 * line), closed; empty when no part of it is on that side.
 */
function clip(ring: Position[], inside: (lng: number) => boolean): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i];
    const q = ring[i + 1];
    const pIn = inside(p[0]);
    const qIn = inside(q[0]);
    if (pIn !== qIn) push(out, [180, p[1] + ((q[1] - p[1]) * (180 - p[0])) / (q[0] - p[0])]);
    if (qIn) push(out, [q[0], q[1]]);
  }
  if (out.length === 0) return out;
  out.push([out[0][0], out[0][1]]);
  return out;
}

/** Appends a position unless it repeats the last one (a vertex on the meridian itself). */
function push(ring: Position[], position: Position): void {
  const last = ring[ring.length - 1];
  if (last === undefined || last[0] !== position[0] || last[1] !== position[1]) ring.push(position);
}
