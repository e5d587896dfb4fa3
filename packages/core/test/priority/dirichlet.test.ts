import { describe, expect, it } from 'vitest';
import { dirichlet } from '../../src/priority/dirichlet.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

/** `count` draws of Dirichlet(alpha) from one seeded generator. */
function draws(alpha: number[], count: number, seed: number): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => dirichlet(alpha, random));
}

/** Kolmogorov–Smirnov distance between a sample and a continuous CDF. */
function ksDistance(sample: number[], cdf: (x: number) => number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs((i + 1) / sorted.length - f), Math.abs(f - i / sorted.length));
  });
  return d;
}

describe('dirichlet', () => {
  it('has mean α/Σα and variance a(1 − a)/(Σα + 1) over 20,000 draws (shapes below and above 1)', () => {
    const alpha = [0.5, 2, 7.5];
    const sample = draws(alpha, 20_000, 7);
    alpha.forEach((a, k) => {
      const mean = a / 10;
      const variance = (mean * (1 - mean)) / 11;
      const xs = sample.map((x) => x[k]);
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
      // The standard error of the mean is at most √(0.017/20000) ≈ 0.0009: 0.005 is over 5 SE.
      expectClose(m, mean, 0.005, `mean ${k}`);
      // Relative error of a sample variance at n = 20,000 is a few percent.
      expectClose(v / variance, 1, 0.08, `variance ratio ${k}`);
    });
  });

  it('gives Uniform(0, 1) shares for α = (1, 1) (KS distance below the 1 % critical value)', () => {
    const xs = draws([1, 1], 5000, 3).map((x) => x[0]);
    expect(ksDistance(xs, (x) => x)).toBeLessThan(1.63 / Math.sqrt(5000));
  });

  it('gives arcsine-distributed shares for α = (0.5, 0.5), the shape < 1 path', () => {
    const xs = draws([0.5, 0.5], 5000, 4).map((x) => x[0]);
    const arcsine = (x: number) => (2 / Math.PI) * Math.asin(Math.sqrt(x));
    expect(ksDistance(xs, arcsine)).toBeLessThan(1.63 / Math.sqrt(5000));
  });

  it('returns non-negative shares summing to 1', () => {
    for (const x of draws([3, 0.2, 1, 40], 500, 11)) {
      expectClose(
        x.reduce((s, v) => s + v, 0),
        1,
        1e-12,
      );
      for (const v of x) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives the same draws for the same seed and different ones for another seed', () => {
    expect(draws([2, 3, 5], 20, 42)).toEqual(draws([2, 3, 5], 20, 42));
    expect(draws([2, 3, 5], 20, 42)).not.toEqual(draws([2, 3, 5], 20, 43));
  });

  it('gives a share of exactly 0 to an α of 0', () => {
    for (const x of draws([4, 0, 6], 100, 5)) expect(x[1]).toBe(0);
  });

  it('still sums to 1 for tiny α, whose gamma draws underflow as plain numbers', () => {
    for (const x of draws([1e-3, 1e-3, 1e-3], 200, 9)) {
      for (const v of x) expect(Number.isFinite(v)).toBe(true);
      expectClose(
        x.reduce((s, v) => s + v, 0),
        1,
        1e-12,
      );
    }
  });

  it('concentrates on α/Σα as Σα grows', () => {
    for (const x of draws([4e12, 2e12, 4e12], 20, 6)) {
      expectClose(x[0], 0.4, 1e-5);
      expectClose(x[1], 0.2, 1e-5);
    }
  });

  it('rejects empty, negative, non-finite and all-zero α', () => {
    const random = mulberry32(1);
    expect(codeOf(() => dirichlet([], random))).toBe('E_ARGUMENT');
    expect(codeOf(() => dirichlet([1, -1], random))).toBe('E_ARGUMENT');
    expect(codeOf(() => dirichlet([1, Number.NaN], random))).toBe('E_ARGUMENT');
    expect(codeOf(() => dirichlet([1, Number.POSITIVE_INFINITY], random))).toBe('E_ARGUMENT');
    expect(codeOf(() => dirichlet([0, 0], random))).toBe('E_ARGUMENT');
  });
});
