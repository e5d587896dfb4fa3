import { type AnalysisResult, scoreAndZone, type TimedStep } from './analyze.js';
import type { HexreachConfig } from './config/configSchema.js';
import { assertArgument } from './errors.js';

/** The priority weights by component, as in `priority.weights` of the configuration. */
export type PriorityWeights = HexreachConfig['priority']['weights'];

/** Options of {@link rescoreAnalysis}. */
export interface RescoreAnalysisOptions {
  /**
   * Recompute the robustness of the selection as `analyze` would (default false: the result has
   * no robustness, and a note says so). The weight draws take about as long as that many
   * re-scorings; the re-runs at resolutions r − 1 and r + 1 take about as long as two analyses.
   */
  readonly robustness?: boolean;
  /**
   * With `robustness`, also re-run the analysis at resolutions r − 1 and r + 1 (default: as
   * configured, `robustness.resolutions`); when false, the robustness rests on the weight draws
   * alone and a note says so.
   */
  readonly resolutions?: boolean;
}

/** The components in the order of the configuration. */
const COMPONENTS: readonly (keyof PriorityWeights)[] = [
  'hotspot',
  'crimeRate',
  'need',
  'trustDeficit',
  'partnerGap',
];

/**
 * Re-scores an analysis with other priority weights, without redoing the analysis: only what
 * depends on the weights is recomputed — the priority score and its contributions, the zones
 * (threshold, top N or budget, as configured) with their summaries and ranks, `zoneOfCell`,
 * every cell's and zone's reasons, zone trends and suggested partners, the equity profile, the
 * configuration recorded (with the new weights) and the notes. It runs the same code as
 * `analyze` for that part, so the result equals `analyze` with the new weights in every one of
 * those fields. Everything else (grid, counts, Gi*, LISA, KDE, emerging hot spots, need, trust,
 * partners, rates, joint and partner classes, concentration) is the very same object as in
 * `result`, and the components' normalised columns are reused, so a re-scoring of 50,000 cells
 * takes milliseconds where `analyze` takes seconds: fast enough for weight sliders.
 *
 * The robustness analysis (weight draws and re-runs at neighbouring resolutions) is not
 * recomputed unless `options.robustness` asks for it; without it the result has no robustness
 * and a note says that it was not recomputed for these weights.
 *
 * @param result - the result of `analyze` (or of an earlier `rescoreAnalysis`)
 * @param weights - new weights of some components (`hotspot`, `crimeRate`, `need`,
 *   `trustDeficit`, `partnerGap`); the others keep their configured weight. Each finite and ≥ 0;
 *   they need not sum to 1 (they are divided by their sum)
 * @param options - `robustness` (default false) and `resolutions`
 * @returns a new result; the fields that do not depend on the weights are those of `result`
 * @throws HexreachError `E_ARGUMENT` when `weights` names an unknown component, a weight is not a
 *   finite number ≥ 0, or every component the analysis has gets weight 0
 * @example
 * ```ts
 * const result = analyze(inputs, config);
 * const needFirst = rescoreAnalysis(result, { need: 0.6, hotspot: 0.2 });
 * needFirst.zones[0].id; // the top zone under the new weights
 * needFirst.hotspots === result.hotspots; // true: nothing but the weight-dependent part is redone
 * ```
 */
export function rescoreAnalysis(
  result: AnalysisResult,
  weights: Readonly<Partial<PriorityWeights>>,
  options: RescoreAnalysisOptions = {},
): AnalysisResult {
  const fn = 'rescoreAnalysis';
  const config = configWithWeights(result.config, weights, fn);

  const robustness = options.robustness ?? false;
  const configuredResolutions = config.robustness.resolutions;
  const resolutions = robustness && (options.resolutions ?? configuredResolutions);
  const durations: Record<string, number> = { ...result.durations };
  const timed: TimedStep = (step, run) => {
    const start = performance.now();
    const value = run();
    durations[step] = (performance.now() - start) / 1000;
    return value;
  };
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

/**
 * A configuration with some priority weights replaced, each checked: `rescoreAnalysis` and
 * `rescorePriority` both take their weights through it, so they accept and reject the same
 * weights. Not part of the public API.
 *
 * @param configured - the configuration the analysis was made with
 * @param weights - new weights of some components; the others keep their configured weight
 * @param fn - the public function named in error messages
 * @returns `configured` with the merged weights
 * @throws HexreachError `E_ARGUMENT` when `weights` is not an object, names an unknown
 *   component, or a weight is not a finite number ≥ 0
 * @example
 * ```ts
 * configWithWeights(result.config, { need: 0.6 }, 'rescoreAnalysis').priority.weights.need; // 0.6
 * ```
 */
export function configWithWeights(
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
