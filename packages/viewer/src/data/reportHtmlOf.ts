import { type AnalysisResult, analysisToZones, renderReportHtml } from '@hexreach/core';
import { summaryToReportModel } from '@hexreach/core/run';
import type { ParsedInputs } from './readRawInputs.js';
import { summarizeRun } from './summarizeRun.js';

/**
 * The `report.html` of an analysis in the browser, as the CLI writes it: from the same summary.
 * Not part of a run or a re-score: its study-area map alone takes hundreds of milliseconds on
 * 50,000 cells, so the worker renders it when the report is asked for.
 *
 * @param parsed - the inputs the analysis was made from
 * @param result - the analysis
 * @returns the report's HTML
 * @example
 * ```ts
 * downloadFile('report.html', new Blob([reportHtmlOf(parsed, result)]));
 * ```
 */
export function reportHtmlOf(parsed: ParsedInputs, result: AnalysisResult): string {
  return renderReportHtml(
    summaryToReportModel(result, summarizeRun(parsed, result), analysisToZones(result)),
  );
}
