import { type AnalysisResult, analysisToSpaceTime, analyze } from '@hexreach/core';
import { analysisToCellsBinary } from '@hexreach/core/export';
import { withInputNotes } from '@hexreach/core/run';
import {
  type AnalysisSettings,
  configWithSettings,
  type IncidentFilters,
} from './configWithSettings.js';
import { type IncidentFacts, incidentFacts } from './incidentFacts.js';
import type { ParsedInputs, ProgressListener } from './readRawInputs.js';
import { writtenOutputs } from './writtenOutputs.js';

// main.ts, ui/ and state/ import these types from here.
export type { AnalysisSettings, IncidentFilters } from './configWithSettings.js';
export type { IncidentFacts } from './incidentFacts.js';
export type { RawInputs } from './readRawInputs.js';

/**
 * The files `hexreach analyze` would write, for the viewer's loader: the cells as cells.bin
 * (every number exact), the others as text. The report is written when asked for (the worker's
 * `report`), not with every run.
 */
export interface AnalysisOutputs {
  /** `cells.bin` with `floats: 'f64'`: the values cells.geojson would hold, exactly. */
  readonly cellsBinary: Uint8Array;
  readonly zonesText: string;
  readonly summaryText: string;
  readonly organizationsText: string | undefined;
  /** `spacetime.json`, when the configuration runs `emerging`. */
  readonly spaceTimeText: string | undefined;
  /** What the incidents read hold, for the filter controls (all of them, before filters). */
  readonly incidents: IncidentFacts;
  /** The filters applied. */
  readonly filters: IncidentFilters;
  /** The priority weights used, divided by their sum. */
  readonly weights: Readonly<Record<string, number>>;
}

/**
 * Analyses parsed inputs with `@hexreach/core`'s `analyze`, optionally with other priority
 * weights or incident filters, and writes what the CLI writes for the viewer: cells (as
 * cells.bin), zones, the space-time view, and a summary with the parameters used.
 *
 * @param parsed - inputs from `readRawInputs`
 * @param settings - priority weights and incident filters (default: as configured)
 * @param onProgress - called as steps start
 * @returns the outputs, the weights used and what the incidents hold
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
 * re-score it with `rescoreUpdateOf`.
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
  const result: AnalysisResult = withInputNotes(
    analyze(
      {
        incidents: parsed.incidents.data,
        areas: parsed.areas.data,
        organizations: parsed.organizations?.data,
        surveys: parsed.surveys?.data,
        places: parsed.places?.data,
      },
      config,
    ),
    parsed.notes,
  );
  onProgress('Writing the results', 0.9);
  const written = writtenOutputs(parsed, result);
  const outputs: AnalysisOutputs = {
    // Columns, not GeoJSON: a tenth of its bytes, transferred to the page without a copy, and
    // nothing to parse there; the page rebuilds the polygons from the H3 indexes.
    cellsBinary: analysisToCellsBinary(result, { floats: 'f64' }),
    zonesText: written.zonesText,
    summaryText: written.summaryText,
    organizationsText: parsed.organizationsText,
    spaceTimeText:
      result.emerging === undefined ? undefined : JSON.stringify(analysisToSpaceTime(result)),
    incidents: incidentFacts(parsed.incidents.data),
    filters: settings.filters ?? {},
    weights: written.weights,
  };
  return { result, outputs };
}
