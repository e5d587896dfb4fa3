import { HexreachError } from '../../errors.js';
import { estimateCellCount } from '../../hex/estimateCellCount.js';
import { cellAreaKm2 } from '../../hex/h3.js';
import { studyAreaCover } from '../../interpolate/studyAreaCover.js';
import type { CellGrid, SpatialWeights } from '../../types.js';
import { formatCount } from '../../util/formatCount.js';
import { kRingWeights } from '../../weights/kRingWeights.js';
import type { RunContext } from '../runContext.js';

/** Gi* compares a cell with the others: the fewest cells a study area may cover. */
export const MIN_HOTSPOT_CELLS = 2;

/** The analysis cells, their edge neighbours and their areas. */
export interface CellsPart {
  readonly grid: CellGrid;
  readonly contiguity: SpatialWeights;
  readonly areaKm2: Float64Array;
}

/**
 * Every H3 cell covering the areas at the configured resolution (`studyAreaCover`, whose
 * overlaps the interpolation stage reuses), refused before any cell is made when the estimate
 * passes `maxCells`, and refused with fewer than two cells.
 *
 * @throws HexreachError `E_INPUT` naming the areas' file, the cell count and what to change
 * @example
 * ```ts
 * const { grid, contiguity } = cellsStage(run);
 * ```
 */
export function cellsStage(run: RunContext): CellsPart {
  const { config, timed } = run;
  const { areas } = run.inputs;
  const estimate = estimateCellCount(areas, config.resolution);
  if (estimate.cells > config.maxCells) {
    throw new HexreachError(
      'E_INPUT',
      `${areas.source}: the study area (${formatCount(Math.round(estimate.areaKm2))} km²) would need about ${formatCount(estimate.cells)} H3 cells at resolution ${config.resolution}, more than the maximum of ${formatCount(config.maxCells)} (--max-cells, or maxCells in the configuration): use a coarser resolution, fewer areas, or a larger maximum`,
      estimate.cells,
    );
  }
  const cover =
    run.covers.get(config.resolution) ??
    timed('cells', () => studyAreaCover(areas, config.resolution));
  run.covers.set(config.resolution, cover);
  const { grid } = cover;
  if (grid.cells.length < MIN_HOTSPOT_CELLS) {
    throw new HexreachError(
      'E_INPUT',
      `${areas.source}: the study area covers ${grid.cells.length} H3 cell at resolution ${config.resolution}; hot spots compare cells with their neighbours and need at least ${MIN_HOTSPOT_CELLS}: use a finer resolution`,
      grid.cells.length,
    );
  }
  // Zones are grouped along edge neighbours, in analyze and at every re-score and draw.
  const contiguity = timed('contiguity', () => kRingWeights(grid, { k: 1, selfIncluded: false }));
  const areaKm2 = new Float64Array(grid.cells.length);
  for (let i = 0; i < grid.cells.length; i++) areaKm2[i] = cellAreaKm2(grid.cells[i]);
  return { grid, contiguity, areaKm2 };
}
