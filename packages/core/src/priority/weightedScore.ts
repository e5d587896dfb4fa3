import { assertArgument } from '../errors.js';

/** Options of {@link weightedScore}. */
export interface WeightedScoreOptions {
  /** Where to write the score (one entry per cell); a new array when absent. */
  readonly out?: Float64Array;
}

/**
 * The priority score's combination step on columns that are already normalised:
 * score = Σ wₖ·nₖ / Σ wₖ over the components the cell has (nₖ not NaN), i.e. the weights
 * rescaled per cell to sum to 1; NaN for a cell with no component. The arithmetic is the same,
 * in the same order, as in `priorityScore`, so with the same weights and columns the result is
 * identical to the last bit; because the weights are rescaled per cell, they need not sum to 1.
 * Kept apart so that robustness analysis can rescore cells under many weightings without
 * normalising the components again.
 *
 * @param columns - normalised components, each with one value per cell (NaN where unknown)
 * @param weights - one weight per column, finite and ≥ 0, at least one > 0
 * @param options - `out`: an array of one entry per cell to write into (no allocation)
 * @returns the score per cell (`options.out` when given)
 * @throws HexreachError `E_ARGUMENT` when there is no column, the columns differ in length,
 *   `weights` does not have one entry per column, a weight is negative or not finite, all are 0,
 *   or `out` has the wrong length
 * @example
 * ```ts
 * weightedScore([[0.5, 1], [1, Number.NaN]], [2, 1]); // [2/3, 1]
 * ```
 */
export function weightedScore(
  columns: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  options: WeightedScoreOptions = {},
): Float64Array {
  const fn = 'weightedScore';
  assertArgument(columns.length > 0, fn, 'needs at least one column');
  assertArgument(
    weights.length === columns.length,
    fn,
    `weights must have one entry per column (${columns.length}), got ${weights.length}`,
    weights.length,
  );
  const n = columns[0].length;
  let total = 0;
  for (let k = 0; k < columns.length; k++) {
    assertArgument(
      columns[k].length === n,
      fn,
      `column ${k} has ${columns[k].length} values, expected ${n}`,
      columns[k].length,
    );
    const w = weights[k];
    assertArgument(
      Number.isFinite(w) && w >= 0,
      fn,
      `weight ${k} must be finite and >= 0, got ${w}`,
      w,
    );
    total += w;
  }
  assertArgument(total > 0, fn, 'at least one weight must be greater than 0', weights);
  const score = options.out ?? new Float64Array(n);
  assertArgument(
    score.length === n,
    fn,
    `out must have one entry per cell (${n}), got ${score.length}`,
    score.length,
  );

  for (let i = 0; i < n; i++) {
    // The weight of the components this cell has: the per-cell rescaling of priorityScore.
    let available = 0;
    for (let k = 0; k < columns.length; k++)
      if (!Number.isNaN(columns[k][i])) available += weights[k];
    if (available === 0) {
      score[i] = Number.NaN;
      continue;
    }
    let sum = 0;
    for (let k = 0; k < columns.length; k++) {
      const v = columns[k][i];
      sum += Number.isNaN(v) ? 0 : (weights[k] * v) / available;
    }
    score[i] = sum;
  }
  return score;
}
