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
  const keys = propertyKeys(collectPropertyNames(features), options);
  const accepted: AcceptedOrganizations = {
    lng: [],
    lat: [],
    name: [],
    type: [],
    capacity: [],
    records: [],
  };
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
    const feature = features[i] as FeatureLike | null;
    const problem = featureProblem(feature);
    if (problem !== undefined) {
      note(rejections, i, problem[0], problem[1]);
      continue;
    }
    const { geometry, properties } = feature as FeatureLike;
    const coordinates = (geometry as { coordinates: unknown[] }).coordinates;
    const warn: Warn = (reason, message) => note(warnings, i, reason, message);
    const own =
      typeof properties === 'object' && properties !== null
        ? (properties as Record<string, unknown>)
        : {};
    accepted.name.push(organizationName(own, keys.name, i, warn));
    accepted.type.push(organizationType(own, keys.type, warn));
    accepted.capacity.push(organizationCapacity(own, keys.capacity, warn));
    accepted.lng.push(Number(coordinates[0]));
    accepted.lat.push(Number(coordinates[1]));
    accepted.records.push(i);
  }

  return {
    data: organizationTable(source, accepted, keys.capacity !== undefined),
    read: features.length,
    rejections: rejections.list,
    rejectedCount: rejections.count,
    warnings,
  };
}

interface FeatureLike {
  type?: unknown;
  geometry?: unknown;
  properties?: unknown;
}

type Warn = (reason: RejectionReason, message: string) => void;

/** The accepted features so far, one list per column. */
interface AcceptedOrganizations {
  readonly lng: number[];
  readonly lat: number[];
  readonly name: string[];
  readonly type: string[];
  readonly capacity: number[];
  readonly records: number[];
}

/** The properties holding the name, type and capacity, named or detected; undefined for none. */
function propertyKeys(
  names: readonly string[],
  options: ReadOrganizationsGeoJsonOptions,
): { name?: string; type?: string; capacity?: string } {
  const { source } = options;
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
  return {
    name: nameIndex >= 0 ? names[nameIndex] : undefined,
    type: typeIndex >= 0 ? names[typeIndex] : undefined,
    capacity: capacityIndex >= 0 ? names[capacityIndex] : undefined,
  };
}

/** Why a feature is not a usable Point, as a rejection's reason and message, or undefined. */
function featureProblem(feature: FeatureLike | null): [RejectionReason, string] | undefined {
  if (typeof feature !== 'object' || feature === null || feature.type !== 'Feature') {
    return ['wrong-geometry', `not a GeoJSON Feature: ${formatValue(feature)}`];
  }
  const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
  if (geometry === null || geometry === undefined) {
    return ['missing-coordinates', `geometry is ${describeGeometry(geometry)}`];
  }
  if (geometry.type !== 'Point') {
    return ['wrong-geometry', `geometry is ${describeGeometry(geometry)}, not a Point`];
  }
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates)) {
    const message = `Point coordinates ${formatValue(coordinates)} are not a [lng, lat] array`;
    return ['invalid-coordinates', message];
  }
  const problem = checkLngLat(coordinates[0], coordinates[1], { numbersOnly: true });
  return problem === undefined ? undefined : [problem.reason, problem.message];
}

/** Property names come from the data: only a feature's own properties count (`toString`). */
function ownProperty(properties: Record<string, unknown>, key: string | undefined): unknown {
  return key === undefined ? undefined : getOwn(properties, key);
}

function organizationName(
  properties: Record<string, unknown>,
  key: string | undefined,
  index: number,
  warn: Warn,
): string {
  const value = ownProperty(properties, key);
  const text = toText(value);
  if (text !== undefined) return text;
  const name = `feature ${index}`;
  const found = key === undefined ? 'no name property' : `name ${formatValue(value)}`;
  warn('missing-attribute', `${found}; named "${name}"`);
  return name;
}

function organizationType(
  properties: Record<string, unknown>,
  key: string | undefined,
  warn: Warn,
): string {
  const value = ownProperty(properties, key);
  const text = toText(value);
  if (text !== undefined) return text;
  const found = key === undefined ? 'no type property' : `type ${formatValue(value)}`;
  warn('missing-attribute', `${found}; typed "${DEFAULT_ORGANIZATION_TYPE}"`);
  return DEFAULT_ORGANIZATION_TYPE;
}

/** The capacity, a number ≥ 0, or NaN when unknown (with a warning when unusable). */
function organizationCapacity(
  properties: Record<string, unknown>,
  key: string | undefined,
  warn: Warn,
): number {
  const value = ownProperty(properties, key);
  if (value === undefined || value === null) return Number.NaN;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? parseDecimal(value)
        : Number.NaN;
  if (Number.isFinite(number) && number >= 0) return number;
  warn('invalid-attribute', `capacity ${formatValue(value)} is not a number ≥ 0; left unknown`);
  return Number.NaN;
}

function organizationTable(
  source: string,
  accepted: AcceptedOrganizations,
  hasCapacity: boolean,
): OrganizationTable {
  return {
    source,
    length: accepted.records.length,
    lng: Float64Array.from(accepted.lng),
    lat: Float64Array.from(accepted.lat),
    name: accepted.name,
    type: accepted.type,
    ...(hasCapacity ? { capacity: Float64Array.from(accepted.capacity) } : {}),
    record: Uint32Array.from(accepted.records),
  };
}
