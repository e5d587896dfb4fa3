import { describe, expect, it } from 'vitest';
import {
  addDiscreteLaplaceNoise,
  discreteLaplaceSampler,
  discreteLaplaceVariance,
} from '../../src/privacy/discreteLaplace.js';
import { secretUniform } from '../../src/privacy/secretUniform.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';

const DRAWS = 100_000;

/** P(k) of the discrete Laplace law with p = exp(−ε/Δ). */
function probability(k: number, p: number): number {
  return ((1 - p) / (1 + p)) * p ** Math.abs(k);
}

/**
 * Pearson's χ² statistic of draws against the discrete Laplace law with parameter p, over the
 * values −K…K (K the largest with an expected count ≥ 5) and the two tails pooled; and its
 * degrees of freedom.
 */
function chiSquare(draws: readonly number[], p: number): { statistic: number; df: number } {
  let k = 0;
  while (draws.length * probability(k + 1, p) >= 5) k++;
  const observed = new Map<number, number>();
  for (const d of draws) {
    const bin = Math.max(-k - 1, Math.min(k + 1, d));
    observed.set(bin, (observed.get(bin) ?? 0) + 1);
  }
  let tail = 0;
  for (let j = -k; j <= k; j++) tail += probability(j, p);
  const tailEach = (1 - tail) / 2;
  let statistic = 0;
  for (let bin = -k - 1; bin <= k + 1; bin++) {
    const expected = draws.length * (Math.abs(bin) === k + 1 ? tailEach : probability(bin, p));
    statistic += ((observed.get(bin) ?? 0) - expected) ** 2 / expected;
  }
  return { statistic, df: 2 * k + 2 };
}

/** The χ² quantile at 1 − 10⁻⁴ by Wilson & Hilferty's (1931) cube-root approximation. */
function chiSquareCritical(df: number): number {
  const z = 3.719; // the standard normal's 1 − 10⁻⁴ quantile
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

function drawMany(epsilon: number, sensitivity: number, seed: number): number[] {
  const noise = discreteLaplaceSampler({ epsilon, sensitivity }, mulberry32(seed));
  return Array.from({ length: DRAWS }, noise);
}

describe('discreteLaplaceSampler', () => {
  for (const [epsilon, sensitivity] of [
    [1, 1],
    [0.5, 1],
    [2, 3],
  ]) {
    it(`draws integers with mean 0 and variance 2p/(1 − p)²: ε = ${epsilon}, Δ = ${sensitivity}`, () => {
      const draws = drawMany(epsilon, sensitivity, 7);
      expect(draws.every(Number.isInteger)).toBe(true);
      const variance = discreteLaplaceVariance({ epsilon, sensitivity });
      const p = Math.exp(-epsilon / sensitivity);
      expect(variance).toBeCloseTo((2 * p) / (1 - p) ** 2, 12);
      const mean = draws.reduce((s, d) => s + d, 0) / DRAWS;
      const sampleVariance = draws.reduce((s, d) => s + (d - mean) ** 2, 0) / (DRAWS - 1);
      // Five standard errors: the mean's is √(v/n); the variance's about v·√(2/n) plus the
      // heavier tails' share, bounded here by 2·v·√(2/n).
      expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(variance / DRAWS));
      expect(Math.abs(sampleVariance - variance)).toBeLessThan(
        5 * 2 * variance * Math.sqrt(2 / DRAWS),
      );
    });

    it(`passes a χ² goodness-of-fit test over 10⁵ draws: ε = ${epsilon}, Δ = ${sensitivity}`, () => {
      const p = Math.exp(-epsilon / sensitivity);
      const { statistic, df } = chiSquare(drawMany(epsilon, sensitivity, 11), p);
      expect(statistic).toBeLessThan(chiSquareCritical(df));
    });
  }

  it('fails the same test against a law with another ε: the test can tell them apart', () => {
    const draws = drawMany(1.2, 1, 11);
    const { statistic, df } = chiSquare(draws, Math.exp(-1));
    expect(statistic).toBeGreaterThan(chiSquareCritical(df));
  });

  it('refuses an ε or Δ that is not a finite number > 0, with E_ARGUMENT', () => {
    for (const epsilon of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(
        codeOf(() => discreteLaplaceSampler({ epsilon }, Math.random)),
        String(epsilon),
      ).toBe('E_ARGUMENT');
    expect(codeOf(() => discreteLaplaceSampler({ epsilon: 1, sensitivity: 0 }, Math.random))).toBe(
      'E_ARGUMENT',
    );
  });
});

describe('addDiscreteLaplaceNoise', () => {
  it('adds integer noise to every entry, zeros included, and leaves the input as it was', () => {
    const counts = new Uint32Array([0, 0, 3, 12, 0, 1]);
    const noisy = addDiscreteLaplaceNoise(counts, { epsilon: 0.5 }, mulberry32(3));
    expect(noisy).toHaveLength(counts.length);
    expect(Array.from(noisy).every(Number.isInteger)).toBe(true);
    expect(Array.from(counts)).toEqual([0, 0, 3, 12, 0, 1]);
    // Over many tables each entry is unbiased: the mean of 20,000 noisy copies is the count.
    const sums = new Float64Array(counts.length);
    const uniform = mulberry32(5);
    for (let r = 0; r < 20_000; r++) {
      const copy = addDiscreteLaplaceNoise(counts, { epsilon: 0.5 }, uniform);
      for (let i = 0; i < counts.length; i++) sums[i] += copy[i];
    }
    const sd = Math.sqrt(discreteLaplaceVariance({ epsilon: 0.5 }) / 20_000);
    for (let i = 0; i < counts.length; i++)
      expect(Math.abs(sums[i] / 20_000 - counts[i]), `entry ${i}`).toBeLessThan(5 * sd);
  });

  it('refuses counts that are not integers', () => {
    expect(codeOf(() => addDiscreteLaplaceNoise([1, 2.5], { epsilon: 1 }, Math.random))).toBe(
      'E_ARGUMENT',
    );
  });
});

describe('secretUniform', () => {
  it('gives uniform numbers in [0, 1) that differ from one generator to the next', () => {
    const a = secretUniform();
    const b = secretUniform();
    const first = Array.from({ length: 5000 }, a);
    expect(first.every((u) => u >= 0 && u < 1)).toBe(true);
    // Each decile holds about a tenth (binomial sd ≈ 21; 6 sd allowed).
    const deciles = new Array(10).fill(0);
    for (const u of first) deciles[Math.floor(u * 10)]++;
    for (const n of deciles) expect(Math.abs(n - 500)).toBeLessThan(130);
    expect(Array.from({ length: 5 }, b)).not.toEqual(first.slice(0, 5));
  });
});
