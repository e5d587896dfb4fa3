/**
 * Worker-thread entry of `parallelPermutations`: runs the permutations of one range of cells of a
 * shared plan and writes them into the shared output arrays, then reports `done`. Not a module
 * to import: loading it in the main thread does nothing.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PermutationOutput } from '../stats/permutation/permuteCellRange.js';
import { permuteCellRange } from '../stats/permutation/permuteCellRange.js';
import type { PermutationPlan } from '../stats/permutation/preparePermutation.js';

/** What `parallelPermutations` hands each worker; the typed arrays live in SharedArrayBuffers. */
export interface PermutationTask {
  readonly plan: PermutationPlan;
  readonly start: number;
  readonly end: number;
  readonly output: PermutationOutput;
}

if (!isMainThread && parentPort !== null) {
  const task = workerData as PermutationTask;
  permuteCellRange(task.plan, task.start, task.end, task.output);
  parentPort.postMessage('done');
}
