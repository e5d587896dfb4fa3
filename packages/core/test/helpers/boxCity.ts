import type { Polygon } from 'geojson';
import type { AreaTable } from '../../src/types.js';

/** A closed rectangle, counter-clockwise. */
function box(west: number, south: number, east: number, north: number): Polygon {
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * Ten tracts over about 5 × 3 km of Chicago: a 3 × 3 tiling and a tenth across the middle,
 * overlapping four of them, so that some cells meet one tract, some several. At resolution 10 a
 * few hundred cells: for tests of moving tract values to cells.
 *
 * @example
 * ```ts
 * const { grid, overlaps } = studyAreaCover(boxCity(), 10);
 * ```
 */
export function boxCity(): AreaTable {
  const geometries: Polygon[] = [];
  for (let row = 0; row < 3; row++) {
    for (let column = 0; column < 3; column++) {
      const west = -87.7 + 0.02 * column;
      const south = 41.85 + 0.01 * row;
      geometries.push(box(west, south, west + 0.02, south + 0.01));
    }
  }
  geometries.push(box(-87.685, 41.855, -87.665, 41.865));
  return {
    source: 'boxCity.geojson',
    length: geometries.length,
    geometries,
    record: Uint32Array.from(geometries, (_, i) => i),
    attributes: {},
    ids: geometries.map((_, i) => `tract-${i}`),
  };
}
