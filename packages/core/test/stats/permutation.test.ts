import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { gridDisk } from '../../src/hex/h3.js';
import { threadedPermutationRunner } from '../../src/node/threadedPermutationRunner.js';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { giStar } from '../../src/stats/giStar.js';
import { cellStreamSeed } from '../../src/stats/permutation/cellStreamSeed.js';
import {
  conditionalPermutation,
  type PermutationResult,
} from '../../src/stats/permutation/conditionalPermutation.js';
import { drawPermutationTable } from '../../src/stats/permutation/permutationTable.js';
import type { SpatialWeights } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';
import { weightsFromNeighbors } from '../../src/weights/weightsFromNeighbors.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

// An 8-cell graph with 2 to 5 neighbours per cell: small enough to enumerate every draw, and
// with rows on both sides of the rejection / Fisher–Yates switch (k ≤ 3 and k ≥ 4 of 7 others).
const SMALL_LISTS = [
  [1, 2],
  [0, 2, 3],
  [0, 1, 3, 4],
  [1, 2, 4, 5, 6],
  [2, 3, 5],
  [3, 4, 6, 7],
  [3, 5, 7],
  [5, 6],
];
const random8 = mulberry32(2024);
const SMALL_X = Array.from({ length: 8 }, () => 1 + 9 * random8());

/** One cell's permutation problem: statistic = scale·(fixed + Σ_t w_t v[drawn_t]). */
interface CellProblem {
  readonly scale: number;
  readonly fixed: number;
  readonly slotWeights: number[];
  readonly observed: number;
}

/** Cell i's problem from the definitions of G_i and I_i (not from the engine). */
function cellProblem(
  statistic: 'gistar' | 'localMoran',
  scheme: 'conditional' | 'spdep' | 'lookup-table',
  x: number[],
  w: SpatialWeights,
  i: number,
): CellProblem & { v: number[] } {
  const n = x.length;
  const sum = x.reduce((a, b) => a + b, 0);
  const mean = sum / n;
  const z = x.map((value) => value - mean);
  const m2 = z.reduce((a, b) => a + b * b, 0) / n;
  const v = statistic === 'gistar' ? x : z;
  const scale = statistic === 'gistar' ? 1 / (w.selfIncluded ? sum : sum - x[i]) : z[i] / m2;
  let fixed = 0;
  let lag = 0;
  const slotWeights: number[] = [];
  for (let l = w.offsets[i]; l < w.offsets[i + 1]; l++) {
    const j = w.neighbors[l];
    lag += w.weights[l] * v[j];
    if (scheme !== 'spdep' && j === i) fixed += w.weights[l] * v[i];
    else slotWeights.push(w.weights[l]);
  }
  return { scale, fixed, slotWeights, observed: scale * lag, v };
}

/** Every statistic the scheme can produce for cell i, each equally likely (exact null). */
function exactDistribution(problem: CellProblem & { v: number[] }, i: number, distinct: boolean) {
  const { scale, fixed, slotWeights, v } = problem;
  const others = v.map((_, j) => j).filter((j) => j !== i);
  const outcomes: number[] = [];
  const used = new Array<boolean>(v.length).fill(false);
  const visit = (t: number, lag: number) => {
    if (t === slotWeights.length) {
      outcomes.push(scale * (fixed + lag));
      return;
    }
    for (const j of others) {
      if (distinct && used[j]) continue;
      used[j] = true;
      visit(t + 1, lag + slotWeights[t] * v[j]);
      used[j] = false;
    }
  };
  visit(0, 0);
  return outcomes;
}

/** The fraction of outcomes at least as extreme as `observed`, ties within 1e-9 counted. */
function exactTail(outcomes: number[], observed: number, centre: number, two: boolean): number {
  const tie = 1e-9 * (Math.abs(observed) + Math.abs(centre) + 1e-12);
  const count = two
    ? outcomes.filter((s) => Math.abs(s - centre) >= Math.abs(observed - centre) - tie).length
    : outcomes.filter((s) => s >= observed - tie).length;
  return count / outcomes.length;
}

/**
 * Asserts pSim = (M + 1)/(R + 1) is consistent with M ~ Binomial(R, p): within 4.5 standard
 * deviations of its expectation (R·p + 1)/(R + 1). For 8 cells the chance that any exceeds it
 * by luck is below 10⁻⁴; a wrong sampler or a wrong tail moves p by far more.
 */
