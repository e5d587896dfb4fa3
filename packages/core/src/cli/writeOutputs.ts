import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult } from '../analyze.js';
import { analysisToCells } from '../export/analysisToCells.js';
import { analysisToReportModel } from '../export/analysisToReportModel.js';
import { analysisToSpaceTime } from '../export/analysisToSpaceTime.js';
import { analysisToZones } from '../export/analysisToZones.js';
import { organizationsToFeatureCollection } from '../export/organizationsToFeatureCollection.js';
import { rejectionsToCsv } from '../export/rejectionsToCsv.js';
import { renderReportHtml } from '../export/renderReportHtml.js';
import { renderReportMarkdown } from '../export/renderReportMarkdown.js';
import type { ReportInputCounts } from '../export/reportModel.js';
import { zonesToCsv } from '../export/zonesToCsv.js';
import type { Rejection } from '../types.js';

/**
 * Writes `cells.geojson`, `zones.geojson`, `zones.csv`, `summary.json`, `report.html`,
 * `report.md`, `spacetime.json` (with emerging hot spots), `organizations.geojson` (with
 * organizations: the partners the viewer draws) and `rejected.csv` (the user's own
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
    files.push(['spacetime.json', JSON.stringify(analysisToSpaceTime(result))]);
  const organizations = result.inputs.organizations;
  if (organizations !== undefined && organizations.length > 0) {
    const collection = organizationsToFeatureCollection(organizations, {
      precision: result.config.output.precision,
    });
    files.push(['organizations.geojson', JSON.stringify(collection)]);
  }
  // rejected.csv lists the user's own records: never part of a public export.
  if (!isPublic) files.push(['rejected.csv', rejectionsToCsv(rejections)]);
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
