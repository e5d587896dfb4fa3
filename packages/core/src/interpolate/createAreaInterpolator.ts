import type { AreaTable, CellGrid } from '../types.js';
import { type AreaCellShares, areaCellOverlaps } from './areaCellOverlaps.js';

/** Moves area values to the cells of one grid; the shares are computed once. */
export interface AreaInterpolator {
  /** Share (0–1) of each cell's area inside some area polygon. */
  readonly coverage: Float64Array;
  /** A count per area (one value per area, in table order) split over cells: totals kept. */
  count(values: ArrayLike<number>): Float64Array;
  /** A rate per area averaged over the areas meeting each cell, weighted by area or by `weightBy`. */
  rate(values: ArrayLike<number>, weightBy?: ArrayLike<number>): Float64Array;
}

/**
 * The areal-weighting index behind `interpolateAreas` (see there for the method and its source):
 * each area's overlaps with the cells are measured once, so that many value columns — or many
 * Monte-Carlo draws of one — move to the cells by a single linear pass each.
 *
 * @param grid - the analysis cells
 * @param areas - the area polygons
 * @param overlaps - the areas' overlaps with `grid`'s cells, when already measured
 * @returns the interpolator
 * @example
 * ```ts
 * const move = createAreaInterpolator(grid, tracts);
 * const population = move.count(tracts.attributes.Pop2014);
 * const poverty = move.rate(tracts.attributes.Pov14, tracts.attributes.Pop2014);
 * ```
 */
export function createAreaInterpolator(
  grid: CellGrid,
  areas: AreaTable,
  overlaps?: AreaCellShares,
): AreaInterpolator {
  const shares = overlaps ?? areaCellOverlaps(grid, areas);
  const n = grid.cells.length;
  const coverage = new Float64Array(n);
  for (let e = 0; e < shares.cell.length; e++) coverage[shares.cell[e]] += shares.overlapM2[e];
  // The clamp absorbs overlapping areas and rounding.
  for (let c = 0; c < n; c++) coverage[c] = Math.min(1, coverage[c] / shares.cellAreaM2[c]);
  return {
    coverage,
    count: (values) => spreadCount(shares, values, n),
    rate: (values, weightBy) => averageRate(shares, values, weightBy, n),
  };
}

function spreadCount(shares: AreaCellShares, values: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  const { offsets, cell, share } = shares;
  for (let p = 0; p < values.length; p++) {
    // Areal weighting, v_p × |p ∩ c| / |p| (Goodchild & Lam 1980). A missing count makes the
    // cells it would reach unknown (NaN) rather than silently short.
    for (let e = offsets[p]; e < offsets[p + 1]; e++) out[cell[e]] += values[p] * share[e];
  }
  return out;
}

function averageRate(
  shares: AreaCellShares,
  values: ArrayLike<number>,
  weightBy: ArrayLike<number> | undefined,
  n: number,
): Float64Array {
  const sum = new Float64Array(n);
  const weight = new Float64Array(n);
  const low = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const high = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const { offsets, cell, share, overlapM2 } = shares;
  for (let p = 0; p < values.length; p++) {
    const rate = values[p];
    if (Number.isNaN(rate)) continue;
    for (let e = offsets[p]; e < offsets[p + 1]; e++) {
      // Weighted mean Σ w·rate / Σ w, w = |p ∩ c| (area weighting, Goodchild & Lam 1980) or
      // pop_p × |p ∩ c| / |p| (population weighting).
      const w = weightBy === undefined ? overlapM2[e] : weightBy[p] * share[e];
      if (!(w > 0)) continue;
      const c = cell[e];
      sum[c] += w * rate;
      weight[c] += w;
      if (rate < low[c]) low[c] = rate;
      if (rate > high[c]) high[c] = rate;
    }
  }
  // A mean lies within its values: the clamp keeps rounding from pushing it out.
  for (let c = 0; c < n; c++)
    sum[c] = weight[c] > 0 ? Math.min(high[c], Math.max(low[c], sum[c] / weight[c])) : Number.NaN;
  return sum;
}
