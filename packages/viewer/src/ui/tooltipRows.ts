import { columnOf, layerById } from '../map/layerColoring.js';
import type { ViewerState } from '../state/store.js';
import { columnLabel, formatCellValue, giBinShortLabels } from './format.js';

/**
 * The rows of a cell's tooltip: the active layer's column and the text of each category layer
 * shown, then score, Gi* bin, need, incidents, the rate and the zone; with the time-step layer
 * shown, the cell's Gi* bin in the step shown comes first.
 *
 * @param cell - the cell's properties
 * @param state - the results, layers, view and cells shown
 * @returns label and value of each row
 * @example
 * ```ts
 * showTooltip(ui.tooltip, x, y, `Cell ${h3}`, tooltipRows(properties, store.get()));
 * ```
 */
export function tooltipRows(
  cell: Record<string, unknown>,
  state: Pick<ViewerState, 'results' | 'view' | 'layers' | 'cells'>,
): [string, string][] {
  const { results, view, layers } = state;
  const columns = ['score', 'gi_bin', 'need_index', 'incidents'];
  const rate = results?.numericColumns.find((c) => /^rate_per_\d+$/.test(c));
  if (rate !== undefined) columns.push(rate);
  const active = view === undefined ? undefined : layerById(layers, view.active);
  const activeColumn =
    active === undefined || view === undefined
      ? undefined
      : columnOf(active, view.layers[active.id]);
  if (activeColumn !== undefined && !columns.includes(activeColumn)) columns.unshift(activeColumn);
  // The text of every category layer shown, since its colour alone does not name the category.
  const shownCategories = layers.filter(
    (l) => l.kind === 'categories' && view?.layers[l.id]?.visible === true,
  );
  for (const l of shownCategories.reverse()) {
    if (l.column !== undefined && !columns.includes(l.column)) columns.unshift(l.column);
  }
  columns.push('zone');
  const rows: [string, string][] = columns
    .filter((c) => Object.hasOwn(cell, c))
    .map((c) => [columnLabel(c, results?.summary), formatCellValue(c, cell[c])]);
  const steps = results?.spaceTime;
  const index = state.cells.index.get(String(cell.h3));
  if (
    steps !== undefined &&
    view?.step !== undefined &&
    index !== undefined &&
    view.layers.gi_step?.visible
  ) {
    const bin = steps.bins[view.step][index];
    rows.unshift([
      `Gi* in ${steps.step} of ${steps.stepStarts[view.step]}`,
      giBinShortLabels[bin + 3],
    ]);
  }
  return rows;
}
