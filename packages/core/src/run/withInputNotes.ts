import type { AnalysisResult } from '../pipeline/analysisResult.js';

/**
 * The analysis with the notes of reading its inputs first (`readInputs`' `notes`: the
 * coordinate system a shapefile was reprojected from), so that summary.json, the report and the
 * CLI's summary say them, and a re-scoring (`createScorer(result).full`) keeps them.
 *
 * @param result - the analysis
 * @param notes - the reading notes
 * @returns the same result when there are none, else a copy with the notes before its own
 * @example
 * ```ts
 * const inputs = await readInputs(sources, config);
 * const result = withInputNotes(analyze({ incidents: inputs.incidents.data, areas: inputs.areas.data }, inputs.config), inputs.notes);
 * ```
 */
export function withInputNotes(result: AnalysisResult, notes: readonly string[]): AnalysisResult {
  if (notes.length === 0) return result;
  return {
    ...result,
    notes: [...notes, ...result.notes],
    baseNotes: [...notes, ...result.baseNotes],
  };
}
