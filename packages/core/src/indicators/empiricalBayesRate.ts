import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';

/** Options of {@link empiricalBayesRate}. */
export interface EmpiricalBayesRateOptions {
  /**
   * Neighbours for local empirical Bayes (spdep `EBlocal`): each cell's prior comes from itself
   * and its neighbours. Only which cells are linked matters, not the weights' values; the cell
   * itself is always part of its neighbourhood (spdep `include.self`). Without weights the prior
   * is the whole map's (spdep `EBest`, GeoDa "Empirical Bayes").
   */
  readonly weights?: SpatialWeights;
  /**
   * Local only: compute the neighbourhood's spread around its own prior mean m_i, as GeoDa does
   * (spdep `EBlocal(geoda = TRUE)`), instead of spdep's default, which sums each neighbour's
   * spread around that neighbour's own m_j. Default false, as spdep.
   */
  readonly geoda?: boolean;
  /** Rates are per this many residents (1000: per 1,000). Default 1, as spdep. */
  readonly per?: number;
}

/**
 * Empirical-Bayes rates and the prior each was pulled toward, one entry per cell. Rates are per
 * `per` residents; variances per `per`². Cells without residents (population 0 or NaN) take no
 * part and get NaN everywhere.
 */
export interface EmpiricalBayesRateResult {
  /** The raw rate count/population (spdep `raw`). */
  readonly raw: Float64Array;
  /** The smoothed rate (spdep `estmm` for the global prior, `est` for the local one). */
  readonly estimate: Float64Array;
  /** The prior mean the rate is pulled toward: b, the map's rate, or m_i, the neighbourhood's. */
  readonly priorMean: Float64Array;
  /** The prior variance after a negative estimate is set to 0: a (global) or a_i (local). */
  readonly priorVariance: Float64Array;
  /**
   * The share of the estimate that comes from the prior mean, (m/x_i)/(a + m/x_i) in [0, 1]:
   * near 1 for a cell with few residents, near 0 for a populous one; 1 where a = 0.
   */
  readonly shrinkage: Float64Array;
}

/**
 * Empirical-Bayes smoothed incident rates (Marshall 1991, "Mapping disease and mortality rates
 * using empirical Bayes estimators", Applied Statistics 40:283–294), computed as R spdep's
 * `EBest` (global prior, Poisson family) and `EBlocal` (local prior). A cell with 12 residents
 * and 3 incidents has a raw rate of 250 per 1,000 on almost no evidence; its estimate moves
 * toward the prior mean in proportion to how little its population tells.
 *
 * Global (spdep `EBest`): p_i = n_i/x_i, b = Σn/Σx, s² = Σ x_i(p_i − b)²/Σx,
 * a = s² − b/(Σx/m) (m cells), set to 0 if negative; estimate = b + a(p_i − b)/(a + b/x_i).
 * Local (spdep `EBlocal`), over N_i = the neighbours of i and i itself: m_i = Σ_{N_i} n/Σ_{N_i} x,
 * x̄_i = mean of x over N_i, C_i = Σ_{j∈N_i} x_j(p_j − m_j)² (spdep; GeoDa: (p_j − m_i)²),
 * a_i = C_i/Σ_{N_i} x − m_i/x̄_i, set to 0 if negative; estimate = m_i + (p_i − m_i)·a_i/(a_i + m_i/x_i).
 *
 * A negative variance estimate (the rates vary less than Poisson noise alone would make them)
 * is set to 0 as spdep does, and then every estimate is the prior mean. Where spdep divides 0 by
 * 0 — a = 0 with a prior mean of 0, i.e. no incidents anywhere in reach — the estimate here is
 * that prior mean, 0, which is also the raw rate. Unlike spdep, which stops on a zero
 * population, cells with population 0 or NaN are left out (NaN in every output) and the others
 * are estimated as spdep would on them alone; a neighbour without residents is no neighbour.
 *
 * @param counts - incidents (or weighted counts) per cell, finite and >= 0
 * @param population - residents per cell, >= 0 (0 or NaN: no rate)
 * @param options - `weights` (local prior), `geoda` (default false), `per` (default 1)
 * @returns raw and smoothed rates, the prior mean and variance, and the shrinkage per cell
 * @throws HexreachError `E_ARGUMENT` if the lengths differ, a count is negative or not finite, a
 *   population is negative or infinite, `per` is not a positive finite number, or the weights
 *   do not cover the cells or are malformed
 * @example
 * ```ts
 * const eb = empiricalBayesRate([5, 4, 5, 6], [100, 400, 500, 1000], { per: 1000 });
 * eb.raw;      // [50, 10, 10, 6] per 1,000
 * eb.estimate; // [26.19…, 10, 10, 6.51…]: the small cell is pulled most toward 10
 * ```
 */
