import type { EvaluationWindow } from './evaluationWindow.js';

/** Per-cell counts of the before and after periods, and the before period's trend. */
export interface PeriodTotals {
  /** Incidents per cell in the before period. */
  readonly before: Float64Array;
  /** Incidents per cell in the after period. */
  readonly after: Float64Array;
  /** Incidents per day per cell in the before period: the level matched on. */
  readonly level: Float64Array;
  /** Least-squares slope of the monthly counts over the before period, per month: the trend. */
  readonly trend: Float64Array;
}

/**
 * Sums a monthly space-time cube over the two periods of a window, per cell, with the level
 * (incidents per day) and the trend (ordinary least-squares slope of the monthly counts on the
 * month number) of the before period, which comparison cells are matched on.
 *
 * @param counts - the cube's counts, month-major (`counts[t * cells + c]`)
 * @param cells - cells per month
 * @param window - the two periods
 * @returns per-cell totals, level and trend
 * @example
 * ```ts
 * const totals = periodTotals(cube.counts, cube.cells, evaluationWindow(cube.stepStarts, cube.end, start));
 * totals.before[42]; // incidents of cell 42 in the before period
 * ```
 */
export function periodTotals(
  counts: Float64Array,
  cells: number,
  window: EvaluationWindow,
): PeriodTotals {
  const { beforeFrom, afterFrom, months } = window;
  const before = new Float64Array(cells);
  const after = new Float64Array(cells);
  const trend = new Float64Array(cells);
  const centre = (months - 1) / 2;
  let sxx = 0;
  for (let t = 0; t < months; t++) sxx += (t - centre) ** 2;
  for (let t = 0; t < months; t++) {
    const pre = counts.subarray((beforeFrom + t) * cells, (beforeFrom + t + 1) * cells);
    const post = counts.subarray((afterFrom + t) * cells, (afterFrom + t + 1) * cells);
    const x = t - centre;
    for (let c = 0; c < cells; c++) {
      before[c] += pre[c];
      after[c] += post[c];
      trend[c] += x * pre[c];
    }
  }
  const level = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    level[c] = before[c] / window.beforeDays;
    trend[c] = sxx > 0 ? trend[c] / sxx : 0;
  }
  return { before, after, level, trend };
}
