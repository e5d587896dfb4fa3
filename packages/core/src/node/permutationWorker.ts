/**
 * Worker-thread entry of `threadedPermutationRunner`: waits for tasks, and for each runs the
 * permutations of one range of cells of a shared plan into the shared output arrays, then counts
 * itself done in `status` and wakes the waiting thread. Not a module to import: loading it in
 * the main thread does nothing.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import type { PermutationOutput } from '../stats/permutation/permuteCellRange.js';
import { permuteCellRange } from '../stats/permutation/permuteCellRange.js';
import type { PermutationPlan } from '../stats/permutation/preparePermutation.js';

/** What the runner hands each worker; the typed arrays live in SharedArrayBuffers. */
export interface PermutationTask {
  readonly plan: PermutationPlan;
  readonly start: number;
  readonly end: number;
  readonly output: PermutationOutput;
  /** [0] ranges done, [1] workers started, [2] workers failed. */
  readonly status: Int32Array;
}

if (!isMainThread && parentPort !== null) {
  parentPort.on('message', (task: PermutationTask) => {
    Atomics.add(task.status, 1, 1);
    try {
      permuteCellRange(task.plan, task.start, task.end, task.output);
      Atomics.add(task.status, 0, 1);
    } catch {
      Atomics.add(task.status, 2, 1);
    }
    Atomics.notify(task.status, 0);
  });
}
