import { type AnalysisResult, analysisToZones } from '@hexreach/core';
import type { ParsedInputs } from './readRawInputs.js';
import { summarizeRun } from './summarizeRun.js';

/**
 * zones.geojson and summary.json of an analysis, its zones, and its weights as shares: what both
 * a run and a re-score hand the page.
 *
 * @param parsed - the inputs the analysis was made from
 * @param result - the analysis
 * @returns the zones, their text, the summary's text and the priority weights divided by their sum
 * @example
 * ```ts
 * const { zonesText, summaryText } = writtenOutputs(parsed, result);
 * ```
 */
export function writtenOutputs(
  parsed: ParsedInputs,
  result: AnalysisResult,
): {
  zones: ReturnType<typeof analysisToZones>;
  zonesText: string;
  summaryText: string;
  weights: Record<string, number>;
} {
  const zones = analysisToZones(result);
  const w = result.config.priority.weights as Readonly<Record<string, number>>;
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  return {
    zones,
    zonesText: JSON.stringify(zones),
    summaryText: JSON.stringify(summarizeRun(parsed, result)),
    weights: Object.fromEntries(Object.entries(w).map(([k, v]) => [k, total > 0 ? v / total : 0])),
  };
}
