import type { MultiPolygon, Polygon, Position } from 'geojson';
import { type Ring, ringSignedArea, type Shape, type XY } from './plane.js';

/** Empty ranch land in the Nebraska Sandhills, far from any town, so no real place is implied. */
export const CENTRE_LNG = -101.35;
/** Latitude of the city centre; see {@link CENTRE_LNG}. */
export const CENTRE_LAT = 42.35;
// Equirectangular scale at 42.35° N; over 15 km the distortion is far below a metre.
const KM_PER_DEG_LNG = 82.27032;
const KM_PER_DEG_LAT = 111.05;

/** A plane point as written: `[lng, lat]` rounded to 6 decimals. */
export function toLngLat([x, y]: XY): [number, number] {
  return [
    Math.round((CENTRE_LNG + x / KM_PER_DEG_LNG) * 1e6) / 1e6,
    Math.round((CENTRE_LAT + y / KM_PER_DEG_LAT) * 1e6) / 1e6,
  ];
}

function outputRing(ring: Ring, exterior: boolean): Ring {
  const out: XY[] = [];
  for (const p of ring) {
    const q = toLngLat(p);
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length < 4) throw new Error('makeDemoCity: a ring collapsed when rounded');
  // RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.
  return ringSignedArea(out) > 0 === exterior ? out : out.reverse();
}

/** A plane shape as written: degrees rounded to 6 decimals, rings oriented as RFC 7946 asks. */
export function toDegrees(shape: Shape): Shape {
  return shape.map((poly) => poly.map((ring, k) => outputRing(ring, k === 0)));
}

/** A shape in degrees as a GeoJSON Polygon, or a MultiPolygon when it has several parts. */
export function toGeometry(degrees: Shape): Polygon | MultiPolygon {
  const polys: Position[][][] = degrees.map((poly) =>
    poly.map((ring) => ring.map(([lng, lat]) => [lng, lat])),
  );
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };
}
