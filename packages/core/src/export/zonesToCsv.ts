import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { assertArgument } from '../errors.js';
import { toCsv } from './toCsv.js';

/**
 * Writes priority zones as CSV, one row per zone in the collection's (rank) order, for planners
 * who work in spreadsheets: every property of `zones.geojson` except the geometry, with the cell
 * list written as its count (`cellCount`). Columns follow the order in which properties first
 * appear, so a property added to the zones later gets its column without a change here:
 * - a nested object becomes one column per member, named `parent.member`
 *   (e.g. `robustness.label`);
 * - a list of plain values is joined with `; ` (e.g. reasons);
 * - a list of objects is written one object after another, `; `-separated, each as
 *   `key: value, key: value` (e.g. partners: `name: Youth Club, type: youth, distanceMeters: 420`).
 * Missing values are empty fields; text is quoted and guarded against formula injection by `toCsv`.
 *
 * @param zones - the zones FeatureCollection, e.g. from `zonesToFeatureCollection`
 * @returns the CSV text, header first, lines ending in `\n`
 * @throws HexreachError `E_ARGUMENT` when `zones` is not a FeatureCollection
 * @example
 * ```ts
 * zonesToCsv(zonesToFeatureCollection(result.zones));
 * // 'id,rank,cellCount,meanScore,…\nZ01,1,42,0.892,…\n'
 * ```
 */
export function zonesToCsv(zones: FeatureCollection<Geometry | null, GeoJsonProperties>): string {
  assertArgument(
    zones !== null &&
      typeof zones === 'object' &&
      zones.type === 'FeatureCollection' &&
      Array.isArray(zones.features),
    'zonesToCsv',
    'zones must be a GeoJSON FeatureCollection',
    zones,
  );
  const rows = zones.features.map((feature) => flatten(feature.properties ?? {}));
  const header: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of row.keys()) {
      if (seen.has(key)) continue;
      seen.add(key);
      header.push(key);
    }
  }
  return toCsv(
    header,
    rows.map((row) => header.map((key) => row.get(key))),
  );
}

type Flat = Map<string, string | number | boolean | null>;

/** One zone's properties as flat columns, in property order. */
function flatten(
  properties: Readonly<Record<string, unknown>>,
  prefix = '',
  out: Flat = new Map(),
): Flat {
  for (const [key, value] of Object.entries(properties)) {
    const name = `${prefix}${key}`;
    if (prefix === '' && key === 'cells') {
      // The cell list would make the row unreadable; its length is what a spreadsheet needs.
      if (properties.cellCount === undefined && Array.isArray(value))
        out.set('cellCount', value.length);
      continue;
    }
    if (isPlainObject(value)) flatten(value, `${name}.`, out);
    else out.set(name, toText(value));
  }
  return out;
}

/** A property value as one field: lists joined, objects as `key: value` pairs. */
function toText(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  if (Array.isArray(value))
    return value
      .map((item) => (isPlainObject(item) ? pairs(item) : String(toText(item) ?? '')))
      .join('; ');
  return JSON.stringify(value) ?? null;
}

function pairs(item: Readonly<Record<string, unknown>>): string {
  return Object.entries(item)
    .map(
      ([key, value]) =>
        `${key}: ${isPlainObject(value) ? JSON.stringify(value) : String(toText(value) ?? '')}`,
    )
    .join(', ');
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
