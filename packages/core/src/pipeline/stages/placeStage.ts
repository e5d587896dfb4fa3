import { cellsToPlaces } from '../../hex/cellsToPlaces.js';
import type { CellGrid } from '../../types.js';
import type { CellPlaces } from '../../zones/zonePlaces.js';
import type { RunContext } from '../runContext.js';

/**
 * The place of each cell, by its centre, when named places are given: the zones are named by
 * the places their cells lie in.
 *
 * @example
 * ```ts
 * const { places } = placeStage(run, grid);
 * places?.names[places.placeOfCell[0]]; // the first cell's place
 * ```
 */
export function placeStage(
  run: RunContext,
  grid: CellGrid,
): { readonly places: CellPlaces | undefined } {
  const table = run.inputs.places;
  if (table === undefined || table.length === 0) return { places: undefined };
  const placeOfCell = run.timed('places', () => cellsToPlaces(grid, table));
  return {
    places: {
      source: table.source,
      nameProperty: table.nameProperty,
      names: table.names,
      placeOfCell,
    },
  };
}