function expectBinomiallyClose(pSim: number, p: number, R: number, label: string): void {
  const expected = (R * p + 1) / (R + 1);
  const bound = (4.5 * Math.sqrt(R * p * (1 - p))) / (R + 1) + 1e-12;
  expect(
    Math.abs(pSim - expected),
    `${label}: pSim ${pSim}, exact p ${p}, bound ${bound}`,
  ).toBeLessThanOrEqual(bound);
}

/** Kolmogorov–Smirnov distance between the sample's distribution and U(0, 1). */
function ksUniform(sample: number[]): number {
  const sorted = [...sample].sort((a, b) => a - b);
  const m = sorted.length;
  let d = 0;
  for (let k = 0; k < m; k++) d = Math.max(d, (k + 1) / m - sorted[k], sorted[k] - k / m);
  return d;
}

/** Shuffles a copy of `values` (Fisher–Yates with the seeded generator). */
function shuffled(values: number[], random: () => number): number[] {
  const copy = [...values];
  for (let k = copy.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [copy[k], copy[j]] = [copy[j], copy[k]];
  }
  return copy;
}

/** Whether two results have the same bytes in every array. */
function sameBytes(a: PermutationResult, b: PermutationResult): boolean {
  const fields = ['pSim', 'zSim', 'expectedSim', 'sdSim', 'pSimFdr'] as const;
  return fields.every((field) =>
    Buffer.from(a[field].buffer, a[field].byteOffset, a[field].byteLength).equals(
      Buffer.from(b[field].buffer, b[field].byteOffset, b[field].byteLength),
    ),
  );
}

/** A full hexagonal disk of H3 cells: 3k(k + 1) + 1 cells. */
function diskGrid(k: number) {
  return gridFromCells(gridDisk('882664c1a9fffff', k));
}

describe('conditionalPermutation against the exact permutation distribution (8 cells, R = 9999)', () => {
  const R = 9999;
  const cases = [
    ['gistar', 'conditional', 'two-sided', { selfIncluded: true }],
    ['gistar', 'conditional', 'greater', { selfIncluded: true, style: 'row' }],
    ['gistar', 'conditional', 'two-sided', { selfIncluded: false }],
    ['localMoran', 'conditional', 'two-sided', { style: 'row' }],
    ['localMoran', 'conditional', 'greater', { style: 'binary' }],
    ['gistar', 'spdep', 'two-sided', { selfIncluded: true }],
    ['localMoran', 'spdep', 'two-sided', { style: 'row' }],
    ['gistar', 'lookup-table', 'two-sided', { selfIncluded: true }],
    ['gistar', 'lookup-table', 'greater', { selfIncluded: true, style: 'row' }],
    ['localMoran', 'lookup-table', 'two-sided', { style: 'row' }],
    ['localMoran', 'lookup-table', 'less', { style: 'binary' }],
  ] as const;
  for (const [statistic, scheme, alternative, weightOptions] of cases) {
    const title = `${statistic}, ${scheme} scheme, ${alternative}, ${JSON.stringify(weightOptions)}`;
    it(`${title}: every pSim within the binomial 4.5-sd bound of the exact p`, () => {
      const w = weightsFromNeighbors(SMALL_LISTS, weightOptions);
      const result = conditionalPermutation(SMALL_X, w, {
        statistic,
        scheme,
        alternative,
        permutations: R,
        seed: 99,
      });
      for (let i = 0; i < 8; i++) {
        const problem = cellProblem(statistic, scheme, SMALL_X, w, i);
        const outcomes = exactDistribution(problem, i, scheme !== 'spdep');
        const exactMean = outcomes.reduce((a, b) => a + b, 0) / outcomes.length;
        const exactSd = Math.sqrt(
          outcomes.reduce((a, b) => a + (b - exactMean) ** 2, 0) / outcomes.length,
        );
        // The run folds at its own mean of the R statistics (expectedSim); given that centre,
        // M counts draws beyond a fixed threshold, so M ~ Binomial(R, exact tail).
        const p = exactTail(
          alternative === 'less' ? outcomes.map((s) => -s) : outcomes,
          alternative === 'less' ? -problem.observed : problem.observed,
          alternative === 'less' ? -result.expectedSim[i] : result.expectedSim[i],
          alternative === 'two-sided',
        );
        expectBinomiallyClose(result.pSim[i], p, R, `${title} cell ${i}`);
        // The permutation moments estimate the exact ones (4.5 standard errors).
        expect(Math.abs(result.expectedSim[i] - exactMean)).toBeLessThanOrEqual(
          (4.5 * exactSd) / Math.sqrt(R),
        );
        expect(Math.abs(result.sdSim[i] / exactSd - 1)).toBeLessThan(0.05);
        expect(result.zSim[i]).toBeCloseTo(
          (problem.observed - result.expectedSim[i]) / result.sdSim[i],
          10,
        );
      }
    });
  }
});

