import type { HexreachConfig } from '../../config/configSchema.js';
import type { BinnedIncidents } from '../../hex/pointsToCells.js';
import { benjaminiHochberg } from '../../stats/benjaminiHochberg.js';
import { type GiStarResult, giStar } from '../../stats/giStar.js';
import { giStarOnCells } from '../../stats/giStarOnCells.js';
import { incrementalKRingAutocorrelation } from '../../stats/incrementalKRingAutocorrelation.js';
import { type LocalMoranResult, localMoran } from '../../stats/localMoran.js';
import { type MoranGlobalResult, moranGlobal } from '../../stats/moranGlobal.js';
import { lookupTableFits, lookupTableWidth } from '../../stats/permutation/permutationTable.js';
import type { PermutationScheme } from '../../stats/permutation/resolvePermutationOptions.js';
import type { CellGrid, SpatialWeights } from '../../types.js';
import { distanceBandWeights } from '../../weights/distanceBandWeights.js';
import { kRingWeights } from '../../weights/kRingWeights.js';
import { withoutSelfRowStandardised } from '../../weights/withoutSelfRowStandardised.js';
import { withSelfIncluded } from '../../weights/withSelfIncluded.js';
import type { RunContext } from '../runContext.js';

/** The fewest cells for global and local Moran's I (spdep's moran.test needs 4 observations). */
export const MIN_MORAN_CELLS = 4;

/** The Gi* neighbourhood and how it was chosen. */
export interface HotspotScale {
  /** `fixed` k-ring, `auto` k-ring chosen by incremental spatial autocorrelation, or a `distance` band. */
  readonly method: 'fixed' | 'auto' | 'distance';
  /** The k-ring size (undefined for a distance band). */
  readonly k: number | undefined;
  /** The distance band in metres (undefined for k-rings). */
  readonly distanceMeters: number | undefined;
  /** With `auto`: global Moran's I z for k = 1 … maxK, the curve the choice was made on. */
  readonly z: readonly number[] | undefined;
}

/** What the hotspot stage gives: Gi*, global and local Moran's I, and the neighbourhood used. */
export interface HotspotPart {
  readonly hotspots: GiStarResult & { readonly pFdr: Float64Array };
  readonly moran: MoranGlobalResult | undefined;
  readonly lisa: LocalMoranResult | undefined;
  readonly hotspotScale: HotspotScale;
  /** The Gi* weights (binary, self included), which the smoothing and emerging steps reuse. */
  readonly hotspotWeights: SpatialWeights;
  /** The permutation scheme Gi* and Local Moran ran with (see `permutationSchemeFor`). */
  readonly permutationScheme: PermutationScheme;
}

/**
 * Gi* on the weighted counts (on all cells, or on the populated ones with `hotspots.mask`),
 * then global and local Moran's I on the same neighbourhood without self, row-standardised.
 *
 * @example
 * ```ts
 * const { hotspots, lisa } = hotspotStage(run, grid, binned, population, contiguity);
 * hotspots.bin; // −3 … 3 per cell
 * ```
 */
