import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaTable } from '../../src/types.js';

/**
 * An area table of the given polygons and no attributes, as `readAreasGeoJson` would give for a
 * fixture file: for tests of the cells covering areas.
 *
 * @example
 * ```ts
 * const grid = studyAreaCells(areaTable([square]), 9);
 * ```
 */
export function areaTable(geometries: (Polygon | MultiPolygon)[]): AreaTable {
  return {
    source: 'fixture.geojson',
    length: geometries.length,
    geometries,
    record: Uint32Array.from(geometries, (_, i) => i),
    attributes: {},
    ids: geometries.map((_, i) => `area-${i}`),
  };
}
