import type { AnalysisResult } from '../pipeline/analysisResult.js';
import { analysisToCellColumns } from './analysisToCellColumns.js';
import { CELL_DIGITS } from './analysisToCells.js';
import { toJsonValue } from './cellsToFeatureCollection.js';

/**
 * Some columns of `cells.geojson` exactly as `analysisToCells` writes them — rounded to the
 * same digits, non-finite numbers as null, small counts suppressed in a public export — without
 * building the cell polygons. For a viewer that re-scores and updates only the columns that
 * changed (`score`, `score_*`, `zone` …) while keeping the cells it already drew. Only the chosen
 * columns are built: a few of them cost what those few cost, not what every column costs.
 *
 * @param result - the result of `analyze` (or `createScorer(result).full`)
 * @param include - which columns to return, by name
 * @returns the chosen columns, one JSON value per cell in the order of `result.grid.cells`
 * @example
 * ```ts
 * const values = analysisToCellValues(createScorer(result).full({ need: 1 }), (name) => name.startsWith('score'));
 * values.score[0]; // as cells.geojson would hold it
 * ```
 */
export function analysisToCellValues(
  result: AnalysisResult,
  include: (column: string) => boolean,
): Record<string, (string | number | null)[]> {
  const { public: isPublic, minCount } = result.config.privacy;
  const columns = analysisToCellColumns(result, {
    minCount: isPublic ? minCount : undefined,
    include,
  });
  const values: Record<string, (string | number | null)[]> = {};
  for (const [name, column] of Object.entries(columns)) {
    const digits = CELL_DIGITS[name];
    const factor = digits === undefined ? 0 : 10 ** digits;
    const out = new Array<string | number | null>(column.length);
    for (let i = 0; i < column.length; i++)
      out[i] = toJsonValue(column[i] as string | number | null, factor);
    values[name] = out;
  }
  return values;
}
