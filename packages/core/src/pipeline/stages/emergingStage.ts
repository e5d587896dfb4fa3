import type { BinnedIncidents } from '../../hex/pointsToCells.js';
import { type EmergingHotspotsResult, emergingHotspots } from '../../stats/emergingHotspots.js';
import { type SpaceTimeBins, spaceTimeBins } from '../../stats/spaceTimeBins.js';
import { wholeSteps } from '../../stats/wholeSteps.js';
import type { SpatialWeights } from '../../types.js';
import { configuredWindow } from '../configuredWindow.js';
import { incidentWeights } from '../incidentWeights.js';
import type { RunContext } from '../runContext.js';
import type { NoisyCounts } from './noiseStage.js';
import type { TemporalCoverage } from './temporalStage.js';

/** Why a public run without a configured window publishes no time series. */
export const PUBLIC_WITHOUT_WINDOW =
  "The emerging hot spots and zone trends were left out of this public export: set incidents.from and incidents.to, so that its time steps are not taken from the incidents' dates.";

/** The cube of the steps compared, each step's days, and the emerging hot spot result. */
export interface EmergingPart {
  readonly cube: SpaceTimeBins;
  readonly days: Float64Array;
  readonly result: EmergingHotspotsResult;
}

/**
 * Emerging hot spots, when `statistics` includes `emerging`: the incidents binned by cell and
 * calendar step, partial steps left out (or kept per day), and Gi* per step on the incidents
 * per day, so a step is compared with the previous one at equal length.
 *
 * @example
 * ```ts
 * const { emerging } = emergingStage(run, binned, hotspotWeights, temporal, noisy);
 * emerging?.result.pattern; // per cell
 * ```
 */
export function emergingStage(
  run: RunContext,
  binned: BinnedIncidents,
  hotspotWeights: SpatialWeights,
  temporal: TemporalCoverage | undefined,
  noisy: NoisyCounts | undefined,
): { readonly emerging: EmergingPart | undefined } {
  const { config } = run;
  if (!config.statistics.includes('emerging')) return { emerging: undefined };
  if (config.privacy.public && noisy?.steps === undefined) {
    run.notes.push(PUBLIC_WITHOUT_WINDOW);
    return { emerging: undefined };
  }
  const { incidents } = run.inputs;
  const emerging = run.timed('emerging', () => {
    const window = configuredWindow(config);
    // A public run bins nothing here: its cube is the noisy step table.
    const cube =
      noisy?.steps?.weighted ??
      spaceTimeBins(incidents.time, binned.cellOfIncident, hotspotWeights.n, {
        step: config.emerging.step,
        start: window.from,
        end: window.to,
        weights: incidentWeights(incidents, run.counting.weights),
      });
    const whole = wholeSteps(
      cube,
      temporal?.coverage ?? { from: cube.stepStarts[0], to: cube.end },
      {
        partial: config.temporal.partial,
      },
    );
    const result = emergingHotspots(
      { steps: whole.cube.steps, counts: whole.perDay },
      hotspotWeights,
      {
        timeSteps: config.emerging.timeSteps,
        fdr: config.emerging.fdr,
        alpha: config.emerging.alpha,
      },
    );
    return { cube: whole.cube, days: whole.days, result };
  });
  return { emerging };
}
