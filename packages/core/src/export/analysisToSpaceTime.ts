import { assertArgument } from '../errors.js';
import type { AnalysisResult } from '../pipeline/analysisResult.js';

/** The space-time view of `spacetime.json`: every cell's Gi* bin in every time step. */
export interface SpaceTimeView {
  /** The cube's step: `week`, `month` or `quarter`. */
  readonly step: string;
  /** Each step's first day, `YYYY-MM-DD` (UTC). */
  readonly stepStarts: readonly string[];
  /**
   * The days each step is compared over: its length, or the days the data cover of a partial
   * step kept with `temporal.partial: "rate"`.
   */
  readonly days: readonly number[];
  /** The cells, in the order of each step's string of bins. */
  readonly cells: readonly string[];
  /** How `bins` is written, for a reader of the file. */
  readonly binEncoding: string;
  /** One string per step, one character per cell: `0` … `6` for the Gi* bins −3 … 3. */
  readonly bins: readonly string[];
}

/**
 * The space-time view of an analysis run with `emerging`, for the viewer's play button and
 * `spacetime.json`: each step's start and every cell's Gi* confidence bin (−3…3, FDR-corrected
 * per step as configured) in that step, written as one string of digits per step to stay small
 * (100,000 cells × 120 months is 12 MB, not a nested array of 12 million numbers).
 *
 * @param result - the result of `analyze` with `statistics` including `emerging`
 * @returns the view
 * @throws HexreachError `E_ARGUMENT` when the analysis ran without `emerging`
 * @example
 * ```ts
 * const view = analysisToSpaceTime(analyze(inputs, { statistics: ['gistar', 'emerging'] }));
 * view.bins[0][0]; // '3': the first cell was not significant in the first step
 * ```
 */
export function analysisToSpaceTime(result: AnalysisResult): SpaceTimeView {
  assertArgument(
    result.emerging !== undefined,
    'analysisToSpaceTime',
    'the analysis has no space-time cube: run it with statistics including "emerging"',
  );
  const { cube, days, result: emerging } = result.emerging;
  const n = result.grid.cells.length;
  const bins: string[] = [];
  for (let t = 0; t < cube.steps; t++) {
    const digits = new Array<string>(n);
    for (let c = 0; c < n; c++) digits[c] = String(emerging.bin[t * n + c] + 3);
    bins.push(digits.join(''));
  }
  return {
    step: cube.step,
    stepStarts: Array.from(cube.stepStarts, (ms) => new Date(ms).toISOString().slice(0, 10)),
    days: Array.from(days),
    cells: result.grid.cells,
    binEncoding: 'one character per cell in the order of cells: "0" … "6" for Gi* bins −3 … 3',
    bins,
  };
}
