import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { benjaminiHochberg } from './benjaminiHochberg.js';
import { giStar } from './giStar.js';
import { spaceTimeWeights } from './spaceTimeWeights.js';

/** A space-time cube: one value per bin, step-major (bin `t·n + c` is cell `c` in step `t`). */
export interface SpaceTimeCube {
  /** Values (e.g. incident counts) per bin, step-major; length n·T. */
  readonly counts: ArrayLike<number>;
  /** Number of time steps T. */
  readonly steps: number;
}

/** Options of {@link spaceTimeGiStar}. */
export interface SpaceTimeGiStarOptions {
  /** Earlier steps in a bin's neighbourhood (ArcGIS Neighborhood Time Step). Default 1. */
  readonly timeSteps?: number;
}

/** Gi* of every bin of a space-time cube; all arrays step-major, length n·T. */
export interface SpaceTimeGiStarResult {
  /** Number of cells n. */
  readonly cells: number;
  /** Number of time steps T. */
  readonly steps: number;
  /** Gi* z-score of each bin (see `giStar`); NaN where the variance is 0. */
  readonly z: Float64Array;
  /** Two-sided normal p-value of each bin; NaN with z. */
  readonly p: Float64Array;
  /**
   * Benjamini–Hochberg adjusted p within each step (FDR per time slice): step `t`'s n p-values
   * form one family, as R's `p.adjust(p[step t], "BH")`.
   */
  readonly pFdr: Float64Array;
}

/**
 * The space-time Getis–Ord Gi* of every bin of a cube, as ArcGIS's Emerging Hot Spot Analysis
 * computes it: one Gi* over all n·T bins together (the mean and variance are those of the whole
 * cube), each bin's neighbourhood being its cell and spatial neighbours in the same step and in
 * the `timeSteps` previous steps (`spaceTimeWeights`, binary, self included). p-values are
 * two-sided; the FDR adjustment is made within each step.
 *
 * @param cube - step-major values and the number of steps (e.g. the result of `spaceTimeBins`)
 * @param spatial - spatial weights over the n cells
 * @param options - `timeSteps` (default 1)
 * @returns z, p and per-step FDR-adjusted p for every bin
 * @throws HexreachError `E_ARGUMENT` if `counts` does not hold n·T values, a value is not
 *   finite, or the weights or `timeSteps` are invalid (see `spaceTimeWeights`, `giStar`)
 * @example
 * ```ts
 * const cube = spaceTimeBins(incidents.time, binned.cellOfIncident, grid.cells.length);
 * const gi = spaceTimeGiStar(cube, kRingWeights(grid));
 * gi.z.subarray(5 * gi.cells, 6 * gi.cells); // the z-score map of step 5
 * ```
 */
export function spaceTimeGiStar(
  cube: SpaceTimeCube,
  spatial: SpatialWeights,
  options: SpaceTimeGiStarOptions = {},
): SpaceTimeGiStarResult {
  const { counts, steps } = cube;
  const n = spatial.n;
  assertArgument(
    Number.isInteger(steps) && steps >= 1,
    'spaceTimeGiStar',
    `cube.steps must be an integer >= 1, got ${steps}`,
    steps,
  );
  assertArgument(
    counts.length === n * steps,
    'spaceTimeGiStar',
    `cube.counts has ${counts.length} values, not cells × steps = ${n} × ${steps}`,
    counts.length,
  );
  const weights = spaceTimeWeights(spatial, steps, { timeSteps: options.timeSteps });
  const { z, p } = giStar(counts, weights);
  const pFdr = new Float64Array(n * steps);
  for (let t = 0; t < steps; t++)
    pFdr.set(benjaminiHochberg(p.subarray(t * n, (t + 1) * n)), t * n);
  return { cells: n, steps, z, p, pFdr };
}
