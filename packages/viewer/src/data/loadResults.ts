import { HexreachError } from '@hexreach/core';
import { parseJson } from '@hexreach/core/io';
import { parseCells } from './parseCells.js';
import { parseOrganizations } from './parseOrganizations.js';
import { parseSpaceTime } from './parseSpaceTime.js';
import { parseZones } from './parseZones.js';
import type { ResultSource } from './ResultSource.js';
import type { LoadedResults, ResultSummary } from './results.js';

/**
 * Reads and checks the results of a `hexreach analyze` run from any {@link ResultSource}.
 * `cells.geojson` is required; `zones.geojson`, `summary.json` and `organizations.geojson` are
 * optional (a note says what is missing), as are `spacetime.json` (the play-through of time
 * steps) and `report.html` (kept as text for download). Nothing is returned unless every file present is
 * valid, so a caller that keeps its previous results on error never shows half a load.
 *
 * @param source - where the files are
 * @returns the results, ready to draw
 * @throws HexreachError `E_INPUT` naming the file and the problem (invalid JSON with its line and
 *   column, a wrong structure with the feature), or `E_NOT_FOUND` when there is no cells.geojson
 * @example
 * ```ts
 * const results = await loadResults(urlResultSource('results/'));
 * results.cells.features.length;
 * ```
 */
export async function loadResults(source: ResultSource): Promise<LoadedResults> {
  const [cellsText, zonesText, summaryText, organizationsText, spaceTimeText, reportHtml] =
    await Promise.all([
      source.readText('cells.geojson'),
      source.readText('zones.geojson'),
      source.readText('summary.json'),
      source.readText('organizations.geojson'),
      source.readText('spacetime.json'),
      source.readText('report.html'),
    ]);
  if (cellsText === undefined) {
    throw new HexreachError(
      'E_NOT_FOUND',
      `cells.geojson was not found in ${source.description}: open the output folder of "hexreach analyze" (or its cells.geojson, zones.geojson and summary.json)`,
    );
  }
  const notes: string[] = [];
  const { cells, numericColumns, columns, textColumns, texts, suppressed } = parseCells(
    parseJson(cellsText, 'cells.geojson'),
    'cells.geojson',
  );
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
  let summary: ResultSummary | undefined;
  if (summaryText !== undefined) {
    const value = parseJson(summaryText, 'summary.json');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new HexreachError('E_INPUT', 'summary.json: expected a JSON object');
    }
    summary = value as ResultSummary;
  }
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
      cells.features.map((f) => f.properties.h3),
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
