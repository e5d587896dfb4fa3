import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { localMoran } from '../../src/stats/localMoran.js';
import { twoSidedP } from '../../src/stats/normal.js';
import { conditionalPermutation } from '../../src/stats/permutation/conditionalPermutation.js';
import type { SpatialWeights } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

/** Random neighbour lists (asymmetric, some rows empty), seeded. */
function randomLists(random: () => number, n: number, density: number): number[][] {
  return Array.from({ length: n }, (_, i) => {
    const list: number[] = [];
    for (let j = 0; j < n; j++) if (j !== i && random() < density) list.push(j);
    return list;
  });
}

/** The weights as a dense n×n matrix. */
function dense(w: SpatialWeights): number[][] {
  const m = Array.from({ length: w.n }, () => new Array<number>(w.n).fill(0));
  for (let i = 0; i < w.n; i++)
    for (let l = w.offsets[i]; l < w.offsets[i + 1]; l++) m[i][w.neighbors[l]] = w.weights[l];
  return m;
}

/**
 * Local Moran from the definitions with a dense matrix: the conditional moments as Sokal et al.
 * (1998) state them, E = −z_i²·W_i/((n−1)m₂) and V = (z_i/m₂)²·n/(n−2)·(W2_i − W_i²/(n−1))·
 * (m₂ − z_i²/(n−1)), and Anselin's (1995) total-randomisation moments with the kurtosis b₂.
 */
function naiveLocalMoran(x: number[], w: number[][], moments: 'conditional' | 'total') {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const z = x.map((v) => v - mean);
  const m2 = z.reduce((a, b) => a + b * b, 0) / n;
  const b2 = z.reduce((a, b) => a + b ** 4, 0) / n / m2 ** 2;
  return x.map((_, i) => {
    let lag = 0;
    let W = 0;
    let W2 = 0;
    for (let j = 0; j < n; j++) {
      lag += w[i][j] * z[j];
      W += w[i][j];
      W2 += w[i][j] ** 2;
    }
    const I = (z[i] / m2) * lag;
    let E: number;
    let V: number;
    if (moments === 'conditional') {
      E = (-(z[i] ** 2) * W) / ((n - 1) * m2);
      V = (z[i] / m2) ** 2 * (n / (n - 2)) * (W2 - W ** 2 / (n - 1)) * (m2 - z[i] ** 2 / (n - 1));
    } else {
      E = -W / (n - 1);
      V = (W2 * (n - b2)) / (n - 1) + ((W ** 2 - W2) * (2 * b2 - n)) / ((n - 1) * (n - 2)) - E ** 2;
    }
    return { I, E, V, z: V > 0 ? (I - E) / Math.sqrt(V) : Number.NaN };
  });
}

