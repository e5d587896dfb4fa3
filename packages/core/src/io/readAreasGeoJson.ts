import type { MultiPolygon, Polygon } from 'geojson';
import { assertArgument, HexreachError } from '../errors.js';
import type { AreaTable, ReadResult, Rejection, RejectionReason, RejectionSink } from '../types.js';
import { collectRejections } from '../util/collectRejections.js';
import { createRecord } from '../util/createRecord.js';
import { getOwn } from '../util/getOwn.js';
import { collectPropertyNames } from './collectPropertyNames.js';
import { describeGeometry } from './describeGeometry.js';
import { formatValue } from './formatValue.js';
import { getFeatures } from './getFeatures.js';
import { parseDecimal } from './parseDecimal.js';

/** An area attribute to read as a number column. */
export interface AreaAttributeSpec {
  /** The property name, exactly as in the file. */
  readonly name: string;
  /** Whether an area without a usable value is rejected (default false: NaN and a warning). */
  readonly required?: boolean;
  /**
   * Codes the file uses for "no data" (the CDC SVI's −999): such a value is missing, as an
   * absent one (NaN and a warning, or the area rejected when the attribute is required).
   */
  readonly missingValues?: readonly number[];
}

/** Options of {@link readAreasGeoJson}. */
export interface ReadAreasGeoJsonOptions {
  /** The file name (or input name) that rejections and errors refer to. */
  readonly source: string;
  /** The attributes to read; each becomes a Float64Array column. */
  readonly attributes: readonly AreaAttributeSpec[];
  /** The property that identifies an area when features have no `id` member. */
  readonly idProperty?: string;
  /** Receives each rejected feature instead of the result listing it (see {@link RejectionSink}). */
  readonly onRejection?: RejectionSink;
}

// Thousands separators as in "1,234,567.5"; a comma anywhere else ("1,5") is not a number.
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A property as a number: `undefined` when absent (missing, null, blank), NaN when present but
 * not a finite number. Decimal strings count, with or without thousands separators (not `0x10`).
 */
function toAttributeValue(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  let text = value.trim();
  if (text === '') return undefined;
  if (text.includes(',')) {
    if (!GROUPED_NUMBER.test(text)) return Number.NaN;
    text = text.replaceAll(',', '');
  }
  const number = parseDecimal(text);
  return Number.isFinite(number) ? number : Number.NaN;
}

/** Why a linear ring cannot be used, or undefined. */
function ringProblem(ring: unknown, label: string): string | undefined {
  if (!Array.isArray(ring)) return `${label} is ${formatValue(ring)}, not an array of positions`;
  if (ring.length < 4) {
    return `${label} has ${ring.length} positions; a closed ring needs at least 4`;
  }
  for (let k = 0; k < ring.length; k++) {
    const position = ring[k] as unknown;
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      typeof position[0] !== 'number' ||
      typeof position[1] !== 'number' ||
      !Number.isFinite(position[0]) ||
      !Number.isFinite(position[1])
    ) {
      return `position ${k} of ${label} is ${formatValue(position)}, not [lng, lat] numbers`;
    }
    if (Math.abs(position[0]) > 180 || Math.abs(position[1]) > 90) {
      return `position ${k} of ${label}, ${formatValue(position)}, is outside longitude −180…180 / latitude −90…90 (projected coordinates? GeoJSON is WGS84 [lng, lat])`;
    }
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return `${label} is not closed: it starts at ${formatValue(first)} and ends at ${formatValue(last)}`;
  }
  return undefined;
}

