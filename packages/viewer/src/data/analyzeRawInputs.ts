import {
  type AnalysisResult,
  type AreaTable,
  analysisToCells,
  analysisToReportModel,
  analysisToSpaceTime,
  analysisToZones,
  analyze,
  areaAttributesOf,
  detectPopulationAttribute,
  type HexreachConfig,
  HexreachError,
  type IncidentTable,
  type OrganizationTable,
  parseConfig,
  parseJson,
  type ReadResult,
  readAreasGeoJson,
  readIncidentsCsv,
  readIncidentsGeoJson,
  readOrganizationsGeoJson,
  readSurveysCsv,
  renderReportHtml,
  type SurveyTable,
} from '@hexreach/core';
import corePackage from '@hexreach/core/package.json';

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
  /** The priority weights used, divided by their sum. */
  readonly weights: Readonly<Record<string, number>>;
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
 * Analyses parsed inputs with `@hexreach/core`'s `analyze`, optionally with other priority
 * weights, and writes what the CLI writes: cells and zones as GeoJSON and a summary with the
 * parameters used.
 *
 * @param parsed - inputs from {@link readRawInputs}
 * @param weights - priority weights replacing the configured ones, by component (`hotspot`,
 *   `crimeRate`, `need` …); components not named keep their configured weight
 * @param onProgress - called as steps start
 * @returns the output texts and the weights used
 * @throws HexreachError when the configuration cannot be applied (e.g. every weight 0)
 * @example
 * ```ts
 * const outputs = analyzeParsedInputs(parsed, { hotspot: 1, crimeRate: 0, need: 0 });
 * ```
 */
export function analyzeParsedInputs(
  parsed: ParsedInputs,
  weights?: Readonly<Record<string, number>>,
  onProgress: ProgressListener = () => {},
): AnalysisOutputs {
  const config: HexreachConfig =
    weights === undefined
      ? parsed.config
      : {
          ...parsed.config,
          priority: {
            ...parsed.config.priority,
            weights: { ...parsed.config.priority.weights, ...weights },
          },
        };
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
  const zones = analysisToZones(result);
  const incidentCounts = {
    path: parsed.incidents.data.source,
    read: parsed.incidents.read,
    accepted: result.binned.accepted,
    rejected: parsed.incidents.rejections.length + result.binned.rejections.length,
    outside: result.binned.outside.length,
  };
  const areaCounts = {
    path: parsed.areas.data.source,
    read: parsed.areas.read,
    accepted: parsed.areas.data.length,
    rejected: parsed.areas.rejections.length,
  };
  const report = analysisToReportModel(result, {
    version: corePackage.version,
    inputs: { incidents: incidentCounts, areas: areaCounts },
    zones,
  });
  const w = result.config.priority.weights as Readonly<Record<string, number>>;
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  const summary = {
    hexreach: corePackage.version,
    command: 'analyze (in the browser)',
    inputs: {
      incidents: incidentCounts,
      areas: { ...areaCounts, populationAttribute: result.populationAttribute },
    },
    parameters: result.config,
    cells: { count: result.grid.cells.length, resolution: result.grid.resolution },
    zones: { count: result.zones.length },
    notes: result.notes,
  };
  return {
    cellsText: JSON.stringify(cells),
    zonesText: JSON.stringify(zones),
    summaryText: JSON.stringify(summary),
    organizationsText: parsed.organizationsText,
    spaceTimeText:
      result.emerging === undefined ? undefined : JSON.stringify(analysisToSpaceTime(result)),
    reportHtml: renderReportHtml(report),
    weights: Object.fromEntries(Object.entries(w).map(([k, v]) => [k, total > 0 ? v / total : 0])),
  };
}
