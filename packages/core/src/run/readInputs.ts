import { areaAttributesOf } from '../config/areaAttributesOf.js';
import type { HexreachConfig } from '../config/configSchema.js';
import { resolveNeedPreset } from '../config/resolveNeedPreset.js';
import { HexreachError } from '../errors.js';
import { collectPropertyNames } from '../io/collectPropertyNames.js';
import { detectPlaceNameProperty } from '../io/detectPlaceNameProperty.js';
import { detectPopulationAttribute } from '../io/detectPopulationAttribute.js';
import { getFeatures } from '../io/getFeatures.js';
import { parseJson } from '../io/parseJson.js';
import { readAreasGeoJson } from '../io/readAreasGeoJson.js';
import { readCellCountsCsv } from '../io/readCellCountsCsv.js';
import { readIncidentsCsv } from '../io/readIncidentsCsv.js';
import { readIncidentsGeoJson } from '../io/readIncidentsGeoJson.js';
import { readIncidentsParquet } from '../io/readIncidentsParquet.js';
import { readOrganizationsGeoJson } from '../io/readOrganizations.js';
import { readPlacesGeoJson } from '../io/readPlacesGeoJson.js';
import { readSurveysCsv } from '../io/readSurveysCsv.js';
import type {
  AreaTable,
  IncidentTable,
  OrganizationTable,
  PlaceTable,
  ReadResult,
  RejectionSink,
  SurveyTable,
} from '../types.js';
import type { InputSource } from './InputSource.js';
import { inputFormatOf } from './inputFormatOf.js';
import { readFeatureSource } from './readFeatureSource.js';

/** The input files of a run: incidents and areas, and optionally partners and survey answers. */
export interface InputSources {
  /** Incident points; or, in their place, `cells`. */
  readonly incidents?: InputSource;
  /**
   * Cell aggregates in place of incidents (CSV of `h3`, `count`, optional `category` and
   * `period`): read into incidents at cell centres, under the role `incidents`.
   */
  readonly cells?: InputSource;
  readonly areas: InputSource;
  readonly organizations?: InputSource;
  /** Community survey answers (CSV); the configuration must name the answer (`trust.answer`). */
  readonly surveys?: InputSource;
  /**
   * Named places (community areas, wards…, GeoJSON polygons) that name the zones; without them,
   * the areas are the places when they have a name property (`places.name`, or detected).
   */
  readonly places?: InputSource;
}

/** Which input a file is (cell aggregates are read as `incidents`). */
export type InputRole = Exclude<keyof InputSources, 'cells'>;

/** A file just read: what the reader made of it, and for the areas the population attribute. */
export type InputRead =
  | { readonly role: 'incidents'; readonly read: ReadResult<IncidentTable> }
  | {
      readonly role: 'areas';
      readonly read: ReadResult<AreaTable>;
      /** The population attribute, configured or detected; undefined when there is none. */
      readonly population: string | undefined;
      /** How the file's coordinates were read, when it said (a shapefile's `.prj`). */
      readonly note?: string;
    }
  | {
      readonly role: 'organizations';
      readonly read: ReadResult<OrganizationTable>;
      /** How the file's coordinates were read, when it said (a shapefile's `.prj`). */
      readonly note?: string;
    }
  | { readonly role: 'surveys'; readonly read: ReadResult<SurveyTable> }
  | { readonly role: 'places'; readonly read: ReadResult<PlaceTable> };

/** Options of {@link readInputs}: what the caller hears of the reading. */
export interface ReadInputsOptions {
  /** Called as a file starts to be read, with its name (progress lines, status). */
  readonly onStart?: (role: InputRole, name: string) => void;
  /** Called as rows of a CSV incident file are read, with the data rows read so far. */
  readonly onRows?: (rows: number) => void;
  /** Called as each file is read. */
  readonly onRead?: (read: InputRead) => void;
  /**
   * Where each input's rejected records go instead of its result's list (see RejectionSink):
   * the CLI counts them and streams them to rejected.csv, in bounded memory.
   */
  readonly onRejection?: Readonly<Partial<Record<InputRole, RejectionSink>>>;
  /**
   * Called once every file is read, before the areas are checked for a usable polygon: the CLI's
   * `--strict` refuses rejected records there, so that they are what it reports first.
   */
  readonly onAllRead?: () => void;
}