export function hotspotStage(
  run: RunContext,
  grid: CellGrid,
  binned: BinnedIncidents,
  population: Float64Array | undefined,
  contiguity: SpatialWeights,
): HotspotPart {
  const { config, timed, notes } = run;
  // k = 1 is the edge neighbours the cells stage found, with each cell its own neighbour.
  const ring = (k: number) => (k === 1 ? withSelfIncluded(contiguity) : kRingWeights(grid, { k }));
  const scale = timed('weights', () =>
    hotspotScale(grid, binned.count, config.hotspots, notes, ring),
  );
  const hotspotWeights = scale.weights;
  const scheme = permutationSchemeFor(config.hotspots, hotspotWeights, notes);
  const permutation = {
    permutations: config.hotspots.permutations,
    seed: config.seed,
    scheme,
    runner: run.options.permutationRunner,
  };
  // Each scheme defaults to its reference's p: esda's p_sim, or spdep's Pr(z != E(Ii)) Sim.
  const defaultPValue = scheme === 'spdep' ? 'spdep' : 'esda';
  const hotspots = timed('hotspots', () => {
    const options = {
      fdr: config.hotspots.fdr,
      ...permutation,
      pValue: config.hotspots.pValue ?? defaultPValue,
    };
    const gi =
      config.hotspots.mask === 'populated'
        ? giStarOnCells(
            binned.count,
            hotspotWeights,
            Uint8Array.from(binned.incidents, (count, i) =>
              count > 0 || (population !== undefined && population[i] > 0) ? 1 : 0,
            ),
            options,
          )
        : giStar(binned.count, hotspotWeights, options);
    // gi_p_fdr is an output column whether or not the bins are FDR-corrected.
    return { ...gi, pFdr: gi.pFdr ?? benjaminiHochberg(gi.p) };
  });
  const moranWeights = timed('moranWeights', () => withoutSelfRowStandardised(hotspotWeights));
  // Moran's I needs 4 cells (spdep's moran.test refuses fewer), and a neighbourhood can link no
  // cell to another (a distance band shorter than the cell spacing).
  const tooFewForMoran = grid.cells.length < MIN_MORAN_CELLS;
  if (tooFewForMoran) {
    notes.push(
      `${config.statistics.includes('lisa') ? "Global Moran's I and the LISA clusters were left out" : "Global Moran's I was left out"}: the study area covers ${grid.cells.length} cells, and Moran's I needs at least ${MIN_MORAN_CELLS}.`,
    );
  }
  const moran =
    !tooFewForMoran && moranWeights.offsets[moranWeights.n] > 0
      ? timed('moran', () => moranGlobal(binned.count, moranWeights))
      : undefined;
  if (moran === undefined && !tooFewForMoran)
    notes.push("Global Moran's I is undefined: the neighbourhood links no cell to another.");
  const lisa =
    config.statistics.includes('lisa') && !tooFewForMoran
      ? timed('lisa', () =>
          localMoran(binned.count, moranWeights, {
            moments: config.lisa.moments,
            alpha: config.lisa.alpha,
            fdr: config.hotspots.fdr,
            ...permutation,
            pValue: config.lisa.pValue ?? defaultPValue,
          }),
        )
      : undefined;
  const { weights: _, ...chosen } = scale;
  return { hotspots, moran, lisa, hotspotScale: chosen, hotspotWeights, permutationScheme: scheme };
}

/**
 * The configured permutation scheme, or `conditional` where the `lookup-table` table of these
 * weights would be too large (the same draws' distribution from a stream per cell), with a note.
 * Local Moran's weights are Gi*'s without self links, so one check covers both.
 *
 * @param options - the `hotspots` settings (scheme and permutations)
 * @param weights - the Gi* weights
 * @param notes - the run's notes, which get one when the scheme falls back
 * @returns the scheme to run
 * @example
 * ```ts
 * permutationSchemeFor(config.hotspots, kRingWeights(grid, { k: 1 }), notes); // 'lookup-table'
 * ```
 */
export function permutationSchemeFor(
  options: HexreachConfig['hotspots'],
  weights: SpatialWeights,
  notes: string[],
): PermutationScheme {
  if (options.scheme !== 'lookup-table' || options.permutations === 0) return options.scheme;
  if (lookupTableFits(weights, options.permutations)) return 'lookup-table';
  notes.push(
    `The permutations used the conditional scheme: a lookup table of ${options.permutations.toLocaleString('en-US')} permutations × ${lookupTableWidth(weights)} cells would pass the 2²⁵ entries it may hold. Both draw each cell's neighbours the same way; the conditional scheme takes longer.`,
  );
  return 'conditional';
}

/** The Gi* weights: binary, self included, on k-rings (fixed or chosen) or a distance band. */
function hotspotScale(
  grid: CellGrid,
  values: Float64Array,
  options: HexreachConfig['hotspots'],
  notes: string[],
  ring: (k: number) => SpatialWeights,
): HotspotScale & { weights: SpatialWeights } {
  if (options.distanceMeters !== undefined) {
    const weights = distanceBandWeights(grid, {
      thresholdMeters: options.distanceMeters,
      selfIncluded: true,
    });
    return {
      method: 'distance',
      k: undefined,
      distanceMeters: options.distanceMeters,
      z: undefined,
      weights,
    };
  }
  if (options.scale === 'auto' && grid.cells.length < MIN_MORAN_CELLS) {
    notes.push(
      `The Gi* neighbourhood is k = ${options.k}, not chosen by incremental spatial autocorrelation: the study area covers ${grid.cells.length} cells, and Moran's I needs at least ${MIN_MORAN_CELLS}.`,
    );
  } else if (options.scale === 'auto') {
    const isa = incrementalKRingAutocorrelation(grid, values, { maxK: options.maxK });
    return {
      method: 'auto',
      k: isa.chosenK,
      distanceMeters: undefined,
      z: Array.from(isa.z),
      weights: ring(isa.chosenK),
    };
  }
  return {
    method: 'fixed',
    k: options.k,
    distanceMeters: undefined,
    z: undefined,
    weights: ring(options.k),
  };
}