describe('conditionalPermutation on values without spatial structure', () => {
  // 2791 cells (an H3 disk of radius 30), values drawn from a skewed continuous distribution
  // and shuffled over the cells; R = 999.
  const grid = diskGrid(30);
  const random = mulberry32(7);
  const draws = Array.from({ length: grid.cells.length }, () => (-Math.log(1 - random())) ** 2);
  const x = shuffled(draws, random);
  const R = 999;
  const cases = [
    ['gistar', kRingWeights(grid, { k: 1 })],
    ['localMoran', kRingWeights(grid, { k: 1, selfIncluded: false, style: 'row' })],
  ] as const;
  for (const [statistic, weights] of cases) {
    it(`${statistic}: pSim is uniform (KS at level 0.01) and 5 ± 1.5 % of cells have pSim ≤ 0.05`, () => {
      const { pSim } = conditionalPermutation(x, weights, {
        statistic,
        permutations: R,
        seed: 31,
      });
      const p = Array.from(pSim);
      expect(p.every((value) => value >= 1 / (R + 1) && value <= 1)).toBe(true);
      // Critical value of the one-sample KS test at α = 0.01 (1.628/√m), plus the grid step
      // 1/(R + 1) of pseudo p-values.
      const m = p.length;
      expect(ksUniform(p)).toBeLessThanOrEqual(1.628 / Math.sqrt(m) + 1 / (R + 1));
      // Under the null P(pSim ≤ 0.05) = 50/1000 exactly; ±1.5 points is about 3.7 binomial sd.
      const significant = p.filter((value) => value <= 0.05).length / m;
      expect(significant).toBeGreaterThanOrEqual(0.035);
      expect(significant).toBeLessThanOrEqual(0.065);
    });
  }

  it('lookup-table: pSim is uniform (KS at level 0.01) and 5 ± 1.5 % of cells have pSim ≤ 0.05', () => {
    // Cells read overlapping windows of one table of 64R rows, so their p-values are slightly
    // dependent; the bounds of independent p-values hold with room to spare.
    for (const [statistic, weights] of cases) {
      const { pSim } = conditionalPermutation(x, weights, {
        statistic,
        permutations: R,
        seed: 31,
        scheme: 'lookup-table',
      });
      const p = Array.from(pSim);
      expect(p.every((value) => value >= 1 / (R + 1) && value <= 1)).toBe(true);
      expect(ksUniform(p), statistic).toBeLessThanOrEqual(
        1.628 / Math.sqrt(p.length) + 1 / (R + 1),
      );
      const significant = p.filter((value) => value <= 0.05).length / p.length;
      expect(significant).toBeGreaterThanOrEqual(0.035);
      expect(significant).toBeLessThanOrEqual(0.065);
    }
  });

  it('lookup-table: the share of cells with pSim ≤ 0.05 varies from seed to seed as with streams', () => {
    // A single table of R rows shared whole by every cell (GeoDa's lookup table) moves every
    // cell's p together: here its share of p ≤ 0.05 spread over 1.9 points across five seeds,
    // against 0.2 with a stream per cell. Windows of a table of 64R rows bring it back.
    const weights = cases[1][1];
    const shares = (scheme: 'conditional' | 'lookup-table') =>
      [1, 2, 3, 4, 5].map((seed) => {
        const { pSim } = conditionalPermutation(x, weights, {
          statistic: 'localMoran',
          permutations: R,
          seed,
          scheme,
        });
        return pSim.filter((value) => value <= 0.05).length / pSim.length;
      });
    const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
    expect(spread(shares('lookup-table'))).toBeLessThan(2 * spread(shares('conditional')) + 0.01);
  });

  it('finds a planted hot spot that the shuffled data lack', () => {
    const planted = [...x];
    const centre = grid.indexOf.get('882664c1a9fffff') as number;
    const w = kRingWeights(grid, { k: 1 });
    for (let l = w.offsets[centre]; l < w.offsets[centre + 1]; l++) planted[w.neighbors[l]] += 20;
    const result = conditionalPermutation(planted, w, { statistic: 'gistar', seed: 31 });
    expect(result.pSim[centre]).toBeLessThanOrEqual(0.002);
    expect(result.zSim[centre]).toBeGreaterThan(3);
  });
});

