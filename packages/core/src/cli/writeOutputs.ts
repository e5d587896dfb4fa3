import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult } from '../analyze.js';
import { analysisToCells } from '../export/analysisToCells.js';
import { analysisToReportModel } from '../export/analysisToReportModel.js';
import { analysisToZones } from '../export/analysisToZones.js';
import { rejectionsToCsv } from '../export/rejectionsToCsv.js';
import { renderReportHtml } from '../export/renderReportHtml.js';
import { renderReportMarkdown } from '../export/renderReportMarkdown.js';
import type { ReportInputCounts } from '../export/reportModel.js';
import { zonesToCsv } from '../export/zonesToCsv.js';
import type { Rejection } from '../types.js';

/**
 * Writes `cells.geojson`, `zones.geojson`, `zones.csv`, `summary.json`, `report.html`,
 * `report.md` and `rejected.csv` (the user's own
 * unusable and outside records, so they can fix them) into `dir`, creating it. A public export
 * (`privacy.public`) leaves out `rejected.csv` and suppresses small counts.
 *
 * @returns the paths written
 * @example
 * ```ts
 * writeOutputs('out', result, summary, rejections);
 * ```
 */
export function writeOutputs(
  dir: string,
  result: AnalysisResult,
  summary: Record<string, unknown>,
  rejections: readonly Rejection[],
): string[] {
  mkdirSync(dir, { recursive: true });
  const isPublic = result.config.privacy.public;
  const cells = analysisToCells(result);
  const zones = analysisToZones(result);
  const privacy = summary.privacy as { rules?: string[] } | undefined;
  const report = analysisToReportModel(result, {
    version: String(summary.hexreach),
    inputs: summary.inputs as Record<string, ReportInputCounts>,
    zones,
    privacyRules: privacy?.rules,
  });
  const files: [string, string][] = [
    ['cells.geojson', JSON.stringify(cells)],
    ['zones.geojson', JSON.stringify(zones, null, 1)],
    ['zones.csv', zonesToCsv(zones)],
    ['summary.json', `${JSON.stringify(summary, null, 2)}\n`],
    ['report.html', renderReportHtml(report)],
    ['report.md', renderReportMarkdown(report)],
  ];
  if (result.emerging !== undefined)
    files.push(['spacetime.json', JSON.stringify(spaceTimeJson(result))]);
  // rejected.csv lists the user's own records: never part of a public export.
  if (!isPublic) files.push(['rejected.csv', rejectionsToCsv(rejections)]);
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

/**
 * The space-time view for the viewer's play button: each step's start and every cell's Gi* bin
 * (−3…3) in that step, as one string of digits per step (`0`–`6` for −3…3) to stay small.
 */
function spaceTimeJson(result: AnalysisResult): Record<string, unknown> {
  const { cube, result: emerging } = result.emerging!;
  const n = result.grid.cells.length;
  const bins: string[] = [];
  for (let t = 0; t < cube.steps; t++) {
    let text = '';
    for (let c = 0; c < n; c++) text += String(emerging.bin[t * n + c] + 3);
    bins.push(text);
  }
  return {
    step: cube.step,
    stepStarts: Array.from(cube.stepStarts, (ms) => new Date(ms).toISOString().slice(0, 10)),
    cells: result.grid.cells,
    binEncoding: 'one character per cell in the order of cells: "0" … "6" for Gi* bins −3 … 3',
    bins,
  };
}
