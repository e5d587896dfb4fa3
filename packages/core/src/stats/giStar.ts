import { assertArgument, HexreachError } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { benjaminiHochberg } from './benjaminiHochberg.js';
import { confidenceBin, confidenceBins } from './confidenceBins.js';
import { twoSidedP } from './normal.js';
import { assertWeights, assertWeightsShape } from './permutation/assertWeights.js';
import { conditionalPermutation } from './permutation/conditionalPermutation.js';
import {
  type PermutationOptions,
  resolvePermutationOptions,
} from './permutation/resolvePermutationOptions.js';

/** Options of {@link giStar}. */
export interface GiStarOptions extends PermutationOptions {
  /**
   * Apply the Benjamini–Hochberg false discovery rate correction: return `pFdr` and bin cells by
   * it. Default false: no `pFdr` (its sort costs more than the whole pass; `benjaminiHochberg(p)`
   * gives it later) and uncorrected bins.
   */
  readonly fdr?: boolean;
  /**
   * Permutations R for the pseudo p-value `pSim` (999 is customary). Default 0: none, and the
   * `*Sim` fields are absent. `seed` (default 0), `scheme` (default `conditional`, esda/GeoDa)
   * `alternative` (default `two-sided`) and `pValue` (default `folded`), for pSim only, as in
   * `conditionalPermutation`.
   */
  readonly permutations?: number;
}

/**
 * The local Getis–Ord statistic of every observation. All arrays have length n and are indexed
 * like the values. `G`, `expected` and `variance` are on the scale of G itself (spdep's
 * `localG(…, return_internals = TRUE)` internals), so that z = (G − expected)/√variance
 * wherever they are defined. p is two-sided; bin (and pFdr, with `fdr`) follow from z and p.
 */
export interface GiStarResult {
  /**
   * Standardised statistic z_i = (Σ_j w_ij x_j − E)/√V under randomisation. Positive: the
   * neighbourhood's values are higher than expected (hot spot); negative: lower (cold spot).
   * NaN where V is 0: a row without neighbours (Gi), constant values (over all cells for Gi*,
   * over the other cells for Gi), or a row that weighs every observation alike.
   */
  readonly z: Float64Array;
  /** Two-sided normal p-value 2·Φ(−|z|) (R: `2 * pnorm(-abs(z))`); NaN where z is NaN. */
  readonly p: Float64Array;
  /**
   * G_i = Σ_j w_ij x_j / Σ_j x_j with j over all observations (Gi*), or over j ≠ i (Gi).
   * NaN where that denominator is 0.
   */
  readonly G: Float64Array;
  /** E[G_i] under randomisation: W_i·x̄ (x̄ over j ≠ i for Gi), on G's scale; NaN with G. */
  readonly expected: Float64Array;
  /**
   * Var[G_i] under randomisation (Getis & Ord 1992; Ord & Getis 1995), on G's scale; 0 where z
   * is NaN for lack of variance, NaN with G.
   */
  readonly variance: Float64Array;
  /** Confidence bin −3…3 (ArcGIS `Gi_Bin`; see `confidenceBins`), FDR-corrected with `fdr`. */
  readonly bin: Int8Array;
  /**
   * With `fdr` only: Benjamini–Hochberg adjusted p (R `p.adjust(p, "BH")`) over the cells whose
   * p is not NaN.
   */
  readonly pFdr?: Float64Array;
  /**
   * With `permutations` > 0 only: the pseudo p-value `pValue` names, by default (M + 1)/(R + 1)
   * with esda's folded count M = #{r : |G_r − Ḡ| ≥ |G − Ḡ|} (see `permutationPValue`), from
   * conditional randomisation of the
   * neighbours' values (see `conditionalPermutation`); NaN where nothing can be permuted.
   */
  readonly pSim?: Float64Array;
  /** With permutations: (G − expectedSim)/sdSim, z from the permutation moments (esda `z_sim`). */
  readonly zSim?: Float64Array;
  /** With permutations: mean of the permuted G_i (esda `EG_sim`); NaN where G is. */
  readonly expectedSim?: Float64Array;
  /** With permutations: standard deviation of the permuted G_i, √(Σ(G_r − Ḡ)²/R) (esda `seG_sim`). */
  readonly sdSim?: Float64Array;
  /** With permutations: Benjamini–Hochberg adjusted pSim over the cells with a pSim. */
  readonly pSimFdr?: Float64Array;
}

