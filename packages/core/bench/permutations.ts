import { gridFromCells } from '../src/hex/gridFromCells.js';
import { gridDisk } from '../src/hex/h3.js';
import { threadedPermutationRunner } from '../src/node/threadedPermutationRunner.js';
import { benjaminiHochberg } from '../src/stats/benjaminiHochberg.js';
import { giStar } from '../src/stats/giStar.js';
import { conditionalPermutation } from '../src/stats/permutation/conditionalPermutation.js';
import type { SpatialWeights } from '../src/types.js';
import { mulberry32 } from '../src/util/random.js';
import { kRingWeights } from '../src/weights/kRingWeights.js';
import { median, printRow } from './report.js';

const PERMUTATIONS = 999;

/** Median wall time in milliseconds of `runs` calls of `run` (awaited). */
async function timeMs(runs: number, run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The baseline of the analytic pass: Σ_j w_ij x_j over the CSR rows, nothing else. */
function neighbourSums(x: Float64Array, w: SpatialWeights): Float64Array {
  const { n, offsets, neighbors, weights } = w;
  const lag = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let l = offsets[i]; l < offsets[i + 1]; l++) sum += weights[l] * x[neighbors[l]];
    lag[i] = sum;
  }
  return lag;
}

/**
 * The baseline of a permutation run: the least work any such test does, in a plain
 * single-threaded loop — per cell and permutation, sum the values of as many cells as it has
 * neighbours, drawn with Math.random() (with replacement, no bookkeeping), and count the sums at
 * least as large as the observed one.
 */
function plainPermutationLoop(
  x: Float64Array,
  w: SpatialWeights,
  permutations: number,
): Uint32Array {
  const n = w.n;
  const counts = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let observed = 0;
    for (let l = w.offsets[i]; l < w.offsets[i + 1]; l++) observed += x[w.neighbors[l]];
    const k = w.offsets[i + 1] - w.offsets[i];
    let count = 0;
    for (let r = 0; r < permutations; r++) {
      let sum = 0;
      for (let t = 0; t < k; t++) sum += x[Math.floor(Math.random() * n)];
      if (sum >= observed) count++;
    }
    counts[i] = count;
  }
  return counts;
}

/**
 * Permutation inference on 99,919 H3 cells (a disk of radius 182 at resolution 8) with k = 1
 * rings: the analytic Gi* pass against a plain neighbour-sum loop, then 999 permutations of Gi*
 * and of Local Moran in this thread and on 2 worker threads, under the `conditional` scheme (a
 * stream per cell, the default) and the `lookup-table` scheme (one table shared by all cells),
 * against a plain single-threaded permutation loop measured in the same run. Seeded data; medians of `runs` runs (of 7 batches
 * of 10 calls at least for the analytic pass).
 *
 * @param runs - repetitions per figure (the median is printed)
 * @example
 * ```ts
 * await benchPermutations(3);
 * ```
 */
export async function benchPermutations(runs: number): Promise<void> {
  const grid = gridFromCells(gridDisk('882664c1a9fffff', 182));
  const n = grid.cells.length;
  const star = kRingWeights(grid, { k: 1 });
  const lisa = kRingWeights(grid, { k: 1, selfIncluded: false, style: 'row' });
  const random = mulberry32(42);
  // Incident-like counts: many zeros, a long tail.
  const counts = Float64Array.from({ length: n }, () => Math.floor(-Math.log(1 - random()) * 2));
  const cells = `${n.toLocaleString('en-US')} cells, k = 1`;

  // The analytic pass takes milliseconds: the median of 7 batches of 10 calls, whatever `runs`
  // is (the first batch also warms the JIT up).
  const batch = 10;
  const batches = Math.max(runs, 7);
  const plainSums =
    (await timeMs(batches, () => {
      for (let b = 0; b < batch; b++) neighbourSums(counts, star);
    })) / batch;
  const analytic =
    (await timeMs(batches, () => {
      for (let b = 0; b < batch; b++) giStar(counts, star);
    })) / batch;
  const withFdr =
    (await timeMs(batches, () => {
      for (let b = 0; b < batch; b++) giStar(counts, star, { fdr: true });
    })) / batch;
  const reference = giStar(counts, star);
  const fdrPart =
    (await timeMs(batches, () => {
      for (let b = 0; b < batch; b++) benjaminiHochberg(reference.p);
    })) / batch;
  printRow(
    `plain loop summing neighbour values (${cells})`,
    `${plainSums.toFixed(2)} ms`,
    'baseline',
  );
  printRow(
    'giStar analytic (checks, z, p, G, moments, bins)',
    `${analytic.toFixed(2)} ms`,
    `${(analytic / plainSums).toFixed(2)}× baseline (target ≤ 3×)`,
  );
  printRow(
    'giStar with fdr: true (adds pFdr and FDR bins)',
    `${withFdr.toFixed(2)} ms`,
    `${(withFdr / plainSums).toFixed(2)}× baseline`,
  );
  printRow(
    '  of which benjaminiHochberg(p), a sort',
    `${fdrPart.toFixed(2)} ms`,
    `${(fdrPart / plainSums).toFixed(2)}× baseline`,
  );

  const plain = await timeMs(runs, () => plainPermutationLoop(counts, star, PERMUTATIONS));
  printRow(
    `plain single-thread loop, ${PERMUTATIONS} permutations (${cells})`,
    `${(plain / 1000).toFixed(2)} s`,
    'baseline',
  );
  const cases = [
    ['Gi*', 'gistar', star],
    ['Local Moran', 'localMoran', lisa],
  ] as const;
  // `lookup-table` is analyze's default; `conditional` (a stream per cell) the library functions'.
  const schemes = ['lookup-table', 'conditional'] as const;
  for (const [label, statistic, weights] of cases) {
    for (const scheme of schemes) {
      const options = { statistic, permutations: PERMUTATIONS, seed: 1, scheme } as const;
      const single = await timeMs(runs, () => conditionalPermutation(counts, weights, options));
      const runner = threadedPermutationRunner({ threads: 2 });
      const parallel = await timeMs(runs, () =>
        conditionalPermutation(counts, weights, { ...options, runner }),
      );
      printRow(
        `${label}: ${PERMUTATIONS} permutations, ${scheme}, in-process, 1 thread`,
        `${(single / 1000).toFixed(2)} s`,
        `${(single / plain).toFixed(2)}× baseline`,
      );
      printRow(
        `${label}: ${PERMUTATIONS} permutations, ${scheme}, 2 threads (threadedPermutationRunner)`,
        `${(parallel / 1000).toFixed(2)} s`,
        `${(parallel / plain).toFixed(2)}× baseline${scheme === 'lookup-table' ? " (target < 2 s; analyze's default scheme)" : ''}`,
      );
    }
  }
}
