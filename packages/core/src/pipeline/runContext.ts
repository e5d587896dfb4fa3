import type { HexreachConfig } from '../config/configSchema.js';
import type { StudyAreaCover } from '../interpolate/studyAreaCoverFrom.js';
import type { AnalyzeInputs, AnalyzeOptions } from './analysisResult.js';
import { type CountingRule, countingRule } from './countingRule.js';

/** Runs one step and records its seconds under `step`. */
export type TimedStep = <T>(step: string, run: () => T) => T;

/**
 * What every stage of an analysis reads: the configuration with its defaults, the inputs, the
 * caller's options, the notes the run collects (in stage order) and the step timer.
 */
export interface RunContext {
  readonly config: HexreachConfig;
  readonly inputs: AnalyzeInputs;
  readonly options: AnalyzeOptions;
  /** Plain-language notes on choices the run made, appended by the stages in order. */
  readonly notes: string[];
  readonly timed: TimedStep;
  /** Seconds spent in each step, filled by `timed`. */
  readonly durations: Record<string, number>;
  /** Each incident category's weight and class: what the weighted count counts. */
  readonly counting: CountingRule;
  /**
   * Cells and area overlaps by resolution: the cells stage's, which the interpolation reuses, or
   * given (a robustness re-run gets them from the run's own cells) and used instead of a fill.
   */
  readonly covers: Map<number, StudyAreaCover>;
}

/**
 * A run's context with a timer recording into its `durations`.
 *
 * @param covers - cells and overlaps already found, by resolution (see `studyAreaCoverFrom`)
 * @example
 * ```ts
 * const run = startRun(inputs, parseConfig({ resolution: 8 }));
 * run.timed('cells', () => studyAreaCells(inputs.areas, 8));
 * run.durations.cells; // seconds
 * ```
 */
export function startRun(
  inputs: AnalyzeInputs,
  config: HexreachConfig,
  options: AnalyzeOptions = {},
  covers: Map<number, StudyAreaCover> = new Map(),
): RunContext {
  const durations: Record<string, number> = {};
  const timed = timerInto(durations);
  const counting = countingRule(config, inputs.incidents.categories);
  return { config, inputs, options, notes: [], timed, durations, counting, covers };
}

/**
 * A step timer recording each step's seconds into `durations`.
 *
 * @example
 * ```ts
 * const durations: Record<string, number> = {};
 * timerInto(durations)('zones', () => zonesOfScore(result, config, score));
 * durations.zones; // seconds
 * ```
 */
export function timerInto(durations: Record<string, number>): TimedStep {
  return (step, run) => {
    const start = performance.now();
    const value = run();
    durations[step] = (performance.now() - start) / 1000;
    return value;
  };
}