describe('localMoran', () => {
  it('equals the dense-matrix definitions for both moments on random asymmetric weights', () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(random() * 30);
      const x = Array.from({ length: n }, () => Math.round(random() * 100) / 4);
      const style = trial % 2 === 0 ? 'row' : 'binary';
      const w = weightsFromNeighbors(randomLists(random, n, 0.3), { style });
      for (const moments of ['conditional', 'total'] as const) {
        const naive = naiveLocalMoran(x, dense(w), moments);
        const result = localMoran(x, w, { moments, permutations: 0 });
        const label = `trial ${trial} ${moments}`;
        expectAllClose(
          result.I,
          naive.map((c) => c.I),
          1e-10,
          `${label} I`,
        );
        expectAllClose(
          result.expected,
          naive.map((c) => c.E),
          1e-10,
          `${label} E`,
        );
        expectAllClose(
          result.variance,
          naive.map((c) => c.V),
          1e-10,
          `${label} V`,
        );
        expectAllClose(
          result.z,
          naive.map((c) => c.z),
          1e-8,
          `${label} z`,
        );
        expectAllClose(result.p, Array.from(result.z, twoSidedP), 0, `${label} p`);
        expectAllClose(result.pFdr, benjaminiHochberg(result.p), 0, `${label} pFdr`);
      }
    }
  });

  it("sums to n times global Moran's I under row standardisation (Anselin 1995)", () => {
    // Row-standardised weights have S0 = n, so Σ_i I_i = n·I: the local statistics decompose I.
    const x = [3, 8, 1, 9, 4, 7, 2, 6];
    const lists = [
      [1, 7],
      [0, 2],
      [1, 3],
      [2, 4],
      [3, 5],
      [4, 6],
      [5, 7],
      [6, 0],
    ];
    const w = weightsFromNeighbors(lists, { style: 'row' });
    const { I } = localMoran(x, w, { permutations: 0 });
    const z = x.map((v) => v - 5);
    const m2 = z.reduce((a, b) => a + b * b, 0) / 8;
    let cross = 0;
    for (let i = 0; i < 8; i++) for (const j of lists[i]) cross += (z[i] * z[j]) / 2;
    const globalI = cross / 8 / m2;
    expect(I.reduce((a, b) => a + b, 0)).toBeCloseTo(8 * globalI, 12);
  });

  it('labels the Moran scatterplot quadrants of a two-cluster path', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { style: 'row' });
    const result = localMoran([1, 2, 8, 9], w, { permutations: 0 });
    expectAllClose(result.I, [0.96, 0.12, 0.12, 0.96], 1e-12, 'I');
    expect(result.scatterQuadrant).toEqual(['Low-Low', 'Low-Low', 'High-High', 'High-High']);
  });

  it("separates 'pysal' (lag of z against 0) from 'mean' (lag of x against its mean)", () => {
    // x̄ = 4; the lags of x are [10, 2, 16/3, 4, 10] with mean 94/15 ≈ 6.27: cell 2's lag lies
    // between x̄ and the mean lag, so 'pysal' calls it Low-High and 'mean' Low-Low.
    const x = [0, 10, 4, 0, 6];
    const lists = [[1], [0, 2], [1, 3, 4], [2], [1]];
    const w = weightsFromNeighbors(lists, { style: 'row' });
    const mean = 4;
    const lagX = lists.map((list) => list.reduce((a, j) => a + x[j], 0) / list.length);
    const lagMean = lagX.reduce((a, b) => a + b, 0) / lagX.length;
    const label = (high: boolean, neighboursHigh: boolean) =>
      `${high ? 'High' : 'Low'}-${neighboursHigh ? 'High' : 'Low'}`;
    const pysal = x.map((v, i) => label(v > mean, lagX[i] > mean));
    const byMean = x.map((v, i) => label(v > mean, lagX[i] > lagMean));
    expect([pysal[2], byMean[2]]).toEqual(['Low-High', 'Low-Low']);
    expect(localMoran(x, w, { permutations: 0 }).scatterQuadrant).toEqual(pysal);
    expect(localMoran(x, w, { permutations: 0, quadrantBy: 'mean' }).scatterQuadrant).toEqual(
      byMean,
    );
  });

  it('counts a value equal to the threshold as Low, as R cut() does', () => {
    // x̄ = 2: cell 1 sits exactly on the mean and is Low; its lag (2) is exactly x̄ too.
    const w = weightsFromNeighbors([[1], [0, 2], [1]], { style: 'row' });
    expect(localMoran([0, 2, 4], w, { permutations: 0 }).scatterQuadrant).toEqual([
      'Low-Low',
      'Low-Low',
      'High-Low',
    ]);
  });

  it('marks as significant only cells with p < alpha, on p without permutations', () => {
    const random = mulberry32(5);
    const lists = Array.from({ length: 60 }, (_, i) =>
      [-2, -1, 1, 2].map((d) => (i + d + 60) % 60),
    );
    const x = Array.from({ length: 60 }, (_, i) => (i % 20 < 8 ? 10 : 0) + 4 * random());
    const w = weightsFromNeighbors(lists, { style: 'row' });
    for (const alpha of [0.05, 0.2]) {
      const result = localMoran(x, w, { permutations: 0, alpha });
      const wanted = result.scatterQuadrant.map((q, i) =>
        result.p[i] < alpha ? q : 'Not significant',
      );
      expect(result.quadrant).toEqual(wanted);
      expect(result.quadrant.filter((q) => q !== 'Not significant').length).toBeGreaterThan(0);
      const adjusted = localMoran(x, w, { permutations: 0, alpha, fdr: true });
      expect(adjusted.quadrant).toEqual(
        result.scatterQuadrant.map((q, i) => (result.pFdr[i] < alpha ? q : 'Not significant')),
      );
    }
  });

  it('decides significance on pSim (or pSimFdr) when permutations run, 999 by default', () => {
    const lists = Array.from({ length: 40 }, (_, i) => [(i + 39) % 40, (i + 1) % 40]);
    const x = Array.from({ length: 40 }, (_, i) => (i < 20 ? 5 : 1) + ((i * 7) % 5) + i / 100);
    const w = weightsFromNeighbors(lists, { style: 'row' });
    const result = localMoran(x, w, { seed: 3 });
    const engine = conditionalPermutation(x, w, { statistic: 'localMoran', seed: 3 });
    expect(result.pSim).toEqual(engine.pSim);
    expect(result.zSim).toEqual(engine.zSim);
    expect(result.expectedSim).toEqual(engine.expectedSim);
    expect(result.sdSim).toEqual(engine.sdSim);
    expect(result.pSimFdr).toEqual(engine.pSimFdr);
    expect(Math.min(...(result.pSim ?? []))).toBeGreaterThanOrEqual(1 / 1000);
    expect(result.quadrant).toEqual(
      result.scatterQuadrant.map((q, i) => (engine.pSim[i] < 0.05 ? q : 'Not significant')),
    );
    const adjusted = localMoran(x, w, { seed: 3, fdr: true });
    expect(adjusted.quadrant).toEqual(
      result.scatterQuadrant.map((q, i) => (engine.pSimFdr[i] < 0.05 ? q : 'Not significant')),
    );
  });

  it('leaves out the permutation fields with permutations: 0', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1]], { style: 'row' });
    const result = localMoran([1, 5, 2], w, { permutations: 0 });
    for (const field of ['pSim', 'zSim', 'expectedSim', 'sdSim', 'pSimFdr'])
      expect(result).not.toHaveProperty(field);
  });

  it('gives NaN z and p to a cell without neighbours and NaN I to constant values', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1], []], { style: 'row' });
    const result = localMoran([1, 5, 2, 9], w, { permutations: 99 });
    expect(result.I[3]).toBe(0);
    expect(result.variance[3]).toBe(0);
    expect(result.z[3]).toBeNaN();
    expect(result.p[3]).toBeNaN();
    expect(result.pSim?.[3]).toBeNaN();
    expect(result.quadrant[3]).toBe('Not significant');
    const constant = localMoran([4, 4, 4, 4], w, { permutations: 99 });
    for (const field of [constant.I, constant.z, constant.p, constant.pSim ?? []])
      expect(Array.from(field).every(Number.isNaN)).toBe(true);
  });

  it('rejects self links, bad lengths, non-finite values and unknown options with E_ARGUMENT', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1]], { style: 'row' });
    const self = weightsFromNeighbors([[1], [0, 2], [1]], { selfIncluded: true });
    const x = [1, 2, 3];
    expect(codeOf(() => localMoran(x, self))).toBe('E_ARGUMENT');
    expect(codeOf(() => localMoran([1, 2], w))).toBe('E_ARGUMENT');
    expect(codeOf(() => localMoran([1, Number.NaN, 3], w))).toBe('E_ARGUMENT');
    const tiny = weightsFromNeighbors([[1], [0]]);
    expect(codeOf(() => localMoran([1, 2], tiny))).toBe('E_ARGUMENT');
    const bad = [
      { moments: 'exact' },
      { alpha: 0 },
      { alpha: 1 },
      { fdr: 'yes' },
      { quadrantBy: 'median' },
      { permutations: -1 },
      { permutations: 9.5 },
      { seed: 0.5 },
      { scheme: 'total' },
      { alternative: 'directed' },
    ];
    for (const options of bad)
      expect(codeOf(() => localMoran(x, w, options as never))).toBe('E_ARGUMENT');
  });
});
