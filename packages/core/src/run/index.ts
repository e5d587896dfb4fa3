// @hexreach/core/run: one path from input files to a summary, for the CLI and the viewer. Named re-exports only.

export {
  buildSummary,
  privacyGuarantee,
  type RunInput,
  type RunInputs,
  type SummaryRun,
} from './buildSummary.js';
export type { InputSource } from './InputSource.js';
export { incidentCounts, type RecordCounts } from './incidentCounts.js';
export {
  type InputRead,
  type InputRole,
  type InputSources,
  type InputsRead,
  type ReadInputsOptions,
  readInputs,
} from './readInputs.js';
export {
  combineTallies,
  createRejectionTally,
  type RejectionCounter,
  type RejectionTally,
} from './rejectionTally.js';
export { summaryToReportModel } from './summaryToReportModel.js';
