import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assertArgument } from '../errors.js';
import { benjaminiHochberg } from '../stats/benjaminiHochberg.js';
import type { PermutationResult } from '../stats/permutation/conditionalPermutation.js';
import { type PermutationOutput, permuteCellRange } from '../stats/permutation/permuteCellRange.js';
import {
  type PermutationEngineOptions,
  type PermutationPlan,
  preparePermutation,
} from '../stats/permutation/preparePermutation.js';
import type { SpatialWeights } from '../types.js';
import type { PermutationTask } from './permutationWorker.js';

/** Options of {@link parallelPermutations}: those of `conditionalPermutation` and `threads`. */
export interface ParallelPermutationOptions extends PermutationEngineOptions {
  /** Worker threads to use; 1 runs in this thread. Default `os.availableParallelism()`. */
  readonly threads?: number;
}

/**
 * `conditionalPermutation` on several cores: the cells are split into contiguous ranges of about
 * equal work (links × permutations), each run by a worker thread on one shared copy of the
 * inputs (SharedArrayBuffer), writing into shared output arrays. Node only (node:worker_threads);
 * the browser-safe core runs `conditionalPermutation` in one thread.
 *
 * The output is byte-identical to `conditionalPermutation` with the same options, whatever the
 * number of threads: each cell draws from its own stream (`cellStreamSeed`), so the split does
 * not matter. The worker entry is `permutationWorker.js` beside this module; when this module
 * runs from its TypeScript source (tsx, vitest), the worker loads `permutationWorker.ts` through
 * tsx's loader instead.
 *
 * @param values - one finite value per observation
 * @param weights - CSR weights (self links make Gi*, none Gi; none allowed for `localMoran`)
 * @param options - `statistic` (required), `permutations` (default 999), `seed` (default 0),
 *   `scheme`, `alternative`, `threads` (default: the available parallelism)
 * @returns a promise of pSim, zSim, expectedSim, sdSim and pSimFdr per observation
 * @throws HexreachError `E_ARGUMENT` (synchronously, before any thread starts) for invalid
 *   options, weights or values; the promise rejects if a worker fails
 * @example
 * ```ts
 * const w = kRingWeights(grid, { k: 1 });
 * const { pSim } = await parallelPermutations(counts, w, { statistic: 'gistar', seed: 1, threads: 2 });
 * ```
 */
export function parallelPermutations(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  options: ParallelPermutationOptions,
): Promise<PermutationResult> {
  const fn = 'parallelPermutations';
  const plan = preparePermutation(values, weights, options, fn);
  const threads = options.threads ?? availableParallelism();
  assertArgument(
    Number.isInteger(threads) && threads >= 1,
    fn,
    `threads must be an integer >= 1, got ${threads}`,
    threads,
  );
  const ranges = splitByWork(plan, Math.min(threads, plan.n));
  if (ranges.length === 1) {
    const output = emptyOutput(plan.n, false);
    permuteCellRange(plan, 0, plan.n, output);
    return Promise.resolve(finish(output));
  }

  const shared = sharePlan(plan);
  const output = emptyOutput(plan.n, true);
  const runs = ranges.map(([start, end]) =>
    runWorker({ plan: shared, start, end, output } satisfies PermutationTask),
  );
  return Promise.all(runs).then(() => finish(copyOutput(output)));
}

/** Splits cells 0 … n − 1 into at most `parts` contiguous ranges of about equal link counts. */
function splitByWork(plan: PermutationPlan, parts: number): [number, number][] {
  const { n, offsets } = plan;
  // A cell costs its links plus a constant for its moments and counts.
  const total = offsets[n] + n;
  const ranges: [number, number][] = [];
  let start = 0;
  for (let part = 1; part <= parts && start < n; part++) {
    let end = n;
    if (part < parts) {
      const target = (total * part) / parts;
      end = start + 1;
      while (end < n && offsets[end] + end < target) end++;
    }
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

/** The plan with every typed array copied into a SharedArrayBuffer, so workers share one copy. */
function sharePlan(plan: PermutationPlan): PermutationPlan {
  return {
    ...plan,
    offsets: toShared(plan.offsets, Uint32Array),
    neighbors: toShared(plan.neighbors, Uint32Array),
    weights: toShared(plan.weights, Float64Array),
    values: toShared(plan.values, Float64Array),
    scale: toShared(plan.scale, Float64Array),
    reported: toShared(plan.reported, Uint8Array),
  };
}

/** A copy of `source` in a SharedArrayBuffer. */
function toShared<T extends Uint8Array | Uint32Array | Float64Array>(
  source: T,
  Kind: { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number },
): T {
  const copy = new Kind(new SharedArrayBuffer(source.length * Kind.BYTES_PER_ELEMENT));
  copy.set(source);
  return copy;
}

/** Output arrays of length n, in SharedArrayBuffers when workers write them. */
function emptyOutput(n: number, shared: boolean): PermutationOutput {
  const array = () =>
    shared ? new Float64Array(new SharedArrayBuffer(n * 8)) : new Float64Array(n);
  return { pSim: array(), zSim: array(), expectedSim: array(), sdSim: array() };
}

/** The output in ordinary (unshared) arrays, as `conditionalPermutation` returns them. */
function copyOutput(output: PermutationOutput): PermutationOutput {
  return {
    pSim: Float64Array.from(output.pSim),
    zSim: Float64Array.from(output.zSim),
    expectedSim: Float64Array.from(output.expectedSim),
    sdSim: Float64Array.from(output.sdSim),
  };
}

function finish(output: PermutationOutput): PermutationResult {
  return { ...output, pSimFdr: benjaminiHochberg(output.pSim) };
}

/** Runs one task in a new worker thread; resolves when it reports `done`. */
function runWorker(task: PermutationTask): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(task);
    let done = false;
    worker.once('message', (message) => {
      done = message === 'done';
      if (done) resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done)
        reject(new Error(`permutation worker stopped (exit code ${code}) before finishing`));
    });
  });
}

/**
 * The worker for one task. From compiled JavaScript the entry is the `.js` file beside this
 * module; from TypeScript sources it is the `.ts` file, loaded after registering tsx's ESM
 * loader inside the worker (a worker does not inherit the parent's loader hooks).
 */
function startWorker(task: PermutationTask): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return new Worker(new URL('./permutationWorker.js', here), { workerData: task });
  }
  const entry = new URL('./permutationWorker.ts', here).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => {
    (api.register ?? api.default.register)();
    return import(${JSON.stringify(entry)});
  });`;
  return new Worker(bootstrap, { eval: true, workerData: task });
}
