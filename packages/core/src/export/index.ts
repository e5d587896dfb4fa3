// @hexreach/core/export: writers: GeoJSON, CSV, reports and SVG. Named re-exports only.

export {
  type AnalysisToCellColumnsOptions,
  analysisToCellColumns,
} from './analysisToCellColumns.js';
export { analysisToCells, CELL_DIGITS } from './analysisToCells.js';
export {
  type AnalysisToCellsBinaryOptions,
  analysisToCellsBinary,
} from './analysisToCellsBinary.js';
export { analysisToCellValues } from './analysisToCellValues.js';
export { analysisToReportModel } from './analysisToReportModel.js';
export { analysisToSpaceTime, type SpaceTimeView } from './analysisToSpaceTime.js';
export { analysisToZones } from './analysisToZones.js';
export {
  binaryToCellColumns,
  type CellBinaryColumn,
  type CellBinaryTable,
} from './binaryToCellColumns.js';
export { type CellColumnsToBinaryOptions, cellColumnsToBinary } from './cellColumnsToBinary.js';
export {
  CELLS_BINARY_LAYOUT,
  type CellsBinaryColumn,
  type CellsBinaryHeader,
  type CellsBinaryLabels,
  type CellsBinaryLabelType,
  type CellsBinaryNumbers,
  type CellsBinaryNumberType,
} from './cellsBinaryFormat.js';
export {
  type CellColumns,
  type CellsToFeatureCollectionOptions,
  cellsToFeatureCollection,
} from './cellsToFeatureCollection.js';
export { escapeHtml } from './escapeHtml.js';
export { evaluationToCsv } from './evaluationToCsv.js';
export {
  type EvaluationZoneProperties,
  evaluationToFeatureCollection,
} from './evaluationToFeatureCollection.js';
export { evaluationToJson } from './evaluationToJson.js';
export { isWeightDependentColumn } from './isWeightDependentColumn.js';
export { type LorenzToSvgOptions, lorenzToSvg } from './lorenzToSvg.js';
export {
  type OrganizationFeatureProperties,
  type OrganizationsToFeatureCollectionOptions,
  organizationsToFeatureCollection,
} from './organizationsToFeatureCollection.js';
export { priorityToCellValues } from './priorityToCellValues.js';
export { type RejectionsToCsvOptions, rejectionsToCsv } from './rejectionsToCsv.js';
export { renderEvaluationHtml, renderEvaluationMarkdown } from './renderEvaluationReport.js';
export { renderReportHtml } from './renderReportHtml.js';
export { renderReportMarkdown } from './renderReportMarkdown.js';
export type {
  ReportEquityRow,
  ReportInputCounts,
  ReportModel,
  ReportPartner,
  ZoneReportRow,
} from './reportModel.js';
export type { ReportBlock, ReportSection, ReportTable } from './reportSections.js';
export { rewindRfc7946 } from './rewindRfc7946.js';
export { type RoundCoordinatesOptions, roundCoordinates } from './roundCoordinates.js';
export { seriesToSvg } from './seriesToSvg.js';
export { splitAntimeridian } from './splitAntimeridian.js';
export { suppressSmallCount } from './suppressSmallCount.js';
export { toCsv } from './toCsv.js';
export { type ZoneSummaryProperties, zoneSummaryProperties } from './zoneSummaryProperties.js';
export { zonesToCsv } from './zonesToCsv.js';
export {
  type ZoneFeatureProperties,
  type ZonesToFeatureCollectionOptions,
  zonesToFeatureCollection,
} from './zonesToFeatureCollection.js';
export { type ZonesToSvgOptions, zonesToSvg } from './zonesToSvg.js';
