import { assertArgument } from '../errors.js';
import type { Coverage } from './incidentCoverage.js';
import type { SpaceTimeBins } from './spaceTimeBins.js';

const DAY_MS = 86_400_000;

/** What to do with a step the data cover only in part. */
export type PartialSteps = 'drop' | 'rate';

/** A leading or trailing step the data cover only in part. */
export interface PartialStep {
  /** Start of the step, ms (UTC wall clock). */
  readonly start: number;
  /** End of the step (exclusive), ms. */
  readonly end: number;
  /** Length of the step in days. */
  readonly days: number;
  /** Days of the step inside the coverage. */
  readonly coveredDays: number;
}

/** A cube cut to the steps kept, with per-day rates. */
export interface WholeSteps {
  /**
   * The cube with only the steps kept: counts unchanged, `stepStarts` and `end` cut to match;
   * `counted`, `outsideGrid` and `outsideWindow` are still those of the whole cube.
   */
  readonly cube: SpaceTimeBins;
  /** Per kept step: the days it is compared over (its length, or its covered days with `rate`). */
  readonly days: Float64Array;
  /** The cube's counts divided by `days` of their step: incidents per day, step-major. */
  readonly perDay: Float64Array;
  /** The steps the data cover only in part: left out with `drop`, kept as rates with `rate`. */
  readonly partial: readonly PartialStep[];
  /** Whether `partial` steps were left out (`drop`) or kept per covered day (`rate`). */
  readonly partialAs: PartialSteps;
}

/**
 * Compares the steps of a space-time cube as equals: a step that the data cover only in part
 * (a series ending on 8 August has an August of 8 days) is left out by default, or kept as
 * incidents per covered day with `partial: 'rate'`; every value is divided by its step's days,
 * so months of 28 and 31 days at the same daily rate are the same. Steps the coverage misses
 * altogether are left out in both modes. Rate per day = count / days (a Poisson rate with the
 * days as exposure; Cameron & Trivedi 2013, §2.2).
 *
 * @param cube - the cube of counts (`spaceTimeBins`)
 * @param coverage - the days the data cover (`incidentCoverage`)
 * @param options - `partial`: `drop` (default) or `rate`
 * @returns the cube cut to the steps kept, their days, per-day values and the partial steps
 * @throws HexreachError `E_ARGUMENT` if the coverage is empty or `partial` is unknown
 * @example
 * ```ts
 * const cube = spaceTimeBins(time, cellOfIncident, n, { step: 'month' }); // Jan … Aug 2018
 * const whole = wholeSteps(cube, { from: Date.UTC(2018, 0, 1), to: Date.UTC(2018, 7, 9) });
 * whole.cube.steps; // 7: August (8 of 31 days) is left out
 * whole.partial[0].coveredDays; // 8
 * ```
 */
export function wholeSteps(
  cube: SpaceTimeBins,
  coverage: Coverage,
  options: { readonly partial?: PartialSteps } = {},
): WholeSteps {
  const fn = 'wholeSteps';
  const partialAs = options.partial ?? 'drop';
  assertArgument(
    partialAs === 'drop' || partialAs === 'rate',
    fn,
    `partial must be 'drop' or 'rate', got ${String(partialAs)}`,
    partialAs,
  );
  assertArgument(
    coverage.from < coverage.to,
    fn,
    `the coverage [${coverage.from}, ${coverage.to}) is empty`,
    coverage,
  );
  const n = cube.cells;
  const kept: number[] = [];
  const days: number[] = [];
  const partial: PartialStep[] = [];
  for (let t = 0; t < cube.steps; t++) {
    const start = cube.stepStarts[t];
    const end = t + 1 < cube.steps ? cube.stepStarts[t + 1] : cube.end;
    const length = (end - start) / DAY_MS;
    const covered =
      Math.max(0, Math.min(end, coverage.to) - Math.max(start, coverage.from)) / DAY_MS;
    if (covered >= length) {
      kept.push(t);
      days.push(length);
      continue;
    }
    if (covered > 0) partial.push({ start, end, days: length, coveredDays: covered });
    if (covered > 0 && partialAs === 'rate') {
      kept.push(t);
      days.push(covered);
    }
  }
  // Partial steps can only lead or trail (the coverage is one interval): the kept steps are
  // contiguous, so the cut cube is a slice.
  const first = kept.length > 0 ? kept[0] : 0;
  const steps = kept.length;
  const counts = cube.counts.slice(first * n, (first + steps) * n);
  const perDay = new Float64Array(counts.length);
  for (let k = 0; k < steps; k++) {
    for (let c = 0; c < n; c++) perDay[k * n + c] = counts[k * n + c] / days[k];
  }
  const stepStarts = cube.stepStarts.slice(first, first + steps);
  const end = first + steps < cube.steps ? cube.stepStarts[first + steps] : cube.end;
  return {
    cube: { ...cube, steps, stepStarts, end, counts },
    days: Float64Array.from(days),
    perDay,
    partial,
    partialAs,
  };
}
