// @hexreach/core/node: Node-only helpers: permutations on every core. Named re-exports only.

export {
  type ThreadedRunnerOptions,
  threadedPermutationRunner,
} from './threadedPermutationRunner.js';
