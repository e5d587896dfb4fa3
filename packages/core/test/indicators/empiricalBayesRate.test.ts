import { describe, expect, it } from 'vitest';
import { empiricalBayesRate } from '../../src/indicators/empiricalBayesRate.js';
import { mulberry32 } from '../../src/util/random.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

describe('empiricalBayesRate, global prior (spdep EBest, Marshall 1991)', () => {
  // By hand: p = n/x = [0.05, 0.01, 0.01, 0.006]; b = Σn/Σx = 20/2000 = 0.01;
  // s² = Σ x(p − b)²/Σx = (100·0.04² + 1000·0.004²)/2000 = 0.176/2000 = 8.8e−5;
  // a = s² − b/(Σx/m) = 8.8e−5 − 0.01/500 = 6.8e−5;
  // est = b + a(p − b)/(a + b/x): cell 0: 0.01 + 0.04·6.8/16.8 = 11/420; cell 3: 0.01 − 0.004·6.8/7.8 = 127/19500.
  const counts = [5, 4, 5, 6];
  const population = [100, 400, 500, 1000];

  it('smooths each rate toward the map rate b as Marshall’s estimator, from the formulas by hand', () => {
    const eb = empiricalBayesRate(counts, population);
    expectAllClose(eb.raw, [0.05, 0.01, 0.01, 0.006], 1e-17);
    expectAllClose(eb.estimate, [11 / 420, 0.01, 0.01, 127 / 19500], 1e-16);
    expectAllClose(eb.priorMean, [0.01, 0.01, 0.01, 0.01], 1e-17);
    expectAllClose(eb.priorVariance, [6.8e-5, 6.8e-5, 6.8e-5, 6.8e-5], 1e-19);
    // Shrinkage (b/x)/(a + b/x): 1e−4/1.68e−4, 2.5e−5/9.3e−5, 2e−5/8.8e−5, 1e−5/7.8e−5.
    expectAllClose(eb.shrinkage, [10 / 16.8, 2.5 / 9.3, 2 / 8.8, 1 / 7.8], 1e-15);
  });

  it('scales rates by per and variances by per²', () => {
    const eb = empiricalBayesRate(counts, population, { per: 1000 });
    expectAllClose(eb.raw, [50, 10, 10, 6], 1e-12);
    expectAllClose(eb.estimate, [(11 / 420) * 1000, 10, 10, (127 / 19500) * 1000], 1e-12);
    expectAllClose(eb.priorVariance, [68, 68, 68, 68], 1e-9);
  });

  it('sets a negative variance estimate to 0, so every rate becomes the map rate (as EBest)', () => {
    // p = [0.01, 0.02], b = 0.015, s² = (100·0.005² + 100·0.005²)/200 = 2.5e−5,
    // b/(Σx/m) = 0.015/100 = 1.5e−4 > s²: a < 0 → 0.
    const eb = empiricalBayesRate([1, 2], [100, 100]);
    expectAllClose(eb.priorVariance, [0, 0], 0);
    expectAllClose(eb.estimate, [0.015, 0.015], 1e-17);
    expectAllClose(eb.shrinkage, [1, 1], 0);
  });

  it('pulls a cell with 12 residents and 3 incidents below the city’s truly high-rate cell', () => {
    // Ten cells of 1,200–2,500 residents near 20 per 1,000, one of 2,000 at 40 per 1,000.
    const population = [12, 2000, 1500, 1800, 2500, 1200, 2200, 1600, 1900, 2100, 1300];
    const counts = [3, 80, 30, 36, 45, 24, 40, 30, 38, 42, 26];
    const eb = empiricalBayesRate(counts, population, { per: 1000 });
    expect(eb.raw[0]).toBe(250); // the raw map's worst cell by far
    const worst = eb.estimate.indexOf(Math.max(...eb.estimate));
    expect(worst).toBe(1); // after smoothing, the 2,000-resident cell at 40 per 1,000 leads
    expect(eb.estimate[0]).toBeLessThan(30);
    expect(eb.shrinkage[0]).toBeGreaterThan(0.95);
  });

  it('pulls a small cell toward the mean more than a big one with the same raw rate', () => {
    const random = mulberry32(3);
    const population = Array.from({ length: 40 }, () => 500 + Math.floor(random() * 3000));
    const counts = population.map((x) => Math.round(x * (0.01 + 0.01 * random())));
    population.push(20, 2000); // both at 0.1, ten times the typical rate
    counts.push(2, 200);
    const eb = empiricalBayesRate(counts, population);
    const [small, big] = [40, 41];
    expect(eb.raw[small]).toBe(eb.raw[big]);
    expect(eb.shrinkage[small]).toBeGreaterThan(eb.shrinkage[big]);
    const b = eb.priorMean[small];
    expect(eb.estimate[small] - b).toBeLessThan(eb.estimate[big] - b);
    expect(eb.estimate[small]).toBeGreaterThan(b); // pulled toward the mean, not past it
  });

  it('leaves out cells without residents (NaN) and estimates the rest as if alone', () => {
    const withEmpty = empiricalBayesRate([5, 7, 4, 0, 5, 6], [100, 0, 400, Number.NaN, 500, 1000]);
    const alone = empiricalBayesRate(counts, population);
    expectAllClose(
      withEmpty.estimate,
      [
        alone.estimate[0],
        Number.NaN,
        alone.estimate[1],
        Number.NaN,
        alone.estimate[2],
        alone.estimate[3],
      ],
      1e-17,
    );
    expect(withEmpty.raw[1]).toBeNaN();
  });

  it('gives the prior mean 0 where there are no incidents at all, where spdep divides 0 by 0', () => {
    const eb = empiricalBayesRate([0, 0, 0], [10, 20, 30]);
    expectAllClose(eb.estimate, [0, 0, 0], 0);
  });
});

