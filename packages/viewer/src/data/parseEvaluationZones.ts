import { HexreachError } from '@hexreach/core';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describeValue } from './describeValue.js';
import type { EvaluationGeometry } from './evaluation.js';
import { checkPolygonal, featureArray } from './parseCells.js';

/**
 * Checks a parsed `evaluation-zones.geojson` (the outlines `hexreach evaluate` writes beside
 * evaluation.json) and keeps each zone's geometry and id; the file's other properties (the
 * estimate) are read from evaluation.json instead, so the two cannot disagree on the map.
 *
 * @param value - the parsed JSON
 * @param file - the file name, for messages
 * @returns the outlines, in the file's order
 * @throws HexreachError `E_INPUT` naming the file, the feature and the problem (not a
 *   FeatureCollection, a geometry that is not polygonal, no id, an id twice)
 * @example
 * ```ts
 * const outlines = parseEvaluationZones(parseJson(text, 'evaluation-zones.geojson'), 'evaluation-zones.geojson');
 * outlines.features[0].properties.id; // 'Z01'
 * ```
 */
export function parseEvaluationZones(value: unknown, file: string): EvaluationGeometry {
  const ids = new Set<string>();
  const features = featureArray(value, file).map(
    (feature, i): Feature<Polygon | MultiPolygon, { id: string }> => {
      const f = feature as { type?: unknown; geometry?: unknown; properties?: unknown } | null;
      if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
        throw new HexreachError('E_INPUT', `${file}: feature ${i} is not a GeoJSON Feature`);
      }
      checkPolygonal(f.geometry, file, i);
      const p = f.properties;
      const id =
        typeof p === 'object' && p !== null && Object.hasOwn(p, 'id')
          ? (p as { id: unknown }).id
          : undefined;
      if (typeof id !== 'string' || id === '') {
        throw new HexreachError(
          'E_INPUT',
          `${file}: feature ${i}: id is ${describeValue(id)}, expected a zone id such as "Z01"`,
        );
      }
      if (ids.has(id)) {
        throw new HexreachError('E_INPUT', `${file}: feature ${i}: the id "${id}" is used twice`);
      }
      ids.add(id);
      return {
        type: 'Feature',
        geometry: f.geometry as Polygon | MultiPolygon,
        properties: { id },
      };
    },
  );
  return { type: 'FeatureCollection', features };
}