/**
 * The local Getis–Ord statistic of every observation (Getis & Ord 1992, Geogr. Anal. 24:189–206;
 * Ord & Getis 1995, Geogr. Anal. 27:286–306), computed as R spdep's `localG`. With
 * `weights.selfIncluded` it is Gi* (each observation counts in its own neighbourhood); otherwise
 * Gi, whose mean and variance are those of the other n − 1 values.
 *
 * With W_i = Σ_j w_ij, S1_i = Σ_j w_ij², the Gi* moments are x̄ = Σx/n, s² = Σ(x − x̄)²/n,
 * E = W_i·x̄, V = s²·(n·S1_i − W_i²)/(n − 1); for Gi, x̄_i and s_i² leave out x_i and
 * V = s_i²·((n − 1)·S1_i − W_i²)/(n − 2). These hold for any weights, row-standardised included.
 * z is compared with the standard normal; the p-value is two-sided.
 *
 * With `permutations` > 0 the result also holds permutation inference (`pSim`, `zSim`,
 * `expectedSim`, `sdSim`, `pSimFdr`): each cell's neighbours' values are redrawn R times from the
 * other cells (x_i kept in its own slot under the default `conditional` scheme) and G_i ranked
 * among the redrawn statistics, reproducibly from `seed` (see `conditionalPermutation`).
 *
 * @param values - one finite value per observation (e.g. incident counts per cell)
 * @param weights - spatial weights over the same observations; self links decide Gi* or Gi
 * @param options - `fdr` (default false): pFdr and FDR-corrected confidence bins;
 *   `permutations` (default 0), `seed`, `scheme`, `alternative`: permutation inference
 * @returns z, p, G, expected, variance and bin per observation, pFdr with `fdr`, and with
 *   permutations pSim, zSim, expectedSim, sdSim and pSimFdr
 * @throws HexreachError `E_ARGUMENT` if the lengths differ, a value is not finite, the weights
 *   are malformed (offsets, indexes, non-finite weights, repeated links, self links not
 *   matching `selfIncluded`), there are fewer than 2 observations (3 for Gi), or a permutation
 *   option is invalid
 * @example
 * ```ts
 * const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { selfIncluded: true });
 * giStar([1, 2, 8, 9], w).z; // Float64Array [-1.7146…, -1.1314…, 1.1314…, 1.7146…]
 * giStar([1, 2, 8, 9], w, { fdr: true }).pFdr; // Benjamini–Hochberg adjusted p-values
 * giStar([1, 2, 8, 9], w, { permutations: 999, seed: 1 }).pSim; // pseudo p-values
 * ```
 */
export function giStar(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  options: GiStarOptions = {},
): GiStarResult {
  const fdr = options.fdr ?? false;
  assertArgument(
    typeof fdr === 'boolean',
    'giStar',
    `fdr must be a boolean, got ${String(fdr)}`,
    fdr,
  );
  const permutation = resolvePermutationOptions(options, 'giStar', 0);
  assertShape(values, weights);
  const moments = valueMoments(values, weights.n);
  const { z, G, expected, variance } = rowStatistics(values, weights, moments);
  const { p, bin } = pValuesAndBins(z);
  const result: GiStarResult = fdr
    ? {
        z,
        p,
        G,
        expected,
        variance,
        bin: confidenceBins(z, p, { fdr }),
        pFdr: benjaminiHochberg(p),
      }
    : { z, p, G, expected, variance, bin };
  if (permutation.permutations === 0) return result;
  const simulated = conditionalPermutation(values, weights, {
    statistic: 'gistar',
    ...permutation,
  });
  return { ...result, ...simulated };
}

function assertShape(values: ArrayLike<number>, weights: SpatialWeights): void {
  assertWeightsShape(weights, 'giStar');
  const { n, selfIncluded: star } = weights;
  assertArgument(
    values.length === n,
    'giStar',
    `values has ${values.length} entries but the weights cover ${n} observations`,
    values.length,
  );
  const minimum = star ? 2 : 3;
  assertArgument(
    n >= minimum,
    'giStar',
    `${star ? 'Gi*' : 'Gi'} needs at least ${minimum} observations, got ${n}`,
    n,
  );
}

/** What the moments of every row need to know about the values as a whole. */
interface ValueMoments {
  readonly sum: number;
  readonly mean: number;
  /** Σ(x − x̄)². */
  readonly squares: number;
  readonly min: number;
  readonly max: number;
  readonly countMin: number;
  readonly countMax: number;
  readonly allEqual: boolean;
  readonly variancePopulation: number;
}

/** Checks that every value is finite and measures them in two passes. */
function valueMoments(values: ArrayLike<number>, n: number): ValueMoments {
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      assertArgument(false, 'giStar', `values[${i}] = ${v} is not a finite number`, {
        index: i,
        value: v,
      });
    }
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A second pass refines the mean, as R's mean() does, and sums the squares about it:
  // Σ(x − x̄)² = Σ(x − m)² − (Σ(x − m))²/n for the first estimate m.
  const first = sum / n;
  let residual = 0;
  let squaresAboutFirst = 0;
  let countMin = 0;
  let countMax = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const d = v - first;
    residual += d;
    squaresAboutFirst += d * d;
    if (v === min) countMin++;
    if (v === max) countMax++;
  }
  const mean = first + residual / n;
  const squares = Math.max(0, squaresAboutFirst - (residual * residual) / n);
  // Constancy is decided exactly, so that rounding in Σ(x − x̄)² cannot pass for variance.
  const allEqual = min === max;
  const variancePopulation = allEqual ? 0 : squares / n; // spdep: sum(scale(x, scale = FALSE)^2)/n
  return { sum, mean, squares, min, max, countMin, countMax, allEqual, variancePopulation };
}

