import { assertArgument } from '../errors.js';
import { benjaminiHochberg } from './benjaminiHochberg.js';
import { binomialTwoSidedP } from './binomial.js';

/** Options of {@link periodChange}. */
export interface PeriodChangeOptions {
  /**
   * Exposure of the first period: its length (e.g. days) for every cell, or one value per cell
   * (e.g. residents × years). Rates are counts per unit of exposure. Default 1.
   */
  readonly exposureBefore?: number | ArrayLike<number>;
  /** Exposure of the second period, like `exposureBefore`. Default 1. */
  readonly exposureAfter?: number | ArrayLike<number>;
}

/** The change of one rate between two periods and its test. */
export interface RateChange {
  /** after − before, in counts. */
  readonly difference: number;
  /**
   * (after/exposureAfter)/(before/exposureBefore): above 1 the rate rose. +∞ when only the
   * second period has incidents, NaN when neither has.
   */
  readonly rateRatio: number;
  /** Count expected in the second period if the rate had not changed: (before + after)·t₂/(t₁ + t₂). */
  readonly expectedAfter: number;
  /** Two-sided p-value of the conditional binomial test of equal rates; 1 when neither period has incidents. */
  readonly p: number;
}

/** Per-cell change between two periods (arrays aligned with the cells) and the change overall. */
export interface PeriodChangeResult {
  /** after − before per cell. */
  readonly difference: Float64Array;
  /** Rate ratio after/before per cell (see {@link RateChange.rateRatio}). */
  readonly rateRatio: Float64Array;
  /** Expected second-period count per cell under no change. */
  readonly expectedAfter: Float64Array;
  /** Two-sided exact p-value per cell. */
  readonly p: Float64Array;
  /** Benjamini–Hochberg adjusted p over the cells (R `p.adjust(p, "BH")`). */
  readonly pFdr: Float64Array;
  /**
   * The whole study area: total counts, and total exposures when exposures are per cell (for
   * scalar exposures, the period lengths themselves).
   */
  readonly overall: RateChange;
}

/** The exposure of every cell as a function, after checking it. */
function exposureOf(
  value: number | ArrayLike<number> | undefined,
  n: number,
  name: string,
): { at: (i: number) => number; total: number } {
  const fn = 'periodChange';
  const given = value ?? 1;
  if (typeof given === 'number') {
    assertArgument(
      Number.isFinite(given) && given > 0,
      fn,
      `${name} must be a finite number > 0, got ${given}`,
      given,
    );
    return { at: () => given, total: given };
  }
  assertArgument(
    given.length === n,
    fn,
    `${name} has ${given.length} values for ${n} cells`,
    given.length,
  );
  let total = 0;
  for (let i = 0; i < n; i++) {
    assertArgument(
      Number.isFinite(given[i]) && given[i] > 0,
      fn,
      `${name}[${i}] = ${given[i]} is not a finite number > 0`,
      { index: i, value: given[i] },
    );
    total += given[i];
  }
  return { at: (i) => given[i], total };
}

/** The change of the rate from (n1, t1) to (n2, t2). */
function rateChange(n1: number, t1: number, n2: number, t2: number): RateChange {
  const share = t2 / (t1 + t2);
  return {
    difference: n2 - n1,
    rateRatio: n2 / t2 / (n1 / t1),
    expectedAfter: (n1 + n2) * share,
    // Given n1 + n2, n2 ~ Binomial(n1 + n2, t2/(t1 + t2)) under equal rates (Przyborowski &
    // Wilenski 1940); R: poisson.test(c(n2, n1), c(t2, t1)) = binom.test(n2, n1 + n2, share).
    p: binomialTwoSidedP(n2, n1 + n2, share),
  };
}

/**
 * The change in incidents per cell between two periods — before and after an outreach programme,
 * say — with the exact test of equal Poisson rates. For each cell with counts n₁ (before) and
 * n₂ (after) over exposures t₁ and t₂: the difference n₂ − n₁, the rate ratio (n₂/t₂)/(n₁/t₁),
 * and the p-value of the conditional test: given n₁ + n₂, n₂ ~ Binomial(n₁ + n₂, t₂/(t₁ + t₂))
 * when the rates are equal, two-sided as R's `poisson.test(c(n2, n1), c(t2, t1))` (which equals
 * `poisson.test(c(n1, n2), c(t1, t2))`'s p). p-values are adjusted over the cells by
 * Benjamini–Hochberg. Counts are per-cell incident counts (e.g. `pointsToCells(…, { from, to
 * }).incidents` of each period), not weighted sums.
 *
 * @param countsBefore - incidents per cell in the first period, integers ≥ 0
 * @param countsAfter - incidents per cell in the second period, aligned with `countsBefore`
 * @param options - `exposureBefore`, `exposureAfter`: period lengths or per-cell exposures (default 1)
 * @returns difference, rate ratio, expected count, p and FDR-adjusted p per cell, and the overall change
 * @throws HexreachError `E_ARGUMENT` if the lengths differ, a count is not an integer ≥ 0, or an
 *   exposure is not a finite number > 0
 * @example
 * ```ts
 * // 365 days before, 181 days after; cell 0 went from 20 to 3 incidents.
 * const change = periodChange([20, 4], [3, 2], { exposureBefore: 365, exposureAfter: 181 });
 * change.rateRatio[0]; // (3/181)/(20/365) ≈ 0.302
 * change.p[0];         // 0.04534…, R: binom.test(3, 23, 181/546)$p.value
 * ```
 */
export function periodChange(
  countsBefore: ArrayLike<number>,
  countsAfter: ArrayLike<number>,
  options: PeriodChangeOptions = {},
): PeriodChangeResult {
  const fn = 'periodChange';
  const n = countsBefore.length;
  assertArgument(
    countsAfter.length === n,
    fn,
    `countsBefore has ${n} cells but countsAfter has ${countsAfter.length}`,
    countsAfter.length,
  );
  let totalBefore = 0;
  let totalAfter = 0;
  for (const [name, counts] of [
    ['countsBefore', countsBefore],
    ['countsAfter', countsAfter],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const v = counts[i];
      assertArgument(
        Number.isInteger(v) && v >= 0,
        fn,
        `${name}[${i}] = ${v} is not an integer count >= 0`,
        { index: i, value: v },
      );
    }
  }
  const before = exposureOf(options.exposureBefore, n, 'exposureBefore');
  const after = exposureOf(options.exposureAfter, n, 'exposureAfter');

  const difference = new Float64Array(n);
  const rateRatio = new Float64Array(n);
  const expectedAfter = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const change = rateChange(countsBefore[i], before.at(i), countsAfter[i], after.at(i));
    difference[i] = change.difference;
    rateRatio[i] = change.rateRatio;
    expectedAfter[i] = change.expectedAfter;
    p[i] = change.p;
    totalBefore += countsBefore[i];
    totalAfter += countsAfter[i];
  }
  return {
    difference,
    rateRatio,
    expectedAfter,
    p,
    pFdr: benjaminiHochberg(p),
    overall: rateChange(totalBefore, before.total, totalAfter, after.total),
  };
}
