import { HexreachError } from '@hexreach/core';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describeValue } from './describeValue.js';
import type { CellProperties } from './results.js';

/** Columns the viewer draws as layers: when present, every value must be a number or null. */
const KNOWN_NUMERIC = /^(score|score_.+|gi_bin|gi_z|gi_p|need_index|incidents|rate_per_\d+)$/;

/** A count a public export (`--public`) suppressed: `"<5"` for 1…4. */
const SUPPRESSED = /^<\d+$/;

/** Text columns the viewer draws as category layers: every value must be a string or null. */
const KNOWN_TEXT = /^(lisa_quadrant|eh_pattern|joint_class|partner_class)$/;

/** Cells as the viewer keeps them: read from cells.geojson (parseCells) or cells.bin (binaryCells). */
export interface ParsedCells {
  readonly cells: FeatureCollection<Polygon | MultiPolygon, CellProperties>;
  /** Each cell's H3 index, in the order of `cells.features`. */
  readonly cellIds: readonly string[];
  readonly numericColumns: string[];
  readonly columns: Record<string, Float64Array>;
  readonly textColumns: string[];
  readonly texts: Record<string, (string | null)[]>;
  readonly suppressed: Record<string, number>;
}

/**
 * Checks a parsed `cells.geojson`, turns its numeric columns into typed arrays and keeps its
 * text columns (such as `lisa_quadrant` or `eh_pattern`) as arrays of strings. A small count a
 * public export suppressed (`"<5"`) leaves its column numeric: it has no value there (NaN), and
 * the number of such cells per column is returned for a note.
 *
 * @param value - the parsed JSON
 * @param file - the file name, for messages
 * @returns the collection as read, each cell's H3 index, its numeric columns (sorted by first appearance), each
 *   numeric column as one value per cell with NaN for null, its text columns (every value a
 *   string or null, at least one string; sorted by first appearance) and each text column as
 *   one value per cell with null where the file has null or nothing, and per numeric column
 *   the number of suppressed values
 * @throws HexreachError `E_INPUT` naming the file, the feature and the problem
 * @example
 * ```ts
 * const { cells, columns, texts } = parseCells(parseJson(text, 'cells.geojson'), 'cells.geojson');
 * columns.score[0];
 * texts.lisa_quadrant?.[0]; // 'High-High'
 * ```
 */
export function parseCells(value: unknown, file: string): ParsedCells {
  const features = featureArray(value, file);
  if (features.length === 0) throw new HexreachError('E_INPUT', `${file}: has no cells`);
  // For every property: does it hold a number somewhere, and something else than number/null?
  const order: string[] = [];
  const seen = new Set<string>();
  const hasNumber = new Set<string>();
  const notNumeric = new Map<string, number>();
  const hasString = new Set<string>();
  const notText = new Set<string>();
  const suppressedIn = new Map<string, number>();
  features.forEach((feature, i) => {
    const f = feature as { type?: unknown; geometry?: unknown; properties?: unknown } | null;
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      throw new HexreachError('E_INPUT', `${file}: feature ${i} is not a GeoJSON Feature`);
    }
    checkPolygonal(f.geometry, file, i);
    const properties = f.properties as Record<string, unknown> | null;
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
      throw new HexreachError('E_INPUT', `${file}: feature ${i} has no properties`);
    }
    if (typeof properties.h3 !== 'string' || properties.h3 === '') {
      throw new HexreachError(
        'E_INPUT',
        `${file}: feature ${i} has no h3 cell index (h3 is ${describeValue(properties.h3)}); is this the cells.geojson of a hexreach run?`,
      );
    }
    for (const key in properties) {
      if (key === 'h3') continue;
      if (!seen.has(key)) {
        seen.add(key);
        order.push(key);
      }
      const v = properties[key];
      if (typeof v === 'string') hasString.add(key);
      else if (v !== null && !notText.has(key)) {
        notText.add(key);
        if (KNOWN_TEXT.test(key)) {
          throw new HexreachError(
            'E_INPUT',
            `${file}: feature ${i}: ${key} is ${describeValue(v)}, expected a string or null`,
          );
        }
      }
      if (typeof v === 'number') hasNumber.add(key);
      else if (typeof v === 'string' && SUPPRESSED.test(v)) {
        suppressedIn.set(key, (suppressedIn.get(key) ?? 0) + 1);
      } else if (v !== null && !notNumeric.has(key)) {
        notNumeric.set(key, i);
        if (KNOWN_NUMERIC.test(key)) {
          throw new HexreachError(
            'E_INPUT',
            `${file}: feature ${i}: ${key} is ${describeValue(v)}, expected a number or null`,
          );
        }
      }
    }
  });
  const numericColumns = order.filter((key) => hasNumber.has(key) && !notNumeric.has(key));
  // Column names come from the file: `__proto__` or `toString` are names like any other, so
  // the records have no prototype and a feature's value is one of its own properties.
  const columns: Record<string, Float64Array> = Object.create(null);
  for (const key of numericColumns) {
    const column = new Float64Array(features.length);
    features.forEach((feature, i) => {
      const v = ownProperty(feature, key);
      column[i] = typeof v === 'number' ? v : Number.NaN;
    });
    columns[key] = column;
  }
  const suppressed = Object.fromEntries(
    numericColumns.flatMap((key) => (suppressedIn.has(key) ? [[key, suppressedIn.get(key)!]] : [])),
  );
  // A column of numbers and suppressed counts is numeric, not text.
  const textColumns = order.filter(
    (key) => hasString.has(key) && !notText.has(key) && !Object.hasOwn(suppressed, key),
  );
  const texts: Record<string, (string | null)[]> = Object.create(null);
  for (const key of textColumns) {
    texts[key] = features.map((feature) => {
      const v = ownProperty(feature, key);
      return typeof v === 'string' ? v : null;
    });
  }
  return {
    cells: value as FeatureCollection<Polygon | MultiPolygon, CellProperties>,
    cellIds: features.map((feature) => ownProperty(feature, 'h3') as string),
    numericColumns,
    columns,
    textColumns,
    texts,
    suppressed,
  };
}

