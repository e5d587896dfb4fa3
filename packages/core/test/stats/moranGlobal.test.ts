import { describe, expect, it } from 'vitest';
import { moranGlobal } from '../../src/stats/moranGlobal.js';
import { normalCdf, twoSidedP } from '../../src/stats/normal.js';
import type { SpatialWeights } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

/** The weights as a dense n×n matrix. */
function dense(w: SpatialWeights): number[][] {
  const m = Array.from({ length: w.n }, () => new Array<number>(w.n).fill(0));
  for (let i = 0; i < w.n; i++)
    for (let l = w.offsets[i]; l < w.offsets[i + 1]; l++) m[i][w.neighbors[l]] = w.weights[l];
  return m;
}

/**
 * Moran's I and its moments from a dense matrix, as Cliff & Ord (1981) write them:
 * S1 = ½ΣΣ(w_ij + w_ji)², S2 = Σ_i(Σ_j w_ij + Σ_j w_ji)².
 */
function naiveMoran(x: number[], w: number[][]) {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const z = x.map((v) => v - mean);
  let S0 = 0;
  let S1 = 0;
  let S2 = 0;
  let cross = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    let column = 0;
    for (let j = 0; j < n; j++) {
      S0 += w[i][j];
      S1 += 0.5 * (w[i][j] + w[j][i]) ** 2;
      row += w[i][j];
      column += w[j][i];
      cross += w[i][j] * z[i] * z[j];
    }
    S2 += (row + column) ** 2;
  }
  const squares = z.reduce((a, b) => a + b * b, 0);
  const K = (n * z.reduce((a, b) => a + b ** 4, 0)) / squares ** 2;
  const I = ((n / S0) * cross) / squares;
  const E = -1 / (n - 1);
  const normality = (n * n * S1 - n * S2 + 3 * S0 * S0) / (S0 * S0 * (n * n - 1)) - E * E;
  const randomisation =
    (n * ((n * n - 3 * n + 3) * S1 - n * S2 + 3 * S0 * S0) -
      K * (n * (n - 1) * S1 - 2 * n * S2 + 6 * S0 * S0)) /
      ((n - 1) * (n - 2) * (n - 3) * S0 * S0) -
    E * E;
  return { I, E, normality, randomisation, S0 };
}

/** Random neighbour lists (asymmetric), seeded. */
function randomLists(random: () => number, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => {
    const list: number[] = [];
    for (let j = 0; j < n; j++) if (j !== i && random() < 0.3) list.push(j);
    if (list.length === 0) list.push((i + 1) % n);
    return list;
  });
}

describe('moranGlobal', () => {
  it('equals the dense-matrix moments on random asymmetric weights, self links included', () => {
    const random = mulberry32(21);
    for (let trial = 0; trial < 24; trial++) {
      const n = 6 + Math.floor(random() * 30);
      const x = Array.from({ length: n }, () => Math.round(random() * 50));
      const style = trial % 2 === 0 ? 'row' : 'binary';
      const selfIncluded = trial % 3 === 0;
      const w = weightsFromNeighbors(randomLists(random, n), { style, selfIncluded });
      const naive = naiveMoran(x, dense(w));
      for (const assumption of ['randomisation', 'normality'] as const) {
        const result = moranGlobal(x, w, { assumption });
        const label = `trial ${trial} ${assumption}`;
        expectClose(result.I, naive.I, 1e-12, `${label} I`);
        expectClose(result.expected, naive.E, 1e-15, `${label} E`);
        expectClose(result.variance, naive[assumption], 1e-12, `${label} V`);
        expectClose(result.z, (naive.I - naive.E) / Math.sqrt(naive[assumption]), 1e-9, label);
        expectClose(result.S0, naive.S0, 1e-12, `${label} S0`);
      }
    }
  });

  it('gives p on the tail asked for, two-sided by default', () => {
    const lists = Array.from({ length: 30 }, (_, i) => [(i + 29) % 30, (i + 1) % 30]);
    const x = Array.from({ length: 30 }, (_, i) => Math.sin(i / 3));
    const w = weightsFromNeighbors(lists, { style: 'row' });
    const twoSided = moranGlobal(x, w);
    expect(twoSided.alternative).toBe('two-sided');
    expect(twoSided.z).toBeGreaterThan(3);
    expect(twoSided.p).toBe(twoSidedP(twoSided.z));
    const greater = moranGlobal(x, w, { alternative: 'greater' });
    expect(greater.p).toBe(normalCdf(-twoSided.z));
    expectClose(greater.p, twoSided.p / 2, 1e-15, 'greater is half the two-sided p');
    const less = moranGlobal(x, w, { alternative: 'less' });
    expectClose(less.p, 1 - greater.p, 1e-15, 'less');
  });

  it('is strongly positive for a ramp along a path and strongly negative for alternation', () => {
    const lists = Array.from({ length: 10 }, (_, i) =>
      [i - 1, i + 1].filter((j) => j >= 0 && j < 10),
    );
    const w = weightsFromNeighbors(lists, { style: 'row' });
    const alternating = moranGlobal(
      Array.from({ length: 10 }, (_, i) => i % 2),
      w,
    );
    expect(alternating.I).toBeLessThan(-0.9);
    expect(
      moranGlobal(
        Array.from({ length: 10 }, (_, i) => i),
        w,
      ).I,
    ).toBeGreaterThan(0.7);
  });

  it('returns NaN I, z and p for constant values', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]]);
    const result = moranGlobal([2, 2, 2, 2], w);
    expect(result.I).toBeNaN();
    expect(result.z).toBeNaN();
    expect(result.p).toBeNaN();
  });

  it('rejects bad input with E_ARGUMENT', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]]);
    const x = [1, 2, 3, 4];
    expect(codeOf(() => moranGlobal([1, 2, 3], w))).toBe('E_ARGUMENT');
    expect(codeOf(() => moranGlobal([1, 2, Number.POSITIVE_INFINITY, 4], w))).toBe('E_ARGUMENT');
    expect(codeOf(() => moranGlobal(x, w, { assumption: 'exact' as never }))).toBe('E_ARGUMENT');
    expect(codeOf(() => moranGlobal(x, w, { alternative: 'both' as never }))).toBe('E_ARGUMENT');
    const small = weightsFromNeighbors([[1], [0, 2], [1]]);
    expect(codeOf(() => moranGlobal([1, 2, 3], small))).toBe('E_ARGUMENT');
    const empty = weightsFromNeighbors([[], [], [], []]);
    expect(codeOf(() => moranGlobal(x, empty))).toBe('E_ARGUMENT');
    const repeated: SpatialWeights = { ...w, neighbors: Uint32Array.of(1, 0, 0, 1, 3, 2) };
    expect(codeOf(() => moranGlobal(x, repeated))).toBe('E_ARGUMENT');
  });
});
