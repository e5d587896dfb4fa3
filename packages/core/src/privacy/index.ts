// @hexreach/core/privacy: differential-privacy building blocks. Named re-exports only.

export {
  type CountTables,
  type CountTablesOptions,
  countTables,
  weightedCellCounts,
} from './countTables.js';
export {
  addDiscreteLaplaceNoise,
  type DiscreteLaplaceOptions,
  discreteLaplaceSampler,
  discreteLaplaceVariance,
} from './discreteLaplace.js';
export {
  type BudgetShares,
  DEFAULT_BUDGET_SHARES,
  noisyCountTables,
  type TableBudget,
} from './noisyCountTables.js';
export { secretUniform } from './secretUniform.js';
