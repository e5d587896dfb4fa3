/**
 * The binomial distribution: probabilities by Loader's saddle-point algorithm (C. Loader 2000,
 * "Fast and accurate computation of binomial probabilities"), the algorithm of R's `dbinom`,
 * tails by direct summation away from the mean, and the two-sided exact test of R's
 * `binom.test`. Counts are integers; probabilities keep full relative precision in the tails.
 */
import { assertArgument } from '../errors.js';

const LN_2PI = 1.8378770664093453; // log(2π)
const LN_SQRT_2PI = 0.9189385332046728; // log(√(2π))

/** log(k!) for k ≤ 15, exact factorials so that the Stirling error below has no series error. */
const LOG_FACTORIAL: number[] = [0];
for (let k = 1, factorial = 1; k <= 15; k++) {
  factorial *= k;
  LOG_FACTORIAL.push(Math.log(factorial));
}

/**
 * Stirling's error δ(n) = log(n!) − [(n + ½)·log(n) − n + log √(2π)] for integer n ≥ 1
 * (Loader 2000; R's `stirlerr`): exact factorials up to 15, the asymptotic series beyond.
 */
function stirlingError(n: number): number {
  if (n <= 15) return LOG_FACTORIAL[n] - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  const nn = n * n;
  // δ(n) ~ 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹) (Stirling series)
  if (n > 500) return (1 / 12 - 1 / 360 / nn) / n;
  if (n > 80) return (1 / 12 - (1 / 360 - 1 / 1260 / nn) / nn) / n;
  if (n > 35) return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / 1680 / nn) / nn) / nn) / n;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / nn) / nn) / nn) / nn) / n;
}

/**
 * The deviance term x·log(x/m) + m − x without cancellation when x ≈ m (Loader 2000; R's
 * `bd0`): a series in v = (x − m)/(x + m) when |x − m| < 0.1(x + m).
 */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = s + term / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
  }
  return x * Math.log(x / m) + m - x;
}

/** P(X = k) for integers 0 ≤ k ≤ n, q = 1 − p given separately to keep its precision. */
function pmf(k: number, n: number, p: number, q: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) {
    if (n === 0) return 1;
    return Math.exp(p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q));
  }
  if (k === n) return Math.exp(q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p));
  // Loader 2000: log f = δ(n) − δ(k) − δ(n−k) − D(k, np) − D(n−k, nq) − ½·log(2πk(n−k)/n)
  const lc =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    deviance(k, n * p) -
    deviance(n - k, n * q);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(lc - 0.5 * lf);
}

/**
 * Σ P(X = j) for j from `k` moving away from the mean (down when `down`), until the rest is
 * below the precision of the sum. Terms fall monotonically on that side, by the ratio
 * P(j − 1)/P(j) = j·q/((n − j + 1)·p) going down, (n − j)·p/((j + 1)·q) going up.
 */
function tailSum(k: number, n: number, p: number, q: number, down: boolean): number {
  let term = pmf(k, n, p, q);
  let sum = term;
  for (let j = k; down ? j > 0 : j < n; j += down ? -1 : 1) {
    const ratio = down ? (j * q) / ((n - j + 1) * p) : ((n - j) * p) / ((j + 1) * q);
    term *= ratio;
    sum += term;
    // The remaining terms form a series bounded by a geometric one of this ratio.
    if (ratio < 1 && (term * ratio) / (1 - ratio) <= sum * Number.EPSILON * 0.25) break;
  }
  return sum;
}

/** Throws `E_ARGUMENT` unless n is a count, p a probability and, when given, k an integer. */
function assertBinomial(fn: string, n: number, p: number, k?: number): void {
  assertArgument(Number.isInteger(n) && n >= 0, fn, `n must be an integer >= 0, got ${n}`, n);
  assertArgument(p >= 0 && p <= 1, fn, `p must be a probability in [0, 1], got ${p}`, p);
  if (k !== undefined) assertArgument(Number.isInteger(k), fn, `k must be an integer, got ${k}`, k);
}

/**
 * The binomial probability P(X = k), X ~ Binomial(n, p), as R's `dbinom(k, n, p)`
 * (Loader's algorithm: relative error about 1e-15 even far in the tails).
 *
 * @param k - number of successes (any integer; outside 0…n gives 0)
 * @param n - number of trials, an integer ≥ 0
 * @param p - success probability in [0, 1]
 * @returns P(X = k)
 * @throws HexreachError `E_ARGUMENT` if k or n is not an integer, n < 0, or p is not in [0, 1]
 * @example
 * ```ts
 * binomialPmf(3, 10, 0.5); // 0.1171875 (= 120/1024)
 * ```
 */
export function binomialPmf(k: number, n: number, p: number): number {
  assertBinomial('binomialPmf', n, p, k);
  if (k < 0 || k > n) return 0;
  return pmf(k, n, p, 1 - p);
}