/** The inputs read into columns, with the configuration they were read for. */
export interface InputsRead {
  /** The configuration with `population` the attribute read (configured or detected). */
  readonly config: HexreachConfig;
  readonly incidents: ReadResult<IncidentTable>;
  readonly areas: ReadResult<AreaTable>;
  readonly organizations: ReadResult<OrganizationTable> | undefined;
  readonly surveys: ReadResult<SurveyTable> | undefined;
  /**
   * What was done to the files on the way in, one sentence each, for summary.json's notes: the
   * coordinate system a shapefile was reprojected from. Empty for CSV and GeoJSON.
   */
  readonly notes: readonly string[];
  /**
   * The named places: from the places file, or the areas named by their name property (then
   * `places.data.source` is the areas' file); undefined when there are none.
   */
  readonly places: ReadResult<PlaceTable> | undefined;
}

/**
 * Reads the inputs of a run as `hexreach analyze` and the viewer's analysis both do: incidents
 * from CSV (streamed, never held whole), GeoJSON or Parquet (one row group at a time)
 * (`inputs.incidents.format`, else the name's extension, else the first bytes), areas with the
 * population attribute configured or detected and every attribute and indicator the
 * configuration uses (a need preset resolved against the area file's columns), organizations
 * with the name, type and capacity properties configured — both from GeoJSON, a shapefile
 * (reprojected from its `.prj`: see `notes`) or GeoParquet —, survey answers with the
 * configured answer column, in that order.
 * Then the named places: without a places file, the areas are the places when `places.name`
 * names a property of theirs or one is detected (`detectPlaceNameProperty`).
 *
 * @param sources - the files: on disk in the CLI (`nodeFileSource`), Blobs in the viewer
 * @param config - the parsed configuration (its input paths are not used: the files are given)
 * @param options - callbacks as files start and end, rows are read and records are rejected
 * @returns the inputs in columns, and the configuration with the population attribute read
 * @throws HexreachError `E_CONFIG` for survey answers without `trust.answer`; `E_INPUT` when no
 *   area polygon is usable; and every reader's error, naming the file (invalid JSON with line and
 *   column, no coordinate columns, a named column that does not exist…) or the source's own
 *   (`E_NOT_FOUND` for a file that is not there)
 * @example
 * ```ts
 * const source = (name: string, blob: Blob) => ({ name, text: () => blob.text(), stream: () => blob.stream() });
 * const inputs = await readInputs(
 *   { incidents: source('incidents.csv', incidentsFile), areas: source('tracts.geojson', tractsFile) },
 *   parseConfig({}, 'defaults'),
 *   { onStart: (role, name) => console.log(`reading ${name}`) },
 * );
 * analyze({ incidents: inputs.incidents.data, areas: inputs.areas.data }, inputs.config);
 * ```
 */
