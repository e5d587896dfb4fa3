import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CellProperties } from '../data/results.js';

/**
 * The cells as the map's source gets them: the same geometries, but only `h3` and the columns
 * the cell layers draw. MapLibre encodes every property of every feature into every tile, so
 * the 60-odd columns of a run would double the time it takes to draw 50,000 cells; the tooltip
 * and the details read the full properties from the results instead, by `h3`.
 *
 * @param cells - the cells as loaded
 * @param columns - the properties the map's layers read
 * @returns a new collection sharing the geometries
 * @example
 * ```ts
 * map.addSource('cells', { type: 'geojson', data: slimCells(results.cells, ['score']), promoteId: 'h3' });
 * ```
 */
export function slimCells(
  cells: FeatureCollection<Polygon | MultiPolygon, CellProperties>,
  columns: readonly string[],
): FeatureCollection<Polygon | MultiPolygon, CellProperties> {
  const keep = [...new Set(columns)].filter((c) => c !== 'h3');
  return {
    type: 'FeatureCollection',
    features: cells.features.map((feature) => {
      const properties: Record<string, unknown> = { h3: feature.properties.h3 };
      for (const column of keep) {
        if (column in feature.properties) properties[column] = feature.properties[column];
      }
      return {
        type: 'Feature',
        geometry: feature.geometry,
        properties: properties as CellProperties,
      };
    }),
  };
}
