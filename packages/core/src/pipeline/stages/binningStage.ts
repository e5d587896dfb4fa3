import { HexreachError } from '../../errors.js';
import { type BinnedIncidents, pointsToCells } from '../../hex/pointsToCells.js';
import type { CellGrid, IncidentTable } from '../../types.js';
import { getOwn } from '../../util/getOwn.js';
import { configuredWindow } from '../configuredWindow.js';
import type { RunContext } from '../runContext.js';

/**
 * The incidents binned to cells: weighted counts, counts per category, and those outside the
 * study area, date window or categories (to the caller's sinks when given).
 *
 * @throws HexreachError `E_INPUT` when the weighted counts overflow, naming the weight
 * @example
 * ```ts
 * const { binned } = binningStage(run, grid);
 * binned.count; // weighted incidents per cell
 * ```
 */
export function binningStage(
  run: RunContext,
  grid: CellGrid,
): { readonly binned: BinnedIncidents } {
  const { config, options } = run;
  const { incidents } = run.inputs;
  const binned = run.timed('binning', () =>
    pointsToCells(incidents, grid, {
      categoryWeights: run.counting.weights,
      excludeCategories: config.incidents.exclude,
      ...configuredWindow(config),
      onRejection: options.onRejection,
      onOutside: options.onOutside,
    }),
  );
  assertCountsFinite(binned.count, incidents, run.counting.weights);
  return { binned };
}

/**
 * Refuses weights so large that the weighted counts overflow: Gi* sums the counts and their
 * squares, and 1e308 × 2 is Infinity. Names the field: the category weight or the record weight,
 * whichever is larger.
 */
function assertCountsFinite(
  count: Float64Array,
  incidents: IncidentTable,
  categoryWeights: Readonly<Record<string, number>>,
): void {
  let squares = 0;
  for (let c = 0; c < count.length; c++) squares += count[c] * count[c];
  if (Number.isFinite(squares)) return;
  let category = '';
  let categoryWeight = 0;
  for (const name of incidents.categories) {
    const w = getOwn(categoryWeights, name) ?? 1;
    if (w > categoryWeight) [category, categoryWeight] = [name, w];
  }
  let at = 0;
  for (let i = 1; i < incidents.length; i++) if (incidents.weight[i] > incidents.weight[at]) at = i;
  const field =
    categoryWeight >= incidents.weight[at]
      ? `incidents.categoryWeights.${category} = ${categoryWeight}`
      : `${incidents.source}: the weight of ${incidents.recordKind} ${incidents.record[at]}, ${incidents.weight[at]},`;
  throw new HexreachError(
    'E_INPUT',
    `${field} is too large: the weighted incident counts overflow (their sum of squares, which Gi* takes, passes ${Number.MAX_VALUE})`,
    categoryWeight >= incidents.weight[at] ? categoryWeight : incidents.weight[at],
  );
}
