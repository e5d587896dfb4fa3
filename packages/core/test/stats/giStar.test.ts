import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { confidenceBins } from '../../src/stats/confidenceBins.js';
import { giStar } from '../../src/stats/giStar.js';
import { twoSidedP } from '../../src/stats/normal.js';
import type { SpatialWeights } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { thrownBy } from '../helpers/errors.js';
import { expectAllClose, expectClose } from '../helpers/tolerance.js';

/**
 * Gi* / Gi from the definitions with a dense n×n matrix, O(n²): the moments of Ord & Getis
 * (1995) as spdep's localG states them, the leave-one-out mean and variance summed directly.
 */
function naiveGi(x: readonly number[], lists: readonly number[][], self: boolean, row: boolean) {
  const n = x.length;
  const w = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const members = self ? [i, ...lists[i]] : lists[i];
    for (const j of members) w[i][j] = row ? 1 / members.length : 1;
  }
  const z: number[] = [];
  const G: number[] = [];
  const expected: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < n; i++) {
    const others = self ? x : x.filter((_, j) => j !== i);
    const m = others.length;
    const mean = others.reduce((a, b) => a + b, 0) / m;
    const s2 = others.reduce((a, b) => a + (b - mean) ** 2, 0) / m;
    let lag = 0;
    let W = 0;
    let S1 = 0;
    for (let j = 0; j < n; j++) {
      lag += w[i][j] * x[j];
      W += w[i][j];
      S1 += w[i][j] ** 2;
    }
    const E = W * mean;
    const V = (s2 * (m * S1 - W * W)) / (m - 1);
    const total = others.reduce((a, b) => a + b, 0);
    z.push((lag - E) / Math.sqrt(V));
    G.push(lag / total);
    expected.push(E / total);
    variance.push(V / total ** 2);
  }
  return { z, G, expected, variance };
}

/** Random neighbour lists (asymmetric, some rows empty), seeded. */
function randomLists(random: () => number, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => {
    const list: number[] = [];
    for (let j = 0; j < n; j++) if (j !== i && random() < 0.25) list.push(j);
    return list;
  });
}

// esda's six points, Euclidean distance band 15 (inclusive), y and Gi* z from
// pysal/esda esda/tests/test_getisord.py (binary weights, star = True).
const POINTS = [
  [10, 10],
  [20, 10],
  [40, 10],
  [15, 20],
  [30, 20],
  [30, 30],
];
const Y = [2, 3, 3.2, 5, 8, 7];
const ESDA_Z = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];

