import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative } from 'node:path';
import { areaAttributesOf } from '../config/areaAttributesOf.js';
import type { HexreachConfig } from '../config/configSchema.js';
import { HexreachError } from '../errors.js';
import { detectPopulationAttribute } from '../io/detectPopulationAttribute.js';
import { parseJson } from '../io/parseJson.js';
import { readAreasGeoJson } from '../io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../io/readIncidentsCsv.js';
import { readIncidentsGeoJson } from '../io/readIncidentsGeoJson.js';
import { readOrganizationsGeoJson } from '../io/readOrganizations.js';
import { readSurveysCsv } from '../io/readSurveysCsv.js';
import type {
  AreaTable,
  IncidentTable,
  OrganizationTable,
  ReadResult,
  RejectionSink,
  SurveyTable,
} from '../types.js';

/** Throws `E_NOT_FOUND` with a one-line message unless `path` is a readable file. */
export function assertFile(path: string, what: string): void {
  if (!existsSync(path))
    throw new HexreachError('E_NOT_FOUND', `${what} file not found: ${path}`, path);
  if (!statSync(path).isFile())
    throw new HexreachError('E_NOT_FOUND', `${what} path is not a file: ${path}`, path);
}

/** Reads and parses a JSON file, naming the file and position of any syntax error. */
export function readJsonFile(path: string, what: string): unknown {
  assertFile(path, what);
  return parseJson(readFileSync(path, 'utf8'), displayPath(path));
}

/**
 * Reads an incident file: CSV streamed (never loaded whole), or GeoJSON. Rejected records go
 * to `onRejection` when given, as with every reader here, instead of the result's list.
 *
 * @example
 * ```ts
 * const read = await readIncidentFile('data/demo/incidents.csv', config, (rows) => {}, tally.add);
 * ```
 */
export async function readIncidentFile(
  path: string,
  config: HexreachConfig,
  onProgress?: (rows: number) => void,
  onRejection?: RejectionSink,
): Promise<ReadResult<IncidentTable>> {
  assertFile(path, 'incidents');
  const spec = config.inputs.incidents;
  const format = spec?.format ?? (/\.(geo)?json$/i.test(extname(path)) ? 'geojson' : 'csv');
  const columns = spec?.columns ?? {};
  if (format === 'geojson') {
    return readIncidentsGeoJson(readJsonFile(path, 'incidents'), {
      source: displayPath(path),
      date: columns.date,
      category: columns.category,
      weight: columns.weight,
      onRejection,
    });
  }
  return readIncidentsCsv(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), {
    source: displayPath(path),
    columns,
    onProgress,
    onRejection,
  });
}

/**
 * Reads the area polygons with the attributes the configuration uses; the population attribute
 * is the configured one or detected from the first feature's properties.
 *
 * @example
 * ```ts
 * const { read, population } = readAreaFile('data/demo/tracts.geojson', config);
 * ```
 */
export function readAreaFile(
  path: string,
  config: HexreachConfig,
  onRejection?: RejectionSink,
): { read: ReadResult<AreaTable>; population: string | undefined } {
  const data = readJsonFile(path, 'areas');
  const first = (data as { features?: { properties?: Record<string, unknown> }[] })?.features?.[0];
  const population = config.population ?? detectPopulationAttribute(first?.properties ?? {});
  const read = readAreasGeoJson(data, {
    source: displayPath(path),
    attributes: areaAttributesOf(config, population),
    idProperty: config.inputs.areas?.idProperty,
    onRejection,
  });
  return { read, population };
}

/**
 * Reads organization points (name and type).
 *
 * @example
 * ```ts
 * const orgs = readOrganizationFile('data/demo/organizations.geojson', config);
 * ```
 */
export function readOrganizationFile(
  path: string,
  config: HexreachConfig,
  onRejection?: RejectionSink,
): ReadResult<OrganizationTable> {
  const spec = config.inputs.organizations;
  return readOrganizationsGeoJson(readJsonFile(path, 'organizations'), {
    source: displayPath(path),
    name: spec?.name,
    type: spec?.type,
    capacity: spec?.capacity,
    onRejection,
  });
}

/**
 * Reads survey answers (CSV, streamed): the respondent's location and the trust answer column.
 *
 * @example
 * ```ts
 * const surveys = await readSurveyFile('data/demo/surveys.csv', config);
 * ```
 */
export async function readSurveyFile(
  path: string,
  config: HexreachConfig,
  onRejection?: RejectionSink,
): Promise<ReadResult<SurveyTable>> {
  assertFile(path, 'surveys');
  return readSurveysCsv(createReadStream(path, { encoding: 'utf8' }), {
    source: displayPath(path),
    answers: [config.trust.answer!],
    columns: config.inputs.surveys?.columns,
    scale: { min: config.trust.scaleMin, max: config.trust.scaleMax },
    onRejection,
  });
}

/**
 * How a path is shown in messages and outputs: relative to the working folder when inside it,
 * so that summaries do not carry a user's home folder around.
 *
 * @example
 * ```ts
 * displayPath('/home/ana/city/incidents.csv'); // 'incidents.csv' when run from /home/ana/city
 * ```
 */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
