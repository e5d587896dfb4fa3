import {
  type AnalysisResult,
  type AreaTable,
  analysisToCells,
  analysisToReportModel,
  analysisToSpaceTime,
  analysisToZones,
  analyze,
  createScorer,
  type HexreachConfig,
  HexreachError,
  type IncidentTable,
  isWeightDependentColumn,
  type OrganizationTable,
  parseConfig,
  type ReadResult,
  readAreasGeoJson,
  readIncidentsCsv,
  readIncidentsGeoJson,
  readOrganizationsGeoJson,
  readSurveysCsv,
  renderReportHtml,
  type SurveyTable,
} from '@hexreach/core';
import { areaAttributesOf } from '@hexreach/core/config';
import {
  analysisToCellValues,
  priorityToCellValues,
  type ZoneSummaryProperties,
  zoneSummaryProperties,
} from '@hexreach/core/export';
import { detectPopulationAttribute, parseJson } from '@hexreach/core/io';
import corePackage from '@hexreach/core/package.json';
import type { PriorityResult } from '@hexreach/core/priority';

/** One input file: its name (for messages) and its bytes. */
export interface RawFile {
  readonly name: string;
  readonly data: Blob;
}

/** The raw inputs of an analysis in the browser, as `hexreach analyze` takes them. */
export interface RawInputs {
  readonly incidents: RawFile;
  readonly areas: RawFile;
  readonly organizations?: RawFile;
  /** Community survey answers (CSV); scored when the configuration names `trust.answer`. */
  readonly surveys?: RawFile;
  /** A parsed `hexreach.config.json` (its input paths are not used: the files are given). */
  readonly config?: { readonly name: string; readonly value: unknown };
}

/** Inputs read into columns, kept so that a change of weights does not read them again. */
export interface ParsedInputs {
  readonly config: HexreachConfig;
  readonly incidents: ReadResult<IncidentTable>;
  readonly areas: ReadResult<AreaTable>;
  readonly organizations: ReadResult<OrganizationTable> | undefined;
  readonly organizationsText: string | undefined;
  readonly surveys: ReadResult<SurveyTable> | undefined;
}

/** The files `hexreach analyze` would write, as text, for the viewer's loader. */
export interface AnalysisOutputs {
  readonly cellsText: string;
  readonly zonesText: string;
  readonly summaryText: string;
  readonly organizationsText: string | undefined;
  /** `spacetime.json`, when the configuration runs `emerging`. */
  readonly spaceTimeText: string | undefined;
  /** `report.html`, as the CLI writes it. */
  readonly reportHtml: string;
  /** What the incidents read hold, for the filter controls (all of them, before filters). */
  readonly incidents: IncidentFacts;
  /** The filters applied. */
  readonly filters: IncidentFilters;
  /** The priority weights used, divided by their sum. */
  readonly weights: Readonly<Record<string, number>>;
}

/** The dates and categories of the incidents read. */
export interface IncidentFacts {
  /** Day of the first and of the last dated incident, `YYYY-MM-DD`; undefined without dates. */
  readonly first: string | undefined;
  readonly last: string | undefined;
  /** Each category with its number of incidents, most frequent first. */
  readonly categories: readonly { readonly name: string; readonly count: number }[];
}

/** Reports a step: its label and the share of the whole job done (0…1). */
export type ProgressListener = (label: string, fraction: number) => void;

/**
 * Reads raw inputs the way `hexreach analyze` does — the configuration validated, incidents from
 * CSV (streamed from the Blob) or GeoJSON, areas with the population attribute configured or
 * detected and every attribute and indicator the configuration names, organizations, survey
 * answers when the configuration names the answer column (`trust.answer`) — into
 * columns with `@hexreach/core`'s readers. Runs in the analysis worker.
 *
 * @param inputs - the files and optional configuration
 * @param onProgress - called as steps start and as incident rows are read
 * @returns the parsed inputs
 * @throws HexreachError naming the file and the problem (invalid JSON with line and column, no
 *   coordinate columns, an invalid configuration naming the path, no usable area)
 * @example
 * ```ts
 * const parsed = await readRawInputs({ incidents: { name: 'incidents.csv', data: file }, areas: { name: 'tracts.geojson', data: tracts } });
 * ```
 */
