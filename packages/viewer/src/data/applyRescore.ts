import { isWeightDependentColumn } from '@hexreach/core';
import { parseJson } from '@hexreach/core/io';
import { parseZones } from './parseZones.js';
import type { RescoreUpdate } from './rescoreInWorker.js';
import type { LoadedResults, ResultSummary } from './results.js';

/**
 * Results after a re-score, from the results shown and the worker's update: each cell's
 * weight-dependent properties (`score`, `score_*`, `zone`, `zone_rank`, `reasons`) replaced and
 * those the update lacks (a component now weighted 0, `robustness`) removed — on the cell features themselves, which are not copied,
 * so 50,000 cells update in milliseconds — and new numeric columns, zones, summary and report.
 * The result equals loading the files a full run with the same weights writes. A numeric
 * column whose values did not change keeps its array (e.g. the scores the page was given first),
 * so what is drawn from it need not be drawn again.
 *
 * @param results - the results shown (their cell features are updated in place)
 * @param update - the worker's re-score
 * @returns the re-scored results, and the cell columns that changed
 * @throws HexreachError `E_INPUT` if the update's zones are malformed
 * @example
 * ```ts
 * const { results: next, changed } = applyRescore(results, await client.rescore(weights));
 * ```
 */
export function applyRescore(
  results: LoadedResults,
  update: RescoreUpdate,
): { results: LoadedResults; changed: string[] } {
  const features = results.cells.features;
  const removed = Object.keys(features[0]?.properties ?? {}).filter(
    (name) => isWeightDependentColumn(name) && !(name in update.cellValues),
  );
  const changed = [...Object.keys(update.cellValues), ...removed];
  for (const [name, values] of Object.entries(update.cellValues)) {
    const numbers = values instanceof Float64Array;
    for (let i = 0; i < features.length; i++) {
      const value = values[i];
      // As cells.geojson holds them: null where a number is missing.
      (features[i].properties as Record<string, unknown>)[name] =
        numbers && Number.isNaN(value) ? null : value;
    }
  }
  for (const name of removed) {
    for (const feature of features) delete (feature.properties as Record<string, unknown>)[name];
  }
  const columns: Record<string, Float64Array> = { ...results.columns };
  for (const name of removed) delete columns[name];
  const numeric = new Set(results.numericColumns.filter((c) => !removed.includes(c)));
  const texts = { ...results.texts };
  for (const name of removed) delete texts[name];
  for (const [name, values] of Object.entries(update.cellValues)) {
    if (values instanceof Float64Array && values.some((v) => !Number.isNaN(v))) {
      const before = columns[name];
      columns[name] = before !== undefined && sameValues(before, values) ? before : values;
      numeric.add(name);
      continue;
    }
    delete columns[name];
    numeric.delete(name);
    if (name in texts && !(values instanceof Float64Array))
      texts[name] = values.map((v) => (typeof v === 'string' ? v : null));
  }
  const summary = parseJson(update.summaryText, 'summary.json') as ResultSummary;
  return {
    results: {
      ...results,
      // The first-seen order of the columns, as the loader keeps it.
      numericColumns: Object.keys(features[0]?.properties ?? {}).filter((c) => numeric.has(c)),
      columns,
      texts,
      textColumns: results.textColumns.filter((c) => !removed.includes(c)),
      zones: parseZones(parseJson(update.zonesText, 'zones.geojson'), 'zones.geojson'),
      summary,
      // The report is written on demand for re-scored results (see reportHtmlOf).
      reportHtml: undefined,
    },
    changed,
  };
}

/** Are two columns equal value for value, NaN equal to NaN? */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  }
  return true;
}
