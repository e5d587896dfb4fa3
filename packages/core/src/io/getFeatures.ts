import { HexreachError } from '../errors.js';

/** What a parsed JSON value is, in words, for error messages. */
function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (typeof value !== 'object') return `a ${typeof value}`;
  const type = (value as { type?: unknown }).type;
  if (type === 'FeatureCollection') return 'a FeatureCollection without a "features" array';
  if (typeof type === 'string') return `a GeoJSON ${type}`;
  return 'an object without a GeoJSON "type"';
}

/**
 * The features of a GeoJSON FeatureCollection, checked only as far as being an array: each
 * feature is validated by the reader so that a bad one is rejected on its own.
 *
 * @param data - parsed JSON
 * @param source - the file name, for the error message
 * @returns the `features` array
 * @throws HexreachError `E_INPUT` when `data` is not a FeatureCollection (the message says what
 *   it is instead, e.g. "a GeoJSON Feature")
 * @example
 * ```ts
 * getFeatures({ type: 'FeatureCollection', features: [] }, 'x.geojson'); // []
 * getFeatures({ type: 'Feature' }, 'x.geojson'); // throws E_INPUT
 * ```
 */
export function getFeatures(data: unknown, source: string): readonly unknown[] {
  const features = (data as { features?: unknown } | null)?.features;
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray(features)
  ) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: expected a GeoJSON FeatureCollection, found ${describeJson(data)}`,
      source,
    );
  }
  return features;
}