export async function readRawInputs(
  inputs: RawInputs,
  onProgress: ProgressListener = () => {},
): Promise<ParsedInputs> {
  const config = parseConfig(inputs.config?.value ?? {}, inputs.config?.name ?? 'configuration');
  const { incidents: incidentFile, areas: areaFile } = inputs;
  onProgress(`Reading ${incidentFile.name}`, 0.02);
  const spec = config.inputs.incidents;
  const columns = spec?.columns ?? {};
  const isGeoJson =
    spec?.format === 'geojson' ||
    (spec?.format !== 'csv' && /\.(geo)?json$/i.test(incidentFile.name));
  const incidents = isGeoJson
    ? readIncidentsGeoJson(parseJson(await incidentFile.data.text(), incidentFile.name), {
        source: incidentFile.name,
        date: columns.date,
        category: columns.category,
        weight: columns.weight,
      })
    : await readIncidentsCsv(incidentFile.data, {
        source: incidentFile.name,
        columns,
        onProgress: (rows) =>
          onProgress(`Reading ${incidentFile.name}: ${rows.toLocaleString('en-US')} rows`, 0.05),
      });

  onProgress(`Reading ${areaFile.name}`, 0.45);
  const areaData = parseJson(await areaFile.data.text(), areaFile.name);
  const first = (areaData as { features?: { properties?: Record<string, unknown> }[] })
    ?.features?.[0];
  // The attributes to read, as the CLI chooses them.
  const population = config.population ?? detectPopulationAttribute(first?.properties ?? {});
  const areas = readAreasGeoJson(areaData, {
    source: areaFile.name,
    attributes: areaAttributesOf(config, population),
    idProperty: config.inputs.areas?.idProperty,
  });
  if (areas.data.length === 0) {
    throw new HexreachError(
      'E_INPUT',
      `${areaFile.name}: no usable area polygon (${areas.rejections.length} rejected)`,
    );
  }

  let organizations: ReadResult<OrganizationTable> | undefined;
  let organizationsText: string | undefined;
  if (inputs.organizations !== undefined) {
    onProgress(`Reading ${inputs.organizations.name}`, 0.5);
    organizationsText = await inputs.organizations.data.text();
    organizations = readOrganizationsGeoJson(
      parseJson(organizationsText, inputs.organizations.name),
      {
        source: inputs.organizations.name,
        name: config.inputs.organizations?.name,
        type: config.inputs.organizations?.type,
        capacity: config.inputs.organizations?.capacity,
      },
    );
  }
  let surveys: ReadResult<SurveyTable> | undefined;
  if (inputs.surveys !== undefined) {
    const answer = config.trust.answer;
    if (answer === undefined) {
      throw new HexreachError(
        'E_CONFIG',
        `${inputs.surveys.name}: survey answers need the answer column to score: set trust.answer in the configuration`,
      );
    }
    onProgress(`Reading ${inputs.surveys.name}`, 0.52);
    surveys = await readSurveysCsv(inputs.surveys.data, {
      source: inputs.surveys.name,
      answers: [answer],
      columns: config.inputs.surveys?.columns,
      scale: { min: config.trust.scaleMin, max: config.trust.scaleMax },
    });
  }
  return {
    config: { ...config, population },
    incidents,
    areas,
    organizations,
    organizationsText,
    surveys,
  };
}

/**
 * Which incidents an analysis in the browser uses: a date window and categories left out. They
 * become the configuration's `incidents.from`, `incidents.to` and `incidents.exclude`, so
 * `hexreach analyze` with that configuration gives the same results.
 */
export interface IncidentFilters {
  /** First day included, `YYYY-MM-DD`. */
  readonly from?: string;
  /** First day no longer included, `YYYY-MM-DD`. */
  readonly to?: string;
  /** Categories left out. */
  readonly excluded?: readonly string[];
}

/** What the user can change between runs of the same inputs. */
export interface AnalysisSettings {
  /** Priority weights replacing the configured ones, by component (`hotspot`, `need` …). */
  readonly weights?: Readonly<Record<string, number>>;
  /** The incidents used. */
  readonly filters?: IncidentFilters;
}

/**
 * The configuration of a run with other weights or filters: the parsed configuration with the
 * weights merged in, the date window replaced and the excluded categories added.
 *
 * @param config - the configuration read with the inputs
 * @param settings - weights and filters
 * @returns the configuration to analyse with
 * @example
 * ```ts
 * configWithSettings(parsed.config, { filters: { from: '2024-01-01', excluded: ['THEFT'] } });
 * ```
 */
