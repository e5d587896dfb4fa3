import { HexreachError } from '@hexreach/core';
import { binaryToCellColumns } from '@hexreach/core/export';
import { parseJson } from '@hexreach/core/io';
import { binaryCells } from './binaryCells.js';
import { type ParsedCells, parseCells } from './parseCells.js';
import { parseOrganizations } from './parseOrganizations.js';
import { parseSpaceTime } from './parseSpaceTime.js';
import { parseZones } from './parseZones.js';
import type { ResultSource } from './ResultSource.js';
import type { LoadedResults, ResultSummary } from './results.js';

/**
 * Reads and checks the results of a `hexreach analyze` run from any {@link ResultSource}.
 * The cells come from `cells.bin`, the columnar companion, when the run wrote one that
 * summary.json's manifest lists with its size, else from `cells.geojson` (an older run, or a
 * companion that cannot be read, with a note). One of them is required; `zones.geojson`,
 * `summary.json` and `organizations.geojson` are optional (a note says what is missing), as are `spacetime.json` (the play-through of time
 * steps) and `report.html` (kept as text for download). Nothing is returned unless every file present is
 * valid, so a caller that keeps its previous results on error never shows half a load.
 *
 * @param source - where the files are
 * @returns the results, ready to draw
 * @throws HexreachError `E_INPUT` naming the file and the problem (invalid JSON with its line and
 *   column, a wrong structure with the feature), or `E_NOT_FOUND` when there are no cells
 * @example
 * ```ts
 * const results = await loadResults(urlResultSource('results/'));
 * results.cells.features.length;
 * ```
 */
export async function loadResults(source: ResultSource): Promise<LoadedResults> {
  performance.mark('hexreach:results-requested');
  const [cellsBytes, zonesText, summaryText, organizationsText, spaceTimeText, reportHtml] =
    await Promise.all([
      source.readBytes('cells.bin'),
      source.readText('zones.geojson'),
      source.readText('summary.json'),
      source.readText('organizations.geojson'),
      source.readText('spacetime.json'),
      source.readText('report.html'),
    ]);
  const notes: string[] = [];
  let summary: ResultSummary | undefined;
  if (summaryText !== undefined) {
    const value = parseJson(summaryText, 'summary.json');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new HexreachError('E_INPUT', 'summary.json: expected a JSON object');
    }
    summary = value as ResultSummary;
  }
  const read = await readCells(source, cellsBytes, summary);
  if (read.note !== undefined) notes.push(read.note);
  const { cells, cellIds, numericColumns, columns, textColumns, texts, suppressed } = read.cells;
  for (const [column, count] of Object.entries(suppressed)) {
    notes.push(
      `${column}: ${count.toLocaleString('en-US')} cells hold a small count suppressed for privacy (such as "<5"); the map shows them as no value.`,
    );
  }
  const zones =
    zonesText === undefined
      ? undefined
      : parseZones(parseJson(zonesText, 'zones.geojson'), 'zones.geojson');
  if (zones === undefined) notes.push('zones.geojson was not found: no zones are shown.');
  let organizations: LoadedResults['organizations'];
  if (organizationsText !== undefined) {
    const read = parseOrganizations(
      parseJson(organizationsText, 'organizations.geojson'),
      'organizations.geojson',
    );
    organizations = read.organizations;
    if (read.note !== undefined) notes.push(read.note);
  }
  let spaceTime: LoadedResults['spaceTime'];
  if (spaceTimeText !== undefined) {
    const read = parseSpaceTime(
      parseJson(spaceTimeText, 'spacetime.json'),
      cellIds,
      'spacetime.json',
    );
    spaceTime = read.steps;
    if (read.missing > 0) {
      notes.push(
        `spacetime.json lacks ${read.missing} of the map's cells: they show as not significant when playing through time.`,
      );
    }
  }
  return {
    origin: source.description,
    cells,
    cellIds,
    numericColumns,
    columns,
    textColumns,
    texts,
    zones,
    organizations,
    summary,
    spaceTime,
    reportHtml,
    notes,
  };
}

/**
 * The cells: from `cells.bin` when it reads and belongs to this run (summary.json's manifest
 * lists it with this size; without a summary it is trusted), else from `cells.geojson`, with a
 * note when a companion was there but not used. Marks `hexreach:cells-decoded` on the page's
 * performance timeline, after `hexreach:results-requested` (the bench reads both).
 */
async function readCells(
  source: ResultSource,
  bytes: Uint8Array | undefined,
  summary: ResultSummary | undefined,
): Promise<{ cells: ParsedCells; note?: string }> {
  // Why a cells.bin there was not used, if one was.
  let unused: string | undefined;
  if (bytes !== undefined) {
    const problem = companionProblem(bytes, summary);
    if (problem === undefined) {
      try {
        const cells = binaryCells(binaryToCellColumns(bytes, 'cells.bin'));
        performance.mark('hexreach:cells-decoded', { detail: 'cells.bin' });
        return { cells };
      } catch (error) {
        if (!(error instanceof HexreachError)) throw error;
        unused = error.message;
      }
    } else unused = `cells.bin ${problem}`;
  }
  const text = await source.readText('cells.geojson');
  if (text === undefined) {
    throw new HexreachError(
      'E_NOT_FOUND',
      `${unused === undefined ? '' : `${unused}, and `}cells.geojson was not found in ${source.description}: open the output folder of "hexreach analyze" (or its cells.geojson, zones.geojson and summary.json)`,
    );
  }
  const cells = parseCells(parseJson(text, 'cells.geojson'), 'cells.geojson');
  performance.mark('hexreach:cells-decoded', { detail: 'cells.geojson' });
  return {
    cells,
    note:
      unused === undefined
        ? undefined
        : `${unused}: the cells were read from cells.geojson instead.`,
  };
}

/** Why a cells.bin is not this run's (a manifest without it, or with another size), if it is not. */
function companionProblem(
  bytes: Uint8Array,
  summary: ResultSummary | undefined,
): string | undefined {
  const files = summary?.files;
  if (!Array.isArray(files)) return undefined;
  const listed = files.find((f) => (f as { name?: unknown } | null)?.name === 'cells.bin') as
    | { bytes?: unknown }
    | undefined;
  if (listed === undefined) return "is not in summary.json's list of this run's files";
  if (listed.bytes !== bytes.length)
    return `has ${bytes.length} bytes where summary.json lists ${String(listed.bytes)}, so it is another run's`;
  return undefined;
}
