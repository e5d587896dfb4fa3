/**
 * Mean radius of the Earth in metres (IUGG R1 = 6 371 008.8 m), the radius Turf uses, so that
 * distances agree with `turf.distance` on the same points.
 */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const RADIANS = Math.PI / 180;

/**
 * Great-circle distance between two points on a sphere of radius {@link EARTH_RADIUS_METERS},
 * by the haversine formula, which stays accurate for short distances (a few metres) where the
 * spherical law of cosines loses digits. The result is symmetric bit for bit: swapping the two
 * points gives the same number. Over city distances the sphere differs from the WGS84 ellipsoid
 * by up to about 0.5%.
 *
 * @param lng1 - longitude of the first point, degrees
 * @param lat1 - latitude of the first point, degrees
 * @param lng2 - longitude of the second point, degrees
 * @param lat2 - latitude of the second point, degrees
 * @returns the distance in metres; NaN if a coordinate is NaN
 * @example
 * ```ts
 * haversineMeters(-87.6298, 41.8781, -87.6244, 41.8827); // ≈ 679 m (Chicago Loop)
 * ```
 */
export function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const sinLat = Math.sin(((lat2 - lat1) * RADIANS) / 2);
  const sinLng = Math.sin(((lng2 - lng1) * RADIANS) / 2);
  // Sinnott 1984, "Virtues of the haversine", Sky & Telescope 68:159.
  const h = sinLat * sinLat + Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * sinLng * sinLng;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(Math.min(1, h)));
}
