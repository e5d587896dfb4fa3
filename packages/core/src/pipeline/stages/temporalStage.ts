import type { HexreachConfig } from '../../config/configSchema.js';
import type { BinnedIncidents } from '../../hex/pointsToCells.js';
import { type Coverage, incidentCoverage } from '../../stats/incidentCoverage.js';
import { spaceTimeBins, type TimeStep } from '../../stats/spaceTimeBins.js';
import { type PartialStep, type PartialSteps, wholeSteps } from '../../stats/wholeSteps.js';
import { configuredWindow } from '../configuredWindow.js';
import type { RunContext } from '../runContext.js';

/** The days the incidents cover and the steps they cover in part. */
export interface TemporalCoverage {
  /** `[from, to)` in ms: the configured window, else first to last incident day (whole days). */
  readonly coverage: Coverage;
  /** The calendar step of the cube and zone trends (`emerging.step`). */
  readonly step: TimeStep;
  /** What is done with a partial step (`temporal.partial`). */
  readonly partial: PartialSteps;
  /** The leading or trailing steps the coverage holds only in part (at most two). */
  readonly partialSteps: readonly PartialStep[];
}

/**
 * The days the incidents counted cover and the steps they cover only in part, with a note on
 * each partial step (naming its dates unless a public run would take them from the incidents).
 * Undefined when no incident has a time.
 *
 * @example
 * ```ts
 * const { temporal } = temporalStage(run, binned);
 * temporal?.partialSteps; // e.g. August, 8 of its 31 days
 * ```
 */
export function temporalStage(
  run: RunContext,
  binned: BinnedIncidents,
): { readonly temporal: TemporalCoverage | undefined } {
  const { config } = run;
  const { incidents } = run.inputs;
  const temporal = config.privacy.public
    ? publicCoverage(config)
    : temporalCoverage(incidents.time, binned.cellOfIncident, config, incidents.aggregated?.period);
  if (temporal !== undefined) {
    // A public run names no date taken from the incidents: only a configured window's.
    const datesArePublic =
      !config.privacy.public ||
      (config.incidents.from !== undefined && config.incidents.to !== undefined);
    run.notes.push(...temporalNotes(temporal, datesArePublic));
  }
  return { temporal };
}

/**
 * A public run's coverage: the configured window alone, never the incidents' first and last
 * days; undefined without both bounds (a public run then publishes no time series).
 */
function publicCoverage(config: HexreachConfig): TemporalCoverage | undefined {
  const { from, to } = configuredWindow(config);
  if (from === undefined || to === undefined) return undefined;
  return withPartialSteps({ from, to }, config);
}

/**
 * The coverage of the incidents counted and its partial steps, or undefined with no time. Cell
 * aggregates are dated the start of their period: the last one covers its whole period.
 */
function temporalCoverage(
  time: ArrayLike<number>,
  cellOfIncident: ArrayLike<number>,
  config: HexreachConfig,
  period: TimeStep | undefined,
): TemporalCoverage | undefined {
  const window = configuredWindow(config);
  const coverage = incidentCoverage(time, cellOfIncident, window);
  if (coverage === undefined) return undefined;
  if (period === undefined || window.to !== undefined) return withPartialSteps(coverage, config);
  const lastPeriod = coverage.to - 86_400_000;
  const end = spaceTimeBins([], [], 0, { step: period, start: lastPeriod, end: coverage.to }).end;
  return withPartialSteps({ from: coverage.from, to: end }, config);
}

/** A coverage with the steps it holds only in part. */
function withPartialSteps(coverage: Coverage, config: HexreachConfig): TemporalCoverage {
  const step = config.emerging.step;
  // The steps of the coverage itself, with no incident in them: only their bounds matter.
  const steps = spaceTimeBins([], [], 0, { step, start: coverage.from, end: coverage.to });
  return {
    coverage,
    step,
    partial: config.temporal.partial,
    partialSteps: wholeSteps(steps, coverage).partial,
  };
}

/** A note on each partial step, with its dates when they may be published, and what was done. */
function temporalNotes(temporal: TemporalCoverage, withDates: boolean): string[] {
  const { coverage, step, partial } = temporal;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const span = `${day(coverage.from)} to ${day(coverage.to - 86_400_000)}`;
  return temporal.partialSteps.map((s) => {
    const what = withDates
      ? `The incidents cover ${span}: the ${step} ${day(s.start)} to ${day(s.end - 86_400_000)} holds ${s.coveredDays} of its ${s.days} days`
      : `The incidents cover only part of their ${s.start < coverage.from ? 'first' : 'last'} ${step}`;
    return partial === 'drop'
      ? `${what}, so the emerging hot spots and zone trends leave it out (temporal.partial: "drop"); whole ${step}s are compared per day.`
      : `${what}; the emerging hot spots and zone trends count it per covered day (temporal.partial: "rate").`;
  });
}
