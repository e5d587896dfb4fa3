import type { SpatialWeights } from '../../types.js';
import { benjaminiHochberg } from '../benjaminiHochberg.js';
import { type PermutationOutput, permuteCellRange } from './permuteCellRange.js';
import { type PermutationEngineOptions, preparePermutation } from './preparePermutation.js';

/**
 * Permutation inference for a local statistic, one entry per observation. The statistic s is
 * G_i (on `giStar`'s G scale) or I_i (`localMoran`); see {@link conditionalPermutation}.
 */
export interface PermutationResult {
  /**
   * Pseudo p-value over R permutations, the one `pValue` names (`permutationPValue`); by default
   * (M + 1)/(R + 1) with M esda's folded count #{r : |s_r − s̄| ≥ |s − s̄|} (see
   * `PermutationAlternative`). Never below 1/(R + 1). NaN where there is nothing to permute (no neighbours other than the cell, all
   * permutations equal, or no statistic).
   */
  readonly pSim: Float64Array;
  /** (s − s̄)/sdSim: the observed statistic standardised by the permutation moments; NaN with pSim. */
  readonly zSim: Float64Array;
  /** s̄, the mean statistic over the permutations (esda `EG_sim`/`EI_sim`); NaN where undefined. */
  readonly expectedSim: Float64Array;
  /** Standard deviation of the permuted statistics, population form √(Σ(s_r − s̄)²/R) (esda `seG_sim`). */
  readonly sdSim: Float64Array;
  /** Benjamini–Hochberg adjusted pSim (R `p.adjust(pSim, "BH")`) over the cells with a pSim. */
  readonly pSimFdr: Float64Array;
}

/**
 * Permutation inference for Gi* or Gi and for Local Moran's I in this thread: for each cell, R
 * permutations redraw its neighbours' values (conditional randomisation, Anselin 1995, §4;
 * esda `crand`; or spdep's scheme), recompute the statistic and rank the observed one among
 * them. See `PermutationScheme` for the two schemes and `PermutationAlternative` for the tail.
 *
 * Reproducible: the same inputs and seed give byte-identical output on any machine, and the same
 * as with `threadedPermutationRunner` (src/node) on any number of threads, since each cell draws from its
 * own mulberry32 stream seeded by the seed and its index (`cellStreamSeed`).
 *
 * @param values - one finite value per observation
 * @param weights - CSR weights (self links make Gi*, none Gi; none allowed for `localMoran`)
 * @param options - `statistic` (`gistar` | `localMoran`, required), `permutations` (default 999),
 *   `seed` (default 0), `scheme` (default `conditional`), `alternative` (default `two-sided`),
 *   `pValue` (default `folded`)
 * @returns pSim, zSim, expectedSim, sdSim and pSimFdr per observation
 * @throws HexreachError `E_ARGUMENT` for invalid options, weights or values (see
 *   `preparePermutation`)
 * @example
 * ```ts
 * const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { selfIncluded: true });
 * conditionalPermutation([1, 2, 8, 9], w, { statistic: 'gistar', seed: 7 }).pSim;
 * ```
 */
export function conditionalPermutation(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  options: PermutationEngineOptions,
): PermutationResult {
  const plan = preparePermutation(values, weights, options, 'conditionalPermutation');
  const output = emptyPermutationOutput(plan.n);
  if (options.runner === undefined) permuteCellRange(plan, 0, plan.n, output);
  else options.runner(plan, output);
  return { ...output, pSimFdr: benjaminiHochberg(output.pSim) };
}

/** Output arrays of length n, for `permuteCellRange` to fill. */
function emptyPermutationOutput(n: number): PermutationOutput {
  return {
    pSim: new Float64Array(n),
    zSim: new Float64Array(n),
    expectedSim: new Float64Array(n),
    sdSim: new Float64Array(n),
  };
}
