import { assertArgument } from '../errors.js';
import { gridCentroids } from '../hex/gridCentroids.js';
import type { CellGrid, SpatialWeights } from '../types.js';
import { distanceNeighbors, withSelfLinks } from './distanceNeighbors.js';

/** Options of {@link inverseDistanceWeights}. */
export interface InverseDistanceWeightsOptions {
  /**
   * Cells farther apart than this (great-circle metres, between centres) get no link. Required:
   * without it every pair would be linked and the weights would be dense.
   */
  readonly thresholdMeters: number;
  /** The exponent p of w = 1/d^p: 1 (ArcGIS `INVERSE_DISTANCE`), 2 (`…_SQUARED`). Default 1. */
  readonly power?: number;
  /** Whether each cell is its own neighbour (Gi* rather than Gi). Default false. */
  readonly selfIncluded?: boolean;
  /**
   * The weight of a cell's link to itself, before row-standardisation, when `selfIncluded`.
   * Default: the largest weight in its row, as if the cell were as far from itself as from its
   * nearest neighbour (1 for a row with no other link).
   */
  readonly selfWeight?: number;
  /** `custom`: the weights 1/d^p as they are; `row`: each row divided by its sum. Default `custom`. */
  readonly style?: 'custom' | 'row';
}

/**
 * Inverse-distance weights on an H3 grid: cells whose centres are within `thresholdMeters`
 * (great-circle) are linked with weight 1/d^p, d in metres (ArcGIS `INVERSE_DISTANCE` with a
 * distance threshold; spdep `nb2listwdist(type = "idw", alpha = p)` on `dnearneigh`). Without
 * row-standardisation the weights are symmetric and depend on the unit of distance only through
 * a common factor, which leaves Moran's I and Gi* z-scores unchanged — except for the self
 * weight, which is why it defaults to a weight of the row rather than a constant.
 *
 * ArcGIS gives a feature weight 1 to itself and treats distances below 1 unit as 1; with metres
 * that makes the cell itself outweigh every neighbour, so hexreach uses the row's largest weight
 * instead (pass `selfWeight: 1` for ArcGIS's choice).
 *
 * @param grid - the analysis cells
 * @param options - `thresholdMeters` (required), `power` (default 1), `selfIncluded` (default
 *   false), `selfWeight` (default: the row's largest weight), `style` (default `custom`)
 * @returns CSR weights over the grid's cell indexes, rows in ascending index order
 * @throws HexreachError `E_ARGUMENT` if `thresholdMeters` is not a positive finite number,
 *   `power` is negative or not finite, `selfWeight` is not a positive finite number,
 *   `selfIncluded` is not a boolean, `style` is unknown, or a cell is not a valid H3 index
 * @example
 * ```ts
 * const w = inverseDistanceWeights(grid, { thresholdMeters: 1000, power: 2, style: 'row' });
 * w.weights.subarray(w.offsets[0], w.offsets[1]); // nearer cells weigh more; the row sums to 1
 * ```
 */
export function inverseDistanceWeights(
  grid: CellGrid,
  options: InverseDistanceWeightsOptions,
): SpatialWeights {
  const fn = 'inverseDistanceWeights';
  const thresholdMeters = options?.thresholdMeters;
  const power = options?.power ?? 1;
  const selfIncluded = options?.selfIncluded ?? false;
  const selfWeight = options?.selfWeight;
  const style = options?.style ?? 'custom';
  assertArgument(
    typeof thresholdMeters === 'number' && Number.isFinite(thresholdMeters) && thresholdMeters > 0,
    fn,
    `thresholdMeters must be a positive finite number, got ${String(thresholdMeters)}`,
    thresholdMeters,
  );
  assertArgument(
    typeof power === 'number' && Number.isFinite(power) && power >= 0,
    fn,
    `power must be a finite number >= 0, got ${String(power)}`,
    power,
  );
  assertArgument(
    typeof selfIncluded === 'boolean',
    fn,
    `selfIncluded must be a boolean, got ${String(selfIncluded)}`,
    selfIncluded,
  );
  assertArgument(
    selfWeight === undefined ||
      (typeof selfWeight === 'number' && Number.isFinite(selfWeight) && selfWeight > 0),
    fn,
    `selfWeight must be a positive finite number, got ${String(selfWeight)}`,
    selfWeight,
  );
  assertArgument(
    style === 'custom' || style === 'row',
    fn,
    `style must be 'custom' or 'row', got ${String(style)}`,
    style,
  );

  const near = distanceNeighbors(gridCentroids(grid, fn), thresholdMeters);
  const { n, offsets, neighbors, distances } = selfIncluded ? withSelfLinks(near) : near;
  const weights = new Float64Array(neighbors.length);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    let largest = 0;
    let self = -1;
    for (let l = start; l < end; l++) {
      if (neighbors[l] === i) {
        self = l;
        continue;
      }
      const w = 1 / distances[l] ** power; // ArcGIS INVERSE_DISTANCE: w_ij = 1/d_ij^p
      weights[l] = w;
      if (w > largest) largest = w;
    }
    if (self >= 0) weights[self] = selfWeight ?? (largest > 0 ? largest : 1);
    if (style === 'row') {
      let sum = 0;
      for (let l = start; l < end; l++) sum += weights[l];
      for (let l = start; l < end; l++) weights[l] /= sum;
    }
  }
  return { n, offsets, neighbors, weights, selfIncluded, style };
}