describe('giStar', () => {
  it("reproduces esda's six-point Gi* z-scores (distance band 15, binary, self included)", () => {
    const lists = POINTS.map(([xa, ya], i) =>
      POINTS.flatMap(([xb, yb], j) => (j !== i && Math.hypot(xa - xb, ya - yb) <= 15 ? [j] : [])),
    );
    expect(lists).toEqual([[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]]);
    const result = giStar(Y, weightsFromNeighbors(lists, { selfIncluded: true }));
    expectAllClose(result.z, ESDA_Z, 5e-9, 'z');
  });

  it('computes G, its expectation and variance by hand on a path of four cells', () => {
    // x̄ = 5, s² = 12.5, n = 4. Cell 0: row {0, 1}, W = S1 = 2, Σwx = 3, E = 10,
    // V = 12.5·(4·2 − 4)/3 = 50/3, z = −7/√(50/3). Cell 1: row {0, 1, 2}, E = 15, V = 12.5, z = −4/√12.5.
    const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { selfIncluded: true });
    const result = giStar([1, 2, 8, 9], w);
    const z0 = -7 / Math.sqrt(50 / 3);
    const z1 = -4 / Math.sqrt(12.5);
    expectAllClose(result.z, [z0, z1, -z1, -z0], 1e-14, 'z');
    expectAllClose(result.G, [3 / 20, 11 / 20, 19 / 20, 17 / 20], 1e-15, 'G');
    expectAllClose(result.expected, [10 / 20, 15 / 20, 15 / 20, 10 / 20], 1e-15, 'E');
    expectAllClose(
      result.variance,
      [50 / 3 / 400, 12.5 / 400, 12.5 / 400, 50 / 3 / 400],
      1e-15,
      'V',
    );
    expectAllClose(result.p, [z0, z1, -z1, -z0].map(twoSidedP), 1e-15, 'p');
    expect(Array.from(result.bin)).toEqual([-1, 0, 0, 1]);
  });

  it('uses the mean and variance of the other n − 1 values when self is excluded (Gi)', () => {
    // Cell 0 of x = [1, 2, 8, 9] without self: others {2, 8, 9}, mean 19/3, s² = 86/9 (of 3);
    // row {1}: W = S1 = 1, E = 19/3, V = (86/9)·(3·1 − 1)/2 = 86/9, z = (2 − 19/3)/√(86/9).
    const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]]);
    const result = giStar([1, 2, 8, 9], w);
    expectClose(result.z[0], (2 - 19 / 3) / Math.sqrt(86 / 9), 1e-14, 'z[0]');
    expectClose(result.G[0], 2 / 19, 1e-15, 'G[0]');
    expectClose(result.expected[0], 19 / 3 / 19, 1e-15, 'E[0]');
    expectClose(result.variance[0], 86 / 9 / 19 ** 2, 1e-15, 'V[0]');
  });

  it('equals a naive dense O(n²) computation on random graphs (binary/row, with/without self)', () => {
    const random = mulberry32(1992);
    for (let trial = 0; trial < 60; trial++) {
      const n = 5 + Math.floor(random() * 26);
      const lists = randomLists(random, n);
      // integers with ties, as counts per cell are
      const x = Array.from({ length: n }, () => Math.floor(random() * 12));
      if (new Set(x).size < 3) continue;
      for (const self of [true, false]) {
        for (const style of ['binary', 'row'] as const) {
          const label = `trial ${trial} self ${self} ${style}`;
          const result = giStar(x, weightsFromNeighbors(lists, { selfIncluded: self, style }));
          const naive = naiveGi(x, lists, self, style === 'row');
          expectAllClose(result.z, naive.z, 1e-10, `${label} z`);
          expectAllClose(result.G, naive.G, 1e-12, `${label} G`);
          expectAllClose(result.expected, naive.expected, 1e-12, `${label} E`);
          expectAllClose(result.variance, naive.variance, 1e-12, `${label} V`);
          expectAllClose(result.p, naive.z.map(twoSidedP), 1e-10, `${label} p`);
        }
      }
    }
  });

  it('gives the same Gi* z-scores for binary and row-standardised weights', () => {
    const random = mulberry32(5);
    const lists = randomLists(random, 25);
    const x = Array.from({ length: 25 }, () => random() * 100);
    const binary = giStar(x, weightsFromNeighbors(lists, { selfIncluded: true }));
    const row = giStar(x, weightsFromNeighbors(lists, { selfIncluded: true, style: 'row' }));
    expectAllClose(row.z, binary.z, 1e-12, 'z');
  });

  it('bins with confidenceBins; with fdr adjusts p by Benjamini–Hochberg and bins by it', () => {
    const random = mulberry32(11);
    const lists = randomLists(random, 40);
    const x = Array.from({ length: 40 }, (_, i) => (i < 10 ? 20 : 0) + random() * 5);
    const w = weightsFromNeighbors(lists, { selfIncluded: true });
    const plain = giStar(x, w);
    const fdr = giStar(x, w, { fdr: true });
    expect(Array.from(plain.bin)).toEqual(Array.from(confidenceBins(plain.z, plain.p)));
    expect(Array.from(fdr.bin)).toEqual(Array.from(confidenceBins(fdr.z, fdr.p, { fdr: true })));
    expect(plain.pFdr).toBeUndefined();
    expectAllClose(fdr.pFdr!, benjaminiHochberg(fdr.p), 0, 'pFdr');
    expect(plain.bin.some((b) => b !== 0)).toBe(true);
    expect(Array.from(fdr.bin)).not.toEqual(Array.from(plain.bin));
  });
});

