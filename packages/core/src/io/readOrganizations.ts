import type {
  OrganizationTable,
  ReadResult,
  Rejection,
  RejectionReason,
  RejectionSink,
} from '../types.js';
import { collectRejections } from '../util/collectRejections.js';
import { getOwn } from '../util/getOwn.js';
import { checkLngLat } from './checkLngLat.js';
import { collectPropertyNames } from './collectPropertyNames.js';
import { describeGeometry } from './describeGeometry.js';
import { findColumn } from './findColumn.js';
import { formatValue } from './formatValue.js';
import { getFeatures } from './getFeatures.js';
import { parseDecimal } from './parseDecimal.js';

/** Options of {@link readOrganizationsGeoJson}. */
export interface ReadOrganizationsGeoJsonOptions {
  /** The file name (or input name) that rejections and errors refer to. */
  readonly source: string;
  /** The property holding the name; detected from the usual names when not given. */
  readonly name?: string;
  /** The property holding the type; detected from the usual names when not given. */
  readonly type?: string;
  /** The property holding the capacity (a number ≥ 0); `capacity` is used when present. */
  readonly capacity?: string;
  /** Receives each rejected feature instead of the result listing it (see {@link RejectionSink}). */
  readonly onRejection?: RejectionSink;
}

/** The type of an organization whose file does not give one. */
export const DEFAULT_ORGANIZATION_TYPE = 'organization';

const NAME_NAMES = [
  'name',
  'org_name',
  'school_nm',
  'organization',
  'organisation',
  'organization_name',
  'organisation_name',
  'school_name',
  'facility_name',
  'site_name',
  'agency_name',
  'place_name',
  'short_name',
  'common_name',
];
const TYPE_NAMES = [
  'type',
  'org_type',
  'category',
  'place_type',
  'organization_type',
  'organisation_type',
  'facility_type',
  'site_type',
  'kind',
];