describe('empiricalBayesRate, local prior (spdep EBlocal)', () => {
  // A path 0 – 1 – 2 – 3; each neighbourhood includes the cell itself.
  const path = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]]);
  const counts = [4, 4, 5, 10];
  const population = [20, 80, 100, 200];
  // By hand: p = [0.2, 0.05, 0.05, 0.05]; over {0,1}, {0,1,2}, {1,2,3}, {2,3}:
  // r.i = [8, 13, 19, 15], n.i = [100, 200, 380, 300], m = r.i/n.i = [0.08, 0.065, 0.05, 0.05],
  // n̄ = n.i/|N| = [50, 200/3, 380/3, 150].

  it('follows spdep’s default: C_i sums each neighbour’s x_j(p_j − m_j)²', () => {
    // x_j(p_j − m_j)² = [20·0.12², 80·0.015², 0, 0] = [0.288, 0.018, 0, 0]; C = [0.306, 0.306, 0.018, 0];
    // a = C/n.i − m/n̄ = [0.00306 − 0.0016, 0.00153 − 0.000975, < 0, < 0] = [0.00146, 0.000555, 0, 0];
    // est_0 = 0.08 + 0.12·0.00146/(0.00146 + 0.08/20) = 51/455; est_1 = 0.065 − 0.015·0.000555/(0.000555 + 0.065/80) = 1289/21880.
    const eb = empiricalBayesRate(counts, population, { weights: path });
    expectAllClose(eb.raw, [0.2, 0.05, 0.05, 0.05], 1e-17);
    expectAllClose(eb.priorMean, [0.08, 0.065, 0.05, 0.05], 1e-17);
    expectAllClose(eb.priorVariance, [0.00146, 0.000555, 0, 0], 1e-17);
    expectAllClose(eb.estimate, [51 / 455, 1289 / 21880, 0.05, 0.05], 1e-16);
  });

  it('follows GeoDa with geoda: true: C_i sums x_j(p_j − m_i)² around the cell’s own prior', () => {
    // C = [20·0.12² + 80·0.03², 20·0.135² + 80·0.015² + 100·0.015², 0, 0] = [0.36, 0.405, 0, 0];
    // a = [0.0036 − 0.0016, 0.002025 − 0.000975, < 0, < 0] = [0.002, 0.00105, 0, 0];
    // est_0 = 0.08 + 0.12·0.002/(0.002 + 0.004) = 0.12; est_1 = 0.065 − 0.015·0.00105/0.0018625 = 337/5960.
    const eb = empiricalBayesRate(counts, population, { weights: path, geoda: true });
    expectAllClose(eb.priorVariance, [0.002, 0.00105, 0, 0], 1e-17);
    expectAllClose(eb.estimate, [0.12, 337 / 5960, 0.05, 0.05], 1e-16);
    expectAllClose(eb.shrinkage, [2 / 3, 0.0008125 / 0.0018625, 1, 1], 1e-15);
  });

  it('ignores the weights’ values and self links: only which cells are linked matters', () => {
    const rowWithSelf = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], {
      selfIncluded: true,
      style: 'row',
    });
    const a = empiricalBayesRate(counts, population, { weights: path });
    const b = empiricalBayesRate(counts, population, { weights: rowWithSelf });
    expectAllClose(b.estimate, a.estimate, 0);
  });

  it('equals the global estimate when every cell neighbours every other', () => {
    const random = mulberry32(8);
    const n = 12;
    const population = Array.from({ length: n }, () => 10 + Math.floor(random() * 2000));
    const counts = population.map((x) => Math.floor(x * 0.03 * random()));
    const all = weightsFromNeighbors(
      Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => j).filter((j) => j !== i),
      ),
    );
    const global = empiricalBayesRate(counts, population);
    for (const geoda of [false, true]) {
      const local = empiricalBayesRate(counts, population, { weights: all, geoda });
      expectAllClose(local.estimate, global.estimate, 1e-15);
      expectAllClose(local.priorVariance, global.priorVariance, 1e-15);
    }
  });

  it('treats a neighbour without residents as no neighbour', () => {
    const withGap = weightsFromNeighbors([[1], [0, 2], [1, 3], [2, 4], [3]]);
    const eb = empiricalBayesRate([4, 4, 5, 10, 3], [20, 80, 100, 200, 0], { weights: withGap });
    const without = empiricalBayesRate(counts, population, { weights: path });
    expectAllClose(eb.estimate.subarray(0, 4), without.estimate, 0);
    expect(eb.estimate[4]).toBeNaN();
  });
});

describe('empiricalBayesRate, arguments', () => {
  it('rejects different lengths, negative or NaN counts, negative populations and a bad per', () => {
    expect(codeOf(() => empiricalBayesRate([1, 2], [10]))).toBe('E_ARGUMENT');
    expect(thrownBy(() => empiricalBayesRate([1, -2], [10, 10])).value).toEqual({
      index: 1,
      value: -2,
    });
    expect(thrownBy(() => empiricalBayesRate([Number.NaN], [10])).value).toEqual({
      index: 0,
      value: Number.NaN,
    });
    expect(thrownBy(() => empiricalBayesRate([1], [-10])).value).toEqual({ index: 0, value: -10 });
    expect(codeOf(() => empiricalBayesRate([1], [Number.POSITIVE_INFINITY]))).toBe('E_ARGUMENT');
    for (const per of [0, -1, Number.NaN])
      expect(thrownBy(() => empiricalBayesRate([1], [10], { per })).value).toBe(per);
  });

  it('rejects weights over a different number of cells', () => {
    const weights = weightsFromNeighbors([[1], [0]]);
    expect(codeOf(() => empiricalBayesRate([1, 2, 3], [10, 10, 10], { weights }))).toBe(
      'E_ARGUMENT',
    );
  });
});