describe('giStar where the statistic is undefined', () => {
  it('gives NaN z, p and pFdr and bin 0 for constant values', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1]], { selfIncluded: true });
    for (const value of [0, 0.1, 7]) {
      const result = giStar([value, value, value], w, { fdr: true });
      expect(Array.from(result.z).every(Number.isNaN)).toBe(true);
      expect(Array.from(result.p).every(Number.isNaN)).toBe(true);
      expect(Array.from(result.pFdr!).every(Number.isNaN)).toBe(true);
      expect(Array.from(result.bin)).toEqual([0, 0, 0]);
      expectAllClose(
        result.variance,
        value === 0 ? [Number.NaN, Number.NaN, Number.NaN] : [0, 0, 0],
        0,
      );
    }
  });

  it('gives NaN z for a Gi row without neighbours and where the other values are all equal', () => {
    // Cell 3 has no neighbours; for cell 2 the other values {5, 5, 5} are constant.
    const w = weightsFromNeighbors([[1], [0, 2], [1], []]);
    const result = giStar([5, 5, 9, 5], w);
    expect(Number.isNaN(result.z[3])).toBe(true);
    expect(Number.isNaN(result.z[2])).toBe(true);
    expect(Number.isFinite(result.z[0])).toBe(true);
    expect(Number.isFinite(result.z[1])).toBe(true);
    expect(result.bin[3]).toBe(0);
  });

  it('gives NaN z for a row that weighs every observation alike (no variance left)', () => {
    const all = [[1, 2, 3], [0], [0], [0]];
    for (const style of ['binary', 'row'] as const) {
      const result = giStar([1, 4, 2, 8], weightsFromNeighbors(all, { selfIncluded: true, style }));
      expect(Number.isNaN(result.z[0]), style).toBe(true);
      expect(result.variance[0]).toBe(0);
      expect(Number.isFinite(result.z[1])).toBe(true);
    }
  });

  it('keeps z but gives NaN G, expected and variance where the values sum to 0', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { selfIncluded: true });
    const result = giStar([-3, -1, 1, 3], w);
    expect(Array.from(result.z).every(Number.isFinite)).toBe(true);
    expect(Array.from(result.G).every(Number.isNaN)).toBe(true);
    expect(Array.from(result.expected).every(Number.isNaN)).toBe(true);
  });
});

describe('giStar input checks', () => {
  const w = weightsFromNeighbors([[1], [0, 2], [1]], { selfIncluded: true });

  it('rejects values of the wrong length', () => {
    const error = thrownBy(() => giStar([1, 2], w));
    expect(error.code).toBe('E_ARGUMENT');
    expect(error.value).toBe(2);
  });

  it('rejects a value that is not finite, naming its index', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = thrownBy(() => giStar([1, bad, 3], w));
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.value).toEqual({ index: 1, value: bad });
    }
  });

  it('rejects too few observations: Gi* needs 2, Gi needs 3', () => {
    expect(
      thrownBy(() => giStar([1], weightsFromNeighbors([[]], { selfIncluded: true }))).code,
    ).toBe('E_ARGUMENT');
    expect(thrownBy(() => giStar([1, 2], weightsFromNeighbors([[1], [0]]))).code).toBe(
      'E_ARGUMENT',
    );
    expect(giStar([1, 2], weightsFromNeighbors([[1], [0]], { selfIncluded: true })).z.length).toBe(
      2,
    );
  });

  it('rejects malformed weights with the message of assertWeights, naming the row', () => {
    // w lists rows [0, 1], [0, 1, 2], [1, 2] (self links included).
    const malformed: [SpatialWeights, string][] = [
      [{ ...w, offsets: Uint32Array.of(0, 2, 5) }, 'offsets must have n + 1 = 4 entries'],
      [{ ...w, offsets: Uint32Array.of(0, 2, 1, 7) }, 'row 1 spans 2…1'],
      [{ ...w, neighbors: Uint32Array.of(0, 1, 0, 1, 2, 1, 3) }, 'row 2 links to 3'],
      [{ ...w, neighbors: Uint32Array.of(0, 1, 2, 1, 2, 1, 2) }, 'row 1 lists 2 twice'],
      [{ ...w, neighbors: Uint32Array.of(0, 1, 1, 1, 0, 1, 2) }, 'row 1 lists 1 twice'],
      [{ ...w, weights: Float64Array.of(1, 1, 1, Number.NaN, 1, 1, 1) }, 'non-finite weight NaN'],
      [{ ...w, weights: Float64Array.of(1, 1, 1, 1e200, 1, 1, 1) }, 'row 1 has weights too large'],
      [{ ...w, selfIncluded: false }, 'row 0 links to itself'],
      [{ ...weightsFromNeighbors([[1], [0, 2], [1]]), selfIncluded: true }, 'row 0 lacks'],
    ];
    for (const [weights, message] of malformed) {
      const error = thrownBy(() => giStar([1, 2, 3], weights));
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.message).toContain(message);
    }
  });
});
