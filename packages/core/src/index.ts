// @hexreach/core — the public API at a glance: read, analyze, re-score, write. Named re-exports
// only; the building blocks are on subpaths (@hexreach/core/stats, /weights, /grid, /io,
// /indicators, /priority, /zones, /interpolate, /export, /privacy, /config, /util, /run,
// /evaluate).

export type { HexreachConfig, HexreachConfigInput } from './config/configSchema.js';
export { parseConfig } from './config/parseConfig.js';
export { HexreachError, type HexreachErrorCode } from './errors.js';
export { evaluateZones } from './evaluate/evaluateZones.js';
export { analysisToCellColumns } from './export/analysisToCellColumns.js';
export { analysisToCells } from './export/analysisToCells.js';
export { analysisToReportModel } from './export/analysisToReportModel.js';
export { analysisToSpaceTime } from './export/analysisToSpaceTime.js';
export { analysisToZones } from './export/analysisToZones.js';
export { isWeightDependentColumn } from './export/isWeightDependentColumn.js';
export { rejectionsToCsv } from './export/rejectionsToCsv.js';
export { renderReportHtml } from './export/renderReportHtml.js';
export { renderReportMarkdown } from './export/renderReportMarkdown.js';
export { zonesToCsv } from './export/zonesToCsv.js';
export { readAreasGeoJson } from './io/readAreasGeoJson.js';
export { readIncidentsCsv } from './io/readIncidentsCsv.js';
export { readIncidentsGeoJson } from './io/readIncidentsGeoJson.js';
export { readOrganizationsGeoJson } from './io/readOrganizations.js';
export { readSurveysCsv } from './io/readSurveysCsv.js';
export type { AnalysisResult, AnalyzeInputs, AnalyzeOptions } from './pipeline/analysisResult.js';
export { analyze } from './pipeline/analyze.js';
export {
  createScorer,
  type PriorityWeights,
  type RescoreOptions,
  type Scorer,
} from './priority/createScorer.js';
export { buildSummary } from './run/buildSummary.js';
export type { InputSource } from './run/InputSource.js';
export { readInputs } from './run/readInputs.js';
export type {
  AreaTable,
  CellGrid,
  IncidentTable,
  OrganizationTable,
  ReadResult,
  Rejection,
  RejectionSink,
  SurveyTable,
} from './types.js';