export async function readInputs(
  sources: InputSources,
  config: HexreachConfig,
  options: ReadInputsOptions = {},
): Promise<InputsRead> {
  const { areas: areaSource, organizations, surveys, places } = sources;
  const incidentSource = sources.cells ?? sources.incidents;
  if (
    incidentSource === undefined ||
    (sources.cells !== undefined && sources.incidents !== undefined)
  ) {
    throw new HexreachError(
      'E_ARGUMENT',
      'readInputs: give incidents (points) or cells (cell aggregates), one of them',
    );
  }
  // Before any file is read: a survey file cannot be scored without its answer column.
  const answer = config.trust.answer;
  if (surveys !== undefined && answer === undefined) {
    throw new HexreachError(
      'E_CONFIG',
      `${surveys.name}: survey answers need the answer column to score: set trust.answer in the configuration`,
    );
  }
  const incidents = await step('incidents', incidentSource, options, () =>
    sources.cells === undefined
      ? readIncidents(incidentSource, config, options)
      : readCells(incidentSource, config, options),
  );
  const areas = await step('areas', areaSource, options, () =>
    readAreas(areaSource, config, options.onRejection?.areas),
  );
  const partners =
    organizations === undefined
      ? undefined
      : await step('organizations', organizations, options, () =>
          readOrganizations(organizations, config, options.onRejection?.organizations),
        );
  const answers =
    surveys === undefined || answer === undefined
      ? undefined
      : await step('surveys', surveys, options, () =>
          readSurveys(surveys, config, answer, options.onRejection?.surveys),
        );
  const named =
    places === undefined
      ? areas.places
      : (
          await step('places', places, options, () =>
            readPlaces(places, config, options.onRejection?.places),
          )
        ).read;
  options.onAllRead?.();
  if (areas.read.data.length === 0) {
    throw new HexreachError(
      'E_INPUT',
      `${areaSource.name}: no usable area polygon (${areas.read.rejectedCount} rejected)`,
    );
  }
  return {
    config: { ...areas.config, population: areas.population },
    incidents: incidents.read,
    areas: areas.read,
    organizations: partners?.read,
    surveys: answers?.read,
    notes: [areas.note, partners?.note].filter((note) => note !== undefined),
    places: named,
  };
}

/** Reads one file between the caller's `onStart` and `onRead`. */
async function step<T extends InputRead>(
  role: T['role'],
  source: InputSource,
  options: ReadInputsOptions,
  read: () => Promise<T>,
): Promise<T> {
  options.onStart?.(role, source.name);
  const done = await read();
  options.onRead?.(done);
  return done;
}

/** Incidents from CSV, streamed, or from GeoJSON, as configured or as the name says. */
async function readIncidents(
  source: InputSource,
  config: HexreachConfig,
  options: ReadInputsOptions,
): Promise<InputRead & { readonly role: 'incidents' }> {
  const spec = config.inputs.incidents;
  const columns = spec?.columns ?? {};
  const onRejection = options.onRejection?.incidents;
  const format = spec?.format ?? (await inputFormatOf(source, 'csv'));
  if (format === 'geojson') {
    const read = readIncidentsGeoJson(parseJson(await source.text(), source.name), {
      source: source.name,
      date: columns.date,
      category: columns.category,
      weight: columns.weight,
      onRejection,
    });
    return { role: 'incidents', read };
  }
  if (format === 'parquet') {
    const read = await readIncidentsParquet(await bytesOf(source), {
      source: source.name,
      columns,
      onProgress: options.onRows,
      onRejection,
    });
    return { role: 'incidents', read };
  }
  if (format === 'shapefile') {
    throw new HexreachError(
      'E_INPUT',
      `${source.name}: a zip or shapefile; incidents are read from CSV, GeoJSON or Parquet (unzip a zipped CSV first)`,
      source.name,
    );
  }
  const read = await readIncidentsCsv(source.stream(), {
    source: source.name,
    columns,
    onProgress: options.onRows,
    onRejection,
  });
  return { role: 'incidents', read };
}

/** Cell aggregates (CSV, streamed) as incidents at the cells' centres. */
async function readCells(
  source: InputSource,
  config: HexreachConfig,
  options: ReadInputsOptions,
): Promise<InputRead & { readonly role: 'incidents' }> {
  const spec = config.inputs.cells;
  const read = await readCellCountsCsv(source.stream(), {
    source: source.name,
    resolution: config.resolution,
    period: spec?.period ?? config.emerging.step,
    columns: spec?.columns,
    onProgress: options.onRows,
    onRejection: options.onRejection?.incidents,
  });
  return { role: 'incidents', read };
}