describe('the sampler', () => {
  it('draws cell i from mulberry32(cellStreamSeed(seed, i)) exactly as documented', () => {
    // A reimplementation of the documented draws; expectedSim and sdSim pin every drawn value.
    const n = 9;
    const lists = [[1, 2, 3, 4, 5, 6], [0], [0, 3], [0, 2], [0], [0, 6, 7], [0, 5], [5, 8], [7]];
    const x = Array.from({ length: n }, (_, j) => 1 + j * j);
    const seed = 12345;
    const R = 25;
    for (const scheme of ['conditional', 'spdep'] as const) {
      const w = weightsFromNeighbors(lists, { selfIncluded: true });
      const result = conditionalPermutation(x, w, {
        statistic: 'gistar',
        scheme,
        seed,
        permutations: R,
      });
      for (let i = 0; i < n; i++) {
        const problem = cellProblem('gistar', scheme, x, w, i);
        const k = problem.slotWeights.length;
        const next = mulberry32(cellStreamSeed(seed, i));
        const draw = (m: number) => Math.floor(next() * m);
        const sims: number[] = [];
        for (let r = 0; r < R; r++) {
          const chosen: number[] = [];
          if (scheme === 'spdep') {
            for (let t = 0; t < k; t++) {
              const pick = draw(n - 1);
              chosen.push(pick < i ? pick : pick + 1);
            }
          } else if (2 * k <= n - 1) {
            for (let t = 0; t < k; t++) {
              let j = draw(n);
              while (j === i || chosen.includes(j)) j = draw(n);
              chosen.push(j);
            }
          } else {
            const pool = Array.from({ length: n }, (_, j) => j);
            [pool[i], pool[n - 1]] = [pool[n - 1], pool[i]];
            for (let t = 0; t < k; t++) {
              const pick = t + draw(n - 1 - t);
              [pool[t], pool[pick]] = [pool[pick], pool[t]];
              chosen.push(pool[t]);
            }
          }
          const lag = chosen.reduce((a, j, t) => a + problem.slotWeights[t] * x[j], 0);
          sims.push(problem.scale * (problem.fixed + lag));
        }
        const mean = sims.reduce((a, b) => a + b, 0) / R;
        const sd = Math.sqrt(sims.reduce((a, b) => a + (b - mean) ** 2, 0) / R);
        expect(result.expectedSim[i], `${scheme} cell ${i} mean`).toBeCloseTo(mean, 13);
        expect(result.sdSim[i], `${scheme} cell ${i} sd`).toBeCloseTo(sd, 13);
      }
    }
  });

  it('lookup-table: cell i reads R rows of one table from an offset of its stream, skipping i', () => {
    // Rows of 7 of 9 cells come from the Fisher–Yates fill, rows of 7 of 40 from rejection.
    for (const n of [9, 40]) {
      const lists = Array.from({ length: n }, (_, i) =>
        i === 0 ? [1, 2, 3, 4, 5, 6] : i < 7 ? [0, (i % 6) + 1] : [(i + 1) % n],
      );
      const x = Array.from({ length: n }, (_, j) => 1 + ((j * j) % 11));
      for (const weightOptions of [{ selfIncluded: true }, { selfIncluded: true, style: 'row' }]) {
        // Unequal slot weights too: row-standardised rows of 2 and 7 links with self weights.
        const w = weightsFromNeighbors(lists, weightOptions as never);
        const unequal = { ...w, weights: w.weights.map((value, l) => value * (1 + (l % 3))) };
        for (const weights of [w, unequal]) {
          const seed = 12345;
          const R = 25;
          const result = conditionalPermutation(x, weights, {
            statistic: 'gistar',
            scheme: 'lookup-table',
            seed,
            permutations: R,
          });
          // 64 rows per permutation; each cell's window starts at its stream's first draw.
          const T = 64 * R;
          const table = drawPermutationTable(n, T, 7, seed);
          for (let i = 0; i < n; i++) {
            const problem = cellProblem('gistar', 'lookup-table', x, weights, i);
            const k = problem.slotWeights.length;
            const first = Math.floor(mulberry32(cellStreamSeed(seed, i))() * (T - R + 1));
            const sims: number[] = [];
            for (let r = first; r < first + R; r++) {
              const row = Array.from(table.cells.subarray(r * 7, r * 7 + 7));
              const chosen = row.filter((j) => j !== i).slice(0, k);
              const lag = chosen.reduce((a, j, t) => a + problem.slotWeights[t] * x[j], 0);
              sims.push(problem.scale * (problem.fixed + lag));
            }
            const mean = sims.reduce((a, b) => a + b, 0) / R;
            const sd = Math.sqrt(sims.reduce((a, b) => a + (b - mean) ** 2, 0) / R);
            expect(result.expectedSim[i], `n ${n} cell ${i} mean`).toBeCloseTo(mean, 13);
            expect(result.sdSim[i], `n ${n} cell ${i} sd`).toBeCloseTo(sd, 13);
          }
        }
      }
    }
  });

  it('gives every cell its own seed (100,000 cells, no two alike) and depends on the run seed', () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 100_000; i++) seeds.add(cellStreamSeed(7, i));
    expect(seeds.size).toBe(100_000);
    expect(cellStreamSeed(7, 0)).not.toBe(cellStreamSeed(8, 0));
    expect(cellStreamSeed(0xffffffff, 3)).toBeGreaterThanOrEqual(0);
  });
});

