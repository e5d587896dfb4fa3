// @hexreach/core/stats: the statistics: Gi*, Moran, KDE, emerging hot spots, tests and inequality. Named re-exports only.

export { benjaminiHochberg } from './benjaminiHochberg.js';
export {
  type BinomialCdfOptions,
  binomialCdf,
  binomialPmf,
  binomialTwoSidedP,
} from './binomial.js';
export { concentrationShare } from './concentrationShare.js';
export { type ConfidenceBinsOptions, confidenceBin, confidenceBins } from './confidenceBins.js';
export {
  type EmergingHotspotsOptions,
  type EmergingHotspotsResult,
  emergingHotspots,
} from './emergingHotspots.js';
export {
  EMERGING_HOTSPOT_RULES,
  EMERGING_PATTERNS,
  type EmergingPattern,
  type EmergingPatternOptions,
  emergingPattern,
} from './emergingPattern.js';
export { firstPeak, type PeakChoice } from './firstPeak.js';
export {
  type ForecastAccuracy,
  type ForecastAccuracyOptions,
  forecastAccuracy,
} from './forecastAccuracy.js';
export { type GeneralizedGiniOptions, generalizedGini } from './generalizedGini.js';
export { type GiniOptions, gini } from './gini.js';
export { type GiStarOptions, type GiStarResult, giStar } from './giStar.js';
export { giStarOnCells } from './giStarOnCells.js';
export {
  type HotspotClass,
  type HotspotClassifyOptions,
  type HotspotClassifyResult,
  hotspotClassify,
} from './hotspotClassify.js';
export { type Coverage, incidentCoverage } from './incidentCoverage.js';
export {
  type IncrementalKRingAutocorrelationOptions,
  type IncrementalKRingAutocorrelationResult,
  incrementalKRingAutocorrelation,
} from './incrementalKRingAutocorrelation.js';
export {
  type IncrementalSpatialAutocorrelationOptions,
  type IncrementalSpatialAutocorrelationResult,
  incrementalSpatialAutocorrelation,
} from './incrementalSpatialAutocorrelation.js';
export {
  type KernelDensityOptions,
  type KernelPoints,
  type KernelSource,
  kernelDensity,
} from './kernelDensity.js';
export {
  type KernelDensityRatioOptions,
  type KernelDensityRatioResult,
  kernelDensityRatio,
} from './kernelDensityRatio.js';
export {
  type LisaQuadrant,
  type LocalMoranOptions,
  type LocalMoranResult,
  localMoran,
} from './localMoran.js';
export { type LorenzCurve, type LorenzCurveOptions, lorenzCurve } from './lorenzCurve.js';
export { type MannKendallResult, mannKendall } from './mannKendall.js';
export { type MoranGlobalOptions, type MoranGlobalResult, moranGlobal } from './moranGlobal.js';
export { normalCdf, normalQuantile, twoSidedP } from './normal.js';
export {
  type PeriodChangeOptions,
  type PeriodChangeResult,
  periodChange,
  type RateChange,
} from './periodChange.js';
export {
  conditionalPermutation,
  type PermutationResult,
} from './permutation/conditionalPermutation.js';
export { type PermutationPValue, permutationPValue } from './permutation/permutationPValue.js';
export type {
  PermutationAlternative,
  PermutationOptions,
  PermutationRunner,
  PermutationScheme,
} from './permutation/resolvePermutationOptions.js';
export {
  type SpaceTimeBins,
  type SpaceTimeBinsOptions,
  spaceTimeBins,
  type TimeStep,
} from './spaceTimeBins.js';
export {
  type SpaceTimeCube,
  type SpaceTimeGiStarOptions,
  type SpaceTimeGiStarResult,
  spaceTimeGiStar,
} from './spaceTimeGiStar.js';
export { type SpaceTimeWeightsOptions, spaceTimeWeights } from './spaceTimeWeights.js';
export { type PartialStep, type PartialSteps, type WholeSteps, wholeSteps } from './wholeSteps.js';
