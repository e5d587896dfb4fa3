import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { mulberry32 } from '../../src/util/random.js';
import { expectSameBits } from '../helpers/bits.js';
import { thrownBy } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

/** The definition, by brute force: p̃_(k) = min(1, min_{l ≥ k} m·p_(l)/l) over the non-NaN p. */
function naiveBH(p: readonly number[]): number[] {
  const present = p.filter((v) => !Number.isNaN(v));
  const m = present.length;
  return p.map((v) => {
    if (Number.isNaN(v)) return Number.NaN;
    const sorted = [...present].sort((a, b) => a - b);
    const rank = sorted.indexOf(v) + 1; // the first of tied values; the minimum covers the rest
    let best = Number.POSITIVE_INFINITY;
    for (let l = rank; l <= m; l++) best = Math.min(best, (m / l) * sorted[l - 1]);
    return Math.min(1, best);
  });
}

describe('benjaminiHochberg', () => {
  it('adjusts p as R p.adjust(method = "BH"): min over higher ranks of m·p_(l)/l', () => {
    // ranked 0.005, 0.01, 0.03, 0.04, 0.2 → m·p/l = 0.025, 0.025, 0.05, 0.05, 0.2 (already monotone)
    expectAllClose(
      benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2]),
      [0.025, 0.05, 0.05, 0.025, 0.2],
      1e-15,
    );
  });

  it('carries a smaller value down from a higher rank (the step-up minimum)', () => {
    // ranked 0.02, 0.04, 0.04, 0.05 → m·p/l = 0.08, 0.08, 0.0533, 0.05: the minimum over the
    // ranks above reaches down to the smallest p
    expectAllClose(benjaminiHochberg([0.02, 0.04, 0.05, 0.04]), [0.05, 0.05, 0.05, 0.05], 1e-15);
    expectAllClose(
      benjaminiHochberg([0.01, 0.02, 0.03, 0.04, 0.05]),
      [0.05, 0.05, 0.05, 0.05, 0.05],
      1e-15,
    );
  });

  it('gives tied p-values the same adjusted value', () => {
    expectAllClose(benjaminiHochberg([0.02, 0.02, 0.02]), [0.02, 0.02, 0.02], 0);
    const adjusted = benjaminiHochberg([0.3, 0.001, 0.3, 0.02]);
    expect(adjusted[0]).toBe(adjusted[2]);
  });

  it('passes NaN through and leaves it out of m', () => {
    expectAllClose(
      benjaminiHochberg([0.01, Number.NaN, 0.04, 0.03]),
      [0.03, Number.NaN, 0.04, 0.04],
      1e-15,
    );
    expectAllClose(benjaminiHochberg([Number.NaN, Number.NaN]), [Number.NaN, Number.NaN], 0);
  });

  it('returns an empty array for no p-values', () => {
    expect(benjaminiHochberg([])).toEqual(new Float64Array(0));
  });

  it('equals the brute-force definition on random p-values with ties and NaN (seeded)', () => {
    const random = mulberry32(20240611);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(random() * 40);
      const p = Array.from({ length: n }, () => {
        const u = random();
        if (u < 0.1) return Number.NaN;
        if (u < 0.2) return 0.05; // ties
        return random() ** 3; // many small p
      });
      const adjusted = benjaminiHochberg(p);
      expectAllClose(adjusted, naiveBH(p), 1e-15, `trial ${trial}`);
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(p[i])) continue;
        expect(adjusted[i]).toBeGreaterThanOrEqual(p[i]);
        expect(adjusted[i]).toBeLessThanOrEqual(1);
      }
    }
  });

  it('rejects values that are not probabilities with E_ARGUMENT', () => {
    for (const bad of [-0.01, 1.5, Number.POSITIVE_INFINITY]) {
      const error = thrownBy(() => benjaminiHochberg([0.2, bad]));
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.value).toEqual({ index: 1, value: bad });
    }
  });
});

describe('benjaminiHochberg against its definition', () => {
  it('equals min over l ≥ rank of (m / l)·p_(l), capped at 1, on random p-values with many ties', () => {
    const random = mulberry32(11);
    const p = Array.from({ length: 400 }, () =>
      random() < 0.1 ? Number.NaN : Math.round(random() * 50) / 50,
    );
    const valid = p.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const m = valid.length;
    const expected = p.map((v) => {
      if (Number.isNaN(v)) return Number.NaN;
      // The rank of v is the highest position holding it; BH takes the min over ranks above.
      const rank = valid.lastIndexOf(v) + 1;
      let best = 1;
      for (let l = rank; l <= m; l++) best = Math.min(best, (m / l) * valid[l - 1]);
      return best;
    });
    const adjusted = benjaminiHochberg(p);
    for (let i = 0; i < p.length; i++) {
      if (Number.isNaN(expected[i])) expect(Number.isNaN(adjusted[i])).toBe(true);
      else expect(adjusted[i]).toBeCloseTo(expected[i], 14);
    }
  });
});

/** The former method: every p sorted, the running minimum per rank, a search per p. */
function rankedBH(p: readonly number[]): Float64Array {
  const sorted = Float64Array.from(p.filter((v) => !Number.isNaN(v))).sort();
  const m = sorted.length;
  const bySorted = new Float64Array(m);
  let running = Number.POSITIVE_INFINITY;
  for (let r = m; r >= 1; r--) {
    const candidate = (m / r) * sorted[r - 1];
    if (candidate < running) running = candidate;
    bySorted[r - 1] = Math.min(running, 1);
  }
  return Float64Array.from(p, (value) => {
    if (Number.isNaN(value)) return Number.NaN;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid] <= value) lo = mid;
      else hi = mid - 1;
    }
    return bySorted[lo];
  });
}

describe('benjaminiHochberg against ranking every p-value', () => {
  it('gives the same bits on sparse-Gi*-like p-values: few distinct values in long runs', () => {
    const random = mulberry32(5);
    for (let trial = 0; trial < 20; trial++) {
      const few = Array.from({ length: 1 + Math.floor(random() * 30) }, () => random() ** 4);
      const p: number[] = [];
      while (p.length < 3000) {
        const value = random() < 0.05 ? Number.NaN : few[Math.floor(random() * few.length)];
        for (let k = Math.floor(random() * 40); k >= 0; k--) p.push(value);
      }
      expectSameBits(benjaminiHochberg(p), rankedBH(p), `trial ${trial}`);
    }
  });

  it('gives the same bits with more distinct values than its cache has slots, and ±0 and 1', () => {
    const random = mulberry32(6);
    for (let trial = 0; trial < 5; trial++) {
      const p = Array.from({ length: 20000 }, () => {
        const u = random();
        return u < 0.01 ? 0 : u < 0.02 ? -0 : u < 0.03 ? 1 : u < 0.5 ? random() : random() ** 6;
      });
      expectSameBits(benjaminiHochberg(p), rankedBH(p), `trial ${trial}`);
    }
    const onlyNegativeZero = [-0, -0, 0.5];
    expectSameBits(benjaminiHochberg(onlyNegativeZero), rankedBH(onlyNegativeZero), '−0');
  });
});
