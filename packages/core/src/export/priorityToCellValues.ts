import { assertArgument } from '../errors.js';
import type { PriorityResult } from '../priority/priorityScore.js';
import { scoreColumnsOf } from './analysisToCellColumns.js';
import { CELL_DIGITS } from './analysisToCells.js';
import { toJsonValue } from './cellsToFeatureCollection.js';

/**
 * The score columns of a priority — `score` and `score_<component>` — named and rounded exactly
 * as `cells.geojson` writes them, as numbers: NaN where the file holds null. The same values
 * `analysisToCellValues` gives for those columns of a result with this priority, in typed arrays
 * a worker can hand to the page without a copy and a WebGL layer can colour from directly.
 *
 * @param priority - a priority score, e.g. of `createScorer(result).score` or `result.priority`
 * @param options - `share`: the columns the file holds unrounded (the contributions) are the
 *   priority's own arrays rather than copies, for a priority made only to be handed on (a
 *   re-score's, sent from a worker to the page): no new memory, which a page fault per 4 kB
 *   page makes slow; transferring them then detaches the priority's. Default false: new arrays
 * @returns a Float64Array per column (new ones unless shared), one entry per cell, in the order
 *   of the file
 * @throws HexreachError `E_ARGUMENT` when `priority` has no score or a contribution does not
 *   have one entry per cell
 * @example
 * ```ts
 * const scores = priorityToCellValues(createScorer(result).score({ need: 0.6 }));
 * scores.score[0]; // as cells.geojson would hold it after a re-score (NaN for null)
 * ```
 */
export function priorityToCellValues(
  priority: PriorityResult,
  options: { readonly share?: boolean } = {},
): Record<string, Float64Array> {
  const fn = 'priorityToCellValues';
  assertArgument(
    typeof priority === 'object' && priority !== null && priority.score instanceof Float64Array,
    fn,
    'priority must be a priority score with a score column',
    priority,
  );
  const n = priority.score.length;
  const values: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(scoreColumnsOf(priority))) {
    assertArgument(
      column.length === n,
      fn,
      `column ${name} has ${column.length} values, expected one per cell (${n})`,
      name,
    );
    const digits = CELL_DIGITS[name];
    if (digits === undefined && options.share === true) {
      // Written as they are (NaN for null): the priority's own array holds exactly that.
      values[name] = column;
      continue;
    }
    const factor = digits === undefined ? 0 : 10 ** digits;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const value = toJsonValue(column[i], factor);
      out[i] = value === null ? Number.NaN : (value as number);
    }
    values[name] = out;
  }
  return values;
}