/**
 * The `features` array of a FeatureCollection.
 *
 * @throws HexreachError `E_INPUT` naming the file when `value` is not a FeatureCollection
 * @example
 * ```ts
 * featureArray({ type: 'FeatureCollection', features: [] }, 'zones.geojson'); // []
 * ```
 */
export function featureArray(value: unknown, file: string): unknown[] {
  const collection = value as { type?: unknown; features?: unknown } | null;
  if (
    typeof collection !== 'object' ||
    collection === null ||
    collection.type !== 'FeatureCollection' ||
    !Array.isArray(collection.features)
  ) {
    const type =
      typeof collection === 'object' && collection !== null && 'type' in collection
        ? `a ${describeValue(collection.type)}`
        : describeValue(collection);
    throw new HexreachError(
      'E_INPUT',
      `${file}: expected a GeoJSON FeatureCollection, found ${type}`,
    );
  }
  return collection.features;
}

/**
 * Checks that a feature's geometry is a Polygon or MultiPolygon of [longitude, latitude] pairs.
 *
 * @throws HexreachError `E_INPUT` naming the file, the feature and the problem
 * @example
 * ```ts
 * checkPolygonal({ type: 'Point', coordinates: [0, 0] }, 'cells.geojson', 3); // throws: feature 3: geometry is a "Point" …
 * ```
 */
export function checkPolygonal(geometry: unknown, file: string, i: number): void {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  const fail = (problem: string) =>
    new HexreachError('E_INPUT', `${file}: feature ${i}: ${problem}`);
  if (typeof g !== 'object' || g === null) throw fail('has no geometry');
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    throw fail(`geometry is a ${describeValue(g.type)}, expected a Polygon or MultiPolygon`);
  }
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polygons)) throw fail('geometry has no coordinates');
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) throw fail('a polygon has no ring');
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 4) {
        throw fail('a ring has fewer than 4 positions');
      }
      for (const p of ring) {
        if (
          !Array.isArray(p) ||
          !Number.isFinite(p[0]) ||
          !Number.isFinite(p[1]) ||
          Math.abs(p[0]) > 180 ||
          Math.abs(p[1]) > 90
        ) {
          throw fail(`position ${describeValue(p)} is not a [longitude, latitude] pair`);
        }
      }
    }
  }
}

/** A feature's own property `key` (never one inherited from Object.prototype). */
function ownProperty(feature: unknown, key: string): unknown {
  const properties = (feature as { properties: Record<string, unknown> }).properties;
  return Object.hasOwn(properties, key) ? properties[key] : undefined;
}
