import { HexreachError } from '@hexreach/core';
import { parseJson } from '@hexreach/core/io';
import type { PickedFile } from './fileResultSource.js';
import type { RawInputs } from './readRawInputs.js';

const baseName = (path: string) => path.split(/[\\/]/).pop()?.toLowerCase() ?? '';
const PARQUET = /\.(geo)?parquet$/i;
// A Parquet file named like these holds polygons or places, not incidents.
const FEATURE_NAME = /tract|area|block|neighbo|district|polygon|census|org|partner/i;
const isFeatureParquet = (name: string) => PARQUET.test(name) && FEATURE_NAME.test(baseName(name));

/**
 * Decides which picked or dropped file is which input of an analysis. A configuration
 * (`*.json` other than summary.json) that names its inputs (`inputs.incidents.path` …) decides by
 * file name; otherwise the names do: a CSV named like `survey` holds survey answers, the other
 * CSV or Parquet (or a GeoJSON named like `incidents`) the incidents, a GeoJSON or zipped
 * shapefile named like `org`/`partner` the organizations, a GeoJSON named like `places`,
 * `community`, `ward` or `beat` (or the configuration's `places.path`) the named places that
 * name the zones, and the remaining GeoJSON or zipped shapefile (or a Parquet named like
 * `tracts`) the areas. A configuration with an `evaluation`
 * section naming its zones (`evaluation.zones`, and `evaluation.engagement.path`) makes the files
 * an evaluation's inputs: those two are set apart as `zones` and `engagement`.
 *
 * @param files - the files
 * @returns the inputs for the analysis worker
 * @throws HexreachError `E_INPUT` when the incidents or the areas cannot be told apart or are
 *   missing, or the configuration is not valid JSON (named with line and column)
 * @example
 * ```ts
 * const inputs = await assignInputRoles(picked); // { incidents: incidents.csv, areas: tracts.geojson, … }
 * ```
 */
export async function assignInputRoles(files: readonly PickedFile[]): Promise<RawInputs> {
  const json = files.filter(
    (f) => /\.json$/i.test(f.file.name) && baseName(f.file.name) !== 'summary.json',
  );
  const allGeojson = files.filter(
    (f) => /\.(geojson|zip)$/i.test(f.file.name) || isFeatureParquet(f.file.name),
  );
  const allCsv = files.filter(
    (f) =>
      (/\.csv$/i.test(f.file.name) && baseName(f.file.name) !== 'rejected.csv') ||
      (PARQUET.test(f.file.name) && !isFeatureParquet(f.file.name)),
  );
  let config: RawInputs['config'];
  let named: {
    incidents?: string;
    areas?: string;
    organizations?: string;
    surveys?: string;
    places?: string;
    zones?: string;
    engagement?: string;
  } = {};
  const configFile =
    json.find((f) => /config/i.test(f.file.name)) ?? (json.length === 1 ? json[0] : undefined);
  if (configFile !== undefined) {
    const value = parseJson(await configFile.file.text(), configFile.file.name);
    config = { name: configFile.file.name, value };
    const inputs = (value as { inputs?: Record<string, { path?: unknown } | undefined> })?.inputs;
    const path = (key: string) => {
      const p = inputs?.[key]?.path;
      return typeof p === 'string' ? baseName(p) : undefined;
    };
    named = {
      incidents: path('incidents'),
      areas: path('areas'),
      organizations: path('organizations'),
      surveys: path('surveys'),
      places: placesPath(value),
      ...evaluationNames(value),
    };
  }
  const byName = (name: string | undefined): PickedFile | undefined =>
    name === undefined
      ? undefined
      : [...allCsv, ...allGeojson].find((f) => baseName(f.file.name) === name);
  // The zones and the engagement log of an evaluation are never taken for another input.
  const zones = byName(named.zones);
  const engagement = byName(named.engagement);
  const csv = allCsv.filter((f) => f !== engagement);
  const geojson = allGeojson.filter((f) => f !== zones);

  const surveys =
    byName(named.surveys) ??
    (named.incidents === undefined || !/survey/i.test(named.incidents)
      ? csv.find((f) => /survey/i.test(f.file.name))
      : undefined);
  const incidentCsv = csv.filter((f) => f !== surveys);
  const incidents =
    byName(named.incidents) ??
    incidentCsv.find((f) => /incident|crime|offen|call/i.test(f.file.name)) ??
    (incidentCsv.length === 1 ? incidentCsv[0] : undefined) ??
    geojson.find((f) => /incident|crime|offen|call/i.test(f.file.name));
  const organizations =
    byName(named.organizations) ??
    geojson.find(
      (f) => f !== incidents && /org|partner|school|librar|church|faith/i.test(f.file.name),
    );
  const places =
    byName(named.places) ??
    geojson.find(
      (f) =>
        f !== incidents &&
        f !== organizations &&
        f !== byName(named.areas) &&
        /place|communit|ward|beat/i.test(f.file.name),
    );
  const rest = geojson.filter((f) => f !== incidents && f !== organizations && f !== places);
  const areas =
    byName(named.areas) ??
    rest.find((f) => /tract|area|block|neighbo|district|polygon|census/i.test(f.file.name)) ??
    (rest.length === 1 ? rest[0] : undefined);
  if (incidents === undefined) {
    throw new HexreachError(
      'E_INPUT',
      'no incident file found: add a CSV of incidents (or a GeoJSON named like "incidents"), or a hexreach.config.json naming it',
    );
  }
  if (areas === undefined) {
    throw new HexreachError(
      'E_INPUT',
      `no area file found among ${geojson.map((f) => f.file.name).join(', ') || 'the files'}: add the census tracts as GeoJSON or a zipped shapefile (named like "tracts" or "areas"), or a hexreach.config.json naming it`,
    );
  }
  const raw = (f: PickedFile) => ({ name: f.file.name, data: f.file as Blob });
  return {
    incidents: raw(incidents),
    areas: raw(areas),
    ...(organizations === undefined ? {} : { organizations: raw(organizations) }),
    ...(surveys === undefined ? {} : { surveys: raw(surveys) }),
    ...(places === undefined ? {} : { places: raw(places) }),
    ...(zones === undefined ? {} : { zones: raw(zones) }),
    ...(engagement === undefined ? {} : { engagement: raw(engagement) }),
    ...(config === undefined ? {} : { config }),
  };
}

/** The file name of the configuration's `places.path`, if it names one. */
function placesPath(config: unknown): string | undefined {
  const places = (config as { places?: { path?: unknown } } | null)?.places;
  return typeof places?.path === 'string' ? baseName(places.path) : undefined;
}

/** The file names an `evaluation` section gives its zones and engagement log. */
function evaluationNames(config: unknown): { zones?: string; engagement?: string } {
  const section =
    typeof config === 'object' && config !== null && Object.hasOwn(config, 'evaluation')
      ? (config as { evaluation: unknown }).evaluation
      : undefined;
  if (typeof section !== 'object' || section === null) return {};
  const { zones, engagement } = section as { zones?: unknown; engagement?: { path?: unknown } };
  return {
    ...(typeof zones === 'string' ? { zones: baseName(zones) } : {}),
    ...(typeof engagement?.path === 'string' ? { engagement: baseName(engagement.path) } : {}),
  };
}