describe('reproducibility', () => {
  const grid = diskGrid(12);
  const random = mulberry32(3);
  const x = Array.from({ length: grid.cells.length }, () => Math.floor(10 * random() ** 2));
  const w = kRingWeights(grid, { k: 1 });

  it('gives byte-identical output for the same seed and different output for another', () => {
    const options = { statistic: 'gistar', permutations: 199, seed: 5 } as const;
    const first = conditionalPermutation(x, w, options);
    expect(sameBytes(first, conditionalPermutation(x, w, options))).toBe(true);
    const other = conditionalPermutation(x, w, { ...options, seed: 6 });
    expect(sameBytes(first, other)).toBe(false);
    let differing = 0;
    for (let i = 0; i < x.length; i++) if (first.pSim[i] !== other.pSim[i]) differing++;
    expect(differing).toBeGreaterThan(x.length / 2);
  });

  it('gives byte-identical output in-process and on 1, 2 or 3 threads (TypeScript sources)', () => {
    const runs = [
      ['gistar', 'conditional'],
      ['localMoran', 'conditional'],
      ['gistar', 'lookup-table'],
      ['localMoran', 'lookup-table'],
    ] as const;
    for (const [statistic, scheme] of runs) {
      const weights =
        statistic === 'gistar' ? w : kRingWeights(grid, { k: 1, selfIncluded: false });
      const options = { statistic, permutations: 99, seed: 17, scheme } as const;
      const inProcess = conditionalPermutation(x, weights, options);
      for (const threads of [1, 2, 3]) {
        // minWork 0: this small fixture would otherwise stay in this thread.
        const runner = threadedPermutationRunner({ threads, minWork: 0 });
        const threaded = conditionalPermutation(x, weights, { ...options, runner });
        expect(sameBytes(inProcess, threaded), `${statistic}, ${scheme}, ${threads} threads`).toBe(
          true,
        );
        expect(threaded.pSim.buffer).toBeInstanceOf(ArrayBuffer);
      }
    }
  });

  it('gives the same output from the compiled dist worker (after npx tsc -b)', async () => {
    const compiled = new URL('../../dist/node/threadedPermutationRunner.js', import.meta.url);
    const module = (await import(compiled.href)) as {
      threadedPermutationRunner: typeof threadedPermutationRunner;
    };
    const options = { statistic: 'gistar', permutations: 99, seed: 17 } as const;
    const runner = module.threadedPermutationRunner({ threads: 2, minWork: 0 });
    const two = conditionalPermutation(x, w, { ...options, runner });
    expect(sameBytes(conditionalPermutation(x, w, options), two)).toBe(true);
  });

  it('adds the permutation fields to giStar only when permutations > 0, equal to the engine', () => {
    const plain = giStar(x, w);
    for (const field of ['pSim', 'zSim', 'expectedSim', 'sdSim', 'pSimFdr'])
      expect(plain).not.toHaveProperty(field);
    const permuted = giStar(x, w, { permutations: 99, seed: 4 });
    const engine = conditionalPermutation(x, w, { statistic: 'gistar', permutations: 99, seed: 4 });
    expect(sameBytes(permuted as PermutationResult, engine)).toBe(true);
    expect(permuted.z).toEqual(plain.z);
    expect(permuted.pSimFdr).toEqual(benjaminiHochberg(engine.pSim));
    // zSim and the analytic z agree in sign wherever both are clearly away from 0.
    for (let i = 0; i < x.length; i++)
      if (Math.abs(plain.z[i]) > 2) expect(Math.sign(engine.zSim[i])).toBe(Math.sign(plain.z[i]));
  });

  it('reports expectedSim on the G scale: the conditional mean lag divided by Σx', () => {
    const result = conditionalPermutation(
      SMALL_X,
      weightsFromNeighbors(SMALL_LISTS, { selfIncluded: true }),
      {
        statistic: 'gistar',
        permutations: 20_000,
        seed: 2,
      },
    );
    const sum = SMALL_X.reduce((a, b) => a + b, 0);
    // Conditional: E[lag_i] = x_i + k_i·(Σx − x_i)/(n − 1) for binary weights.
    const wanted = SMALL_LISTS.map(
      (list, i) => (SMALL_X[i] + (list.length * (sum - SMALL_X[i])) / 7) / sum,
    );
    expectAllClose(result.expectedSim, wanted, 2e-3, 'expectedSim');
  });
});

