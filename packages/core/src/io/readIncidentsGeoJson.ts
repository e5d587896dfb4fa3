import type { IncidentTable, ReadResult, RejectionSink } from '../types.js';
import { getOwn } from '../util/getOwn.js';
import { checkLngLat } from './checkLngLat.js';
import { collectPropertyNames } from './collectPropertyNames.js';
import { describeGeometry } from './describeGeometry.js';
import { detectColumns } from './detectColumns.js';
import { formatValue } from './formatValue.js';
import { getFeatures } from './getFeatures.js';
import { createIncidentTableBuilder } from './incidentTableBuilder.js';

/** Options of {@link readIncidentsGeoJson}. */
export interface ReadIncidentsGeoJsonOptions {
  /** The file name (or input name) that rejections and errors refer to. */
  readonly source: string;
  /** The property holding the date; detected from the usual names when not given. */
  readonly date?: string;
  /** The property holding the category; detected from the usual names when not given. */
  readonly category?: string;
  /** The property holding a weight; none (every weight 1) when not given. */
  readonly weight?: string;
  /** Receives each rejected feature instead of the result listing it (see {@link RejectionSink}). */
  readonly onRejection?: RejectionSink;
}

const NO_PROPERTIES: Readonly<Record<string, unknown>> = {};

/**
 * Reads incidents from a parsed GeoJSON FeatureCollection of Points into columns, with a reason
 * for every feature that cannot be used. The date, category and weight properties are found as
 * CSV columns are (`detectColumns`, over the property names of all features) unless named. A
 * feature without geometry (`null`, as portals export unlocated incidents) is
 * `missing-coordinates`; any other geometry than a Point is `wrong-geometry`; the rest is
 * validated as in `createIncidentTableBuilder`. A date property may be a string (see `parseDate`)
 * or a number of milliseconds since the epoch (ArcGIS exports). Features are numbered from 0.
 *
 * @param data - parsed JSON (see `parseJson`)
 * @param options - the source name, the date, category and weight properties if named, and a
 *   rejection sink
 * @returns the incidents, the features read (accepted + rejected), the rejections (none listed
 *   with a sink) and their count
 * @throws HexreachError `E_INPUT` when `data` is not a FeatureCollection or has more than 65,535
 *   categories; `E_NOT_FOUND` when a named property is used by no feature
 * @example
 * ```ts
 * const data = { type: 'FeatureCollection', features: [{ type: 'Feature',
 *   geometry: { type: 'Point', coordinates: [-87.63, 41.88] },
 *   properties: { date: '2018-01-01 00:00:00', primary_type: 'THEFT' } }] };
 * const { data: table, read } = readIncidentsGeoJson(data, { source: 'incidents.geojson' });
 * // table.length 1, table.categories ['THEFT'], read 1
 * ```
 */
export function readIncidentsGeoJson(
  data: unknown,
  options: ReadIncidentsGeoJsonOptions,
): ReadResult<IncidentTable> {
  const { source } = options;
  const features = getFeatures(data, source);
  const names = collectPropertyNames(features);
  const columns = detectColumns(names, {
    date: options.date,
    category: options.category,
    weight: options.weight,
    source,
    requireCoordinates: false,
  });
  const dateKey = columns.date >= 0 ? names[columns.date] : undefined;
  const categoryKey = columns.category >= 0 ? names[columns.category] : undefined;
  const weightKey = columns.weight >= 0 ? names[columns.weight] : undefined;
  const builder = createIncidentTableBuilder(source, 'feature', {
    hasCategory: categoryKey !== undefined,
    hasWeight: weightKey !== undefined,
    initialCapacity: Math.max(1, features.length),
    onRejection: options.onRejection,
  });
  for (let i = 0; i < features.length; i++) {
    const feature = features[i] as { type?: unknown; geometry?: unknown; properties?: unknown };
    if (typeof feature !== 'object' || feature === null || feature.type !== 'Feature') {
      builder.reject(i, 'wrong-geometry', `not a GeoJSON Feature: ${formatValue(feature)}`);
      continue;
    }
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (geometry === null || geometry === undefined) {
      builder.reject(i, 'missing-coordinates', `geometry is ${describeGeometry(geometry)}`);
      continue;
    }
    if (geometry.type !== 'Point') {
      builder.reject(i, 'wrong-geometry', `geometry is ${describeGeometry(geometry)}, not a Point`);
      continue;
    }
    const coordinates = geometry.coordinates;
    if (!Array.isArray(coordinates)) {
      builder.reject(
        i,
        'invalid-coordinates',
        `Point coordinates ${formatValue(coordinates)} are not a [lng, lat] array`,
      );
      continue;
    }
    if (typeof coordinates[0] === 'string' || typeof coordinates[1] === 'string') {
      // GeoJSON coordinates are numbers; the builder would read "-87.6" as a CSV field.
      const problem = checkLngLat(coordinates[0], coordinates[1], { numbersOnly: true })!;
      builder.reject(i, problem.reason, problem.message);
      continue;
    }
    const properties =
      typeof feature.properties === 'object' && feature.properties !== null
        ? (feature.properties as Record<string, unknown>)
        : NO_PROPERTIES;
    builder.addValues(
      i,
      coordinates[0],
      coordinates[1],
      dateKey === undefined ? undefined : getOwn(properties, dateKey),
      categoryKey === undefined ? undefined : getOwn(properties, categoryKey),
      weightKey === undefined ? undefined : getOwn(properties, weightKey),
    );
  }
  return builder.finish();
}
