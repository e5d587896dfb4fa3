import { HexreachError } from '@hexreach/core';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describeValue } from './describeValue.js';
import { checkPolygonal, featureArray } from './parseCells.js';
import type { ZoneProperties } from './results.js';

/**
 * Checks a parsed `zones.geojson` (README "Zone properties") and orders the zones by rank.
 *
 * @param value - the parsed JSON
 * @param file - the file name, for messages
 * @returns the zones, rank 1 first
 * @throws HexreachError `E_INPUT` naming the file, the feature and the problem
 * @example
 * ```ts
 * const zones = parseZones(parseJson(text, 'zones.geojson'), 'zones.geojson');
 * zones.features[0].properties.id; // 'Z01'
 * ```
 */
export function parseZones(
  value: unknown,
  file: string,
): FeatureCollection<Polygon | MultiPolygon, ZoneProperties> {
  const features = featureArray(value, file);
  const ids = new Set<string>();
  features.forEach((feature, i) => {
    const f = feature as { type?: unknown; geometry?: unknown; properties?: unknown } | null;
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      throw new HexreachError('E_INPUT', `${file}: feature ${i} is not a GeoJSON Feature`);
    }
    checkPolygonal(f.geometry, file, i);
    const p = f.properties as { id?: unknown; rank?: unknown } | null;
    if (typeof p !== 'object' || p === null) {
      throw new HexreachError('E_INPUT', `${file}: feature ${i} has no properties`);
    }
    if (typeof p.id !== 'string' || p.id === '') {
      throw new HexreachError(
        'E_INPUT',
        `${file}: feature ${i}: id is ${describeValue(p.id)}, expected a zone id such as "Z01"`,
      );
    }
    if (ids.has(p.id)) throw new HexreachError('E_INPUT', `${file}: zone id ${p.id} occurs twice`);
    ids.add(p.id);
    if (typeof p.rank !== 'number' || !Number.isInteger(p.rank) || p.rank < 1) {
      throw new HexreachError(
        'E_INPUT',
        `${file}: feature ${i}: rank is ${describeValue(p.rank)}, expected an integer ≥ 1`,
      );
    }
  });
  const collection = value as FeatureCollection<Polygon | MultiPolygon, ZoneProperties>;
  return {
    ...collection,
    features: [...collection.features].sort((a, b) => a.properties.rank - b.properties.rank),
  };
}
