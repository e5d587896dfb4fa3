import { assertArgument } from '../errors.js';

/** Incident counts before and after an intervention in the three areas the WDQ compares. */
export interface DisplacementCounts {
  /** Response (target) area: before, after. */
  readonly responseBefore: number;
  readonly responseAfter: number;
  /** Buffer (displacement) area around it: before, after. */
  readonly bufferBefore: number;
  readonly bufferAfter: number;
  /** Control (comparison) area: before, after. */
  readonly controlBefore: number;
  readonly controlAfter: number;
}

/** How a WDQ reads, in the words of Bowers & Johnson (2003) and Guerette (2009, app. C). */
export type DisplacementReading =
  | 'diffusion of benefits'
  | 'displacement'
  | 'displacement larger than the benefit'
  | 'no measurable displacement'
  | 'no reduction to displace';

/** The WDQ with its parts. */
export interface WeightedDisplacementQuotient {
  /** Buffer displacement measure over success measure; NaN when the success measure is 0. */
  readonly wdq: number;
  /** Ra/Ca − Rb/Cb: negative when the response area fell against the control. */
  readonly successMeasure: number;
  /** Da/Ca − Db/Cb: positive when the buffer rose against the control. */
  readonly bufferDisplacementMeasure: number;
  /** Total net effect, incidents prevented (> 0) or added: [Rb·Ca/Cb − Ra] + [Db·Ca/Cb − Da]. */
  readonly totalNetEffect: number;
  /** The sign reading; {@link readDisplacement} adds the significance of the buffer's change. */
  readonly reading: DisplacementReading;
}

/**
 * The weighted displacement quotient of Bowers & Johnson (2003, J. Quant. Criminol. 19(3)
 * 275–301), with the total net effect of Guerette (2009, POP Tool Guide 10, app. B):
 * WDQ = (Da/Ca − Db/Cb) / (Ra/Ca − Rb/Cb), R the response area, D the buffer, C the control,
 * b before and a after. Read only when the response area fell against the control (success
 * measure < 0): WDQ > 0 is a diffusion of benefits, WDQ < 0 displacement, WDQ < −1 displacement
 * larger than the benefit.
 *
 * @param counts - the six counts (incidents, or incidents per day over equal periods)
 * @returns the quotient, its numerator and denominator, the total net effect and the reading
 * @throws HexreachError `E_ARGUMENT` for a negative or non-finite count, or a zero control count
 * @example
 * ```ts
 * const q = weightedDisplacementQuotient({
 *   responseBefore: 100, responseAfter: 70, bufferBefore: 80, bufferAfter: 92,
 *   controlBefore: 400, controlAfter: 400,
 * });
 * q.wdq; // −0.4: 12 of the 30 incidents prevented reappeared in the buffer
 * q.reading; // 'displacement'
 * ```
 */
export function weightedDisplacementQuotient(
  counts: DisplacementCounts,
): WeightedDisplacementQuotient {
  const fn = 'weightedDisplacementQuotient';
  for (const [name, value] of Object.entries(counts)) {
    assertArgument(
      Number.isFinite(value) && value >= 0,
      fn,
      `${name} must be a finite count ≥ 0, got ${value}`,
      value,
    );
  }
  const { responseBefore: rb, responseAfter: ra, bufferBefore: db, bufferAfter: da } = counts;
  const { controlBefore: cb, controlAfter: ca } = counts;
  assertArgument(
    cb > 0 && ca > 0,
    fn,
    `the control counts must be > 0, got ${cb} and ${ca}`,
    counts,
  );
  const successMeasure = ra / ca - rb / cb;
  const bufferDisplacementMeasure = da / ca - db / cb;
  const wdq = successMeasure === 0 ? Number.NaN : bufferDisplacementMeasure / successMeasure;
  const totalNetEffect = rb * (ca / cb) - ra + (db * (ca / cb) - da);
  return {
    wdq,
    successMeasure,
    bufferDisplacementMeasure,
    totalNetEffect,
    reading: signReading(successMeasure, wdq),
  };
}

/** The reading of the quotient's sign alone. */
function signReading(successMeasure: number, wdq: number): DisplacementReading {
  if (!(successMeasure < 0)) return 'no reduction to displace';
  if (wdq > 0) return 'diffusion of benefits';
  if (wdq < -1) return 'displacement larger than the benefit';
  if (wdq < 0) return 'displacement';
  return 'no measurable displacement';
}

/**
 * The reading of a WDQ once the buffer's own change against the control is tested: a buffer
 * whose change is not significant shows "no measurable displacement" whatever the quotient's
 * sign, since a quotient of two noisy ratios has a sign even with nothing behind it.
 *
 * @param quotient - the WDQ
 * @param bufferChangeSignificant - whether the buffer's difference-in-differences is significant
 * @returns the reading to report
 * @example
 * ```ts
 * readDisplacement(weightedDisplacementQuotient(counts), false); // 'no measurable displacement'
 * ```
 */
export function readDisplacement(
  quotient: WeightedDisplacementQuotient,
  bufferChangeSignificant: boolean,
): DisplacementReading {
  if (quotient.reading === 'no reduction to displace') return quotient.reading;
  return bufferChangeSignificant ? quotient.reading : 'no measurable displacement';
}