/**
 * Areas with the attributes the configuration uses; the population attribute is the configured
 * one or detected from the first feature's properties.
 */
async function readAreas(
  source: InputSource,
  config: HexreachConfig,
  onRejection: RejectionSink | undefined,
): Promise<
  InputRead & {
    readonly role: 'areas';
    readonly config: HexreachConfig;
    readonly places?: ReadResult<PlaceTable>;
  }
> {
  const { data, note } = await readFeatureSource(source);
  const first = (data as { features?: { properties?: Record<string, unknown> }[] })?.features?.[0];
  const resolved =
    config.need === undefined
      ? config
      : resolveNeedPreset(
          config,
          collectPropertyNames(getFeatures(data, source.name)),
          source.name,
        );
  const population = resolved.population ?? detectPopulationAttribute(first?.properties ?? {});
  const read = readAreasGeoJson(data, {
    source: source.name,
    attributes: areaAttributesOf(resolved, population),
    idProperty: config.inputs.areas?.idProperty,
    onRejection,
  });
  return {
    role: 'areas',
    read,
    population,
    config: resolved,
    places: areaPlaces(data, source, config, read),
    ...(note === undefined ? {} : { note }),
  };
}

/**
 * The areas as named places, when `places.name` names their property or one is detected and no
 * places file is configured; their rejections are the areas' own, already reported.
 */
function areaPlaces(
  data: unknown,
  source: InputSource,
  config: HexreachConfig,
  areas: ReadResult<AreaTable>,
): ReadResult<PlaceTable> | undefined {
  if (config.places?.path !== undefined || areas.data.length === 0) return undefined;
  const features = (data as { features?: unknown }).features;
  const name =
    config.places?.name ??
    (Array.isArray(features) ? detectPlaceNameProperty(features) : undefined);
  if (name === undefined) return undefined;
  return readPlacesGeoJson(data, { source: source.name, name, onRejection: () => {} });
}

/** Named places with the name property configured (or detected). */
async function readPlaces(
  source: InputSource,
  config: HexreachConfig,
  onRejection: RejectionSink | undefined,
): Promise<InputRead & { readonly role: 'places' }> {
  // GeoJSON, a shapefile or GeoParquet, as the areas.
  const { data } = await readFeatureSource(source);
  const read = readPlacesGeoJson(data, {
    source: source.name,
    name: config.places?.name,
    onRejection,
  });
  return { role: 'places', read };
}

/** Organization points with the name, type and capacity properties configured (or detected). */
async function readOrganizations(
  source: InputSource,
  config: HexreachConfig,
  onRejection: RejectionSink | undefined,
): Promise<InputRead & { readonly role: 'organizations' }> {
  const spec = config.inputs.organizations;
  const { data, note } = await readFeatureSource(source);
  const read = readOrganizationsGeoJson(data, {
    source: source.name,
    name: spec?.name,
    type: spec?.type,
    capacity: spec?.capacity,
    onRejection,
  });
  return { role: 'organizations', read, ...(note === undefined ? {} : { note }) };
}

/** The bytes of a binary input; a source without them (a string) can give only text formats. */
async function bytesOf(source: InputSource) {
  if (source.bytes === undefined) {
    throw new HexreachError(
      'E_INPUT',
      `${source.name}: this input gives no bytes to read Parquet from`,
      source.name,
    );
  }
  return source.bytes();
}

/** Survey answers (CSV, streamed): each respondent's location and the answer scored as trust. */
async function readSurveys(
  source: InputSource,
  config: HexreachConfig,
  answer: string,
  onRejection: RejectionSink | undefined,
): Promise<InputRead & { readonly role: 'surveys' }> {
  const read = await readSurveysCsv(source.stream(), {
    source: source.name,
    answers: [answer],
    columns: config.inputs.surveys?.columns,
    scale: { min: config.trust.scaleMin, max: config.trust.scaleMax },
    onRejection,
  });
  return { role: 'surveys', read };
}
