import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../src/stats/mannKendall.js';
import { twoSidedP } from '../../src/stats/normal.js';
import { mulberry32 } from '../../src/util/random.js';
import { thrownBy } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

/** S by counting every pair, for comparison. */
function bruteForceS(x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) s += Math.sign(x[j] - x[i]);
  return s;
}

describe('mannKendall', () => {
  it('computes S, the tie-corrected variance, z with continuity correction, p and tau by hand', () => {
    // [1, 3, 2, 4, 4]: 8 rising pairs, 1 falling (3 → 2), 1 tie (4, 4): S = 7.
    // One tie group of 2: Var = (5·4·15 − 2·1·9)/18 = 282/18; z = (7 − 1)/√(282/18).
    // τ-b = 7/√((10 − 1)·10) = 0.73786… (scipy.stats.kendalltau(range(5), x) gives the same).
    const result = mannKendall([1, 3, 2, 4, 4]);
    expect(result.n).toBe(5);
    expect(result.S).toBe(7);
    expectClose(result.variance, 282 / 18, 1e-12, 'variance');
    expectClose(result.z, 6 / Math.sqrt(282 / 18), 1e-12, 'z');
    expectClose(result.p, twoSidedP(6 / Math.sqrt(282 / 18)), 1e-15, 'p');
    expectClose(result.tau, 7 / Math.sqrt(90), 1e-14, 'tau');
  });

  it('corrects the variance for several tie groups and uses τ-b', () => {
    // Groups of sizes 2 (value 1), 3 (value 2), 4 (value 3): Σ t(t−1)(2t+5) = 18 + 66 + 156.
    // Var = (9·8·23 − 240)/18 = 1416/18; S = 14; τ-b = 14/√((36 − 10)·36) = 0.457604…
    const result = mannKendall([2, 2, 2, 1, 1, 3, 3, 3, 3]);
    expect(result.S).toBe(14);
    expectClose(result.variance, 1416 / 18, 1e-12, 'variance');
    expectClose(result.z, 13 / Math.sqrt(1416 / 18), 1e-12, 'z');
    expectClose(result.tau, 0.45760431532242946, 1e-14, 'tau (scipy kendalltau)');
  });

  it('gives S = n(n − 1)/2 and τ = 1 for every strictly increasing series (property)', () => {
    const random = mulberry32(1945);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(random() * 60);
      let v = random() * 10 - 5;
      const x = Array.from({ length: n }, () => (v += 0.001 + random() * 3));
      const result = mannKendall(x);
      expect(result.S, `n = ${n}`).toBe((n * (n - 1)) / 2);
      expectClose(result.variance, (n * (n - 1) * (2 * n + 5)) / 18, 1e-9, 'variance');
      expect(result.tau).toBe(1);
      expectClose(result.z, (result.S - 1) / Math.sqrt(result.variance), 1e-12, 'z');
      const falling = mannKendall(x.map((value) => -value));
      expect(falling.S).toBe(-result.S);
      expectClose(falling.z, -result.z, 1e-15, 'z of the mirrored series');
    }
  });

  it('equals a pair count on random series with ties', () => {
    const random = mulberry32(7);
    for (let trial = 0; trial < 30; trial++) {
      const x = Array.from({ length: 5 + Math.floor(random() * 40) }, () =>
        Math.floor(random() * 6),
      );
      expect(mannKendall(x).S).toBe(bruteForceS(x));
    }
  });

  it('counts the tie groups as sorting the values would (the former method), to the bit', () => {
    const random = mulberry32(1975);
    for (let trial = 0; trial < 200; trial++) {
      const x = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        random() < 0.1 ? Number.NaN : Math.floor(random() * 5) * 0.1 - 0.2,
      );
      const values = Float64Array.from(x.filter((v) => !Number.isNaN(v))).sort();
      let tieTerm = 0;
      let tiedPairs = 0;
      for (let i = 0; i < values.length; ) {
        let t = 1;
        while (i + t < values.length && values[i + t] === values[i]) t++;
        tieTerm += t * (t - 1) * (2 * t + 5);
        tiedPairs += (t * (t - 1)) / 2;
        i += t;
      }
      const n = values.length;
      const result = mannKendall(x);
      expect(result.variance, `trial ${trial}`).toBe(
        n < 2 ? 0 : (n * (n - 1) * (2 * n + 5) - tieTerm) / 18,
      );
      const pairs = (n * (n - 1)) / 2;
      const tau =
        pairs > tiedPairs ? result.S / Math.sqrt((pairs - tiedPairs) * pairs) : Number.NaN;
      expect(result.tau, `trial ${trial}`).toBe(tau);
      expect(result.S).toBe(bruteForceS(x.filter((v) => !Number.isNaN(v))));
    }
  });

  it('gives z = 0 and p = 1 when S = 0, and NaN z, p, tau for a constant series', () => {
    // [2, 1, 1, 2]: falling 2 → 1 twice, rising 1 → 2 twice, two ties.
    const balanced = mannKendall([2, 1, 1, 2]);
    expect(balanced.S).toBe(0);
    expect(balanced.z).toBe(0);
    expect(balanced.p).toBe(1);
    const constant = mannKendall([4, 4, 4, 4]);
    expect(constant.S).toBe(0);
    expect(constant.variance).toBe(0);
    expect(constant.z).toBeNaN();
    expect(constant.p).toBeNaN();
    expect(constant.tau).toBeNaN();
  });

  it('skips missing (NaN) steps and keeps the order of the rest', () => {
    const withGaps = mannKendall([1, Number.NaN, 3, 2, Number.NaN, 4, 4]);
    const without = mannKendall([1, 3, 2, 4, 4]);
    expect(withGaps).toEqual(without);
    expect(mannKendall([Number.NaN]).n).toBe(0);
  });

  it('rejects infinite values with E_ARGUMENT', () => {
    expect(thrownBy(() => mannKendall([1, Number.POSITIVE_INFINITY])).code).toBe('E_ARGUMENT');
  });
});
