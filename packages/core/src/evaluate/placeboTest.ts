import { assertArgument } from '../errors.js';
import { normalQuantile } from '../stats/normal.js';

/** What the placebo distribution says of an observed estimate. */
export interface PlaceboTestResult {
  /** Two-sided p-value: (1 + #{|z_placebo| ≥ |z|}) / (1 + placebos). */
  readonly p: number;
  /**
   * The |z| a placebo passes with probability 1 − confidence: the interval's half-width in
   * standard errors, wider than the normal 1.645 when the counts are overdispersed.
   */
  readonly critical: number;
  /** Placebos with a finite z (the others had a zero count and are left out). */
  readonly placebos: number;
}

/**
 * A permutation test of an estimate against placebo estimates (Abadie, Diamond & Hainmueller
 * 2010, JASA 105(490) §2.3, with the +1 of Phipson & Smyth 2010, SAGMB 9(1)): the p-value is the
 * share of placebos at least as extreme as the observed z, counting the observed one; the
 * critical value is the ⌈(n + 1)·confidence⌉-th smallest placebo |z|, so that an interval of
 * ± critical standard errors covers the truth with the placebos' own calibration. With fewer than
 * 19 usable placebos the normal quantile is used instead.
 *
 * @param z - the observed estimate over its standard error
 * @param placeboZ - the placebos' z (non-finite ones are left out)
 * @param confidence - the interval's level (default 0.9)
 * @returns the p-value, the critical |z| and the placebos used
 * @throws HexreachError `E_ARGUMENT` for a confidence outside (0, 1)
 * @example
 * ```ts
 * const t = placeboTest(-2.4, placeboZ, 0.9);
 * t.p; // e.g. 0.031
 * t.critical; // e.g. 2.1: the 90 % interval is ± 2.1 standard errors
 * ```
 */
export function placeboTest(
  z: number,
  placeboZ: ArrayLike<number>,
  confidence = 0.9,
): PlaceboTestResult {
  assertArgument(
    confidence > 0 && confidence < 1,
    'placeboTest',
    `confidence must be in (0, 1), got ${confidence}`,
    confidence,
  );
  const abs: number[] = [];
  for (let i = 0; i < placeboZ.length; i++) {
    if (Number.isFinite(placeboZ[i])) abs.push(Math.abs(placeboZ[i]));
  }
  abs.sort((a, b) => a - b);
  const n = abs.length;
  let extreme = 0;
  if (Number.isFinite(z)) for (const a of abs) if (a >= Math.abs(z)) extreme++;
  const p = Number.isFinite(z) ? (1 + extreme) / (1 + n) : Number.NaN;
  const rank = Math.ceil((n + 1) * confidence);
  const critical = n >= 19 && rank <= n ? abs[rank - 1] : normalQuantile((1 + confidence) / 2);
  return { p, critical, placebos: n };
}
