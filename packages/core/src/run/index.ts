// @hexreach/core/run: one path from input files to a summary, for the CLI and the viewer. Named re-exports only.

export {
  buildSummary,
  privacyGuarantee,
  type RunInput,
  type RunInputs,
  type SummaryRun,
} from './buildSummary.js';
export type { ByteSource, InputSource } from './InputSource.js';
export { incidentCounts, type RecordCounts } from './incidentCounts.js';
export { inputFormatOf } from './inputFormatOf.js';
export { type FeatureSourceRead, readFeatureSource } from './readFeatureSource.js';
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
export { shapefilePartsOf } from './shapefilePartsOf.js';
export { summaryToReportModel } from './summaryToReportModel.js';
export { withInputNotes } from './withInputNotes.js';
