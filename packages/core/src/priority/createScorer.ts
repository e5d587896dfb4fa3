import type { HexreachConfig } from '../config/configSchema.js';
import { assertArgument } from '../errors.js';
import type { AnalysisResult } from '../pipeline/analysisResult.js';
import { timerInto } from '../pipeline/runContext.js';
import type { PriorityResult } from './priorityScore.js';
import { scoreAndZone } from './scoreAndZone.js';
import { scorePriority } from './scorePriority.js';
import { zonesOfScore } from './zonesOfScore.js';

/** The priority weights by component. */
export type PriorityWeights = HexreachConfig['priority']['weights'];

/** Options of {@link Scorer.full}. */
export interface RescoreOptions {
  /**
   * Recompute the robustness of the selection as `analyze` would (default false: the result has
   * no robustness, and a note says so). The weight draws take about as long as that many
   * re-scorings; the re-runs at resolutions r − 1 and r + 1 about as long as two analyses.
   */
  readonly robustness?: boolean;
  /**
   * With `robustness`, also re-run the analysis at resolutions r − 1 and r + 1 (default: as
   * configured, `robustness.resolutions`); when false, the robustness rests on the weight draws
   * alone and a note says so.
   */
  readonly resolutions?: boolean;
}

/** Re-scores one analysis under other priority weights, reusing everything else. */
export interface Scorer {
  /** The priority score alone under new weights: bit for bit what `full` gives for `priority`. */
  score(weights: Readonly<Partial<PriorityWeights>>): PriorityResult;
  /** The zones of a score alone (selected, grouped, summarised, ranked), as `full` gives them. */
  zones(score: Float64Array): Pick<AnalysisResult, 'zoneOfCell' | 'zones' | 'droppedCells'>;
  /** The whole result under new weights: score, zones, ranks, reasons, equity (and robustness). */
  full(weights: Readonly<Partial<PriorityWeights>>, options?: RescoreOptions): AnalysisResult;
}

const COMPONENTS: readonly (keyof PriorityWeights)[] = [
  'hotspot',
  'crimeRate',
  'need',
  'trustDeficit',
  'partnerGap',
];

/**
 * A scorer of an analysis: new priority weights give the result `analyze` would give with
 * them, from the components it already normalised, ranked and worded — the score in
 * milliseconds, the zones in milliseconds more, the reasons and zone details in tens of
 * milliseconds on 50,000 cells, where a new analysis takes seconds.
 *
 * @param result - an analysis (its configuration supplies every weight not given)
 * @returns `score(weights)`, `zones(score)` and `full(weights, options)`
 * @throws HexreachError `E_ARGUMENT` (from its methods) for an unknown component, a negative or
 *   non-finite weight, every available component weighted 0, or a score of the wrong length
 * @example
 * ```ts
 * const scorer = createScorer(analyze(inputs, config));
 * const priority = scorer.score({ need: 3 });
 * const { zones } = scorer.zones(priority.score);
 * const rescored = scorer.full({ need: 3 }); // rescored.zones equals zones
 * ```
 */
export function createScorer(result: AnalysisResult): Scorer {
  return {
    score(weights) {
      // The notes on components left out belong to a whole result, which this is not.
      const config = configWithWeights(result.config, weights, 'createScorer.score');
      return scorePriority(result.components, config, [], 'createScorer.score');
    },
    zones(score) {
      const cells = result.grid.cells.length;
      assertArgument(
        score instanceof Float64Array && score.length === cells,
        'createScorer.zones',
        `score must be a Float64Array with one value per cell (${cells}), got ${
          score instanceof Float64Array ? `${score.length} values` : typeof score
        }`,
        score,
      );
      return zonesOfScore(result, result.config, score);
    },
    full(weights, options = {}) {
      return rescore(result, weights, options);
    },
  };
}

/** The whole result under new weights, with notes on a robustness not (fully) recomputed. */
function rescore(
  result: AnalysisResult,
  weights: Readonly<Partial<PriorityWeights>>,
  options: RescoreOptions,
): AnalysisResult {
  const fn = 'createScorer.full';
  const config = configWithWeights(result.config, weights, fn);
  const robustness = options.robustness ?? false;
  const configuredResolutions = config.robustness.resolutions;
  const resolutions = robustness && (options.resolutions ?? configuredResolutions);
  const durations: Record<string, number> = { ...result.durations };
  const timed = timerInto(durations);
  const scored = scoreAndZone(result, config, {
    draws: robustness ? config.robustness.draws : 0,
    resolutions,
    timed,
    caller: fn,
  });
  const notes = [...result.baseNotes, ...scored.notes];
  if (!robustness && (config.robustness.draws > 0 || configuredResolutions)) {
    notes.push(
      'Robustness was not recomputed for these priority weights (re-scored without it): the zones have no robustness label.',
    );
  } else if (robustness && configuredResolutions && !resolutions) {
    const others = [config.resolution - 1, config.resolution + 1].filter((r) => r >= 6 && r <= 11);
    notes.push(
      `Robustness was recomputed from the ${config.robustness.draws} weight draws alone: the comparison at resolution${others.length > 1 ? 's' : ''} ${others.join(' and ')} was not re-run.`,
    );
  }
  return { ...result, config, ...scored.fields, notes, durations };
}

/** The configuration with some priority weights replaced, each checked. */
function configWithWeights(
  configured: HexreachConfig,
  weights: Readonly<Partial<PriorityWeights>>,
  fn: string,
): HexreachConfig {
  assertArgument(
    typeof weights === 'object' && weights !== null && !Array.isArray(weights),
    fn,
    `weights must be an object of weights by component, got ${JSON.stringify(weights)}`,
    weights,
  );
  const merged = { ...configured.priority.weights };
  for (const [name, weight] of Object.entries(weights)) {
    assertArgument(
      (COMPONENTS as readonly string[]).includes(name),
      fn,
      `unknown priority component "${name}"; the components are ${COMPONENTS.join(', ')}`,
      name,
    );
    if (weight === undefined) continue;
    assertArgument(
      typeof weight === 'number' && Number.isFinite(weight) && weight >= 0,
      fn,
      `the weight of "${name}" must be a finite number >= 0, got ${weight}`,
      weight,
    );
    merged[name as keyof PriorityWeights] = weight;
  }
  return { ...configured, priority: { ...configured.priority, weights: merged } };
}
