/**
 * Whether a cell column (`analysisToCellColumns`) changes with the priority weights: `score`,
 * `score_<component>`, `zone`, `zone_rank`, `reasons` and `robustness`. A viewer re-scoring an
 * analysis replaces exactly these.
 *
 * @example
 * ```ts
 * isWeightDependentColumn('score_need'); // true
 * isWeightDependentColumn('gi_z'); // false
 * ```
 */
export function isWeightDependentColumn(name: string): boolean {
  return (
    name === 'score' ||
    name.startsWith('score_') ||
    name === 'zone' ||
    name === 'zone_rank' ||
    name === 'reasons' ||
    name === 'robustness'
  );
}
