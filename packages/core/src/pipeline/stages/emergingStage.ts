import type { BinnedIncidents } from '../../hex/pointsToCells.js';
import { type EmergingHotspotsResult, emergingHotspots } from '../../stats/emergingHotspots.js';
import { type SpaceTimeBins, spaceTimeBins } from '../../stats/spaceTimeBins.js';
import { wholeSteps } from '../../stats/wholeSteps.js';
import type { SpatialWeights } from '../../types.js';
import { configuredWindow, incidentWeights } from '../incidentWeights.js';
import type { RunContext } from '../runContext.js';
import type { TemporalCoverage } from './temporalStage.js';

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
 * const { emerging } = emergingStage(run, binned, hotspotWeights, temporal);
 * emerging?.result.pattern; // per cell
 * ```
 */
export function emergingStage(
  run: RunContext,
  binned: BinnedIncidents,
  hotspotWeights: SpatialWeights,
  temporal: TemporalCoverage | undefined,
): { readonly emerging: EmergingPart | undefined } {
  const { config } = run;
  if (!config.statistics.includes('emerging')) return { emerging: undefined };
  const { incidents } = run.inputs;
  const emerging = run.timed('emerging', () => {
    const window = configuredWindow(config);
    const cube = spaceTimeBins(incidents.time, binned.cellOfIncident, hotspotWeights.n, {
      step: config.emerging.step,
      start: window.from,
      end: window.to,
      weights: incidentWeights(incidents, config.incidents.categoryWeights),
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
