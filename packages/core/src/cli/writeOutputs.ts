import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysisToCells } from '../export/analysisToCells.js';
import { analysisToCellsBinary } from '../export/analysisToCellsBinary.js';
import { analysisToSpaceTime } from '../export/analysisToSpaceTime.js';
import { analysisToZones } from '../export/analysisToZones.js';
import { organizationsToFeatureCollection } from '../export/organizationsToFeatureCollection.js';
import { renderReportHtml } from '../export/renderReportHtml.js';
import { renderReportMarkdown } from '../export/renderReportMarkdown.js';
import { zonesToCsv } from '../export/zonesToCsv.js';
import type { AnalysisResult } from '../pipeline/analysisResult.js';
import { summaryToReportModel } from '../run/summaryToReportModel.js';

/** One file of an output set, as summary.json's manifest (`files`) lists it. */
export interface OutputFile {
  /** The file name, in the output folder. */
  readonly name: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** SHA-256 of the content, lowercase hex. */
  readonly sha256: string;
}

/** Options of {@link writeOutputs}. */
export interface WriteOutputsOptions {
  /**
   * Files the caller has already written into `dir` (the CLI streams `rejected.csv` while
   * reading), listed in the manifest after the others.
   */
  readonly written?: readonly OutputFile[];
  /**
   * Called after each file is complete in `dir`, with its name: the CLI's test hook
   * (`HEXREACH_TEST_KILL_AFTER_FILE`, see runAnalyze) kills the run there.
   */
  readonly afterFile?: (name: string) => void;
}

/**
 * Writes `cells.geojson`, `zones.geojson`, `zones.csv`, `report.html`, `report.md`,
 * `spacetime.json` (with emerging hot spots), `organizations.geojson` (with organizations: the
 * partners the viewer draws), `cells.bin` (cells.geojson's columns for the viewer) and, last, `summary.json` with a manifest (`files`: every other
 * file of the set with its size and SHA-256) into `dir`, which exists: the run's temporary
 * folder, moved into place afterwards (see createStagingFolder). `rejected.csv` (the user's own
 * unusable and outside records, so they can fix them) is streamed there by the caller and never
 * written for a public export (`privacy.public`), which also suppresses small counts and names
 * input files without their folders (see buildSummary).
 *
 * @returns the names of the files of the set, `written` and summary.json included
 * @example
 * ```ts
 * writeOutputs(staging.path, result, summary, { written: [rejectedCsv.close()] });
 * ```
 */
export function writeOutputs(
  dir: string,
  result: AnalysisResult,
  summary: Record<string, unknown>,
  options: WriteOutputsOptions = {},
): string[] {
  const cells = analysisToCells(result);
  const zones = analysisToZones(result);
  const report = summaryToReportModel(result, summary, zones);
  const files: [string, () => string | Uint8Array][] = [
    ['cells.geojson', () => JSON.stringify(cells)],
    ['zones.geojson', () => JSON.stringify(zones, null, 1)],
    ['zones.csv', () => zonesToCsv(zones)],
    ['report.html', () => renderReportHtml(report)],
    ['report.md', () => renderReportMarkdown(report)],
  ];
  if (result.emerging !== undefined)
    files.push(['spacetime.json', () => JSON.stringify(analysisToSpaceTime(result))]);
  const organizations = result.inputs.organizations;
  if (organizations !== undefined && organizations.length > 0) {
    const collection = organizationsToFeatureCollection(organizations, {
      precision: result.config.output.precision,
    });
    files.push(['organizations.geojson', () => JSON.stringify(collection)]);
  }
  // After the others, so that the files written before a kill (a test hook) stay the same.
  files.push(['cells.bin', () => analysisToCellsBinary(result)]);
  const manifest: OutputFile[] = [];
  const write = (name: string, content: string | Uint8Array) => {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    writeFileSync(join(dir, name), data);
    options.afterFile?.(name);
    return { name, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  };
  for (const [name, content] of files) manifest.push(write(name, content()));
  manifest.push(...(options.written ?? []));
  // Last, so that it can list the others.
  write('summary.json', `${JSON.stringify({ ...summary, files: manifest }, null, 2)}\n`);
  return [...manifest.map((f) => f.name), 'summary.json'];
}
