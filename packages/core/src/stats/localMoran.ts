import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { benjaminiHochberg } from './benjaminiHochberg.js';
import { twoSidedP } from './normal.js';
import { assertWeights } from './permutation/assertWeights.js';
import { centredValues } from './permutation/centredValues.js';
import { conditionalPermutation } from './permutation/conditionalPermutation.js';
import {
  type PermutationOptions,
  type ResolvedPermutationOptions,
  resolvePermutationOptions,
} from './permutation/resolvePermutationOptions.js';

/** The quadrant of a cell on the Moran scatterplot: its own value, then its neighbours'. */
export type LisaQuadrant = 'High-High' | 'Low-Low' | 'High-Low' | 'Low-High';

/** Options of {@link localMoran}. */
export interface LocalMoranOptions extends PermutationOptions {
  /**
   * `conditional` (default; Sokal, Oden & Thomson 1998, spdep ≥ 1.1-7): moments given x_i;
   * `total`: Anselin's (1995) moments under total randomisation.
   */
  readonly moments?: 'conditional' | 'total';
  /**
   * Permutations R for `pSim` (default 999, as esda's `Moran_Local`; 0 for none). `seed`
   * (default 0), `scheme` (default `conditional`), `alternative` (default `two-sided`) and
   * `pValue` (default `folded`), for pSim only, as in `conditionalPermutation`.
   */
  readonly permutations?: number;
  /** Significance level of `quadrant`. Default 0.05. */
  readonly alpha?: number;
  /** Decide significance on the Benjamini–Hochberg adjusted p-values. Default false. */
  readonly fdr?: boolean;
  /**
   * How `scatterQuadrant` splits High from Low (a value on the boundary is Low, as R's `cut`):
   * - `pysal` (default; esda's `q`, spdep `quadr$pysal`): z_i = x_i − x̄ against 0 and its
   *   spatial lag Σ_j w_ij z_j against 0, so High-High and Low-Low are exactly the I_i > 0 cells;
   * - `mean` (spdep `quadr$mean`): x_i against x̄ and the lag of x, Σ_j w_ij x_j, against the
   *   mean of that lag over all cells.
   */
  readonly quadrantBy?: 'pysal' | 'mean';
}

/**
 * Local Moran's I of every observation; all arrays have length n, indexed like the values.
 * p-values are two-sided unless `alternative` says otherwise for `pSim`.
 */
export interface LocalMoranResult {
  /** I_i = (z_i/m₂)·Σ_j w_ij z_j with z = x − x̄, m₂ = Σz²/n; NaN when all values are equal. */
  readonly I: Float64Array;
  /** E[I_i] under the chosen `moments`. */
  readonly expected: Float64Array;
  /** Var[I_i] under the chosen `moments`; 0 for a cell without neighbours (or z_i = 0 when conditional). */
  readonly variance: Float64Array;
  /** (I_i − E[I_i])/√Var[I_i]; NaN where the variance is 0. */
  readonly z: Float64Array;
  /** Two-sided normal p-value 2·Φ(−|z|) (spdep `alternative = "two.sided"`); NaN with z. */
  readonly p: Float64Array;
  /** Benjamini–Hochberg adjusted p over the cells whose p is not NaN. */
  readonly pFdr: Float64Array;
  /**
   * With permutations only: the pseudo p-value `pValue` names, by default (M + 1)/(R + 1) with
   * esda's folded count M = #{r : |I_r − Ī| ≥ |I − Ī|} (see `permutationPValue`).
   */
  readonly pSim?: Float64Array;
  /** With permutations: (I − expectedSim)/sdSim (esda `z_sim`). */
  readonly zSim?: Float64Array;
  /** With permutations: mean of the permuted I_i (esda `EI_sim`). */
  readonly expectedSim?: Float64Array;
  /** With permutations: standard deviation of the permuted I_i, √(Σ(I_r − Ī)²/R) (esda `seI_sim`). */
  readonly sdSim?: Float64Array;
  /** With permutations: Benjamini–Hochberg adjusted pSim. */
  readonly pSimFdr?: Float64Array;
  /** The cell's quadrant on the Moran scatterplot, significant or not (see `quadrantBy`). */
  readonly scatterQuadrant: readonly LisaQuadrant[];
  /**
   * `scatterQuadrant` where the cell is significant — its p-value below `alpha`: pSim when
   * permutations were run, else p (their FDR-adjusted forms with `fdr`) — else
   * `Not significant` (also where that p-value is NaN). High-High and Low-Low are clusters,
   * High-Low and Low-High spatial outliers.
   */
  readonly quadrant: readonly (LisaQuadrant | 'Not significant')[];
}

