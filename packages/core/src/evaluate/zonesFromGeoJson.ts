import { HexreachError } from '../errors.js';
import { polygonToCellsByCenter } from '../hex/h3.js';
import { formatValue } from '../io/formatValue.js';
import { parseDate } from '../io/parseDate.js';
import type { CellGrid } from '../types.js';
import type { EvaluationZone } from './evaluateZones.js';

/**
 * The zones of an intervention from GeoJSON polygons: hexreach's own zones.geojson or any
 * polygons. Each feature is a zone: `id` (else `zone_id`, else Z01, Z02 … by position), `name`,
 * `start` and `end` properties (ISO dates; `defaults` for features without them), and the grid
 * cells whose centres fall inside its polygons.
 *
 * @param collection - the parsed GeoJSON
 * @param source - the file name, for errors
 * @param grid - the analysis cells
 * @param defaults - `start` and `end` for features without their own (ms)
 * @returns the zones
 * @throws HexreachError `E_INPUT` naming the file and feature: not a FeatureCollection, a
 *   geometry that is not a Polygon or MultiPolygon, an unreadable date, no start at all, an end
 *   before the start, a repeated id, or no analysis cell inside the polygons
 * @example
 * ```ts
 * const zones = zonesFromGeoJson(JSON.parse(text), 'zones.geojson', grid, { start: Date.UTC(2019, 0, 1) });
 * zones[0].cells.length; // cells of Z01
 * ```
 */
export function zonesFromGeoJson(
  collection: unknown,
  source: string,
  grid: CellGrid,
  defaults: { readonly start?: number; readonly end?: number } = {},
): EvaluationZone[] {
  const features = (collection as { type?: unknown; features?: unknown } | null)?.features;
  if (
    (collection as { type?: unknown } | null)?.type !== 'FeatureCollection' ||
    !Array.isArray(features)
  ) {
    throw new HexreachError('E_INPUT', `${source}: not a GeoJSON FeatureCollection`, source);
  }
  const ids = new Set<string>();
  return features.map((feature: unknown, i: number) => {
    const fail = (reason: string, value?: unknown): never => {
      throw new HexreachError('E_INPUT', `${source}: feature ${i}: ${reason}`, value);
    };
    const f = feature as {
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: unknown;
    };
    const properties = new Map(
      Object.entries(
        typeof f?.properties === 'object' && f.properties !== null ? f.properties : {},
      ),
    );
    const rawId = properties.get('id') ?? properties.get('zone_id');
    const id =
      typeof rawId === 'string' && rawId !== ''
        ? rawId
        : typeof rawId === 'number'
          ? String(rawId)
          : `Z${String(i + 1).padStart(2, '0')}`;
    if (ids.has(id)) fail(`the id ${formatValue(id)} is used by an earlier feature`, id);
    ids.add(id);
    const name = properties.get('name');
    const start = dateOf(properties.get('start'), 'start', fail) ?? defaults.start;
    const end = dateOf(properties.get('end'), 'end', fail) ?? defaults.end;
    if (start === undefined) {
      fail(
        'no start date: give the feature a "start" property, or evaluation.start / --start for all',
      );
    }
    if (end !== undefined && start !== undefined && !(end > start))
      fail('its end is not after its start');
    const polygons = polygonsOf(f?.geometry, fail);
    const cells = new Set<number>();
    for (const rings of polygons) {
      for (const cell of polygonToCellsByCenter(rings, grid.resolution)) {
        const c = grid.indexOf.get(cell);
        if (c !== undefined) cells.add(c);
      }
    }
    if (cells.size === 0) {
      fail(
        `no analysis cell (resolution ${grid.resolution}) has its centre inside the zone: is it inside the study area, and larger than a cell?`,
      );
    }
    return {
      id,
      name: typeof name === 'string' ? name : '',
      cells: Int32Array.from(cells).sort(),
      start: start as number,
      ...(end === undefined ? {} : { end }),
    };
  });
}

function dateOf(
  value: unknown,
  key: string,
  fail: (reason: string, value?: unknown) => never,
): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const t = typeof value === 'string' ? parseDate(value) : Number.NaN;
  if (Number.isNaN(t))
    fail(`"${key}" ${formatValue(value)} is not an ISO 8601 date such as 2019-01-01`, value);
  return t;
}

function polygonsOf(
  geometry: { type?: unknown; coordinates?: unknown } | undefined,
  fail: (reason: string, value?: unknown) => never,
): number[][][][] {
  if (geometry?.type === 'Polygon' && Array.isArray(geometry.coordinates)) {
    return [geometry.coordinates as number[][][]];
  }
  if (geometry?.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
    return geometry.coordinates as number[][][][];
  }
  return fail(
    `the geometry is ${formatValue(geometry?.type ?? 'missing')}, not a Polygon or MultiPolygon`,
  );
}