/** A property as display text, or undefined when absent or blank. */
function toText(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/**
 * Reads organizations (schools, libraries, faith and community groups: potential outreach
 * partners) from a parsed GeoJSON FeatureCollection of Points, with a reason for every feature
 * that cannot be used. The name property is found among `name`, `org_name`, `school_nm`,
 * `organization` … and the type among `type`, `org_type`, `category`, `place_type` … unless
 * named. A missing name becomes `feature <index>` and a missing type
 * {@link DEFAULT_ORGANIZATION_TYPE}, each with a `missing-attribute` warning. Points are
 * validated like incident points (missing, not numeric, (0, 0), swapped, out of range); a null
 * geometry is `missing-coordinates`, another geometry `wrong-geometry`. Features are numbered from 0.
 *
 * @param data - parsed JSON (see `parseJson`)
 * @param options - the source name, the name and type properties if named, and a rejection sink
 * @returns the organizations, the features read (accepted + rejected), rejections (none listed
 *   with a sink), their count, and warnings
 * @throws HexreachError `E_INPUT` when `data` is not a FeatureCollection; `E_NOT_FOUND` when a
 *   named property is used by no feature
 * @example
 * ```ts
 * const schools = JSON.parse(text);
 * const { data } = readOrganizationsGeoJson(schools, { source: 'schools.geojson' });
 * data.name[0]; data.type[0]; // e.g. 'Hyde Park HS', 'school'
 * ```
 */
export function readOrganizationsGeoJson(
  data: unknown,
  options: ReadOrganizationsGeoJsonOptions,
): ReadResult<OrganizationTable> {
  const { source } = options;
  const features = getFeatures(data, source);
  const names = collectPropertyNames(features);
  const nameIndex = findColumn(names, {
    named: options.name,
    candidates: NAME_NAMES,
    role: 'name',
    source,
  });
  const typeIndex = findColumn(names, {
    named: options.type,
    candidates: TYPE_NAMES,
    role: 'type',
    source,
  });
  const capacityIndex = findColumn(names, {
    named: options.capacity,
    candidates: ['capacity', 'places', 'seats'],
    role: 'capacity',
    source,
  });
  const capacityKey = capacityIndex >= 0 ? names[capacityIndex] : undefined;
  const capacity: number[] = [];
  const nameKey = nameIndex >= 0 ? names[nameIndex] : undefined;
  const typeKey = typeIndex >= 0 ? names[typeIndex] : undefined;

  const lng: number[] = [];
  const lat: number[] = [];
  const name: string[] = [];
  const type: string[] = [];
  const records: number[] = [];
  const rejections = collectRejections(options.onRejection);
  const warnings: Rejection[] = [];
  const note = (
    list: { push(r: Rejection): void },
    record: number,
    reason: RejectionReason,
    message: string,
  ) => {
    list.push({ source, recordKind: 'feature', record, reason, message });
  };

  for (let i = 0; i < features.length; i++) {
    const feature = features[i] as {
      type?: unknown;
      geometry?: unknown;
      properties?: unknown;
    } | null;
    if (typeof feature !== 'object' || feature === null || feature.type !== 'Feature') {
      note(rejections, i, 'wrong-geometry', `not a GeoJSON Feature: ${formatValue(feature)}`);
      continue;
    }
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (geometry === null || geometry === undefined) {
      note(rejections, i, 'missing-coordinates', `geometry is ${describeGeometry(geometry)}`);
      continue;
    }
    if (geometry.type !== 'Point') {
      note(
        rejections,
        i,
        'wrong-geometry',
        `geometry is ${describeGeometry(geometry)}, not a Point`,
      );
      continue;
    }
    const coordinates = geometry.coordinates;
    if (!Array.isArray(coordinates)) {
      const message = `Point coordinates ${formatValue(coordinates)} are not a [lng, lat] array`;
      note(rejections, i, 'invalid-coordinates', message);
      continue;
    }
    const problem = checkLngLat(coordinates[0], coordinates[1], { numbersOnly: true });
    if (problem !== undefined) {
      note(rejections, i, problem.reason, problem.message);
      continue;
    }
    const properties =
      typeof feature.properties === 'object' && feature.properties !== null
        ? (feature.properties as Record<string, unknown>)
        : {};
    // Property names come from the data: only a feature's own properties count (`toString`).
    const nameValue = nameKey === undefined ? undefined : getOwn(properties, nameKey);
    const typeValue = typeKey === undefined ? undefined : getOwn(properties, typeKey);
    const capacityValue = capacityKey === undefined ? undefined : getOwn(properties, capacityKey);
    let featureName = toText(nameValue);
    if (featureName === undefined) {
      featureName = `feature ${i}`;
      const found = nameKey === undefined ? 'no name property' : `name ${formatValue(nameValue)}`;
      note(warnings, i, 'missing-attribute', `${found}; named "${featureName}"`);
    }
    let featureType = toText(typeValue);
    if (featureType === undefined) {
      featureType = DEFAULT_ORGANIZATION_TYPE;
      const found = typeKey === undefined ? 'no type property' : `type ${formatValue(typeValue)}`;
      note(warnings, i, 'missing-attribute', `${found}; typed "${featureType}"`);
    }
    let featureCapacity = Number.NaN;
    if (capacityValue !== undefined && capacityValue !== null) {
      const value =
        typeof capacityValue === 'number'
          ? capacityValue
          : typeof capacityValue === 'string'
            ? parseDecimal(capacityValue)
            : Number.NaN;
      if (Number.isFinite(value) && value >= 0) featureCapacity = value;
      else
        note(
          warnings,
          i,
          'invalid-attribute',
          `capacity ${formatValue(capacityValue)} is not a number ≥ 0; left unknown`,
        );
    }
    capacity.push(featureCapacity);
    lng.push(Number(coordinates[0]));
    lat.push(Number(coordinates[1]));
    name.push(featureName);
    type.push(featureType);
    records.push(i);
  }

  const table: OrganizationTable = {
    source,
    length: records.length,
    lng: Float64Array.from(lng),
    lat: Float64Array.from(lat),
    name,
    type,
    ...(capacityKey === undefined ? {} : { capacity: Float64Array.from(capacity) }),
    record: Uint32Array.from(records),
  };
  return {
    data: table,
    read: features.length,
    rejections: rejections.list,
    rejectedCount: rejections.count,
    warnings,
  };
}
