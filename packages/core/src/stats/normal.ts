/**
 * The standard normal distribution function by W. J. Cody's rational Chebyshev approximations
 * (Cody 1969, Math. Comp. 23:631–637; ACM TOMS Algorithm 715, 1993), the algorithm of R's
 * `pnorm` (src/nmath/pnorm.c). Each tail is computed directly, so small probabilities keep full
 * relative precision (about 1e-15) instead of being lost in `1 − Φ(x)`.
 */

// Cody's coefficients (as in R's pnorm.c), each written as the shortest decimal of the same
// double. |x| ≤ qnorm(3/4): Φ(x) = 1/2 + x·A(x²)/B(x²).
const A = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356,
  0.06568233791820745,
];
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
// qnorm(3/4) < |x| ≤ √32: P(X > |x|) = exp(−x²/2)·C(|x|)/D(|x|).
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
// |x| > √32: P(X > |x|) = exp(−x²/2)·(1/√(2π) − P(1/x²)/Q(1/x²)/x²)/|x|.
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  2.9112874951168793e-5, 0.023073441764940174,
];
const Q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824,
  7.297515550839662e-5,
];

const QUARTILE = 0.67448975; // qnorm(3/4), where Cody switches from the central form
const SQRT_32 = 5.656854249492381;
const INV_SQRT_2PI = 0.3989422804014327;
// Beyond this the upper tail is below the smallest subnormal double (R's cut-off for pnorm).
const UPPER_TAIL_ZERO = 37.5193;
const HALF_EPSILON = Number.EPSILON / 2;
// exp(−(k/16)²/2) for every k/16 below UPPER_TAIL_ZERO, computed as upperTail would compute it.
const SPLIT_EXP = Float64Array.from({ length: Math.ceil(UPPER_TAIL_ZERO * 16) + 1 }, (_, k) => {
  const ySplit = k / 16;
  return Math.exp(-ySplit * ySplit * 0.5);
});

/** x·A(x²)/B(x²), so that Φ(x) = 1/2 + central(x) for |x| ≤ qnorm(3/4). */
function central(x: number): number {
  let numerator = 0;
  let denominator = 0;
  // Below half an ulp of 1/2 the polynomial terms cannot change the sum (as in Cody and R).
  if (Math.abs(x) > HALF_EPSILON) {
    const xsq = x * x;
    numerator = A[4] * xsq;
    denominator = xsq;
    for (let i = 0; i < 3; i++) {
      numerator = (numerator + A[i]) * xsq;
      denominator = (denominator + B[i]) * xsq;
    }
  }
  return (x * (numerator + A[3])) / (denominator + B[3]);
}

/** P(X > y) for y > qnorm(3/4), computed directly (no subtraction from 1). */
function upperTail(y: number): number {
  let rational: number;
  if (y <= SQRT_32) {
    let numerator = C[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + C[i]) * y;
      denominator = (denominator + D[i]) * y;
    }
    rational = (numerator + C[7]) / (denominator + D[7]);
  } else if (y < UPPER_TAIL_ZERO) {
    const xsq = 1 / (y * y);
    let numerator = P[5] * xsq;
    let denominator = xsq;
    for (let i = 0; i < 4; i++) {
      numerator = (numerator + P[i]) * xsq;
      denominator = (denominator + Q[i]) * xsq;
    }
    rational = (INV_SQRT_2PI - (xsq * (numerator + P[4])) / (denominator + Q[4])) / y;
  } else {
    return 0;
  }
  // exp(−y²/2) split at a multiple of 1/16 so that y² is formed exactly (Cody's "del" step);
  // exp(−ySplit²/2) comes from a table of the same expression, one Math.exp fewer per call.
  const sixteenths = Math.trunc(y * 16);
  const ySplit = sixteenths / 16;
  const del = (y - ySplit) * (y + ySplit);
  return SPLIT_EXP[sixteenths] * Math.exp(-del * 0.5) * rational;
}

/**
 * The standard normal distribution function Φ(x) = P(X ≤ x), X ~ N(0, 1), by Cody's rational
 * Chebyshev approximation as in R's `pnorm`: relative error about 1e-15 in the body and in the
 * lower tail (down to 1e-308).
 *
 * @param x - any number; NaN gives NaN, −∞ gives 0, +∞ gives 1
 * @returns Φ(x)
 * @example
 * ```ts
 * normalCdf(1.959963984540054); // 0.975
 * normalCdf(-10);               // 7.619853024160527e-24
 * ```
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) <= QUARTILE) return 0.5 + central(x);
  return x < 0 ? upperTail(-x) : 1 - upperTail(x);
}

/**
 * The two-sided normal p-value of a z-score, 2·Φ(−|z|) (R: `2 * pnorm(-abs(z))`), computed from
 * the tail directly so that p keeps full relative precision for large |z|.
 *
 * @param z - a z-score; NaN gives NaN, ±∞ gives 0
 * @returns the probability that a standard normal variable is at least |z| from 0, in [0, 1]
 * @example
 * ```ts
 * twoSidedP(1.959963984540054); // 0.05
 * twoSidedP(8);                 // 1.2441921148543e-15
 * ```
 */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const y = Math.abs(z);
  return y <= QUARTILE ? 2 * (0.5 - central(y)) : 2 * upperTail(y);
}

/**
 * The standard normal quantile, Φ⁻¹(p), by Acklam's rational approximation (relative error
 * below 1.2e-9; Acklam 2003, "An algorithm for computing the inverse normal cumulative
 * distribution function").
 *
 * @param p - a probability in (0, 1)
 * @returns x with Φ(x) = p
 * @example
 * ```ts
 * normalQuantile(0.95); // 1.6448536…
 * ```
 */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