export function configWithSettings(
  config: HexreachConfig,
  settings: AnalysisSettings,
): HexreachConfig {
  const { weights, filters } = settings;
  return {
    ...config,
    priority: {
      ...config.priority,
      weights: { ...config.priority.weights, ...(weights ?? {}) },
    },
    incidents:
      filters === undefined
        ? config.incidents
        : {
            ...config.incidents,
            exclude: [...new Set([...config.incidents.exclude, ...(filters.excluded ?? [])])],
            from: filters.from ?? config.incidents.from,
            to: filters.to ?? config.incidents.to,
          },
  };
}

/**
 * Analyses parsed inputs with `@hexreach/core`'s `analyze`, optionally with other priority
 * weights or incident filters, and writes what the CLI writes: cells, zones, the space-time view
 * and the report, and a summary with the parameters used.
 *
 * @param parsed - inputs from {@link readRawInputs}
 * @param settings - priority weights and incident filters (default: as configured)
 * @param onProgress - called as steps start
 * @returns the outputs as text, the weights used and what the incidents hold
 * @throws HexreachError when the analysis cannot run (e.g. every weight 0)
 * @example
 * ```ts
 * const outputs = analyzeParsedInputs(parsed, { weights: { hotspot: 1, need: 0 } });
 * ```
 */
export function analyzeParsedInputs(
  parsed: ParsedInputs,
  settings: AnalysisSettings = {},
  onProgress: ProgressListener = () => {},
): AnalysisOutputs {
  return runParsedInputs(parsed, settings, onProgress).outputs;
}

/**
 * {@link analyzeParsedInputs}, also returning the analysis itself, which the worker keeps to
 * re-score it with {@link rescoreParsedInputs}.
 *
 * @example
 * ```ts
 * const { result, outputs } = runParsedInputs(parsed, {});
 * ```
 */
export function runParsedInputs(
  parsed: ParsedInputs,
  settings: AnalysisSettings = {},
  onProgress: ProgressListener = () => {},
): { result: AnalysisResult; outputs: AnalysisOutputs } {
  const config = configWithSettings(parsed.config, settings);
  onProgress('Analysing: cells, hotspots, need, priority, zones', 0.55);
  const result: AnalysisResult = analyze(
    {
      incidents: parsed.incidents.data,
      areas: parsed.areas.data,
      organizations: parsed.organizations?.data,
      surveys: parsed.surveys?.data,
    },
    config,
  );
  onProgress('Writing the results', 0.9);
  const cells = analysisToCells(result);
  const written = writtenOutputs(parsed, result);
  const outputs: AnalysisOutputs = {
    cellsText: JSON.stringify(cells),
    zonesText: written.zonesText,
    summaryText: written.summaryText,
    organizationsText: parsed.organizationsText,
    spaceTimeText:
      result.emerging === undefined ? undefined : JSON.stringify(analysisToSpaceTime(result)),
    reportHtml: reportHtmlOf(parsed, result),
    incidents: incidentFacts(parsed.incidents.data),
    filters: settings.filters ?? {},
    weights: written.weights,
  };
  return { result, outputs };
}

/** What a re-score changes in results already shown: some cell columns, the zones, the texts. */
export interface RescoreUpdate {
  /**
   * The cell columns that depend on the weights, as cells.geojson would hold them (numeric ones
   * as Float64Arrays, NaN for null); a weight-dependent column (`isWeightDependentColumn`) missing here is gone (a
   * component weighted 0, robustness). The score columns equal those {@link rescoreScores}
   * gives for the same weights, and `zone` and `zone_rank` the zones {@link rescoreZoneList} gives.
   */
  readonly cellValues: Readonly<Record<string, Float64Array | readonly (string | null)[]>>;
  readonly zonesText: string;
  readonly summaryText: string;
  /** The priority weights used, divided by their sum. */
  readonly weights: Readonly<Record<string, number>>;
}

/**
 * The first step of a re-score: the score columns alone (`score`, `score_<component>`) under
 * new weights, by `createScorer(result).score` — a few milliseconds on 50,000 cells, where the whole
 * re-score ({@link rescoreParsedInputs}) also draws the zones and words the reasons. The worker
 * posts them with the zones ({@link rescoreZoneList}) so that the map repaints before the rest
 * is computed; they equal the score columns of the update that follows, value for value.
 *
 * @param result - the analysis shown
 * @param weights - the new weights, by component
 * @returns the priority (whose unrounded score {@link rescoreZoneList} draws the zones from) and
 *   its score columns as cells.geojson would hold them, as Float64Arrays (NaN for null) the
 *   worker can transfer: a new `score`, and the priority's own contribution arrays (unrounded in
 *   the file, so no copy is made: fresh memory is slow), which a transfer takes from the
 *   priority, so the zones are drawn first
 * @throws HexreachError `E_ARGUMENT` for an unknown component or weights that are all 0
 * @example
 * ```ts
 * const { priority, columns } = rescoreScores(result, { hotspot: 0, need: 1 });
 * columns.score; // what the update's cellValues.score will be
 * ```
 */