/**
 * Local Moran's I (Anselin 1995, Geogr. Anal. 27:93–115), computed as R spdep's `localmoran`
 * with `mlvar = TRUE`: z = x − x̄, m₂ = Σz²/n, I_i = (z_i/m₂)·Σ_j w_ij z_j. With W_i = Σ_j w_ij
 * and W2_i = Σ_j w_ij², the moments are
 * - `conditional` (Sokal, Oden & Thomson 1998, Geogr. Anal. 30:331–354; spdep's default):
 *   E = −z_i²·W_i/((n − 1)·m₂), V = (z_i/m₂)²·n/(n − 2)·(W2_i − W_i²/(n − 1))·(m₂ − z_i²/(n − 1));
 * - `total` (Anselin 1995): b₂ = (Σz⁴/n)/m₂², E = −W_i/(n − 1),
 *   V = W2_i·(n − b₂)/(n − 1) + (W_i² − W2_i)·(2b₂ − n)/((n − 1)(n − 2)) − E².
 * z = (I − E)/√V against the standard normal, p two-sided. Permutation inference (`pSim`) by
 * conditional randomisation, 999 permutations by default, reproducible from `seed`.
 *
 * @param values - one finite value per observation
 * @param weights - spatial weights without self links (row-standardised is customary)
 * @param options - `moments` (default `conditional`), `permutations` (default 999), `seed`,
 *   `scheme`, `alternative`, `alpha` (default 0.05), `fdr` (default false), `quadrantBy`
 *   (default `pysal`)
 * @returns I, expected, variance, z, p, pFdr, the quadrants and, with permutations, pSim, zSim,
 *   expectedSim, sdSim and pSimFdr
 * @throws HexreachError `E_ARGUMENT` if the lengths differ, a value is not finite, the weights
 *   are malformed or have self links, there are fewer than 3 observations, or an option is
 *   invalid
 * @example
 * ```ts
 * const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { style: 'row' });
 * const lisa = localMoran([1, 2, 8, 9], w, { permutations: 0 });
 * lisa.I;               // Float64Array [0.96, 0.12, 0.12, 0.96]
 * lisa.scatterQuadrant; // ['Low-Low', 'Low-Low', 'High-High', 'High-High']
 * ```
 */
export function localMoran(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  options: LocalMoranOptions = {},
): LocalMoranResult {
  const { moments, alpha, fdr, quadrantBy, permutation } = resolveOptions(options);
  assertInputs(values, weights);
  const allEqual = checkValues(values, weights.n);
  const z = centredValues(values);
  const { I, expected, variance, zScore, lagZ, lagX } = localStatistics(
    values,
    weights,
    z,
    moments,
    allEqual,
  );
  const n = weights.n;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = twoSidedP(zScore[i]);
  const pFdr = benjaminiHochberg(p);

  const scatterQuadrant = scatterQuadrants(z, lagX, lagZ, quadrantBy);
  const base = { I, expected, variance, z: zScore, p, pFdr, scatterQuadrant };
  if (permutation.permutations === 0) {
    return { ...base, quadrant: significantQuadrants(scatterQuadrant, fdr ? pFdr : p, alpha) };
  }
  const simulated = conditionalPermutation(values, weights, {
    statistic: 'localMoran',
    ...permutation,
  });
  const significance = fdr ? simulated.pSimFdr : simulated.pSim;
  return {
    ...base,
    ...simulated,
    quadrant: significantQuadrants(scatterQuadrant, significance, alpha),
  };
}

/** The options with their defaults, checked. */
function resolveOptions(options: LocalMoranOptions): {
  moments: 'conditional' | 'total';
  alpha: number;
  fdr: boolean;
  quadrantBy: 'pysal' | 'mean';
  permutation: ResolvedPermutationOptions;
} {
  const fn = 'localMoran';
  const moments = options.moments ?? 'conditional';
  const alpha = options.alpha ?? 0.05;
  const fdr = options.fdr ?? false;
  const quadrantBy = options.quadrantBy ?? 'pysal';
  assertArgument(
    moments === 'conditional' || moments === 'total',
    fn,
    `moments must be 'conditional' or 'total', got ${String(moments)}`,
    moments,
  );
  assertArgument(
    typeof alpha === 'number' && alpha > 0 && alpha < 1,
    fn,
    `alpha must be a number in (0, 1), got ${String(alpha)}`,
    alpha,
  );
  assertArgument(typeof fdr === 'boolean', fn, `fdr must be a boolean, got ${String(fdr)}`, fdr);
  assertArgument(
    quadrantBy === 'pysal' || quadrantBy === 'mean',
    fn,
    `quadrantBy must be 'pysal' or 'mean', got ${String(quadrantBy)}`,
    quadrantBy,
  );
  const permutation = resolvePermutationOptions(options, fn, 999);
  return { moments, alpha, fdr, quadrantBy, permutation };
}

