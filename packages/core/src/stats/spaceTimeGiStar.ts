import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { benjaminiHochberg } from './benjaminiHochberg.js';
import { twoSidedP } from './normal.js';
import { assertWeights } from './permutation/assertWeights.js';
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
 * two-sided; the FDR adjustment is made within each step. The z-scores are `giStar`'s on
 * `spaceTimeWeights(spatial, T)` to the bit, summed over the cells' rows step by step instead of
 * over n·T built rows.
 *
 * @param cube - step-major values and the number of steps (e.g. the result of `spaceTimeBins`)
 * @param spatial - spatial weights over the n cells
 * @param options - `timeSteps` (default 1)
 * @returns z, p and per-step FDR-adjusted p for every bin
 * @throws HexreachError `E_ARGUMENT` if `counts` does not hold n·T values (at least 2), a value
 *   is not finite, or the weights or `timeSteps` are invalid (see `spaceTimeWeights`; a
 *   neighbour listed twice in a row is refused, as `giStar` refuses it)
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
  assertArgument(
    n * steps >= 2,
    'spaceTimeGiStar',
    `Gi* needs at least 2 bins, got ${n * steps}`,
    n * steps,
  );
  // Each cell's row with itself, sorted: what every step of the space-time weights repeats.
  const rows = spaceTimeWeights(spatial, 1, { timeSteps: options.timeSteps });
  assertWeights(rows, 'spaceTimeGiStar');
  const z = spaceTimeZ(counts, rows, steps, options.timeSteps ?? 1);
  const p = twoSidedPs(z);
  const pFdr = new Float64Array(n * steps);
  for (let t = 0; t < steps; t++)
    pFdr.set(benjaminiHochberg(p.subarray(t * n, (t + 1) * n)), t * n);
  return { cells: n, steps, z, p, pFdr };
}

/**
 * Gi* z of every bin, as `giStar(counts, spaceTimeWeights(spatial, steps, { timeSteps }))` gives
 * it to the bit: the same lag, the moments over the cube, giStar's expressions in its order.
 */
function spaceTimeZ(
  counts: ArrayLike<number>,
  rows: SpatialWeights,
  steps: number,
  timeSteps: number,
): Float64Array {
  const { n, offsets } = rows;
  const bins = n * steps;
  const { mean, variancePopulation } = cubeMoments(counts, bins);
  const z = spaceTimeLags(counts, rows, steps, timeSteps);
  for (let t = 0; t < steps; t++) {
    const span = t - Math.max(0, t - timeSteps) + 1;
    for (let c = 0; c < n; c++) {
      // Every link weighs 1: W = Σw = Σw² = the number of links, exactly.
      const links = span * (offsets[c + 1] - offsets[c]);
      // m·S1 − W², zero below the rounding of its sums, as giStar decides it.
      let spread = bins * links - links * links;
      if (spread <= 8 * links * Number.EPSILON * bins * links) spread = 0;
      const eg = links * mean; // Ord & Getis 1995: E[G*_i] = W_i·x̄ (spdep localG)
      const vg = variancePopulation * (spread / (bins - 1)); // Ord & Getis 1995: Var[G*_i]
      const b = t * n + c;
      z[b] = vg > 0 ? (z[b] - eg) / Math.sqrt(vg) : Number.NaN;
    }
  }
  return z;
}

/**
 * The lag Σ_j w_ij·x_j of every bin over the space-time weights, with giStar's additions in its
 * order: step by step, then by neighbour ascending. Each non-zero value is added to the bins
 * whose neighbourhood holds it, sources taken in that same order; a zero, which leaves a sum as
 * it is, is skipped (most bins of a fine grid are empty).
 */
function spaceTimeLags(
  counts: ArrayLike<number>,
  rows: SpatialWeights,
  steps: number,
  timeSteps: number,
): Float64Array {
  const n = rows.n;
  const { offsets: inOffsets, neighbors: inRows } = transposeRows(rows);
  const lag = new Float64Array(n * steps);
  for (let s = 0; s < steps; s++) {
    const last = Math.min(steps - 1, s + timeSteps);
    for (let j = 0; j < n; j++) {
      const value = counts[s * n + j];
      if (value === 0) continue;
      const start = inOffsets[j];
      const end = inOffsets[j + 1];
      for (let t = s; t <= last; t++) {
        const base = t * n;
        for (let l = start; l < end; l++) lag[base + inRows[l]] += value;
      }
    }
  }
  return lag;
}

/** For each cell j, the cells whose rows list j (ascending): the rows' transpose. */
function transposeRows(rows: SpatialWeights): { offsets: Uint32Array; neighbors: Uint32Array } {
  const { n, offsets, neighbors } = rows;
  const links = offsets[n];
  const inOffsets = new Uint32Array(n + 1);
  for (let l = 0; l < links; l++) inOffsets[neighbors[l] + 1]++;
  for (let j = 0; j < n; j++) inOffsets[j + 1] += inOffsets[j];
  const fill = inOffsets.slice(0, n);
  const inRows = new Uint32Array(links);
  for (let c = 0; c < n; c++)
    for (let l = offsets[c]; l < offsets[c + 1]; l++) inRows[fill[neighbors[l]]++] = c;
  return { offsets: inOffsets, neighbors: inRows };
}

/** twoSidedP of every z; a run of equal z-scores (empty neighbourhoods) reuses the last p. */
function twoSidedPs(z: Float64Array): Float64Array {
  const p = new Float64Array(z.length);
  let lastZ = Number.NaN;
  let lastP = Number.NaN;
  for (let b = 0; b < z.length; b++) {
    const zb = z[b];
    if (zb !== lastZ) {
      lastZ = zb;
      lastP = twoSidedP(zb);
    }
    p[b] = lastP;
  }
  return p;
}

/**
 * The mean and population variance of the cube as `giStar` measures its values (a second pass
 * refining the mean, as R's mean() does; variance 0 exactly when every value is equal).
 */
function cubeMoments(
  counts: ArrayLike<number>,
  bins: number,
): { mean: number; variancePopulation: number } {
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let b = 0; b < bins; b++) {
    const v = counts[b];
    if (!Number.isFinite(v)) {
      assertArgument(false, 'spaceTimeGiStar', `counts[${b}] = ${v} is not a finite number`, {
        index: b,
        value: v,
      });
    }
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const first = sum / bins;
  let residual = 0;
  let squaresAboutFirst = 0;
  for (let b = 0; b < bins; b++) {
    const d = counts[b] - first;
    residual += d;
    squaresAboutFirst += d * d;
  }
  const mean = first + residual / bins;
  // Σ(x − x̄)² = Σ(x − m)² − (Σ(x − m))²/n for the first estimate m.
  const squares = Math.max(0, squaresAboutFirst - (residual * residual) / bins);
  return { mean, variancePopulation: min === max ? 0 : squares / bins };
}