export function rescoreScores(
  result: AnalysisResult,
  weights: Readonly<Record<string, number>>,
): { priority: PriorityResult; columns: Record<string, Float64Array> } {
  const priority = createScorer(result).score(weights);
  return { priority, columns: priorityToCellValues(priority, { share: true }) };
}

/** The zones of a re-score ahead of the whole update: what the zone list and outlines need. */
export interface ZonesUpdate {
  /** Each cell's zone: its place in `zones` (rank 1 at 0), −1 outside every zone. */
  readonly zoneOfCell: Int32Array;
  /** Each zone's summary as zones.geojson will hold it, rank 1 first. */
  readonly zones: readonly ZoneSummaryProperties[];
}

/** A re-score's first answer (see {@link rescoreScores} and {@link rescoreZoneList}). */
export interface ScoresAndZones {
  /** The score columns, as cells.geojson would hold them. */
  readonly scores: Readonly<Record<string, Float64Array>>;
  /** The zones of the new score, with each cell's zone. */
  readonly zones: ZonesUpdate;
}

/**
 * The second step of a re-score: the zones of the new score (selected, grouped and ranked by
 * `createScorer(result).zones`) with their summaries — milliseconds, where their reasons, partners, trends and
 * outlines take the whole re-score. The worker posts them with the scores so that the zone list
 * and the zones' outlines change with the cells' colours; they equal the zones of the update
 * that follows.
 * Incident counts are suppressed as the update's zones.geojson suppresses them (a public run).
 *
 * @param result - the analysis shown
 * @param priority - the priority under the new weights ({@link rescoreScores})
 * @returns each cell's zone and each zone's summary properties, rank 1 first
 * @example
 * ```ts
 * const { priority } = rescoreScores(result, weights);
 * const { zones, zoneOfCell } = rescoreZoneList(result, priority);
 * zones[zoneOfCell[0]]?.id; // the first cell's zone, if it is in one
 * ```
 */
export function rescoreZoneList(result: AnalysisResult, priority: PriorityResult): ZonesUpdate {
  const { zones, zoneOfCell } = createScorer(result).zones(priority.score);
  const { public: isPublic, minCount } = result.config.privacy;
  const options = { minCount: isPublic ? minCount : undefined };
  return { zoneOfCell, zones: zones.map((zone) => zoneSummaryProperties(zone, options)) };
}

/**
 * A re-score's first answer: the score columns ({@link rescoreScores}) and the zones drawn from
 * them ({@link rescoreZoneList}), in that order — the zones are drawn before anything is handed
 * on, since the score columns share the priority's arrays and a transfer takes them from it.
 *
 * @param result - the analysis shown
 * @param weights - the new weights, by component
 * @returns the score columns and the zones, whose arrays the worker can transfer
 * @throws HexreachError `E_ARGUMENT` for an unknown component or weights that are all 0
 * @example
 * ```ts
 * const { scores, zones } = rescoreScoresAndZones(result, { hotspot: 0, need: 1 });
 * zones.zones[0]?.id; // the top zone under those weights
 * ```
 */
export function rescoreScoresAndZones(
  result: AnalysisResult,
  weights: Readonly<Record<string, number>>,
): ScoresAndZones {
  const { priority, columns } = rescoreScores(result, weights);
  return { zones: rescoreZoneList(result, priority), scores: columns };
}

/**
 * Re-scores an analysis with new priority weights by `createScorer(result).full` (tens of milliseconds,
 * where `analyze` takes seconds): the score, its contributions, the zones and the reasons,
 * as the CLI would compute them with those weights. Robustness is not recomputed (it reruns the
 * scoring hundreds of times); the update drops its column and the summary's notes say so. The
 * last step of a re-score in the worker, after {@link rescoreScores} and {@link rescoreZoneList}.
 *
 * @param parsed - the inputs the analysis was made from
 * @param result - the analysis shown
 * @param weights - the new weights, by component
 * @returns the re-scored analysis (to re-score again later) and the update for the page; its
 *   Float64Arrays are new, so the worker can transfer them
 * @throws HexreachError `E_ARGUMENT` for an unknown component or weights that are all 0
 * @example
 * ```ts
 * const { update } = rescoreParsedInputs(parsed, result, { hotspot: 0, need: 1 });
 * ```
 */
