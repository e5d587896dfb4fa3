import type { HexreachConfig, HexreachConfigInput } from '../config/configSchema.js';
import { parseConfig } from '../config/parseConfig.js';
import { scoreAndZone } from '../priority/scoreAndZone.js';
import type { AnalysisResult, AnalyzeInputs, AnalyzeOptions } from './analysisResult.js';
import { analyzeBase } from './analyzeBase.js';
import { startRun } from './runContext.js';

/**
 * The whole hexreach pipeline in memory: study-area cells, incident binning, areal
 * interpolation, Gi* hotspots, crime rate, vulnerability index, priority score and contiguous
 * priority zones. Pure: reads no file, so it runs in Node and in browsers.
 *
 * @param inputs - incidents, areas (with the population and indicator attributes read) and organizations
 * @param configInput - a configuration (see `hexreach.config.json`); defaults fill the rest
 * @param options - sinks for the incidents not counted, to keep memory flat for huge files
 * @returns every per-cell column, the zones, and notes on the choices made
 * @throws HexreachError `E_CONFIG` for an invalid configuration, `E_ARGUMENT` when an attribute the
 *   configuration names was not read into `inputs.areas`, `E_INPUT` when the study area covers
 *   a single cell (global Moran's I and LISA are left out, with a note, below 4 cells) or would
 *   need more than `maxCells` cells (estimated from its area before any cell is made)
 * @example
 * ```ts
 * const areas = readAreasGeoJson(tracts, { source: 'tracts.geojson', attributes: [{ name: 'population' }] });
 * const incidents = await readIncidentsCsv(csvText, { source: 'incidents.csv' });
 * const result = analyze({ incidents: incidents.data, areas: areas.data }, { resolution: 9 });
 * result.zones[0].cells;
 * ```
 */
export function analyze(
  inputs: AnalyzeInputs,
  configInput: HexreachConfigInput | HexreachConfig = {},
  options: AnalyzeOptions = {},
): AnalysisResult {
  const config = parseConfig(configInput, 'configuration');
  const run = startRun(inputs, config, options);
  const base = analyzeBase(run);
  const scored = scoreAndZone(base, config, {
    draws: config.robustness.draws,
    resolutions: config.robustness.resolutions,
    timed: run.timed,
  });
  return {
    config,
    ...base,
    ...scored.fields,
    notes: [...run.notes, ...scored.notes],
    durations: run.durations,
  };
}
