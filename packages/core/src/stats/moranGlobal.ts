import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { normalCdf, twoSidedP } from './normal.js';
import { assertWeights } from './permutation/assertWeights.js';
import { centredValues } from './permutation/centredValues.js';

/** Options of {@link moranGlobal}. */
export interface MoranGlobalOptions {
  /**
   * The null distribution of the variance: `randomisation` (default, spdep `moran.test`'s
   * default): the values are a random permutation of the observed ones; `normality`: the values
   * are independent draws from a normal distribution.
   */
  readonly assumption?: 'randomisation' | 'normality';
  /**
   * Tail of `p`: `two-sided` (default) 2·Φ(−|z|); `greater` (positive autocorrelation,
   * spdep's default) 1 − Φ(z); `less` Φ(z).
   */
  readonly alternative?: 'two-sided' | 'greater' | 'less';
}

/** Global Moran's I with its moments under the chosen assumption. */
export interface MoranGlobalResult {
  /** I = (n/S₀)·Σ_i Σ_j w_ij z_i z_j / Σ_i z_i² with z = x − x̄; NaN when all values are equal. */
  readonly I: number;
  /** E[I] = −1/(n − 1). */
  readonly expected: number;
  /** Var[I] under `assumption` (Cliff & Ord 1981); NaN when all values are equal under randomisation. */
  readonly variance: number;
  /** (I − E[I])/√Var[I]; NaN where the variance is not positive. */
  readonly z: number;
  /** p-value of z on the tail `alternative` names (two-sided unless asked otherwise). */
  readonly p: number;
  /** The tail `p` covers. */
  readonly alternative: 'two-sided' | 'greater' | 'less';
  /** S₀ = Σ_i Σ_j w_ij, the sum of all weights. */
  readonly S0: number;
}

/**
 * Global Moran's I (Moran 1950; moments of Cliff & Ord 1981, Spatial Processes, ch. 1), computed
 * as R spdep's `moran.test`. With z = x − x̄, S₀ = ΣΣ w_ij, S₁ = ½ΣΣ (w_ij + w_ji)²,
 * S₂ = Σ_i (w_i· + w_·i)² and E = −1/(n − 1):
 * - normality: Var = (n²S₁ − nS₂ + 3S₀²)/(S₀²(n² − 1)) − E²;
 * - randomisation: with K = n·Σz⁴/(Σz²)²,
 *   Var = [n((n² − 3n + 3)S₁ − nS₂ + 3S₀²) − K(n(n − 1)S₁ − 2nS₂ + 6S₀²)]
 *   / ((n − 1)(n − 2)(n − 3)S₀²) − E².
 * Asymmetric weights (row-standardised) are handled through S₁ and S₂ as spdep does. z is
 * compared with the standard normal; p is two-sided unless `alternative` says otherwise.
 *
 * @param values - one finite value per observation
 * @param weights - spatial weights over the same observations (self links allowed)
 * @param options - `assumption` (default `randomisation`), `alternative` (default `two-sided`)
 * @returns I, expected, variance, z, p, the tail of p and S₀
 * @throws HexreachError `E_ARGUMENT` if the lengths differ, a value is not finite, the weights
 *   are malformed or sum to 0, there are fewer than 4 observations, or an option is unknown
 * @example
 * ```ts
 * const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { style: 'row' });
 * moranGlobal([1, 2, 8, 9], w).I; // 0.54
 * ```
 */