/** Why the rings of one polygon cannot be used, or undefined; `prefix` names the polygon. */
function polygonProblem(rings: unknown, prefix: string): string | undefined {
  if (!Array.isArray(rings) || rings.length === 0) {
    return `${prefix}no rings (coordinates ${formatValue(rings)})`;
  }
  for (let r = 0; r < rings.length; r++) {
    const problem = ringProblem(rings[r], `${prefix}ring ${r}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * Reads area polygons (census tracts, block groups, neighbourhoods) from a parsed GeoJSON
 * FeatureCollection, with the requested attributes as number columns, and a reason for every
 * feature that cannot be used. A feature is rejected when its geometry is not a Polygon or
 * MultiPolygon (`wrong-geometry`, also for a null geometry); when a ring has fewer than 4
 * positions, is not closed, or has a position that is not finite or not within longitude/latitude
 * range (`invalid-coordinates`); when a required attribute is absent (`missing-attribute`) or not
 * a number (`invalid-attribute`). Numeric strings are numbers, with thousands separators too
 * (`"1,234"`). An optional attribute that is absent or not a number becomes NaN with a warning
 * of the same shape. Each area's id is its `idProperty` when named, else its `id` member, else
 * its 0-based feature index, as a string (a named id property missing on a feature is a warning).
 *
 * @param data - parsed JSON (see `parseJson`)
 * @param options - the source name, the attributes (required or not), the id property and a
 *   rejection sink
 * @returns the areas, the features read (accepted + rejected), rejections (none listed with a
 *   sink), their count, and warnings
 * @throws HexreachError `E_INPUT` when `data` is not a FeatureCollection; `E_NOT_FOUND` when a
 *   required attribute or the id property is used by no feature at all (a misspelt name, rather
 *   than gaps in the data); `E_ARGUMENT` for an empty or repeated attribute name
 * @example
 * ```ts
 * const tracts = JSON.parse(text);
 * const { data, rejections } = readAreasGeoJson(tracts, {
 *   source: 'tracts.geojson',
 *   attributes: [{ name: 'Pop2014', required: true }, { name: 'Pov14' }],
 * });
 * data.attributes.Pop2014; // Float64Array, one value per accepted tract
 * ```
 */
export function readAreasGeoJson(
  data: unknown,
  options: ReadAreasGeoJsonOptions,
): ReadResult<AreaTable> {
  const { source, attributes, idProperty } = options;
  assertAttributeNames(attributes);
  const features = getFeatures(data, source);
  assertPropertiesPresent(features, attributes, idProperty, source);
  const areas: AcceptedAreas = {
    geometries: [],
    records: [],
    ids: [],
    columns: attributes.map(() => [] as number[]),
  };
  const rejections = collectRejections(options.onRejection);
  const warnings: Rejection[] = [];
  const note = (list: { push(r: Rejection): void }, record: number, [reason, message]: Problem) => {
    list.push({ source, recordKind: 'feature', record, reason, message });
  };
  const values = new Float64Array(attributes.length);

  for (let i = 0; i < features.length; i++) {
    const feature = features[i] as FeatureLike | null;
    if (typeof feature !== 'object' || feature === null || feature.type !== 'Feature') {
      note(rejections, i, ['wrong-geometry', `not a GeoJSON Feature: ${formatValue(feature)}`]);
      continue;
    }
    const problem = geometryProblem(feature.geometry);
    if (problem !== undefined) {
      note(rejections, i, problem);
      continue;
    }
    const properties =
      typeof feature.properties === 'object' && feature.properties !== null
        ? (feature.properties as Record<string, unknown>)
        : {};
    const featureWarnings: Problem[] = [];
    const missing = readAttributes(properties, attributes, values, featureWarnings);
    if (missing !== undefined) {
      note(rejections, i, missing);
      continue;
    }
    const id = areaId(feature, properties, idProperty, i, featureWarnings);
    for (const warning of featureWarnings) note(warnings, i, warning);
    areas.geometries.push(feature.geometry as Polygon | MultiPolygon);
    areas.records.push(i);
    areas.ids.push(id);
    for (let a = 0; a < attributes.length; a++) areas.columns[a].push(values[a]);
  }

  return {
    data: areaTable(source, attributes, areas),
    read: features.length,
    rejections: rejections.list,
    rejectedCount: rejections.count,
    warnings,
  };
}

/** A rejection's or warning's reason and message. */
type Problem = [RejectionReason, string];

interface FeatureLike {
  type?: unknown;
  id?: unknown;
  geometry?: unknown;
  properties?: unknown;
}

/** The accepted features so far, with one list of values per attribute. */
interface AcceptedAreas {
  readonly geometries: (Polygon | MultiPolygon)[];
  readonly records: number[];
  readonly ids: string[];
  readonly columns: number[][];
}

function assertAttributeNames(attributes: readonly AreaAttributeSpec[]): void {
  const seen = new Set<string>();
  for (const attribute of attributes) {
    assertArgument(
      typeof attribute.name === 'string' && attribute.name !== '' && !seen.has(attribute.name),
      'readAreasGeoJson',
      `attribute names must be distinct non-empty strings, got ${formatValue(attribute.name)}`,
      attribute.name,
    );
    seen.add(attribute.name);
  }
}

/** Throws when no feature has a required attribute or the id property: a misspelt name. */
function assertPropertiesPresent(
  features: readonly unknown[],
  attributes: readonly AreaAttributeSpec[],
  idProperty: string | undefined,
  source: string,
): void {
  if (features.length === 0) return;
  const names = collectPropertyNames(features);
  const present = new Set(names);
  const wanted = attributes.filter((a) => a.required ?? false).map((a) => a.name);
  if (idProperty !== undefined) wanted.push(idProperty);
  for (const name of wanted) {
    if (!present.has(name)) {
      throw new HexreachError(
        'E_NOT_FOUND',
        `${source}: no feature has the property "${name}"; the features have: ${names.join(', ') || '(no properties)'}`,
        name,
      );
    }
  }
}

/** Why a feature's geometry cannot be used as an area, or undefined. */
function geometryProblem(value: unknown): Problem | undefined {
  const geometry = value as { type?: unknown; coordinates?: unknown } | null;
  const type = geometry?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return [
      'wrong-geometry',
      `geometry is ${describeGeometry(geometry)}, not a Polygon or MultiPolygon`,
    ];
  }
  const coordinates = geometry!.coordinates;
  let problem: string | undefined;
  if (type === 'Polygon') {
    problem = polygonProblem(coordinates, '');
  } else if (!Array.isArray(coordinates) || coordinates.length === 0) {
    problem = `the MultiPolygon has no polygons (coordinates ${formatValue(coordinates)})`;
  } else {
    for (let p = 0; p < coordinates.length && problem === undefined; p++) {
      problem = polygonProblem(coordinates[p], `polygon ${p}, `);
    }
  }
  return problem === undefined ? undefined : ['invalid-coordinates', problem];
}

/**
 * Reads the attributes of one feature into `values` (NaN where unusable, with a warning in
 * `featureWarnings`), or returns why a required one rejects the feature.
 */
function readAttributes(
  properties: Record<string, unknown>,
  attributes: readonly AreaAttributeSpec[],
  values: Float64Array,
  featureWarnings: Problem[],
): Problem | undefined {
  for (let a = 0; a < attributes.length; a++) {
    const { name, required = false, missingValues } = attributes[a];
    const raw = getOwn(properties, name);
    const read = toAttributeValue(raw);
    const coded = read !== undefined && missingValues?.includes(read) === true;
    const value = coded ? undefined : read;
    values[a] = value ?? Number.NaN;
    if (value !== undefined && !Number.isNaN(value)) continue;
    const reason: RejectionReason = value === undefined ? 'missing-attribute' : 'invalid-attribute';
    const kind = required ? 'required' : 'optional';
    const what = coded
      ? `${kind} attribute "${name}" is ${formatValue(raw)}, the file's code for no data`
      : value === undefined
        ? `${kind} attribute "${name}" is missing (${formatValue(raw)})`
        : `${kind} attribute "${name}" is ${formatValue(raw)}, not a number`;
    if (required) return [reason, what];
    featureWarnings.push([reason, `${what}; NaN used`]);
  }
  return undefined;
}

/** The id of the area of feature `index`; a missing id property adds a warning. */
function areaId(
  feature: FeatureLike,
  properties: Record<string, unknown>,
  idProperty: string | undefined,
  index: number,
  featureWarnings: Problem[],
): string {
  // A property the user named says more than a writer's `id` member (often a row number).
  const named = idProperty === undefined ? undefined : getOwn(properties, idProperty);
  if (typeof named === 'string' || typeof named === 'number') return String(named);
  const member = feature.id;
  const id =
    typeof member === 'string' || typeof member === 'number' ? String(member) : String(index);
  if (idProperty !== undefined) {
    featureWarnings.push([
      'missing-attribute',
      `id property "${idProperty}" is ${formatValue(named)}; "${id}" is used instead`,
    ]);
  }
  return id;
}

function areaTable(
  source: string,
  attributes: readonly AreaAttributeSpec[],
  areas: AcceptedAreas,
): AreaTable {
  const attributeColumns = createRecord<Float64Array>();
  for (let a = 0; a < attributes.length; a++) {
    attributeColumns[attributes[a].name] = Float64Array.from(areas.columns[a]);
  }
  return {
    source,
    length: areas.geometries.length,
    geometries: areas.geometries,
    record: Uint32Array.from(areas.records),
    attributes: attributeColumns,
    ids: areas.ids,
  };
}
