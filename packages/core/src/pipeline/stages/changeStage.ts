import { HexreachError } from '../../errors.js';
import { pointsToCells } from '../../hex/pointsToCells.js';
import { parseDate } from '../../io/parseDate.js';
import type { Coverage } from '../../stats/incidentCoverage.js';
import { type PeriodChangeResult, periodChange } from '../../stats/periodChange.js';
import type { CellGrid } from '../../types.js';
import type { RunContext } from '../runContext.js';
import type { NoisyCounts } from './noiseStage.js';
import type { TemporalCoverage } from './temporalStage.js';

/** The weighted counts of two periods, their exposures in days, and the change test. */
export interface ChangePart {
  readonly before: Float64Array;
  readonly after: Float64Array;
  /** Days of the first period that the data cover: its exposure. */
  readonly beforeDays: number;
  /** Days of the second period that the data cover: its exposure. */
  readonly afterDays: number;
  readonly result: PeriodChangeResult;
}

/**
 * The change between two periods, when `statistics` includes `change`: each period's weighted
 * counts per cell and the test of their rate ratio, with the days of each period the data cover
 * as its exposure.
 *
 * @example
 * ```ts
 * const { change } = changeStage(run, grid, temporal);
 * change?.result.rateRatio; // per cell
 * ```
 */
export function changeStage(
  run: RunContext,
  grid: CellGrid,
  temporal: TemporalCoverage | undefined,
  noisy: NoisyCounts | undefined,
): { readonly change: ChangePart | undefined } {
  const { config } = run;
  const periods = config.change;
  if (!config.statistics.includes('change') || periods === undefined) return { change: undefined };
  const change = run.timed('change', () => {
    const before = periodWindow(periods.before);
    const after = periodWindow(periods.after);
    const count = (w: { from: number; to: number }, name: string) =>
      config.privacy.public
        ? noisyPeriodCounts(noisy, w, `change.${name}`)
        : pointsToCells(run.inputs.incidents, grid, {
            categoryWeights: run.counting.weights,
            ...w,
            // Only the counts are used: the incidents outside a period are not worth a list.
            onRejection: ignore,
            onOutside: ignore,
          }).count;
    const countsBefore = count(before, 'before');
    const countsAfter = count(after, 'after');
    const beforeDays = exposureDays(before, temporal?.coverage);
    const afterDays = exposureDays(after, temporal?.coverage);
    return {
      before: countsBefore,
      after: countsAfter,
      beforeDays,
      afterDays,
      result: periodChange(countsBefore, countsAfter, {
        exposureBefore: beforeDays,
        exposureAfter: afterDays,
      }),
    };
  });
  return { change };
}

/**
 * A public run's counts of a period: the sum of the noisy step table over the steps it spans,
 * which must be whole steps of the configured window (the incidents are not binned again).
 */
function noisyPeriodCounts(
  noisy: NoisyCounts | undefined,
  period: { from: number; to: number },
  name: string,
): Float64Array {
  const cube = noisy?.steps?.weighted;
  if (cube === undefined) {
    throw new HexreachError(
      'E_CONFIG',
      `${name}: a public run computes the change from its noisy monthly table, which needs incidents.from and incidents.to`,
      name,
    );
  }
  const { stepStarts, cells } = cube;
  const bounds = [...stepStarts, cube.end];
  const first = bounds.indexOf(period.from);
  const last = bounds.indexOf(period.to);
  if (first < 0 || last <= first) {
    throw new HexreachError(
      'E_CONFIG',
      `${name}: in a public run a period must start and end on ${cube.step} boundaries inside incidents.from and incidents.to (its counts are summed from the noisy ${cube.step} table)`,
      name,
    );
  }
  const out = new Float64Array(cells);
  for (let t = first; t < last; t++)
    for (let c = 0; c < cells; c++) out[c] += cube.counts[t * cells + c];
  return out;
}

function periodWindow(period: { from: string; to: string }): { from: number; to: number } {
  return { from: parseDate(period.from), to: parseDate(period.to) };
}

/**
 * Exposure: the days of the period the data cover (a period running past the last incident's
 * day is not credited with days nobody recorded); the whole period when it covers none.
 */
function exposureDays(
  period: { from: number; to: number },
  coverage: Coverage | undefined,
): number {
  const covered =
    coverage === undefined
      ? 0
      : Math.max(0, Math.min(period.to, coverage.to) - Math.max(period.from, coverage.from)) /
        86_400_000;
  return covered > 0 ? covered : (period.to - period.from) / 86_400_000;
}

function ignore(): void {}