export function moranGlobal(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  options: MoranGlobalOptions = {},
): MoranGlobalResult {
  const fn = 'moranGlobal';
  const assumption = options.assumption ?? 'randomisation';
  const alternative = options.alternative ?? 'two-sided';
  assertArgument(
    assumption === 'randomisation' || assumption === 'normality',
    fn,
    `assumption must be 'randomisation' or 'normality', got ${String(assumption)}`,
    assumption,
  );
  assertArgument(
    alternative === 'two-sided' || alternative === 'greater' || alternative === 'less',
    fn,
    `alternative must be 'two-sided', 'greater' or 'less', got ${String(alternative)}`,
    alternative,
  );
  assertWeights(weights, fn);
  const { n, offsets, neighbors } = weights;
  const linkWeight = weights.weights;
  assertArgument(
    values?.length === n,
    fn,
    `values has ${values?.length} entries but the weights cover ${n} observations`,
    values?.length,
  );
  assertArgument(n >= 4, fn, `needs at least 4 observations, got ${n}`, n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      assertArgument(false, fn, `values[${i}] = ${v} is not a finite number`, {
        index: i,
        value: v,
      });
    }
  }

  const z = centredValues(values);
  let cross = 0;
  let squares = 0;
  let fourths = 0;
  for (let i = 0; i < n; i++) {
    let lag = 0;
    for (let l = offsets[i]; l < offsets[i + 1]; l++) lag += linkWeight[l] * z[neighbors[l]];
    cross += z[i] * lag;
    const d2 = z[i] * z[i];
    squares += d2;
    fourths += d2 * d2;
  }
  const { S0, S1, S2 } = weightSums(weights);
  assertArgument(S0 !== 0, fn, 'the weights sum to 0, so I is undefined', S0);

  const I = (n / S0) * (cross / squares); // Moran 1950; spdep moran(): (n/S0)·Σz·lz/Σz²
  const expected = -1 / (n - 1);
  const S02 = S0 * S0;
  let variance: number;
  if (assumption === 'normality') {
    // Cliff & Ord 1981 (spdep moran.test, randomisation = FALSE)
    variance = (n * n * S1 - n * S2 + 3 * S02) / (S02 * (n * n - 1)) - expected * expected;
  } else {
    const K = (n * fourths) / (squares * squares); // sample kurtosis (spdep moran.test)
    // Cliff & Ord 1981 (spdep moran.test, randomisation = TRUE)
    const numerator =
      n * (S1 * (n * n - 3 * n + 3) - n * S2 + 3 * S02) -
      K * (S1 * (n * n - n) - 2 * n * S2 + 6 * S02);
    variance = numerator / ((n - 1) * (n - 2) * (n - 3) * S02) - expected * expected;
  }
  const zScore = variance > 0 ? (I - expected) / Math.sqrt(variance) : Number.NaN;
  const p =
    alternative === 'two-sided'
      ? twoSidedP(zScore)
      : alternative === 'greater'
        ? normalCdf(-zScore) // upper tail computed directly (R: pnorm(z, lower.tail = FALSE))
        : normalCdf(zScore);
  return { I, expected, variance, z: zScore, p, alternative, S0 };
}

/**
 * S₀ = ΣΣ w_ij, S₁ = ½ΣΣ (w_ij + w_ji)² = ΣΣ w_ij² + ΣΣ w_ij·w_ji and S₂ = Σ_i (w_i· + w_·i)²,
 * from CSR rows without a dense matrix: row i of W is scattered into a dense vector and dotted
 * with row i of the transpose (column i of W).
 */
function weightSums(weights: SpatialWeights): { S0: number; S1: number; S2: number } {
  const { n, offsets, neighbors } = weights;
  const linkWeight = weights.weights;
  const links = offsets[n];
  // Transpose by counting sort: column starts, then each link (i → j) filed under column j.
  const columnOffsets = new Uint32Array(n + 1);
  for (let l = 0; l < links; l++) columnOffsets[neighbors[l] + 1]++;
  for (let j = 0; j < n; j++) columnOffsets[j + 1] += columnOffsets[j];
  const fill = columnOffsets.slice(0, n);
  const columnRows = new Uint32Array(links);
  const columnWeights = new Float64Array(links);
  const rowSums = new Float64Array(n);
  const columnSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let l = offsets[i]; l < offsets[i + 1]; l++) {
      const j = neighbors[l];
      const at = fill[j]++;
      columnRows[at] = i;
      columnWeights[at] = linkWeight[l];
      rowSums[i] += linkWeight[l];
      columnSums[j] += linkWeight[l];
    }
  }
  const dense = new Float64Array(n);
  let S0 = 0;
  let squares = 0;
  let symmetric = 0;
  for (let i = 0; i < n; i++) {
    for (let l = offsets[i]; l < offsets[i + 1]; l++) {
      const w = linkWeight[l];
      dense[neighbors[l]] = w;
      S0 += w;
      squares += w * w;
    }
    // Column i of W holds w_ji for the rows j linking to i; dense[j] holds w_ij (0 if absent).
    for (let c = columnOffsets[i]; c < columnOffsets[i + 1]; c++) {
      symmetric += dense[columnRows[c]] * columnWeights[c];
    }
    for (let l = offsets[i]; l < offsets[i + 1]; l++) dense[neighbors[l]] = 0;
  }
  let S2 = 0;
  for (let i = 0; i < n; i++) {
    const s = rowSums[i] + columnSums[i];
    S2 += s * s;
  }
  return { S0, S1: squares + symmetric, S2 };
}
