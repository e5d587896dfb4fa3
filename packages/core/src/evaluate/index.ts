// @hexreach/core/evaluate: outcome evaluation: matched difference-in-differences, placebo zones, displacement, trust and engagement. Named re-exports only.

export {
  type CrimeChange,
  type CrimeChangeContext,
  crimeChange,
  type DiDCountColumns,
  type Displacement,
  zOfCounts,
} from './crimeChange.js';
export {
  type DiDCounts,
  type DiDEstimate,
  differenceInDifferences,
} from './differenceInDifferences.js';
export {
  type EngagementPlaces,
  engagementByZone,
  type ZoneEngagement,
} from './engagementByZone.js';
export {
  type EvaluateRunInputs,
  type EvaluationInputs,
  type EvaluationRun,
  evaluateRun,
  evaluationInputs,
} from './evaluateRun.js';
export {
  type EvaluateZonesInput,
  type EvaluateZonesOptions,
  type Evaluation,
  type EvaluationZone,
  evaluateZones,
  type ZoneEvaluation,
  type ZoneSeries,
} from './evaluateZones.js';
export { type EvaluationWindow, evaluationWindow } from './evaluationWindow.js';
export {
  type ComparisonMatcher,
  createMatcher,
  type MatchedComparison,
  type MatchOptions,
  matchComparisonCells,
} from './matchComparisonCells.js';
export { type PeriodTotals, periodTotals } from './periodTotals.js';
export { type PlaceboTestResult, placeboTest } from './placeboTest.js';
export { drawPlaceboZones, type PlaceboZoneOptions, type PlaceboZones } from './placeboZones.js';
export { type TrustChange, trustChange } from './trustChange.js';
export {
  type DisplacementCounts,
  type DisplacementReading,
  readDisplacement,
  type WeightedDisplacementQuotient,
  weightedDisplacementQuotient,
} from './weightedDisplacementQuotient.js';
export { zoneRing } from './zoneRing.js';
export { type ZoneOutcomes, zoneSentence } from './zoneSentence.js';
export { zonesFromGeoJson } from './zonesFromGeoJson.js';
