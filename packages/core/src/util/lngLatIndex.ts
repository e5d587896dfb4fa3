import KDBush from 'kdbush';
import { EARTH_RADIUS_METERS } from './haversineMeters.js';

const RADIANS = Math.PI / 180;

/**
 * Above this search radius the local projection is not trusted (its error grows with the square
 * of the distance) and every point is a candidate: at such scales the index would return most
 * points anyway.
 */
const MAX_PROJECTED_RADIUS_METERS = 200_000;

/**
 * Relative slack on the projected radius. Within {@link MAX_PROJECTED_RADIUS_METERS} (an angle
 * θ ≤ 0.032 rad) the flat distance with the midpoint latitude differs from the haversine
 * distance by a relative O(θ²) ≤ 1e-3; 1% covers that and rounding with room to spare.
 */
const RADIUS_SLACK = 1.01;

/**
 * Candidate search for points given by longitude and latitude: a kdbush index over the points
 * projected to local metres (equirectangular around the mean latitude of the points and of the
 * places that will be queried), with the query radius widened so that every point within the
 * great-circle radius is returned. The caller filters the candidates by exact distance
 * (`haversineMeters`). Longitudes are taken relative to the first point, so areas across the
 * antimeridian work.
 *
 * Why the radius must grow: the projection scales every east–west separation by cos φ₀ (φ₀ the
 * mean latitude), while two points around latitude φ are really R·cos φ·Δλ apart east–west; where
 * |φ| exceeds |φ₀| the projection stretches them apart by cos φ₀ / cos φ, so a point inside the
 * radius could fall outside it in the projection. The radius is therefore multiplied by
 * max(1, cos φ₀ / cos φ_max) (φ_max the most poleward latitude of the points and the queries)
 * and a 1% slack.
 *
 * @example
 * ```ts
 * const index = new LngLatIndex(lng, lat, queryLat);
 * const out: number[] = [];
 * const found = index.candidates(-87.63, 41.88, 500, out); // out[0 … found − 1]
 * ```
 */
export class LngLatIndex {
  private readonly index: KDBush | null;
  private readonly count: number;
  private readonly lng0: number;
  private readonly xScale: number;
  private readonly radiusScale: number;

  /**
   * @param lng - longitudes of the indexed points, degrees
   * @param lat - latitudes of the indexed points, degrees
   * @param queryLat - latitudes the index will be queried at (used for the projection's
   *   reference latitude and its error bound); the points' own latitudes are always included
   */
  constructor(lng: ArrayLike<number>, lat: ArrayLike<number>, queryLat: ArrayLike<number> = lat) {
    const n = lng.length;
    this.count = n;
    let sumLat = 0;
    let maxAbsLat = 0;
    for (let i = 0; i < n; i++) {
      sumLat += lat[i];
      if (Math.abs(lat[i]) > maxAbsLat) maxAbsLat = Math.abs(lat[i]);
    }
    for (let i = 0; i < queryLat.length; i++) {
      sumLat += queryLat[i];
      if (Math.abs(queryLat[i]) > maxAbsLat) maxAbsLat = Math.abs(queryLat[i]);
    }
    const meanLat = sumLat / Math.max(1, n + queryLat.length);
    const cosMean = Math.cos(meanLat * RADIANS);
    const cosPoleward = Math.cos(maxAbsLat * RADIANS);
    this.lng0 = n > 0 ? lng[0] : 0;
    this.xScale = EARTH_RADIUS_METERS * RADIANS * cosMean;
    this.radiusScale =
      cosPoleward > 0
        ? Math.max(1, cosMean / cosPoleward) * RADIUS_SLACK
        : Number.POSITIVE_INFINITY;
    if (n === 0) {
      this.index = null;
      return;
    }
    const index = new KDBush(n, 64, Float64Array);
    for (let i = 0; i < n; i++) index.add(this.x(lng[i]), this.y(lat[i]));
    this.index = index.finish();
  }

  /**
   * Writes to `out` the indexes of a superset of the points within `radiusMeters` (great-circle)
   * of a place, and returns how many it wrote. `out` is reused between calls and grows as needed.
   *
   * @param lng - longitude of the place, degrees
   * @param lat - latitude of the place, degrees
   * @param radiusMeters - search radius, metres
   * @param out - receives the candidate indexes at positions 0 … count − 1
   * @returns the number of candidates written
   */
  candidates(lng: number, lat: number, radiusMeters: number, out: number[]): number {
    if (this.index === null) return 0;
    const radius = radiusMeters * this.radiusScale;
    if (!(radius <= MAX_PROJECTED_RADIUS_METERS)) {
      for (let i = 0; i < this.count; i++) out[i] = i;
      return this.count;
    }
    return this.index.withinInto(this.x(lng), this.y(lat), radius, out);
  }

  /** Projected x of a longitude, metres east of the first point at the reference latitude. */
  private x(lng: number): number {
    let d = lng - this.lng0;
    // Wrap into [−180, 180) so that points either side of the antimeridian stay close.
    d -= 360 * Math.floor((d + 180) / 360);
    return d * this.xScale;
  }

  /** Projected y of a latitude, metres north of the equator. */
  private y(lat: number): number {
    return lat * EARTH_RADIUS_METERS * RADIANS;
  }
}