describe('degenerate cells and invalid input', () => {
  it('gives NaN where nothing can be permuted: no neighbours, all others alike, or Σx = 0', () => {
    const lists = [[1, 2, 3], [0], [0], [0], []];
    const w = weightsFromNeighbors(lists, { selfIncluded: true });
    const result = conditionalPermutation([5, 1, 1, 1, 1], w, { statistic: 'gistar', seed: 1 });
    // Cell 4 has no neighbour; cell 0's three neighbours always get the values 1, 1, 1.
    expect(result.pSim[4]).toBeNaN();
    expect(result.pSim[0]).toBeNaN();
    expect(result.sdSim[0]).toBe(0);
    expect(result.pSim[1]).toBeGreaterThan(0);
    const centred = conditionalPermutation([2, -1, -1, 1, -1], w, { statistic: 'gistar', seed: 1 });
    expect(centred.pSim[1]).toBeGreaterThan(0);
    expect(centred.expectedSim[1]).toBeNaN();
    expect(centred.sdSim[1]).toBeNaN();
  });

  it('rejects invalid options and input with E_ARGUMENT, before any thread starts', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1]], { selfIncluded: true });
    const x = [1, 2, 3];
    const run = (options: object, weights: SpatialWeights = w, values: number[] = x) =>
      codeOf(() => conditionalPermutation(values, weights, options as never));
    expect(run({})).toBe('E_ARGUMENT');
    expect(run({ statistic: 'moran' })).toBe('E_ARGUMENT');
    expect(run({ statistic: 'gistar', permutations: 0 })).toBe('E_ARGUMENT');
    expect(run({ statistic: 'gistar', permutations: 1e8 })).toBe('E_ARGUMENT');
    expect(run({ statistic: 'gistar', seed: Number.NaN })).toBe('E_ARGUMENT');
    expect(run({ statistic: 'gistar', scheme: 'GeoDa' })).toBe('E_ARGUMENT');
    expect(run({ statistic: 'gistar', alternative: 'folded' })).toBe('E_ARGUMENT');
    expect(run({ statistic: 'localMoran' })).toBe('E_ARGUMENT');
    expect(run({ statistic: 'gistar' }, w, [1, 2])).toBe('E_ARGUMENT');
    expect(run({ statistic: 'gistar' }, w, [1, Number.NaN, 3])).toBe('E_ARGUMENT');
    expect(codeOf(() => threadedPermutationRunner({ threads: 0 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => threadedPermutationRunner({ threads: 1.5 }))).toBe('E_ARGUMENT');
  });

  it('accepts any integer seed, reducing it modulo 2³²', () => {
    const w = weightsFromNeighbors(SMALL_LISTS, { selfIncluded: true });
    const a = conditionalPermutation(SMALL_X, w, {
      statistic: 'gistar',
      seed: -1,
      permutations: 50,
    });
    const b = conditionalPermutation(SMALL_X, w, {
      statistic: 'gistar',
      seed: 2 ** 32 - 1,
      permutations: 50,
    });
    expect(sameBytes(a, b)).toBe(true);
  });
});
