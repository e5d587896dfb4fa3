import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { benjaminiHochberg } from './benjaminiHochberg.js';
import { confidenceBins } from './confidenceBins.js';
import { twoSidedP } from './normal.js';

/** Options of {@link giStar}. */
export interface GiStarOptions {
  /** Bin cells with the Benjamini–Hochberg false discovery rate correction. Default false. */
  readonly fdr?: boolean;
}

/**
 * The local Getis–Ord statistic of every observation. All arrays have length n and are indexed
 * like the values. `G`, `expected` and `variance` are on the scale of G itself (spdep's
 * `localG(…, return_internals = TRUE)` internals), so that z = (G − expected)/√variance
 * wherever they are defined. p is two-sided; pFdr and bin follow from z and p.
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
  /** Benjamini–Hochberg adjusted p (R `p.adjust(p, "BH")`) over the cells whose p is not NaN. */
  readonly pFdr: Float64Array;
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
 * @param values - one finite value per observation (e.g. incident counts per cell)
 * @param weights - spatial weights over the same observations; self links decide Gi* or Gi
 * @param options - `fdr` (default false): FDR-corrected confidence bins
 * @returns z, p, G, expected, variance, bin and pFdr per observation
 * @throws HexreachError `E_ARGUMENT` if the lengths differ, a value is not finite, the weights
 *   are malformed (offsets, indexes, non-finite weights, self links not matching
 *   `selfIncluded`), or there are fewer than 2 observations (3 for Gi)
 * @example
 * ```ts
 * const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { selfIncluded: true });
 * giStar([1, 2, 8, 9], w).z; // Float64Array [-1.7146…, -1.1314…, 1.1314…, 1.7146…]
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
  assertWeights(weights);
  const { n, offsets, neighbors, selfIncluded: star } = weights;
  const linkWeight = weights.weights;
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

  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    assertArgument(Number.isFinite(v), 'giStar', `values[${i}] = ${v} is not a finite number`, {
      index: i,
      value: v,
    });
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A second pass refines the mean, as R's mean() does.
  let mean = sum / n;
  let residual = 0;
  let countMin = 0;
  let countMax = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    residual += v - mean;
    if (v === min) countMin++;
    if (v === max) countMax++;
  }
  mean += residual / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares += d * d;
  }
  // Constancy is decided exactly, so that rounding in Σ(x − x̄)² cannot pass for variance.
  const allEqual = min === max;
  const variancePopulation = allEqual ? 0 : squares / n; // spdep: sum(scale(x, scale = FALSE)^2)/n

  const z = new Float64Array(n);
  const G = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const m = star ? n : n - 1; // observations a row can reach
  for (let i = 0; i < n; i++) {
    let lag = 0;
    let rowSum = 0;
    let rowSquares = 0;
    const start = offsets[i];
    const end = offsets[i + 1];
    for (let l = start; l < end; l++) {
      const w = linkWeight[l];
      lag += w * values[neighbors[l]];
      rowSum += w;
      rowSquares += w * w;
    }
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

  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = twoSidedP(z[i]);
  return {
    z,
    p,
    G,
    expected,
    variance,
    bin: confidenceBins(z, p, { fdr }),
    pFdr: benjaminiHochberg(p),
  };
}

/** Throws `E_ARGUMENT` unless `weights` is a well-formed CSR structure over `weights.n` rows. */
function assertWeights(weights: SpatialWeights): void {
  const fn = 'giStar';
  assertArgument(
    typeof weights === 'object' && weights !== null,
    fn,
    'weights must be a SpatialWeights object',
    weights,
  );
  const { n, offsets, neighbors, selfIncluded } = weights;
  const linkWeight = weights.weights;
  assertArgument(
    Number.isInteger(n) && n >= 0,
    fn,
    `weights.n must be an integer >= 0, got ${n}`,
    n,
  );
  assertArgument(
    offsets?.length === n + 1 && offsets[0] === 0,
    fn,
    `weights.offsets must have n + 1 = ${n + 1} entries starting at 0`,
    offsets?.length,
  );
  const links = offsets[n];
  assertArgument(
    neighbors?.length === links && linkWeight?.length === links,
    fn,
    `weights.neighbors and weights.weights must both have offsets[n] = ${links} entries`,
    links,
  );
  assertArgument(
    typeof selfIncluded === 'boolean',
    fn,
    'weights.selfIncluded must be a boolean',
    selfIncluded,
  );
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    assertArgument(
      end >= start && end <= links,
      fn,
      `weights.offsets must rise from 0 to ${links}; row ${i} spans ${start}…${end}`,
      i,
    );
    let hasSelf = false;
    for (let l = start; l < end; l++) {
      const j = neighbors[l];
      assertArgument(j < n, fn, `row ${i} links to ${j}, not an index below ${n}`, {
        row: i,
        value: j,
      });
      assertArgument(
        Number.isFinite(linkWeight[l]),
        fn,
        `row ${i} has the non-finite weight ${linkWeight[l]}`,
        { row: i, value: linkWeight[l] },
      );
      if (j === i) hasSelf = true;
    }
    assertArgument(
      hasSelf === selfIncluded,
      fn,
      selfIncluded
        ? `row ${i} lacks its self link although weights.selfIncluded is true`
        : `row ${i} links to itself although weights.selfIncluded is false`,
      i,
    );
  }
}
