import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { confidenceBins } from '../../src/stats/confidenceBins.js';
import { mulberry32 } from '../../src/util/random.js';
import { thrownBy } from '../helpers/errors.js';

describe('confidenceBins without correction', () => {
  it('bins p < 0.01, < 0.05 and < 0.10 as 3, 2 and 1, signed by z', () => {
    const z = [3.1, -3.1, 2.2, -2.2, 1.7, -1.7, 0.4, -0.4];
    const p = [0.0019, 0.0019, 0.0278, 0.0278, 0.0891, 0.0891, 0.6892, 0.6892];
    expect(Array.from(confidenceBins(z, p))).toEqual([3, -3, 2, -2, 1, -1, 0, 0]);
  });

  it('leaves a p-value equal to a level in the bin below it (strict inequality)', () => {
    expect(Array.from(confidenceBins([3, 2, 1.7], [0.01, 0.05, 0.1]))).toEqual([2, 1, 0]);
  });

  it('gives 0 where z or p is NaN, and where z is 0', () => {
    const bins = confidenceBins([Number.NaN, 4, 0], [0.001, Number.NaN, 0.001]);
    expect(Array.from(bins)).toEqual([0, 0, 0]);
  });
});

describe('confidenceBins with the false discovery rate correction', () => {
  // m = 10; critical p at α = 0.10: largest p_(k) ≤ 0.01k is p_(5) = 0.045;
  // at α = 0.05: largest p_(k) ≤ 0.005k is p_(3) = 0.006; at α = 0.01: p_(1) = 0.0005.
  const p = [0.9, 0.045, 0.0005, 0.2, 0.006, 0.5, 0.03, 0.004, 0.8, 0.6];
  const z = [0.1, 2, -3.5, 1.3, 2.7, -0.7, -2.2, 2.9, 0.3, -0.5];

  it('uses the largest ranked p_(k) ≤ k·α/m of each level as its critical value', () => {
    expect(Array.from(confidenceBins(z, p, { fdr: true }))).toEqual([
      0, 1, -3, 0, 2, 0, -1, 2, 0, 0,
    ]);
  });

  it('is stricter than the uncorrected bins on the same p-values', () => {
    expect(Array.from(confidenceBins(z, p))).toEqual([0, 2, -3, 0, 3, 0, -2, 3, 0, 0]);
  });

  it('steps up: a p-value above its own k·α/m is significant when a higher rank qualifies', () => {
    // α = 0.05, m = 4: 0.02 > 1·0.0125, but 0.03 ≤ 3·0.0125, so the critical value is 0.03
    const bins = confidenceBins([2.3, 2.3, 2.2, 0.1], [0.02, 0.021, 0.03, 0.9], { fdr: true });
    expect(Array.from(bins)).toEqual([2, 2, 2, 0]);
  });

  it('leaves cells with NaN z or p out of m', () => {
    // with m = 1 the 99 % critical value is 0.01; counting the NaN cell would halve it
    const bins = confidenceBins([3, Number.NaN, 1], [0.008, 0.5, Number.NaN], { fdr: true });
    expect(Array.from(bins)).toEqual([3, 0, 0]);
  });

  it('agrees with Benjamini–Hochberg adjusted p-values at 0.10, 0.05 and 0.01 (seeded)', () => {
    const random = mulberry32(7);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const zs = Array.from({ length: n }, () => (random() - 0.5) * 8);
      const ps = zs.map(() => random() ** 4);
      const adjusted = benjaminiHochberg(ps);
      const expected = zs.map((zi, i) => {
        const level =
          adjusted[i] <= 0.01 ? 3 : adjusted[i] <= 0.05 ? 2 : adjusted[i] <= 0.1 ? 1 : 0;
        return level === 0 ? 0 : Math.sign(zi) * level;
      });
      expect(Array.from(confidenceBins(zs, ps, { fdr: true })), `trial ${trial}`).toEqual(expected);
    }
  });
});

describe('confidenceBins against ranking every p-value', () => {
  /** The former method: the critical value of each level from all m p-values sorted. */
  function rankedFdrBins(z: readonly number[], p: readonly number[]): number[] {
    const tested = p.filter((v, i) => !Number.isNaN(v) && !Number.isNaN(z[i]));
    const sorted = Float64Array.from(tested).sort();
    const m = sorted.length;
    const critical = [0.1, 0.05, 0.01].map((alpha) => {
      for (let k = m; k >= 1; k--) if (sorted[k - 1] <= (k * alpha) / m) return sorted[k - 1];
      return -1;
    });
    return z.map((zi, i) => {
      if (Number.isNaN(zi) || Number.isNaN(p[i])) return 0;
      let level = 0;
      for (let a = 0; a < 3; a++) if (p[i] <= critical[a]) level = a + 1;
      return level === 0 ? 0 : zi > 0 ? level : zi < 0 ? -level : 0;
    });
  }

  it('gives the same bins, p-values at and just above 0.1 included', () => {
    const random = mulberry32(8);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(random() * 300);
      const z = Array.from({ length: n }, () => (random() < 0.05 ? Number.NaN : random() * 8 - 4));
      const p = z.map(() => {
        const u = random();
        return u < 0.05
          ? Number.NaN
          : u < 0.3
            ? 0.1 * (1 + (random() - 0.5) * 1e-15)
            : random() ** 3;
      });
      expect(Array.from(confidenceBins(z, p, { fdr: true })), `trial ${trial}`).toEqual(
        rankedFdrBins(z, p),
      );
    }
  });
});

describe('confidenceBins input checks', () => {
  it('rejects z and p of different lengths with E_ARGUMENT', () => {
    expect(thrownBy(() => confidenceBins([1, 2], [0.5])).code).toBe('E_ARGUMENT');
  });

  it('rejects p-values outside [0, 1] with E_ARGUMENT naming the index', () => {
    const error = thrownBy(() => confidenceBins([1, 2], [0.5, 1.2]));
    expect(error.code).toBe('E_ARGUMENT');
    expect(error.value).toEqual({ index: 1, value: 1.2 });
  });
});
