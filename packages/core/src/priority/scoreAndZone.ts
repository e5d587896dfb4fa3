import type { HexreachConfig } from '../config/configSchema.js';
import { equityProfile } from '../indicators/equityProfile.js';
import type {
  AnalysisBase,
  AnalysisResult,
  WeightDependentField,
} from '../pipeline/analysisResult.js';
import type { TimedStep } from '../pipeline/runContext.js';
import { isInZone } from '../zones/isInZone.js';
import { explainSelection } from './explainSelection.js';
import { scorePriority } from './scorePriority.js';
import { selectionRobustness } from './selectionRobustness.js';
import { populationOf, zonesOfScore } from './zonesOfScore.js';

/** Options of {@link scoreAndZone}. */
export interface ScoreAndZoneOptions {
  /** Weight draws of the robustness analysis (0: none). */
  readonly draws: number;
  /** Whether to re-run the analysis at resolutions r − 1 and r + 1 for the robustness analysis. */
  readonly resolutions: boolean;
  /** Times each step (default: untimed). */
  readonly timed?: TimedStep;
  /** The public function named in error messages (default `analyze`). */
  readonly caller?: string;
}

/**
 * Everything that depends on the priority weights, in order: the score, the zones and their
 * ranks, the robustness of the selection, each cell's and zone's reasons, and the equity
 * profile of the zones. `analyze` and `createScorer` both call it, so a re-scored result is
 * computed exactly as a fresh analysis with the same weights.
 *
 * @param base - everything computed before the weights (an `AnalysisResult` is one)
 * @param config - the configuration to score with; only it is read, never a configuration in `base`
 * @returns the weight-dependent fields, and the notes about components left out
 * @throws HexreachError `E_ARGUMENT` when every available component has weight 0
 * @example
 * ```ts
 * const { fields } = scoreAndZone(result, config, { draws: 0, resolutions: false });
 * fields.zones[0].id;
 * ```
 */
export function scoreAndZone(
  base: AnalysisBase,
  config: HexreachConfig,
  options: ScoreAndZoneOptions,
): { readonly fields: Pick<AnalysisResult, WeightDependentField>; readonly notes: string[] } {
  const timed: TimedStep = options.timed ?? ((_, run) => run());
  const notes: string[] = [];
  const priority = timed('priority', () =>
    scorePriority(base.components, config, notes, options.caller ?? 'analyze'),
  );
  const { zoneOfCell, zones, droppedCells } = timed('zones', () =>
    zonesOfScore(base, config, priority.score),
  );
  const robustness = timed('robustness', () =>
    selectionRobustness(base, config, priority, zoneOfCell, notes, options),
  );
  const explained = timed('reasons', () =>
    explainSelection(base, config, priority, zoneOfCell, zones),
  );
  const population = populationOf(base);
  if (config.equity.attributes.length > 0 && population === undefined)
    notes.push('The equity profile was left out: there is no population to weigh it by.');
  const equity =
    config.equity.attributes.length === 0 || population === undefined
      ? undefined
      : equityProfile(
          population,
          Object.fromEntries(
            config.equity.attributes.map((a) => [
              a.name,
              { values: base.attributes[a.name], kind: a.kind, label: a.label },
            ]),
          ),
          isInZone(zoneOfCell),
        );
  return {
    fields: {
      priority,
      zoneOfCell,
      zones,
      droppedCells,
      robustness,
      reasons: explained.cells,
      zoneDetails: explained.zones,
      equity,
    },
    notes,
  };
}
