import type { Polygon } from 'geojson';

/**
 * A unit square, the geometry of fixture cells and zones whose shape a test does not read.
 *
 * @example
 * ```ts
 * const zone = { type: 'Feature', geometry: UNIT_SQUARE, properties: { id: 'Z01', rank: 1 } };
 * ```
 */
export const UNIT_SQUARE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
