// @hexreach/core — the public API at a glance. Named re-exports only; the CLI is not exported.

export {
  type AnalysisResult,
  type AnalyzeInputs,
  analyze,
  incidentCounts,
  type RecordCounts,
  type ScoringComponent,
  type TemporalCoverage,
} from './analyze.js';
export { areaAttributesOf } from './config/areaAttributesOf.js';
export type { HexreachConfig, HexreachConfigInput } from './config/configSchema.js';
export { configSchema } from './config/configSchema.js';
export { parseConfig } from './config/parseConfig.js';
export { assertArgument, HexreachError, type HexreachErrorCode } from './errors.js';
export {
  type AnalysisToCellColumnsOptions,
  analysisToCellColumns,
} from './export/analysisToCellColumns.js';
export { analysisToCells } from './export/analysisToCells.js';
export { analysisToCellValues } from './export/analysisToCellValues.js';
export { analysisToReportModel } from './export/analysisToReportModel.js';
export { analysisToSpaceTime, type SpaceTimeView } from './export/analysisToSpaceTime.js';
export { analysisToZones } from './export/analysisToZones.js';
export { cellsToFeatureCollection } from './export/cellsToFeatureCollection.js';
export { escapeHtml } from './export/escapeHtml.js';
export {
  type OrganizationFeatureProperties,
  organizationsToFeatureCollection,
} from './export/organizationsToFeatureCollection.js';
export { priorityToCellValues } from './export/priorityToCellValues.js';
export { rejectionsToCsv } from './export/rejectionsToCsv.js';
export { renderReportHtml } from './export/renderReportHtml.js';
export { renderReportMarkdown } from './export/renderReportMarkdown.js';
export type { ReportModel, ZoneReportRow } from './export/reportModel.js';
export { rewindRfc7946 } from './export/rewindRfc7946.js';
export { roundCoordinates } from './export/roundCoordinates.js';
export { splitAntimeridian } from './export/splitAntimeridian.js';
export { suppressSmallCount } from './export/suppressSmallCount.js';
export { toCsv } from './export/toCsv.js';
export {
  type ZoneSummaryProperties,
  zoneSummaryProperties,
} from './export/zoneSummaryProperties.js';
export { zonesToCsv } from './export/zonesToCsv.js';
export { zonesToFeatureCollection } from './export/zonesToFeatureCollection.js';
export { CellLocator } from './hex/cellLocator.js';
export { type GridCentroids, gridCentroids } from './hex/gridCentroids.js';
export { gridFromCells } from './hex/gridFromCells.js';
export {
  cellAreaKm2,
  cellToLngLat,
  cellToParent,
  cellToRing,
  getResolution,
  gridDisk,
  isValidCell,
  lngLatToCell,
} from './hex/h3.js';
export { type BinnedIncidents, pointsToCells } from './hex/pointsToCells.js';
export { studyAreaCells } from './hex/studyAreaCells.js';
export {
  type AreaInterpolator,
  createAreaInterpolator,
} from './interpolate/createAreaInterpolator.js';
export { interpolateAreas } from './interpolate/interpolateAreas.js';
export { type CrimeAgainst, crimeAgainst } from './io/crimeAgainst.js';
export { detectColumns, type IncidentColumns } from './io/detectColumns.js';
export { detectPopulationAttribute } from './io/detectPopulationAttribute.js';
export {
  createIncidentTableBuilder,
  type IncidentTableBuilder,
} from './io/incidentTableBuilder.js';
export { parseDate } from './io/parseDate.js';
export { parseJson } from './io/parseJson.js';
export { readAreasGeoJson } from './io/readAreasGeoJson.js';
export { type CsvInput, readIncidentsCsv } from './io/readIncidentsCsv.js';
export { readIncidentsGeoJson } from './io/readIncidentsGeoJson.js';
export { readOrganizationsGeoJson } from './io/readOrganizations.js';
export { readSurveysCsv } from './io/readSurveysCsv.js';
export {
  type CountTables,
  type CountTablesOptions,
  countTables,
  weightedCellCounts,
} from './privacy/countTables.js';
export {
  addDiscreteLaplaceNoise,
  type DiscreteLaplaceOptions,
  discreteLaplaceSampler,
  discreteLaplaceVariance,
} from './privacy/discreteLaplace.js';
export {
  type BudgetShares,
  DEFAULT_BUDGET_SHARES,
  noisyCountTables,
  type TableBudget,
} from './privacy/noisyCountTables.js';
export { secretUniform } from './privacy/secretUniform.js';
export {
  type PriorityWeights,
  type RescoreAnalysisOptions,
  rescoreAnalysis,
} from './rescoreAnalysis.js';
export { rescorePriority } from './rescorePriority.js';
export { rescoreZones } from './rescoreZones.js';
export {
  buildSummary,
  type RunInput,
  type RunInputs,
  type SummaryRun,
} from './run/buildSummary.js';
export type { InputSource } from './run/InputSource.js';
export {
  type InputRead,
  type InputRole,
  type InputSources,
  type InputsRead,
  type ReadInputsOptions,
  readInputs,
} from './run/readInputs.js';
export {
  combineTallies,
  createRejectionTally,
  type RejectionCounter,
  type RejectionTally,
} from './run/rejectionTally.js';
export { summaryToReportModel } from './run/summaryToReportModel.js';
export {
  type CellReasonPhrasesInput,
  cellReasonPhrases,
} from './score/cellReasonPhrases.js';
export { type CellReasonsInput, cellReasons } from './score/cellReasons.js';
export { dirichlet } from './score/dirichlet.js';
export { type EmpiricalBayesRateResult, empiricalBayesRate } from './score/empiricalBayesRate.js';
export { type EquityProfile, equityProfile } from './score/equityProfile.js';
export { incidentRate } from './score/incidentRate.js';
export { JOINT_CLASS_LABELS, jointClasses } from './score/jointClasses.js';
export { type NeedIntervals, needIntervals } from './score/needIntervals.js';
export { type Normalization, normalize } from './score/normalize.js';
export { type PartnerAccess, partnerAccess } from './score/partnerAccess.js';
export { PARTNER_CLASS_LABELS, partnerClasses } from './score/partnerClasses.js';
export { percentileRank } from './score/percentileRank.js';
export {
  type PriorityComponent,
  type PriorityResult,
  type PriorityScoreOptions,
  priorityScore,
} from './score/priorityScore.js';
export { reasonsFromPhrases } from './score/reasonsFromPhrases.js';
export { type TrustResult, trustByCell } from './score/trustByCell.js';
export { trustFromAreas } from './score/trustFromAreas.js';
export {
  type NeedIndicator,
  type VulnerabilityResult,
  vulnerabilityIndex,
} from './score/vulnerabilityIndex.js';
export { weightedScore } from './score/weightedScore.js';
export { type WeightRobustnessResult, weightRobustness } from './score/weightRobustness.js';
export { benjaminiHochberg } from './stats/benjaminiHochberg.js';
export { binomialCdf, binomialPmf, binomialTwoSidedP } from './stats/binomial.js';
export { concentrationShare } from './stats/concentrationShare.js';
export { confidenceBins } from './stats/confidenceBins.js';
export { type EmergingHotspotsResult, emergingHotspots } from './stats/emergingHotspots.js';
export {
  EMERGING_HOTSPOT_RULES,
  EMERGING_PATTERNS,
  type EmergingPattern,
  emergingPattern,
} from './stats/emergingPattern.js';
export { type ForecastAccuracy, forecastAccuracy } from './stats/forecastAccuracy.js';
export { generalizedGini } from './stats/generalizedGini.js';
export { gini } from './stats/gini.js';
export { type GiStarResult, giStar } from './stats/giStar.js';
export { giStarOnCells } from './stats/giStarOnCells.js';
export { type HotspotClass, hotspotClassify } from './stats/hotspotClassify.js';
export { type Coverage, incidentCoverage } from './stats/incidentCoverage.js';
export { kernelDensity } from './stats/kernelDensity.js';
export { type KernelDensityRatioResult, kernelDensityRatio } from './stats/kernelDensityRatio.js';
export {
  type LisaQuadrant,
  type LocalMoranOptions,
  type LocalMoranResult,
  localMoran,
} from './stats/localMoran.js';
export { type LorenzCurve, lorenzCurve } from './stats/lorenzCurve.js';
export { type MannKendallResult, mannKendall } from './stats/mannKendall.js';
export { type MoranGlobalResult, moranGlobal } from './stats/moranGlobal.js';
export { normalCdf, twoSidedP } from './stats/normal.js';
export { type PeriodChangeResult, periodChange } from './stats/periodChange.js';
export {
  conditionalPermutation,
  type PermutationResult,
} from './stats/permutation/conditionalPermutation.js';
export {
  type PermutationPValue,
  permutationPValue,
} from './stats/permutation/permutationPValue.js';
export type {
  PermutationAlternative,
  PermutationOptions,
  PermutationScheme,
} from './stats/permutation/resolvePermutationOptions.js';
export { type SpaceTimeBins, spaceTimeBins, type TimeStep } from './stats/spaceTimeBins.js';
export { type SpaceTimeGiStarResult, spaceTimeGiStar } from './stats/spaceTimeGiStar.js';
export { spaceTimeWeights } from './stats/spaceTimeWeights.js';
export {
  type PartialStep,
  type PartialSteps,
  type WholeSteps,
  wholeSteps,
} from './stats/wholeSteps.js';
export type {
  AreaTable,
  AttributeKind,
  CellGrid,
  IncidentTable,
  OrganizationTable,
  ReadResult,
  Rejection,
  RejectionReason,
  SpatialWeights,
  SurveyTable,
} from './types.js';
export { EARTH_RADIUS_METERS, haversineMeters } from './util/haversineMeters.js';
export { mulberry32 } from './util/random.js';
export { distanceBandWeights } from './weights/distanceBandWeights.js';
export {
  type IncrementalKRingAutocorrelationResult,
  incrementalKRingAutocorrelation,
} from './weights/incrementalKRingAutocorrelation.js';
export {
  type IncrementalSpatialAutocorrelationResult,
  incrementalSpatialAutocorrelation,
} from './weights/incrementalSpatialAutocorrelation.js';
export { inverseDistanceWeights } from './weights/inverseDistanceWeights.js';
export { kRingWeights } from './weights/kRingWeights.js';
export { subsetWeights } from './weights/subsetWeights.js';
export { weightsFromNeighbors } from './weights/weightsFromNeighbors.js';
export { combineRobustness } from './zones/combineRobustness.js';
export { describeZones, type ZoneDetail } from './zones/describeZones.js';
export { groupContiguousCells } from './zones/groupContiguousCells.js';
export { resolutionAgreement } from './zones/resolutionAgreement.js';
export { selectCells } from './zones/selectCells.js';
export { selectZonesByBudget } from './zones/selectZonesByBudget.js';
export { type SuggestedPartner, suggestPartners } from './zones/suggestPartners.js';
export { summarizeZones, type ZoneSummary } from './zones/summarizeZones.js';
export { type ZoneRobustness, zoneRobustness } from './zones/zoneRobustness.js';
export { zoneToPolygon } from './zones/zoneToPolygon.js';
export { type ZoneTrend, zoneTrends } from './zones/zoneTrends.js';