function assertInputs(values: ArrayLike<number>, weights: SpatialWeights): void {
  const fn = 'localMoran';
  assertWeights(weights, fn);
  const { n, selfIncluded } = weights;
  assertArgument(
    !selfIncluded,
    fn,
    'weights must not include self links (spdep localmoran refuses them too)',
    selfIncluded,
  );
  assertArgument(
    values?.length === n,
    fn,
    `values has ${values?.length} entries but the weights cover ${n} observations`,
    values?.length,
  );
  assertArgument(n >= 3, fn, `needs at least 3 observations, got ${n}`, n);
}

/** Checks that every value is finite, and tells whether they are all equal. */
function checkValues(values: ArrayLike<number>, n: number): boolean {
  let allEqual = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      assertArgument(false, 'localMoran', `values[${i}] = ${v} is not a finite number`, {
        index: i,
        value: v,
      });
    }
    if (v !== values[0]) allEqual = false;
  }
  return allEqual;
}

/** I, its moments and z of every cell, with the spatial lags of z and x; NaN for equal values. */
function localStatistics(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  z: Float64Array,
  moments: 'conditional' | 'total',
  allEqual: boolean,
): Record<'I' | 'expected' | 'variance' | 'zScore' | 'lagZ' | 'lagX', Float64Array> {
  const { n, offsets, neighbors } = weights;
  const linkWeight = weights.weights;
  let squares = 0;
  let fourths = 0;
  for (let i = 0; i < n; i++) {
    const d2 = z[i] * z[i];
    squares += d2;
    fourths += d2 * d2;
  }
  const m2 = squares / n; // spdep localmoran, mlvar = TRUE: s² = Σz²/n
  const b2 = fourths / n / (m2 * m2); // spdep: b2 = (Σz⁴/n)/s⁴
  const A = (n - b2) / (n - 1);
  const B = (2 * b2 - n) / ((n - 1) * (n - 2));

  const I = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const zScore = new Float64Array(n);
  const lagZ = new Float64Array(n);
  const lagX = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lz = 0;
    let lx = 0;
    let Wi = 0;
    let Wi2 = 0;
    for (let l = offsets[i]; l < offsets[i + 1]; l++) {
      const w = linkWeight[l];
      const j = neighbors[l];
      lz += w * z[j];
      lx += w * values[j];
      Wi += w;
      Wi2 += w * w;
    }
    lagZ[i] = lz;
    lagX[i] = lx;
    if (allEqual) {
      I[i] = Number.NaN;
      expected[i] = Number.NaN;
      variance[i] = Number.NaN;
      zScore[i] = Number.NaN;
      continue;
    }
    const zi = z[i];
    I[i] = (zi / m2) * lz; // Anselin 1995: I_i = (z_i/m₂)·Σ_j w_ij z_j
    let e: number;
    let v: number;
    if (moments === 'conditional') {
      const zi2 = zi * zi;
      e = -(zi2 * Wi) / ((n - 1) * m2); // Sokal et al. 1998 (spdep localmoran, conditional)
      v = (zi / m2) ** 2 * (n / (n - 2)) * (Wi2 - (Wi * Wi) / (n - 1)) * (m2 - zi2 / (n - 1));
    } else {
      e = -Wi / (n - 1); // Anselin 1995, total randomisation (spdep, conditional = FALSE)
      v = A * Wi2 + B * (Wi * Wi - Wi2) - e * e;
    }
    expected[i] = e;
    variance[i] = v;
    zScore[i] = v > 0 ? (I[i] - e) / Math.sqrt(v) : Number.NaN;
  }
  return { I, expected, variance, zScore, lagZ, lagX };
}

/** Moran scatterplot quadrants, a boundary value counting as Low (R `cut(…, c(-Inf, t, Inf))`). */
function scatterQuadrants(
  z: Float64Array,
  lagX: Float64Array,
  lagZ: Float64Array,
  quadrantBy: 'pysal' | 'mean',
): LisaQuadrant[] {
  const n = z.length;
  const quadrants = new Array<LisaQuadrant>(n);
  // spdep quadr$mean compares x with x̄ (z against 0 is the same test) and lag x with its mean.
  const lagCentred = quadrantBy === 'mean' ? centredValues(lagX) : lagZ;
  for (let i = 0; i < n; i++) {
    const high = z[i] > 0;
    const neighboursHigh = lagCentred[i] > 0;
    quadrants[i] = high
      ? neighboursHigh
        ? 'High-High'
        : 'High-Low'
      : neighboursHigh
        ? 'Low-High'
        : 'Low-Low';
  }
  return quadrants;
}

/** The quadrant where p < alpha, `Not significant` elsewhere (NaN p included). */
function significantQuadrants(
  scatter: readonly LisaQuadrant[],
  p: Float64Array,
  alpha: number,
): (LisaQuadrant | 'Not significant')[] {
  return scatter.map((quadrant, i) => (p[i] < alpha ? quadrant : 'Not significant'));
}
