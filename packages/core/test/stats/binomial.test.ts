import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialPmf, binomialTwoSidedP } from '../../src/stats/binomial.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

/** Asserts a relative error of at most `tolerance`. */
function expectRelative(actual: number, expected: number, tolerance: number, label = ''): void {
  expectClose(actual / expected, 1, tolerance, label);
}

/** C(n, k) exactly for small n. */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

describe('binomialPmf', () => {
  it('gives C(n, k)/2ⁿ for p = 1/2', () => {
    for (let k = 0; k <= 10; k++)
      expectRelative(binomialPmf(k, 10, 0.5), choose(10, k) / 1024, 1e-14);
    expectRelative(binomialPmf(0, 100, 0.5), 2 ** -100, 1e-13, 'P(0 of 100)');
    // C(100, 50)/2^100 (R: dbinom(50, 100, 0.5) = 0.07958924)
    expectRelative(binomialPmf(50, 100, 0.5), 0.07958923738717875, 1e-13);
  });

  it('keeps relative precision far in the tails (scipy.stats.binom.pmf, R dbinom)', () => {
    expectRelative(binomialPmf(5, 1000, 0.02), 4.915464597611873e-5, 1e-12);
    expectRelative(binomialPmf(700, 1000, 0.3), 1.773985855644361e-149, 1e-11);
  });

  it('sums to 1 over 0…n and handles p = 0, p = 1 and k outside 0…n (property)', () => {
    const random = mulberry32(8);
    for (let trial = 0; trial < 40; trial++) {
      const n = Math.floor(random() * 300);
      const p = random();
      let sum = 0;
      for (let k = 0; k <= n; k++) sum += binomialPmf(k, n, p);
      expectClose(sum, 1, 1e-12, `n ${n}, p ${p}`);
    }
    expect(binomialPmf(0, 5, 0)).toBe(1);
    expect(binomialPmf(1, 5, 0)).toBe(0);
    expect(binomialPmf(5, 5, 1)).toBe(1);
    expect(binomialPmf(-1, 5, 0.3)).toBe(0);
    expect(binomialPmf(6, 5, 0.3)).toBe(0);
  });
});

describe('binomialCdf', () => {
  it('adds up the probabilities, both tails, exactly for p = 1/2', () => {
    expect(binomialCdf(3, 10, 0.5)).toBeCloseTo(176 / 1024, 15);
    expect(binomialCdf(3, 10, 0.5, { lowerTail: false })).toBeCloseTo(848 / 1024, 15);
    expectRelative(binomialCdf(0, 100, 0.5), 2 ** -100, 1e-13);
    expectRelative(binomialCdf(99, 100, 0.5, { lowerTail: false }), 2 ** -100, 1e-13);
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialCdf(10, 10, 0.5, { lowerTail: false })).toBe(0);
  });

  it('matches scipy.stats.binom (R pbinom) in small tails', () => {
    expectRelative(binomialCdf(5, 1000, 0.02), 6.400906688292924e-5, 1e-12);
    expectRelative(binomialCdf(40, 1000, 0.02, { lowerTail: false }), 2.031602188051453e-5, 1e-12);
    expectRelative(binomialCdf(250, 1000, 0.3), 2.598030365289303e-4, 1e-12);
  });

  it('equals the sum of binomialPmf on random n, p, k (property)', () => {
    const random = mulberry32(21);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 200);
      const p = random();
      const k = Math.floor(random() * (n + 1));
      let lower = 0;
      for (let j = 0; j <= k; j++) lower += binomialPmf(j, n, p);
      expectClose(binomialCdf(k, n, p), Math.min(1, lower), 1e-12, `P(X ≤ ${k}), n ${n}, p ${p}`);
      expectClose(binomialCdf(k, n, p, { lowerTail: false }), Math.max(0, 1 - lower), 1e-12);
    }
  });
});

describe('binomialTwoSidedP', () => {
  it('sums the outcomes no more likely than the observed one, by hand', () => {
    // n = 10, p = 1/2: x = 3 and its mirror 7 → 2·176/1024.
    expect(binomialTwoSidedP(3, 10, 0.5)).toBeCloseTo(0.34375, 15);
    expect(binomialTwoSidedP(7, 7, 0.5)).toBeCloseTo(2 / 128, 15);
    // n = 5, p = 0.3, x = 0: P(0) = 0.16807; of 2…5 only P(2) = 0.3087 is more likely, so
    // p = 0.16807 + P(3) + P(4) + P(5) = 0.16807 + 0.1323 + 0.02835 + 0.00243.
    expect(binomialTwoSidedP(0, 5, 0.3)).toBeCloseTo(0.33115, 14);
    // x at the mean: 1.
    expect(binomialTwoSidedP(5, 10, 0.5)).toBe(1);
  });

  it("reproduces R's binom.test and poisson.test", () => {
    // R ?poisson.test: poisson.test(c(11, 6+8+7), c(800, 1083+1050+878)) → p-value = 0.07967
    expectClose(binomialTwoSidedP(11, 32, 800 / 3811), 0.0796686330333295, 1e-13);
    // binom.test(60, 100) → p-value = 0.05689
    expectClose(binomialTwoSidedP(60, 100, 0.5), 0.05688793364098089, 1e-13);
    // scipy.stats.binomtest, the same two-sided rule as R
    expectClose(binomialTwoSidedP(30, 1000, 0.02), 0.030933066833002756, 1e-13);
    expectClose(binomialTwoSidedP(15, 40, 0.25), 0.09771123059065044, 1e-13);
    expectClose(binomialTwoSidedP(9, 10, 0.3), 1.436858999999999e-4, 1e-15);
    expect(binomialTwoSidedP(2, 20, 0.1)).toBe(1);
    expectRelative(binomialTwoSidedP(0, 100, 0.5), 1.5777218104420236e-30, 1e-12);
  });

  it('is symmetric: x of n at p equals n − x of n at 1 − p, and lies in [0, 1] (property)', () => {
    const random = mulberry32(33);
    for (let trial = 0; trial < 200; trial++) {
      const n = Math.floor(random() * 150);
      const p = random();
      const x = Math.floor(random() * (n + 1));
      const value = binomialTwoSidedP(x, n, p);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      expectClose(binomialTwoSidedP(n - x, n, 1 - p), value, 1e-12, `x ${x} n ${n} p ${p}`);
    }
    expect(binomialTwoSidedP(0, 0, 0.4)).toBe(1);
  });

  it('rejects x outside 0…n, non-integers and p outside [0, 1] with E_ARGUMENT', () => {
    expect(codeOf(() => binomialTwoSidedP(11, 10, 0.5))).toBe('E_ARGUMENT');
    expect(codeOf(() => binomialTwoSidedP(1.5, 10, 0.5))).toBe('E_ARGUMENT');
    expect(codeOf(() => binomialTwoSidedP(1, 10, 1.5))).toBe('E_ARGUMENT');
    expect(codeOf(() => binomialPmf(1, -1, 0.5))).toBe('E_ARGUMENT');
    expect(codeOf(() => binomialCdf(1, 10, Number.NaN))).toBe('E_ARGUMENT');
  });
});
