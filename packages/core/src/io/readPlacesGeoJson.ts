import { HexreachError } from '../errors.js';
import type { PlaceTable, ReadResult, RejectionSink } from '../types.js';
import { collectRejections } from '../util/collectRejections.js';
import { collectPropertyNames } from './collectPropertyNames.js';
import { detectPlaceNameProperty } from './detectPlaceNameProperty.js';
import { formatValue } from './formatValue.js';
import { getFeatures } from './getFeatures.js';
import { readAreasGeoJson } from './readAreasGeoJson.js';

/** Options of {@link readPlacesGeoJson}. */
export interface ReadPlacesGeoJsonOptions {
  /** The file name (or input name) that rejections and errors refer to. */
  readonly source: string;
  /** The property holding each place's name (default: detected, see `detectPlaceNameProperty`). */
  readonly name?: string;
  /** Receives each rejected feature instead of the result listing it (see {@link RejectionSink}). */
  readonly onRejection?: RejectionSink;
}

/**
 * Reads named places — community areas, neighbourhoods, police beats, wards: any
 * Polygon/MultiPolygon features — with the property that names them, configured or detected.
 * A feature whose geometry cannot be used (checked as area polygons are) or whose name is missing
 * or empty is rejected with its feature index and the reason.
 *
 * @param data - a parsed GeoJSON FeatureCollection
 * @param options - the source name, the name property, a sink for rejected features
 * @returns the places as a table: geometries and names in source order
 * @throws HexreachError `E_INPUT` when `data` is not a FeatureCollection or no property looks
 *   like a name (the message lists the properties), `E_NOT_FOUND` when the named property is on
 *   no feature
 * @example
 * ```ts
 * const places = readPlacesGeoJson(communityAreas, { source: 'community_areas.geojson' });
 * places.data.nameProperty; // 'GEOG'
 * places.data.names[0]; // 'Douglas'
 * ```
 */
export function readPlacesGeoJson(
  data: unknown,
  options: ReadPlacesGeoJsonOptions,
): ReadResult<PlaceTable> {
  const { source } = options;
  const features = getFeatures(data, source);
  const nameProperty = options.name ?? detectPlaceNameProperty(features);
  const properties = collectPropertyNames(features);
  if (nameProperty === undefined) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: no property looks like a place name (name, neighborhood, community, label, …): name it with places.name; the features have: ${properties.join(', ') || '(no properties)'}`,
      source,
    );
  }
  if (features.length > 0 && !properties.includes(nameProperty)) {
    throw new HexreachError(
      'E_NOT_FOUND',
      `${source}: no feature has the property "${nameProperty}"; the features have: ${properties.join(', ') || '(no properties)'}`,
      nameProperty,
    );
  }
  const rejections = collectRejections(options.onRejection);
  const polygons = readAreasGeoJson(data, { source, attributes: [], onRejection: rejections.push });
  const geometries: PlaceTable['geometries'][number][] = [];
  const names: string[] = [];
  const records: number[] = [];
  for (let p = 0; p < polygons.data.length; p++) {
    const record = polygons.data.record[p];
    const name = nameOf(features[record], nameProperty);
    if (name === undefined) {
      const value = (features[record] as { properties?: Record<string, unknown> }).properties;
      rejections.push({
        source,
        recordKind: 'feature',
        record,
        reason: 'missing-attribute',
        message: `name property "${nameProperty}" is ${formatValue(value !== null && typeof value === 'object' && Object.hasOwn(value, nameProperty) ? value[nameProperty] : undefined)}, not a name`,
      });
      continue;
    }
    geometries.push(polygons.data.geometries[p]);
    names.push(name);
    records.push(record);
  }
  return {
    data: {
      source,
      nameProperty,
      length: names.length,
      geometries,
      names,
      record: Uint32Array.from(records),
    },
    read: features.length,
    rejections: rejections.list,
    rejectedCount: rejections.count,
    warnings: [],
  };
}

/** A feature's name: text trimmed, or a number written out; undefined when missing or empty. */
function nameOf(feature: unknown, property: string): string | undefined {
  const properties = (feature as { properties?: unknown } | null)?.properties;
  if (typeof properties !== 'object' || properties === null) return undefined;
  if (!Object.hasOwn(properties, property)) return undefined;
  const value = (properties as Record<string, unknown>)[property];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const name = value.trim();
  return name === '' ? undefined : name;
}
