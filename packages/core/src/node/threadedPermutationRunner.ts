import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assertArgument, HexreachError } from '../errors.js';
import { type PermutationOutput, permuteCellRange } from '../stats/permutation/permuteCellRange.js';
import type { PermutationPlan } from '../stats/permutation/preparePermutation.js';
import type { PermutationRunner } from '../stats/permutation/resolvePermutationOptions.js';
import type { PermutationTask } from './permutationWorker.js';

/** Below this much work (links × permutations) a worker's start-up costs more than it saves. */
const MIN_THREADED_WORK = 100_000_000;

/** Options of {@link threadedPermutationRunner}. */
export interface ThreadedRunnerOptions {
  /** Threads to use, this one included (default `os.availableParallelism()`). */
  readonly threads?: number;
  /** Work (links × permutations) below which a run stays in this thread (default 10⁸: about half a second in one thread). */
  readonly minWork?: number;
}
/** How long workers may take to start before the run gives up on them. */
const START_TIMEOUT_MS = 60_000;

/**
 * A permutation runner on several cores, for `giStar`, `localMoran` and `analyze`
 * (`permutationRunner`): the cells are split into contiguous ranges of about equal work, this
 * thread runs the first and worker threads the others, on one shared copy of the plan
 * (SharedArrayBuffer). It is synchronous (this thread waits with `Atomics.wait`), so the
 * analysis stays one plain function call. Node only; the browser-safe core runs in one thread.
 *
 * The runner starts its workers on its first threaded run and keeps them for the next ones (an
 * analysis runs Gi* and Local Moran, and the robustness re-runs theirs): a worker costs 30–300 ms
 * to start, more than a run's share of the work on the demo city. Idle workers do not keep the
 * process alive.
 *
 * The output is byte-identical to a run in one thread, whatever the number of threads: each cell
 * draws from its own stream (`cellStreamSeed`). Small runs stay in this thread.
 *
 * @param options - threads (default: the available parallelism) and the least work worth them
 * @returns the runner
 * @throws HexreachError `E_ARGUMENT` when `threads` is not an integer ≥ 1; the runner throws
 *   `E_INPUT` if a worker fails or does not start within a minute
 * @example
 * ```ts
 * const runner = threadedPermutationRunner({ threads: 2 });
 * giStar(counts, kRingWeights(grid, { k: 1 }), { permutations: 999, seed: 1, runner }).pSim;
 * ```
 */
export function threadedPermutationRunner(options: ThreadedRunnerOptions = {}): PermutationRunner {
  const threads = options.threads ?? availableParallelism();
  const minWork = options.minWork ?? MIN_THREADED_WORK;
  assertArgument(
    Number.isInteger(threads) && threads >= 1,
    'threadedPermutationRunner',
    `threads must be an integer >= 1, got ${threads}`,
    threads,
  );
  const pool: Worker[] = [];
  return (plan, output) => {
    const work = (plan.offsets[plan.n] + plan.n) * plan.permutations;
    const ranges = splitByWork(plan, work < minWork ? 1 : Math.min(threads, plan.n));
    if (ranges.length === 1) {
      permuteCellRange(plan, 0, plan.n, output);
      return;
    }
    runOnThreads(workersFrom(pool, ranges.length - 1), sharePlan(plan), ranges, output);
  };
}

/** The first `count` workers of `pool`, starting the missing ones and replacing those that exited. */
function workersFrom(pool: Worker[], count: number): Worker[] {
  for (let w = 0; w < count; w++) {
    if (pool[w] === undefined || pool[w].threadId === -1) {
      const worker = startWorker();
      // An idle worker must not keep the process alive. A worker that dies is replaced on the
      // next run; the run it died in reports it (waitForWorkers), so its error is not rethrown.
      worker.unref();
      worker.on('error', () => {});
      pool[w] = worker;
    }
  }
  return pool.slice(0, count);
}

/** Runs range 0 here and the others on the workers; copies the shared results into `output`. */
function runOnThreads(
  workers: readonly Worker[],
  plan: PermutationPlan,
  ranges: readonly [number, number][],
  output: PermutationOutput,
): void {
  const shared = sharedOutput(plan.n);
  // [0] ranges finished by workers, [1] workers started, [2] workers failed.
  const status = new Int32Array(new SharedArrayBuffer(12));
  ranges.slice(1).forEach(([start, end], w) => {
    const task: PermutationTask = { plan, start, end, output: shared, status };
    workers[w].postMessage(task);
  });
  permuteCellRange(plan, ranges[0][0], ranges[0][1], shared);
  try {
    waitForWorkers(status, workers.length);
  } catch (error) {
    // A worker that failed or never started may be stuck: the next run starts new ones.
    for (const worker of workers) void worker.terminate();
    throw error;
  }
  output.pSim.set(shared.pSim);
  output.zSim.set(shared.zSim);
  output.expectedSim.set(shared.expectedSim);
  output.sdSim.set(shared.sdSim);
}

/** Blocks until every worker has reported its range done; throws if one failed or never started. */
function waitForWorkers(status: Int32Array, count: number): void {
  const started = performance.now();
  for (;;) {
    const done = Atomics.load(status, 0);
    if (Atomics.load(status, 2) > 0)
      throw new HexreachError('E_INPUT', 'a permutation worker thread failed', 'permutations');
    if (done === count) return;
    if (Atomics.load(status, 1) < count && performance.now() - started > START_TIMEOUT_MS) {
      throw new HexreachError(
        'E_INPUT',
        `permutation worker threads did not start within ${START_TIMEOUT_MS / 1000} s`,
        'permutations',
      );
    }
    Atomics.wait(status, 0, done, 1000);
  }
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
    tableCells: toShared(plan.tableCells, Uint32Array),
    tableHitOffsets: toShared(plan.tableHitOffsets, Uint32Array),
    tableHits: toShared(plan.tableHits, Uint32Array),
    tableValues: toShared(plan.tableValues, Float64Array),
    tablePrefix: toShared(plan.tablePrefix, Float64Array),
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

/** Output arrays of length n in SharedArrayBuffers, which the workers write. */
function sharedOutput(n: number): PermutationOutput {
  const array = () => new Float64Array(new SharedArrayBuffer(n * 8));
  return { pSim: array(), zSim: array(), expectedSim: array(), sdSim: array() };
}

/**
 * A worker waiting for tasks. From compiled JavaScript the entry is the `.js` file beside this
 * module; from TypeScript sources it is the `.ts` file, loaded after registering tsx's ESM
 * loader inside the worker (a worker does not inherit the parent's loader hooks).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./permutationWorker.js', here));
  const entry = new URL('./permutationWorker.ts', here).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => {
    (api.register ?? api.default.register)();
    return import(${JSON.stringify(entry)});
  });`;
  return new Worker(bootstrap, { eval: true });
}
