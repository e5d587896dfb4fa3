import { assertArgument } from '../errors.js';
import { gridCentroids } from '../hex/gridCentroids.js';
import type { CellGrid, SpatialWeights } from '../types.js';
import { distanceNeighbors, withSelfLinks } from './distanceNeighbors.js';
import { linkWeights, resolveStyle } from './linkWeights.js';

/** Options of {@link distanceBandWeights}. */
export interface DistanceBandWeightsOptions {
  /** Cells whose centres are at most this far apart (great-circle metres) are neighbours. */
  readonly thresholdMeters: number;
  /** Whether each cell is its own neighbour (Gi* rather than Gi). Default false. */
  readonly selfIncluded?: boolean;
  /** `binary`: every link weighs 1; `row`: each row sums to 1. Default `binary`. */
  readonly style?: 'binary' | 'row';
}

/**
 * Fixed distance band weights on an H3 grid: two cells are neighbours when their centres are
 * within `thresholdMeters` of each other by great-circle (haversine) distance, as ArcGIS's
 * "fixed distance band" and spdep's `dnearneigh(…, longlat = TRUE)` define them. Candidates come
 * from a kdbush index over the centres in local metres, so the cost grows with the number of
 * links, not with n². The weights are symmetric; rows list neighbours in ascending index order.
 * A cell with no centre within the threshold has an empty row (or only itself).
 *
 * @param grid - the analysis cells
 * @param options - `thresholdMeters` (required), `selfIncluded` (default false), `style`
 *   (default `binary`)
 * @returns CSR weights over the grid's cell indexes
 * @throws HexreachError `E_ARGUMENT` if `thresholdMeters` is not a positive finite number,
 *   `selfIncluded` is not a boolean, `style` is unknown, or a cell is not a valid H3 index
 * @example
 * ```ts
 * const cells = gridDisk('892664c1a93ffff', 3).sort(); // resolution 9: neighbours ≈ 340–356 m apart
 * const grid = { resolution: 9, cells, indexOf: new Map(cells.map((c, i) => [c, i])) };
 * const w = distanceBandWeights(grid, { thresholdMeters: 400, style: 'row' });
 * const i = grid.indexOf.get('892664c1a93ffff')!;
 * w.offsets[i + 1] - w.offsets[i]; // 6: the ring of neighbours around the centre
 * ```
 */
export function distanceBandWeights(
  grid: CellGrid,
  options: DistanceBandWeightsOptions,
): SpatialWeights {
  const fn = 'distanceBandWeights';
  const thresholdMeters = options?.thresholdMeters;
  const selfIncluded = options?.selfIncluded ?? false;
  const style = resolveStyle(options?.style, fn);
  assertArgument(
    typeof thresholdMeters === 'number' && Number.isFinite(thresholdMeters) && thresholdMeters > 0,
    fn,
    `thresholdMeters must be a positive finite number, got ${String(thresholdMeters)}`,
    thresholdMeters,
  );
  assertArgument(
    typeof selfIncluded === 'boolean',
    fn,
    `selfIncluded must be a boolean, got ${String(selfIncluded)}`,
    selfIncluded,
  );
  const near = distanceNeighbors(gridCentroids(grid, fn), thresholdMeters);
  const { n, offsets, neighbors } = selfIncluded ? withSelfLinks(near) : near;
  return { n, offsets, neighbors, weights: linkWeights(offsets, style), selfIncluded, style };
}