/** Options of {@link binomialCdf}. */
export interface BinomialCdfOptions {
  /** true: P(X ≤ k) (default); false: P(X > k), computed directly rather than as 1 − P(X ≤ k). */
  readonly lowerTail?: boolean;
}

/**
 * The binomial distribution function, as R's `pbinom(k, n, p, lower.tail)`: the tail on the far
 * side of the mean is summed term by term from k outwards (Loader's probabilities), and the
 * other is its complement, so small tails keep their relative precision.
 *
 * @param k - an integer
 * @param n - number of trials, an integer ≥ 0
 * @param p - success probability in [0, 1]
 * @param options - `lowerTail` (default true)
 * @returns P(X ≤ k), or P(X > k) with `lowerTail: false`
 * @throws HexreachError `E_ARGUMENT` if k or n is not an integer, n < 0, or p is not in [0, 1]
 * @example
 * ```ts
 * binomialCdf(3, 10, 0.5);                        // 0.171875 (= 176/1024)
 * binomialCdf(3, 10, 0.5, { lowerTail: false });  // 0.828125
 * ```
 */
export function binomialCdf(
  k: number,
  n: number,
  p: number,
  options: BinomialCdfOptions = {},
): number {
  const lowerTail = options.lowerTail ?? true;
  assertBinomial('binomialCdf', n, p, k);
  return cdf(k, n, p, lowerTail);
}

/** {@link binomialCdf} without the checks. */
function cdf(k: number, n: number, p: number, lowerTail: boolean): number {
  if (k < 0) return lowerTail ? 0 : 1;
  if (k >= n) return lowerTail ? 1 : 0;
  const q = 1 - p;
  if (p === 0) return lowerTail ? 1 : 0;
  if (q === 0) return lowerTail ? 0 : 1;
  if (k < n * p) {
    // k is below the mean: P(X ≤ k) is the small tail.
    const lower = Math.min(1, tailSum(k, n, p, q, true));
    return lowerTail ? lower : 1 - lower;
  }
  const upper = Math.min(1, tailSum(k + 1, n, p, q, false));
  return lowerTail ? 1 - upper : upper;
}

/** R binom.test's tolerance: outcomes within a relative 1e-7 of P(x) count as equally likely. */
const RELATIVE_ERROR = 1 + 1e-7;

/**
 * The two-sided p-value of the exact binomial test of x successes in n trials against success
 * probability p, computed as R's `binom.test(x, n, p)$p.value`: the probability of every
 * outcome no more likely than x, P(X = i) ≤ P(X = x)·(1 + 1e-7). With n = 0 the p-value is 1
 * (R refuses n = 0; no data is no evidence).
 *
 * @param x - observed successes, an integer in 0…n
 * @param n - number of trials, an integer ≥ 0
 * @param p - hypothesised success probability in [0, 1]
 * @returns the two-sided p-value in [0, 1]
 * @throws HexreachError `E_ARGUMENT` if x or n is not an integer, x is outside 0…n, or p is not in [0, 1]
 * @example
 * ```ts
 * binomialTwoSidedP(3, 10, 0.5);          // 0.34375 (= 2·176/1024)
 * binomialTwoSidedP(11, 32, 800 / 3811);  // 0.07966863…, R: poisson.test(c(11, 21), c(800, 3011))
 * ```
 */
export function binomialTwoSidedP(x: number, n: number, p: number): number {
  assertBinomial('binomialTwoSidedP', n, p, x);
  assertArgument(x >= 0 && x <= n, 'binomialTwoSidedP', `x must be in 0…${n}, got ${x}`, x);
  const q = 1 - p;
  const d = pmf(x, n, p, q);
  const m = n * p;
  if (x === m) return 1;
  const threshold = d * RELATIVE_ERROR;
  let result: number;
  if (x < m) {
    // Outcomes i ≥ ⌈m⌉ with P(i) ≤ threshold: P falls on that side, so they form a tail [i0, n].
    let lo = Math.ceil(m);
    let hi = n + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pmf(mid, n, p, q) <= threshold) hi = mid;
      else lo = mid + 1;
    }
    const y = n + 1 - lo;
    result = cdf(x, n, p, true) + cdf(n - y, n, p, false);
  } else {
    // Outcomes i ≤ ⌊m⌋ with P(i) ≤ threshold: a tail [0, i1] since P rises towards the mean.
    let lo = -1;
    let hi = Math.floor(m);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pmf(mid, n, p, q) <= threshold) lo = mid;
      else hi = mid - 1;
    }
    const y = lo + 1;
    result = cdf(y - 1, n, p, true) + cdf(x - 1, n, p, false);
  }
  return Math.min(1, result);
}
