import { type AnalysisResult, scorePriority } from './analyze.js';
import { configWithWeights, type PriorityWeights } from './rescoreAnalysis.js';
import type { PriorityResult } from './score/priorityScore.js';

/**
 * The priority score of an analysis under other weights, and nothing else: what
 * `rescoreAnalysis(result, weights).priority` would be, bit for bit (the same code on the same
 * normalised components), in a couple of milliseconds on 50,000 cells where the whole re-score
 * also redraws the zones and rewords every reason. For a map that repaints the score as soon as
 * a weight slider moves and catches up on zones and reasons afterwards.
 *
 * @param result - the result of `analyze` (or of `rescoreAnalysis`)
 * @param weights - new weights of some components (`hotspot`, `crimeRate`, `need`,
 *   `trustDeficit`, `partnerGap`); the others keep their configured weight. Each finite and ≥ 0;
 *   they need not sum to 1 (they are divided by their sum)
 * @returns the score, each component's normalised values and contribution, and the weights used
 *   (divided by their sum); the normalised columns are those of `result`, by reference
 * @throws HexreachError `E_ARGUMENT` when `weights` names an unknown component, a weight is not a
 *   finite number ≥ 0, or every component the analysis has gets weight 0 — as `rescoreAnalysis`
 * @example
 * ```ts
 * const result = analyze(inputs, config);
 * const needFirst = rescorePriority(result, { need: 0.6, hotspot: 0.2 });
 * needFirst.score; // equals rescoreAnalysis(result, { need: 0.6, hotspot: 0.2 }).priority.score
 * ```
 */
export function rescorePriority(
  result: AnalysisResult,
  weights: Readonly<Partial<PriorityWeights>>,
): PriorityResult {
  const fn = 'rescorePriority';
  // The notes on components left out belong to a whole result, which this is not.
  return scorePriority(result, configWithWeights(result.config, weights, fn), [], fn);
}
