import type { BinnedIncidents } from '../../hex/pointsToCells.js';
import { empiricalBayesRate } from '../../indicators/empiricalBayesRate.js';
import { incidentRate } from '../../indicators/incidentRate.js';
import { kernelDensity } from '../../stats/kernelDensity.js';
import { kernelDensityRatio } from '../../stats/kernelDensityRatio.js';
import type { CellGrid, SpatialWeights } from '../../types.js';
import { countedPoints } from '../incidentWeights.js';
import type { RunContext } from '../runContext.js';

/** Incidents per resident, smoothed when asked, and the kernel density when asked. */
export interface RatePart {
  readonly rate: Float64Array;
  readonly smoothedRate: Float64Array | undefined;
  readonly kde:
    | { readonly density: Float64Array; readonly ratio: Float64Array | undefined }
    | undefined;
}

/**
 * The crime rate per `rates.per` residents (NaN below `rates.minPopulation` or without a
 * population), its empirical Bayes smoothing (`rates.smoothing`), and with `kde` the kernel
 * density of the incidents counted per km² and per resident.
 *
 * @example
 * ```ts
 * const { rate, kde } = rateStage(run, grid, binned, population, hotspotWeights);
 * ```
 */
export function rateStage(
  run: RunContext,
  grid: CellGrid,
  binned: BinnedIncidents,
  population: Float64Array | undefined,
  hotspotWeights: SpatialWeights,
): RatePart {
  const { config, timed } = run;
  const rate =
    population === undefined
      ? new Float64Array(grid.cells.length).fill(Number.NaN)
      : incidentRate(binned.count, population, config.rates);
  const smoothedRate =
    population === undefined || config.rates.smoothing === 'none'
      ? undefined
      : timed('smoothing', () => {
          const eb = empiricalBayesRate(binned.count, population, {
            per: config.rates.per,
            weights: config.rates.smoothing === 'local' ? hotspotWeights : undefined,
          });
          // The minimum-population rule still holds: no rate where hardly anyone lives.
          return eb.estimate.map((v, i) =>
            population[i] >= config.rates.minPopulation ? v : Number.NaN,
          );
        });
  if (config.statistics.includes('kde') && run.inputs.incidents.aggregated !== undefined) {
    run.notes.push(
      "The kernel density is computed from the cell aggregates, each cell's count at its centre: an approximation of the KDE of the incident points, which were not given.",
    );
  }
  const kde = config.statistics.includes('kde')
    ? timed('kde', () => {
        const bandwidthMeters = config.kde.bandwidthMeters;
        // The exact estimate from the incidents counted; a public run keeps to the cell counts,
        // which is all a public statistic may be computed from.
        const source = config.privacy.public
          ? binned.count
          : countedPoints(run.inputs.incidents, binned.cellOfIncident, run.counting.weights);
        const density = kernelDensity(grid, source, { bandwidthMeters });
        const ratio =
          population === undefined
            ? undefined
            : kernelDensityRatio(grid, source, population, { bandwidthMeters }).ratio.map(
                (v) => v * config.rates.per,
              );
        return { density, ratio };
      })
    : undefined;
  return { rate, smoothedRate, kde };
}
