import { assertArgument } from '../errors.js';

/** Counts of a treated group and its comparison, before and after. */
export interface DiDCounts {
  readonly treatedBefore: number;
  readonly treatedAfter: number;
  /** The comparison's counts, already weighted to the treated group's size (matching weights). */
  readonly comparisonBefore: number;
  readonly comparisonAfter: number;
  /**
   * Σ w² · count of the comparison cells, before and after: the Poisson variance of a weighted
   * sum. Default: the counts themselves (every weight 1).
   */
  readonly comparisonVarianceBefore?: number;
  readonly comparisonVarianceAfter?: number;
}

/** A difference-in-differences on the log scale, as a proportional change. */
export interface DiDEstimate {
  /** (Ta/Tb) / (Ca/Cb) − 1: −0.18 for 18 % fewer incidents than the comparison's trend implies. */
  readonly change: number;
  /** log((Ta/Tb) / (Ca/Cb)); NaN when a count is 0. */
  readonly logRatio: number;
  /** Its Poisson standard error by the delta method; NaN when a count is 0. */
  readonly se: number;
  /** logRatio / se. */
  readonly z: number;
}

/**
 * The difference-in-differences of counts on the log scale: the ratio of the treated group's
 * after/before ratio to the comparison's, minus one. With equal periods for both groups the days
 * cancel, so this is also the change of the rate per day. Its standard error is the delta
 * method's for independent Poisson counts, √(1/Ta + 1/Tb + Va/Ca² + Vb/Cb²) (Wheeler & Ratcliffe
 * 2018, Crime Sci. 7:11, on the count scale; Agresti 2013 §3.1 for log ratios); real counts are
 * overdispersed, so evaluateZones calibrates it with placebo zones.
 *
 * @param counts - treated and comparison counts before and after
 * @returns the change, the log ratio, its standard error and z
 * @throws HexreachError `E_ARGUMENT` for a negative or non-finite count
 * @example
 * ```ts
 * const d = differenceInDifferences({
 *   treatedBefore: 200, treatedAfter: 150, comparisonBefore: 400, comparisonAfter: 380,
 * });
 * d.change; // (150/200)/(380/400) − 1 = −0.2105
 * ```
 */
export function differenceInDifferences(counts: DiDCounts): DiDEstimate {
  const { treatedBefore: tb, treatedAfter: ta, comparisonBefore: cb, comparisonAfter: ca } = counts;
  const vb = counts.comparisonVarianceBefore ?? cb;
  const va = counts.comparisonVarianceAfter ?? ca;
  for (const [name, value] of [
    ['treatedBefore', tb],
    ['treatedAfter', ta],
    ['comparisonBefore', cb],
    ['comparisonAfter', ca],
    ['comparisonVarianceBefore', vb],
    ['comparisonVarianceAfter', va],
  ] as const) {
    assertArgument(
      Number.isFinite(value) && value >= 0,
      'differenceInDifferences',
      `${name} must be a finite count ≥ 0, got ${value}`,
      value,
    );
  }
  if (tb === 0 || ta === 0 || cb === 0 || ca === 0) {
    const change = tb > 0 && cb > 0 && ca > 0 ? ta / tb / (ca / cb) - 1 : Number.NaN;
    return { change, logRatio: Number.NaN, se: Number.NaN, z: Number.NaN };
  }
  const logRatio = Math.log(ta / tb) - Math.log(ca / cb);
  const se = Math.sqrt(1 / ta + 1 / tb + va / (ca * ca) + vb / (cb * cb));
  return { change: Math.expm1(logRatio), logRatio, se, z: logRatio / se };
}
