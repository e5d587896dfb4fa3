import type { BinnedIncidents } from '../hex/pointsToCells.js';
import { scoringComponents } from '../priority/scoringComponents.js';
import type { AnalysisBase } from './analysisResult.js';
import { countingNote } from './countingRule.js';
import type { RunContext } from './runContext.js';
import { binningStage } from './stages/binningStage.js';
import { cellsStage } from './stages/cellsStage.js';
import { changeStage } from './stages/changeStage.js';
import { classStage } from './stages/classStage.js';
import { concentrationStage } from './stages/concentrationStage.js';
import { emergingStage } from './stages/emergingStage.js';
import { hotspotStage } from './stages/hotspotStage.js';
import { interpolationStage } from './stages/interpolationStage.js';
import { needStage } from './stages/needStage.js';
import { noiseStage } from './stages/noiseStage.js';
import { partnerStage } from './stages/partnerStage.js';
import { placeStage } from './stages/placeStage.js';
import { populationStage } from './stages/populationStage.js';
import { rateStage } from './stages/rateStage.js';
import { type TemporalCoverage, temporalStage } from './stages/temporalStage.js';
import { trustStage } from './stages/trustStage.js';

/**
 * Every stage of an analysis before the priority weights come in, in order: cells, binning,
 * time coverage, interpolation, hot spots, rates, need, trust, partners, the scoring components,
 * classes, emerging hot spots, change and concentration. Each stage is a function of the run and
 * of what earlier stages made; the notes they add are kept in this order.
 *
 * @example
 * ```ts
 * const base = analyzeBase(startRun(inputs, parseConfig({ resolution: 8 })));
 * base.hotspots.z;
 * ```
 */
export function analyzeBase(run: RunContext): AnalysisBase {
  const { config } = run;
  const counted = countingNote(run.counting);
  if (counted !== undefined) run.notes.push(counted);
  const { populationAttribute } = populationStage(run);
  const { grid, contiguity, areaKm2 } = cellsStage(run);
  const binning = binningStage(run, grid);
  const { temporal } = temporalStage(run, binning.binned);
  // A public run computes everything from here on from noisy counts only.
  const { binned, noisy } = config.privacy.public
    ? publicCounts(run, binning.binned, temporal)
    : { binned: binning.binned, noisy: undefined };
  const { interpolated, population } = interpolationStage(run, grid, populationAttribute);
  const hot = hotspotStage(run, grid, binned, population, contiguity);
  const rates = rateStage(run, grid, binned, population, hot.hotspotWeights);
  const need = needStage(run, interpolated, populationAttribute, population);
  const { trust } = trustStage(run, grid, interpolated.interpolator, populationAttribute);
  const { partners } = partnerStage(run, grid);
  const { places } = placeStage(run, grid);
  const components = run.timed('components', () =>
    scoringComponents(
      { populationAttribute, ...rates, hotspots: hot.hotspots, ...need, trust, partners },
      config,
    ),
  );
  const classes = classStage(run, hot.hotspots, need.vulnerability, partners);
  const { emerging } = emergingStage(run, binned, hot.hotspotWeights, temporal, noisy);
  const { change } = changeStage(run, grid, temporal, noisy);
  const { concentration } = concentrationStage(run, binned.incidents);
  return {
    inputs: run.inputs,
    grid,
    contiguity,
    populationAttribute,
    binned,
    noisy,
    counting: run.counting,
    attributes: interpolated.columns,
    coverage: interpolated.coverage,
    areaKm2,
    rate: rates.rate,
    hotspots: hot.hotspots,
    moran: hot.moran,
    lisa: hot.lisa,
    hotspotScale: hot.hotspotScale,
    permutationScheme: hot.permutationScheme,
    smoothedRate: rates.smoothedRate,
    kde: rates.kde,
    ...need,
    trust,
    partners,
    places,
    components,
    ...classes,
    temporal,
    emerging,
    change,
    concentration,
    baseNotes: run.notes,
  };
}

/** The noise stage of a public run, over the configured window's steps. */
function publicCounts(
  run: RunContext,
  binned: BinnedIncidents,
  temporal: TemporalCoverage | undefined,
) {
  const { binned: noisyBinned, counts } = noiseStage(
    run,
    binned,
    temporal?.coverage,
    run.options.truthAfterNoise,
  );
  return { binned: noisyBinned, noisy: counts };
}