/** z, G and G's moments of every row, checking the links in the same pass. */
function rowStatistics(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  moments: ValueMoments,
): { z: Float64Array; G: Float64Array; expected: Float64Array; variance: Float64Array } {
  const { n, offsets, neighbors, selfIncluded: star } = weights;
  const linkWeight = weights.weights;
  const { sum, mean, squares, min, max, countMin, countMax, allEqual, variancePopulation } =
    moments;
  const z = new Float64Array(n);
  const G = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const m = star ? n : n - 1; // observations a row can reach
  const links = offsets[n];
  // The links are checked in this pass (assertWeights would cost a second one); on any defect
  // assertWeights names it. A row listed in ascending order (as every builder here writes them)
  // has no repeat; any other row is searched for one.
  let lastSeenIn: Uint32Array | undefined;
  for (let i = 0; i < n; i++) {
    let lag = 0;
    let rowSum = 0;
    let rowSquares = 0;
    const start = offsets[i];
    const end = offsets[i + 1];
    let hasSelf = false;
    let defect = !(end >= start && end <= links);
    let previous = -1;
    let ascending = true;
    for (let l = start; l < end; l++) {
      const j = neighbors[l];
      const w = linkWeight[l];
      if (!(j < n)) {
        defect = true;
        break;
      }
      if (j <= previous) ascending = false;
      previous = j;
      if (j === i) hasSelf = true;
      lag += w * values[j];
      rowSum += w;
      rowSquares += w * w;
    }
    if (!(defect || ascending)) {
      lastSeenIn ??= new Uint32Array(n);
      defect = hasRepeat(neighbors, start, end, lastSeenIn, i);
    }
    // A non-finite weight makes Σw² non-finite; so would weights beyond √(max double).
    if (defect || hasSelf !== star || !Number.isFinite(rowSquares)) rejectRow(weights, i);
    // m·S1 − W² ≥ (m − |row|)·S1 by Cauchy–Schwarz, so it vanishes only for an empty row or one
    // weighing all m observations alike; below the rounding of its sums it is that zero.
    let spread = m * rowSquares - rowSum * rowSum;
    if (spread <= 8 * (end - start) * Number.EPSILON * m * rowSquares) spread = 0;

    let eg: number;
    let vg: number;
    let denominator: number;
    if (star) {
      eg = rowSum * mean; // Ord & Getis 1995: E[G*_i] = W_i·x̄ (spdep localG)
      vg = variancePopulation * (spread / (n - 1)); // Ord & Getis 1995: Var[G*_i] (spdep localG)
      denominator = sum;
    } else {
      const xi = values[i];
      const meanOthers = (sum - xi) / (n - 1);
      const othersEqual =
        allEqual || (countMin === n - 1 && xi === max) || (countMax === n - 1 && xi === min);
      // Σ_{j≠i}(x_j − x̄_i)² = Σ(x − x̄)² − n/(n − 1)·(x_i − x̄)², without cancelling Σx² terms.
      const d = xi - mean;
      const othersSquares = squares - (d * d * n) / (n - 1);
      const varianceOthers = othersEqual ? 0 : Math.max(0, othersSquares) / (n - 1);
      eg = rowSum * meanOthers; // Getis & Ord 1992: E[G_i] = W_i·x̄_(i) (spdep localG)
      vg = varianceOthers * (spread / (n - 2)); // Ord & Getis 1995: Var[G_i], j ≠ i (spdep localG)
      denominator = sum - xi;
    }
    z[i] = vg > 0 ? (lag - eg) / Math.sqrt(vg) : Number.NaN;
    if (denominator === 0) {
      G[i] = Number.NaN;
      expected[i] = Number.NaN;
      variance[i] = Number.NaN;
    } else {
      G[i] = lag / denominator;
      expected[i] = eg / denominator;
      variance[i] = vg / (denominator * denominator);
    }
  }
  return { z, G, expected, variance };
}

/** Whether row `row` (links start…end) lists a neighbour twice; stamps seen[j] = row + 1. */
function hasRepeat(
  neighbors: Uint32Array,
  start: number,
  end: number,
  seen: Uint32Array,
  row: number,
): boolean {
  for (let l = start; l < end; l++) {
    const j = neighbors[l];
    if (seen[j] === row + 1) return true;
    seen[j] = row + 1;
  }
  return false;
}

/** Throws the message assertWeights gives for a defect found in row `row` of the pass. */
function rejectRow(weights: SpatialWeights, row: number): never {
  assertWeights(weights, 'giStar');
  const message = `row ${row} has weights too large to square (Σw² is not finite)`;
  throw new HexreachError('E_ARGUMENT', `giStar: ${message}`, row);
}

/** Two-sided p and the uncorrected bin of every z, in a loop small enough to inline twoSidedP. */
function pValuesAndBins(z: Float64Array): { p: Float64Array; bin: Int8Array } {
  const n = z.length;
  const p = new Float64Array(n);
  const bin = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const zi = z[i];
    const pi = twoSidedP(zi);
    p[i] = pi;
    bin[i] = confidenceBin(zi, pi);
  }
  return { p, bin };
}
