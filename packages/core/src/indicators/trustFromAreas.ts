import { assertArgument } from '../errors.js';
import type { AreaInterpolator } from '../interpolate/createAreaInterpolator.js';
import type { TrustResult } from './trustByCell.js';

/** Options of {@link trustFromAreas}. */
export interface TrustFromAreasOptions {
  /** Variance of one answer; unknown from aggregates, so assumed (default 1, typical of a 1–5 item). */
  readonly answerVariance?: number;
  /** Cells with fewer (interpolated) answers are flagged (default 5). */
  readonly minResponses?: number;
  readonly scale?: { readonly min: number; readonly max: number };
  readonly higherIsMoreTrust?: boolean;
  /** Residents per area, to weight the areas' means as they move to cells (default: by area). */
  readonly weightBy?: ArrayLike<number>;
}

/**
 * Trust per cell from area-level survey aggregates (a mean answer and a number of respondents per
 * area, as survey offices publish them): each area's mean is shrunk toward the city mean by
 * empirical Bayes, B = (σ²/n)/(σ²/n + τ²) (Morris 1983), with σ² the variance of one answer —
 * which aggregates cannot reveal, so it is an assumption (`answerVariance`) — and τ² the
 * between-area variance by the method of moments; the shrunk means then move to cells as rates and
 * the respondents as counts (`createAreaInterpolator`). Same result shape as `trustByCell`; its
 * `responses` are the interpolated numbers of respondents, rounded.
 *
 * @param interpolator - the area-to-cell shares
 * @param mean - mean answer per area (NaN where not surveyed)
 * @param responses - respondents per area
 * @param options - assumed answer variance, minimum answers, scale and direction, weights
 * @returns trust per cell, as `trustByCell`
 * @throws HexreachError `E_ARGUMENT` when lengths differ or the variance is not positive
 * @example
 * ```ts
 * const trust = trustFromAreas(interpolated.interpolator, tracts.attributes.trust_mean, tracts.attributes.trust_n);
 * ```
 */
export function trustFromAreas(
  interpolator: AreaInterpolator,
  mean: ArrayLike<number>,
  responses: ArrayLike<number>,
  options: TrustFromAreasOptions = {},
): TrustResult {
  const fn = 'trustFromAreas';
  assertArgument(
    mean.length === responses.length,
    fn,
    `${mean.length} means for ${responses.length} response counts`,
  );
  const variance = options.answerVariance ?? 1;
  assertArgument(variance > 0, fn, `answerVariance must be > 0, got ${variance}`, variance);
  const min = options.scale?.min ?? 1;
  const max = options.scale?.max ?? 5;
  const usable = (p: number) => Number.isFinite(mean[p]) && responses[p] > 0;
  let total = 0;
  let count = 0;
  let areas = 0;
  for (let p = 0; p < mean.length; p++) {
    if (!usable(p)) continue;
    total += mean[p] * responses[p];
    count += responses[p];
    areas++;
  }
  const cityMean = count > 0 ? total / count : Number.NaN;
  // Method of moments: the spread of area means beyond what sampling noise explains.
  let spread = 0;
  let noise = 0;
  for (let p = 0; p < mean.length; p++) {
    if (!usable(p)) continue;
    spread += (mean[p] - cityMean) ** 2;
    noise += variance / responses[p];
  }
  const between = areas > 1 ? Math.max(0, spread / (areas - 1) - noise / areas) : 0;
  const shrunkArea = Float64Array.from(mean, (m, p) => {
    if (!usable(p)) return Number.NaN;
    const sampling = variance / responses[p];
    const b = sampling + between > 0 ? sampling / (sampling + between) : 1;
    return cityMean + (1 - b) * (m - cityMean);
  });
  const cellResponses = interpolator.count(
    Float64Array.from(responses, (r) => (Number.isFinite(r) && r > 0 ? r : 0)),
  );
  const cellMean = interpolator.rate(
    Float64Array.from(mean, (m, p) => (usable(p) ? m : Number.NaN)),
    options.weightBy,
  );
  const shrunk = interpolator.rate(shrunkArea, options.weightBy);
  const minResponses = options.minResponses ?? 5;
  const higher = options.higherIsMoreTrust ?? true;
  const n = cellResponses.length;
  const deficit = new Float64Array(n);
  const fewResponses = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    fewResponses[c] = cellResponses[c] < minResponses ? 1 : 0;
    const level = (shrunk[c] - min) / (max - min);
    deficit[c] = higher ? 1 - level : level;
  }
  return {
    responses: Uint32Array.from(cellResponses, (r) => Math.round(r)),
    mean: cellMean,
    shrunk,
    fewResponses,
    deficit,
    cityMean,
    withinVariance: variance,
    betweenVariance: between,
    outside: 0,
  };
}
