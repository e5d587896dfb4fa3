// @hexreach/core/priority: the priority score, its reasons, classes and robustness. Named re-exports only.

export {
  type CellReasonPhrasesInput,
  type CellReasonPhrasesOptions,
  cellReasonPhrases,
} from './cellReasonPhrases.js';
export {
  type CellReasonsInput,
  type CellReasonsOptions,
  cellReasons,
  type PartnersWithinRadius,
} from './cellReasons.js';
export {
  createScorer,
  type PriorityWeights,
  type RescoreOptions,
  type Scorer,
} from './createScorer.js';
export { dirichlet } from './dirichlet.js';
export { explainSelection } from './explainSelection.js';
export {
  JOINT_CLASS_LABELS,
  type JointClassesOptions,
  type JointClassesResult,
  jointClasses,
} from './jointClasses.js';
export { type Normalization, normalize } from './normalize.js';
export {
  PARTNER_CLASS_LABELS,
  type PartnerClassesOptions,
  partnerClasses,
} from './partnerClasses.js';
export { type PercentileRankOptions, percentileRank } from './percentileRank.js';
export {
  type PriorityComponent,
  type PriorityResult,
  type PriorityScoreOptions,
  priorityScore,
} from './priorityScore.js';
export { reasonColumns } from './reasonColumns.js';
export { type ReasonsFromPhrasesOptions, reasonsFromPhrases } from './reasonsFromPhrases.js';
export { type ScoreAndZoneOptions, scoreAndZone } from './scoreAndZone.js';
export { scorePriority } from './scorePriority.js';
export { type ScoringComponent, scoringComponents } from './scoringComponents.js';
export { type SelectionRobustnessOptions, selectionRobustness } from './selectionRobustness.js';
export { type WeightedScoreOptions, weightedScore } from './weightedScore.js';
export {
  type WeightRobustnessOptions,
  type WeightRobustnessResult,
  weightRobustness,
} from './weightRobustness.js';
export { type ZoningBase, zonesOfScore } from './zonesOfScore.js';
