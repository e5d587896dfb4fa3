import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Orients polygon rings as RFC 7946 §3.1.6 requires: exterior rings counter-clockwise, holes
 * clockwise. Orientation comes from the sign of the shoelace area on plain lng/lat, which is
 * exact enough for the sign at city scale; a ring crossing the antimeridian must be cut first
 * (`splitAntimeridian`).
 * (h3-js 4.5 already returns this orientation; rewinding keeps the export correct whatever the
 * geometry's origin.)
 *
 * @param geometry - a Polygon or MultiPolygon with `[lng, lat]` positions
 * @returns a new geometry of the same type whose rings are reversed where needed; positions are
 *   shared with the input, which is not modified
 * @throws never; a degenerate ring (zero area) is left as it is
 * @example
 * ```ts
 * rewindRfc7946({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] });
 * // exterior reversed to [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
 * ```
 */
export function rewindRfc7946<G extends Polygon | MultiPolygon>(geometry: G): G {
  if (geometry.type === 'Polygon')
    return { ...geometry, coordinates: rewindPolygon((geometry as Polygon).coordinates) };
  return {
    ...geometry,
    coordinates: (geometry as MultiPolygon).coordinates.map(rewindPolygon),
  };
}

/** Exterior (ring 0) counter-clockwise, every later ring (a hole) clockwise. */
function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, r) => {
    const area = signedArea(ring);
    const wantCounterClockwise = r === 0;
    if (area === 0 || area > 0 === wantCounterClockwise) return ring;
    return ring.slice().reverse();
  });
}

/** Twice the signed area of a closed ring: positive when counter-clockwise (shoelace formula). */
function signedArea(ring: Position[]): number {
  if (ring.length === 0) return 0;
  let sum = 0;
  // Shoelace formula (Gauss's area formula): Σ (xᵢ·yᵢ₊₁ − xᵢ₊₁·yᵢ), relative to the first
  // position so that large longitudes do not cancel out the small differences.
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  for (let i = 0; i < ring.length - 1; i++) {
    const xa = ring[i][0] - x0;
    const ya = ring[i][1] - y0;
    const xb = ring[i + 1][0] - x0;
    const yb = ring[i + 1][1] - y0;
    sum += xa * yb - xb * ya;
  }
  return sum;
}