export function empiricalBayesRate(
  counts: ArrayLike<number>,
  population: ArrayLike<number>,
  options: EmpiricalBayesRateOptions = {},
): EmpiricalBayesRateResult {
  const fn = 'empiricalBayesRate';
  const per = options.per ?? 1;
  const geoda = options.geoda ?? false;
  const { weights } = options;
  assertArgument(
    counts?.length === population?.length,
    fn,
    `${counts?.length} counts for ${population?.length} populations`,
    population?.length,
  );
  assertArgument(
    typeof per === 'number' && Number.isFinite(per) && per > 0,
    fn,
    `per must be a positive finite number, got ${String(per)}`,
    per,
  );
  assertArgument(
    typeof geoda === 'boolean',
    fn,
    `geoda must be a boolean, got ${String(geoda)}`,
    geoda,
  );
  const n = counts.length;
  const included = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = counts[i];
    const x = population[i];
    assertArgument(Number.isFinite(c) && c >= 0, fn, `counts[${i}] = ${c} is not >= 0`, {
      index: i,
      value: c,
    });
    assertArgument(
      Number.isNaN(x) || (x >= 0 && x < Number.POSITIVE_INFINITY),
      fn,
      `population[${i}] = ${x} is not a finite number >= 0 (or NaN for unknown)`,
      { index: i, value: x },
    );
    if (x > 0) included[i] = 1;
  }
  if (weights !== undefined) assertNeighbours(weights, n, fn);

  const raw = new Float64Array(n).fill(Number.NaN);
  const priorMean = new Float64Array(n).fill(Number.NaN);
  const priorVariance = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) if (included[i]) raw[i] = counts[i] / population[i];
  if (weights === undefined)
    globalPrior(counts, population, included, raw, priorMean, priorVariance);
  else localPrior(counts, population, included, raw, weights, geoda, priorMean, priorVariance);

  const estimate = new Float64Array(n).fill(Number.NaN);
  const shrinkage = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    if (!included[i]) continue;
    const m = priorMean[i];
    const a = priorVariance[i];
    const noise = m / population[i]; // the Poisson variance of the raw rate under the prior
    // Marshall 1991 (spdep EBest/EBlocal): est = m + (p − m)·a/(a + m/x)
    const fromData = a > 0 ? a / (a + noise) : 0;
    estimate[i] = (m + (raw[i] - m) * fromData) * per;
    shrinkage[i] = 1 - fromData;
    raw[i] *= per;
    priorMean[i] = m * per;
    priorVariance[i] = a * per * per;
  }
  return { raw, estimate, priorMean, priorVariance, shrinkage };
}

