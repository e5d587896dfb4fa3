/**
 * Scratch buffers for {@link clippedRingArea}: two planar vertex lists `x0, y0, x1, y1, …`,
 * grown as needed, so that clipping many rings allocates nothing once they are large enough.
 */
export interface ClipScratch {
  a: Float64Array;
  b: Float64Array;
}

/**
 * A pair of empty scratch buffers for {@link clippedRingArea}.
 *
 * @example
 * ```ts
 * const scratch = createClipScratch();
 * ```
 */
export function createClipScratch(): ClipScratch {
  return { a: new Float64Array(64), b: new Float64Array(64) };
}

/**
 * The signed area of a ring clipped to a convex polygon, both in longitude and latitude degrees
 * with edges straight in them (as RFC 7946 draws GeoJSON), by Sutherland–Hodgman clipping
 * (Sutherland & Hodgman 1974, "Reentrant polygon clipping", CACM 17(1): 32–42) and the area
 * formula turf's `area` uses, the shoelace over longitude and the sine of latitude (Chamberlain
 * & Duquette 2007, "Some algorithms for polygons on a sphere", JPL 07-03). The clipped ring keeps
 * the ring's orientation, so the sign is the ring's: positive when counter-clockwise. A concave
 * ring may leave zero-width spurs along the clip edges; they have no area.
 *
 * @param ring - the ring's vertices `lng0, lat0, lng1, lat1, …`, first not repeated at the end
 * @param clip - the convex polygon's vertices, counter-clockwise, first not repeated
 * @param scratch - buffers reused between calls
 * @returns the signed area of ring ∩ clip, in m² on a sphere of radius 6,371,008.8 m
 * @example
 * ```ts
 * const square = Float64Array.of(0, 0, 0.02, 0, 0.02, 0.02, 0, 0.02);
 * const corner = Float64Array.of(0.01, 0.01, 0.03, 0.01, 0.03, 0.03, 0.01, 0.03);
 * clippedRingArea(square, corner, createClipScratch()); // ≈ 1,236,000 m²: 0.01° × 0.01°
 * ```
 */
export function clippedRingArea(
  ring: Float64Array,
  clip: Float64Array,
  scratch: ClipScratch,
): number {
  const edges = clip.length >> 1;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (let e = 0; e < edges; e++) {
    west = Math.min(west, clip[2 * e]);
    east = Math.max(east, clip[2 * e]);
    south = Math.min(south, clip[2 * e + 1]);
    north = Math.max(north, clip[2 * e + 1]);
  }
  reserve(scratch, ring.length);
  scratch.a.set(ring);
  let count = ring.length >> 1;
  // The clip polygon's bounds first: they drop most of a long ring by comparisons alone.
  count = clipToHalfPlane(scratch, count, west, 0, 0, -1);
  count = clipToHalfPlane(scratch, count, east, 0, 0, 1);
  count = clipToHalfPlane(scratch, count, 0, south, 1, 0);
  count = clipToHalfPlane(scratch, count, 0, north, -1, 0);
  for (let e = 0; e < edges && count > 0; e++) {
    const f = e + 1 === edges ? 0 : e + 1;
    const ax = clip[2 * e];
    const ay = clip[2 * e + 1];
    count = clipToHalfPlane(scratch, count, ax, ay, clip[2 * f] - ax, clip[2 * f + 1] - ay);
  }
  return ringAreaM2(scratch.a, count);
}

/**
 * A ring cut to the band of latitudes from `south` to `north` (Sutherland–Hodgman, as in
 * {@link clippedRingArea}), as a new array; empty when the ring misses the band.
 *
 * @example
 * ```ts
 * clipRingToBand(Float64Array.of(0, 0, 1, 0, 1, 1, 0, 1), 0.25, 0.5, createClipScratch()).length; // 8
 * ```
 */
export function clipRingToBand(
  ring: Float64Array,
  south: number,
  north: number,
  scratch: ClipScratch,
): Float64Array {
  reserve(scratch, ring.length);
  scratch.a.set(ring);
  let count = clipToHalfPlane(scratch, ring.length >> 1, 0, south, 1, 0);
  count = clipToHalfPlane(scratch, count, 0, north, -1, 0);
  return scratch.a.slice(0, 2 * count);
}

/** Grows the scratch buffers to hold `length` numbers, keeping what `a` holds. */
function reserve(scratch: ClipScratch, length: number): void {
  if (scratch.a.length >= length) return;
  const a = new Float64Array(2 * length);
  a.set(scratch.a);
  scratch.a = a;
  scratch.b = new Float64Array(2 * length);
}

/**
 * One Sutherland–Hodgman step: the ring of `count` vertices in `scratch.a` cut to the side left
 * of the line through a in direction d (or on it), written back to `scratch.a`.
 */
function clipToHalfPlane(
  scratch: ClipScratch,
  count: number,
  ax: number,
  ay: number,
  dx: number,
  dy: number,
): number {
  if (count === 0) return 0;
  // Each vertex gives at most two: itself and where the ring comes back in.
  reserve(scratch, 4 * count);
  const input = scratch.a;
  const output = scratch.b;
  let out = 0;
  let px = input[2 * count - 2];
  let py = input[2 * count - 1];
  let pSide = dx * (py - ay) - dy * (px - ax);
  for (let i = 0; i < count; i++) {
    const qx = input[2 * i];
    const qy = input[2 * i + 1];
    const qSide = dx * (qy - ay) - dy * (qx - ax);
    if (qSide >= 0) {
      if (pSide < 0) {
        const t = pSide / (pSide - qSide);
        output[out++] = px + t * (qx - px);
        output[out++] = py + t * (qy - py);
      }
      output[out++] = qx;
      output[out++] = qy;
    } else if (pSide >= 0) {
      const t = pSide / (pSide - qSide);
      output[out++] = px + t * (qx - px);
      output[out++] = py + t * (qy - py);
    }
    px = qx;
    py = qy;
    pSide = qSide;
  }
  scratch.a = output;
  scratch.b = input;
  return out >> 1;
}

/** Mean earth radius in metres (IUGG), the one turf's `area` uses. */
const EARTH_RADIUS_M = 6371008.8;

/**
 * The signed area in m² of the first `count` vertices of a ring `lng0, lat0, lng1, lat1, …` in
 * degrees: the shoelace formula over longitude (radians) and the sine of latitude, times R²
 * (Chamberlain & Duquette 2007), the formula of turf's `area`; positive when counter-clockwise.
 *
 * @example
 * ```ts
 * ringAreaM2(Float64Array.of(0, 0, 0.01, 0, 0.01, 0.01, 0, 0.01)); // ≈ 1,236,000
 * ```
 */
export function ringAreaM2(ring: ArrayLike<number>, count = ring.length >> 1): number {
  if (count < 3) return 0;
  // Relative to the first vertex, which keeps the products small and the sum accurate.
  const x0 = ring[0];
  const y0 = Math.sin((ring[1] * Math.PI) / 180);
  let twice = 0;
  let px = ring[2] - x0;
  let py = Math.sin((ring[3] * Math.PI) / 180) - y0;
  for (let i = 2; i < count; i++) {
    const qx = ring[2 * i] - x0;
    const qy = Math.sin((ring[2 * i + 1] * Math.PI) / 180) - y0;
    twice += px * qy - qx * py;
    px = qx;
    py = qy;
  }
  return ((twice / 2) * Math.PI * EARTH_RADIUS_M * EARTH_RADIUS_M) / 180;
}