export function rescoreParsedInputs(
  parsed: ParsedInputs,
  result: AnalysisResult,
  weights: Readonly<Record<string, number>>,
): { result: AnalysisResult; update: RescoreUpdate } {
  const rescored = createScorer(result).full(weights);
  // The same function as the first phase's, so the score columns cannot differ from its.
  const scores = priorityToCellValues(rescored.priority);
  const cellValues: Record<string, Float64Array | readonly (string | null)[]> = { ...scores };
  const others = analysisToCellValues(
    rescored,
    (name) => isWeightDependentColumn(name) && !(name in scores),
  );
  for (const [name, values] of Object.entries(others))
    cellValues[name] = numbersOf(values) ?? (values as (string | null)[]);
  const written = writtenOutputs(parsed, rescored);
  return {
    result: rescored,
    update: {
      cellValues,
      zonesText: written.zonesText,
      summaryText: written.summaryText,
      weights: written.weights,
    },
  };
}

/**
 * A column of numbers and nulls as a Float64Array (NaN for null), or undefined when it holds
 * text. One loop that stops at the first text: `every` followed by `Float64Array.from` with a
 * callback took tens of milliseconds on 66,000 cells.
 */
function numbersOf(values: readonly (string | number | null)[]): Float64Array | undefined {
  const numbers = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) numbers[i] = Number.NaN;
    else if (typeof value === 'number') numbers[i] = value;
    else return undefined;
  }
  return numbers;
}

/** How the inputs' records were accounted for, as the summary and the report state them. */
function inputCounts(parsed: ParsedInputs, result: AnalysisResult) {
  return {
    incidents: {
      path: parsed.incidents.data.source,
      read: parsed.incidents.read,
      accepted: result.binned.accepted,
      rejected: parsed.incidents.rejections.length + result.binned.rejections.length,
      outside: result.binned.outside.length,
    },
    areas: {
      path: parsed.areas.data.source,
      read: parsed.areas.read,
      accepted: parsed.areas.data.length,
      rejected: parsed.areas.rejections.length,
    },
  };
}

/** zones.geojson and summary.json of an analysis, its zones, and its weights as shares. */
function writtenOutputs(
  parsed: ParsedInputs,
  result: AnalysisResult,
): {
  zones: ReturnType<typeof analysisToZones>;
  zonesText: string;
  summaryText: string;
  weights: Record<string, number>;
} {
  const zones = analysisToZones(result);
  const counts = inputCounts(parsed, result);
  const w = result.config.priority.weights as Readonly<Record<string, number>>;
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  const summary = {
    hexreach: corePackage.version,
    command: 'analyze (in the browser)',
    inputs: {
      incidents: counts.incidents,
      areas: { ...counts.areas, populationAttribute: result.populationAttribute },
    },
    parameters: result.config,
    cells: { count: result.grid.cells.length, resolution: result.grid.resolution },
    zones: { count: result.zones.length },
    notes: result.notes,
  };
  return {
    zones,
    zonesText: JSON.stringify(zones),
    summaryText: JSON.stringify(summary),
    weights: Object.fromEntries(Object.entries(w).map(([k, v]) => [k, total > 0 ? v / total : 0])),
  };
}

/**
 * The `report.html` of an analysis in the browser, as the CLI writes it. Not part of a re-score:
 * its study-area map alone takes hundreds of milliseconds on 50,000 cells, so the worker renders
 * it when the report is asked for.
 *
 * @param parsed - the inputs the analysis was made from
 * @param result - the analysis
 * @returns the report's HTML
 * @example
 * ```ts
 * downloadFile('report.html', new Blob([reportHtmlOf(parsed, result)]));
 * ```
 */
export function reportHtmlOf(parsed: ParsedInputs, result: AnalysisResult): string {
  return renderReportHtml(
    analysisToReportModel(result, {
      version: corePackage.version,
      inputs: inputCounts(parsed, result),
      zones: analysisToZones(result),
    }),
  );
}

/** First and last day and the categories with their counts, over every incident read. */
function incidentFacts(incidents: IncidentTable): IncidentFacts {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const counts = new Array<number>(incidents.categories.length).fill(0);
  for (let i = 0; i < incidents.length; i++) {
    const time = incidents.time[i];
    if (time < first) first = time;
    if (time > last) last = time;
    counts[incidents.category[i]]++;
  }
  const day = (ms: number) =>
    Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : undefined;
  return {
    first: day(first),
    last: day(last),
    categories: incidents.categories
      .map((name, c) => ({ name, count: counts[c] }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}