/** spdep `EBest` (Poisson): one prior mean b and variance a for every included cell. */
function globalPrior(
  counts: ArrayLike<number>,
  population: ArrayLike<number>,
  included: Uint8Array,
  raw: Float64Array,
  priorMean: Float64Array,
  priorVariance: Float64Array,
): void {
  let cases = 0;
  let residents = 0;
  let m = 0;
  for (let i = 0; i < included.length; i++) {
    if (!included[i]) continue;
    cases += counts[i];
    residents += population[i];
    m++;
  }
  if (m === 0) return;
  const b = cases / residents;
  let spread = 0;
  for (let i = 0; i < included.length; i++) {
    if (!included[i]) continue;
    const d = raw[i] - b;
    spread += (population[i] * d * d) / residents; // spdep EBest: s2 = sum(x * ((p - b)^2 / xsum))
  }
  const a = Math.max(0, spread - b / (residents / m)); // spdep EBest: a <- s2 - b/(xsum/m); a < 0 → 0
  for (let i = 0; i < included.length; i++) {
    if (!included[i]) continue;
    priorMean[i] = b;
    priorVariance[i] = a;
  }
}

/** spdep `EBlocal`: prior mean m_i and variance a_i from each cell's neighbourhood and itself. */
function localPrior(
  counts: ArrayLike<number>,
  population: ArrayLike<number>,
  included: Uint8Array,
  raw: Float64Array,
  weights: SpatialWeights,
  geoda: boolean,
  priorMean: Float64Array,
  priorVariance: Float64Array,
): void {
  const { offsets, neighbors } = weights;
  const n = included.length;
  const residents = new Float64Array(n);
  const size = new Float64Array(n);
  // m_i = r.i/n.i over the neighbourhood with self (spdep: lag.listw of include.self(nb), "B").
  for (let i = 0; i < n; i++) {
    if (!included[i]) continue;
    let r = counts[i];
    let x = population[i];
    let k = 1;
    for (let l = offsets[i]; l < offsets[i + 1]; l++) {
      const j = neighbors[l];
      if (j === i || !included[j]) continue;
      r += counts[j];
      x += population[j];
      k++;
    }
    residents[i] = x;
    size[i] = k;
    priorMean[i] = r / x;
  }
  for (let i = 0; i < n; i++) {
    if (!included[i]) continue;
    const mi = priorMean[i];
    // spdep EBlocal: C.i = lag(n_j (x_j − m_j)²); geoda = TRUE: Σ_j n_j (x_j − m_i)²
    let d = raw[i] - mi;
    let spread = population[i] * d * d;
    for (let l = offsets[i]; l < offsets[i + 1]; l++) {
      const j = neighbors[l];
      if (j === i || !included[j]) continue;
      d = raw[j] - (geoda ? mi : priorMean[j]);
      spread += population[j] * d * d;
    }
    const meanResidents = residents[i] / size[i]; // spdep: nbar.i, the style "W" lag of n
    // spdep EBlocal: a.i <- C.i/n.i − m.i/nbar.i; a.i[a.i < 0] <- 0
    priorVariance[i] = Math.max(0, spread / residents[i] - mi / meanResidents);
  }
}

/** Throws `E_ARGUMENT` unless `weights` is a CSR structure over the n cells. */
function assertNeighbours(weights: SpatialWeights, n: number, fn: string): void {
  assertArgument(
    typeof weights === 'object' && weights !== null,
    fn,
    'weights must be a SpatialWeights object',
    weights,
  );
  const { offsets, neighbors } = weights;
  assertArgument(
    weights.n === n && offsets?.length === n + 1 && offsets[0] === 0,
    fn,
    `the weights cover ${weights.n} observations, the counts ${n}`,
    weights.n,
  );
  assertArgument(
    neighbors?.length === offsets[n],
    fn,
    `weights.neighbors must have offsets[n] = ${offsets[n]} entries`,
    neighbors?.length,
  );
  for (let i = 0; i < n; i++) {
    assertArgument(
      offsets[i + 1] >= offsets[i],
      fn,
      `weights.offsets must not decrease; row ${i} spans ${offsets[i]}…${offsets[i + 1]}`,
      i,
    );
    for (let l = offsets[i]; l < offsets[i + 1]; l++)
      assertArgument(neighbors[l] < n, fn, `row ${i} links to ${neighbors[l]}, not below ${n}`, {
        row: i,
        value: neighbors[l],
      });
  }
}
