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
  /**
   * The cells grouped so that `rate(values, weightBy)` is the same for the cells of a group
   * whatever the values, for moving many draws of one column (`needIntervals`) to the groups
   * alone. Optional: without it, each cell is a group of its own.
   */
  rateGroups?(weightBy?: ArrayLike<number>): RateGroups;
}

/**
 * Cells grouped by how their rate is made (`AreaInterpolator.rateGroups`): a cell whose weight
 * all falls on one area (a finite total) gets that area's value, however much the weight, so
 * such cells form the area's group; the cells with no weight get NaN and form one group; every
 * other cell is a group of its own. Some groups may have no cell.
 */
export interface RateGroups {
  /** The group of each cell. */
  readonly groupOf: Uint32Array;
  /** The number of groups. */
  readonly count: number;
  /**
   * The rate of each group, the one `rate(values, weightBy)` gives each of its cells.
   *
   * @param values - one rate per area
   * @param out - where to write the rates (`count` entries, at least); a new array when not given
   */
  rate(values: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/**
 * The areal-weighting index behind `interpolateAreas` (see there for the method and its source):
 * each area's overlaps with the cells are measured once, so that many value columns — or many
 * Monte-Carlo draws of one — move to the cells by a single linear pass each.
 *
 * @param grid - the analysis cells
 * @param areas - the area polygons
 * @param overlaps - the areas' overlaps with `grid`'s cells, when already measured
 * @returns the interpolator, with its rate groups
 * @example
 * ```ts
 * const move = createAreaInterpolator(grid, tracts);
 * const population = move.count(tracts.attributes.Pop2014);
 * const poverty = move.rate(tracts.attributes.Pov14, tracts.attributes.Pop2014);
 * const groups = move.rateGroups(tracts.attributes.Pop2014);
 * groups.rate(tracts.attributes.Pov14)[groups.groupOf[0]] === poverty[0]; // true
 * ```
 */
export function createAreaInterpolator(
  grid: CellGrid,
  areas: AreaTable,
  overlaps?: AreaCellShares,
): Required<AreaInterpolator> {
  const shares = overlaps ?? areaCellOverlaps(grid, areas);
  const n = grid.cells.length;
  const coverage = new Float64Array(n);
  for (let e = 0; e < shares.cell.length; e++) coverage[shares.cell[e]] += shares.overlapM2[e];
  // The clamp absorbs overlapping areas and rounding.
  for (let c = 0; c < n; c++) coverage[c] = Math.min(1, coverage[c] / shares.cellAreaM2[c]);
  const sources = cellSourcesOf(shares, n);
  return {
    coverage,
    count: (values) => spreadCount(shares, values, n),
    rate: (values, weightBy) => averageRate(sources, values, weightBy, n),
    rateGroups: (weightBy) => rateGroupsOf(sources, weightBy, shares.offsets.length - 1),
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

/** The overlaps CSR by cell, each cell's in the order of its areas, as `averageRate` sums them. */
interface CellSources {
  readonly offsets: Uint32Array;
  readonly area: Uint32Array;
  readonly share: Float64Array;
  readonly overlapM2: Float64Array;
}

/** Transposes the area-major overlaps so that each cell's rate is one pass over its own entries. */
function cellSourcesOf(shares: AreaCellShares, n: number): CellSources {
  const entries = shares.cell.length;
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < entries; e++) offsets[shares.cell[e] + 1]++;
  for (let c = 0; c < n; c++) offsets[c + 1] += offsets[c];
  const next = offsets.slice(0, n);
  const area = new Uint32Array(entries);
  const share = new Float64Array(entries);
  const overlapM2 = new Float64Array(entries);
  for (let p = 0; p + 1 < shares.offsets.length; p++) {
    for (let e = shares.offsets[p]; e < shares.offsets[p + 1]; e++) {
      const i = next[shares.cell[e]]++;
      area[i] = p;
      share[i] = shares.share[e];
      overlapM2[i] = shares.overlapM2[e];
    }
  }
  return { offsets, area, share, overlapM2 };
}

function averageRate(
  sources: CellSources,
  values: ArrayLike<number>,
  weightBy: ArrayLike<number> | undefined,
  n: number,
): Float64Array {
  const out = new Float64Array(n);
  for (let c = 0; c < n; c++) out[c] = cellRate(sources, c, values, weightBy);
  return out;
}

/** The rate of cell c: the weighted mean of the rates of the areas meeting it, NaN where none. */
function cellRate(
  sources: CellSources,
  c: number,
  values: ArrayLike<number>,
  weightBy: ArrayLike<number> | undefined,
): number {
  const { offsets, area } = sources;
  let sum = 0;
  let weight = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = offsets[c]; i < offsets[c + 1]; i++) {
    const p = area[i];
    if (p >= values.length) continue;
    const rate = values[p];
    if (Number.isNaN(rate)) continue;
    // Weighted mean Σ w·rate / Σ w, w = |p ∩ c| (area weighting, Goodchild & Lam 1980) or
    // pop_p × |p ∩ c| / |p| (population weighting).
    const w = weightOf(sources, i, weightBy);
    if (!(w > 0)) continue;
    sum += w * rate;
    weight += w;
    if (rate < low) low = rate;
    if (rate > high) high = rate;
  }
  // A mean lies within its values: the clamp keeps rounding from pushing it out.
  return weight > 0 ? Math.min(high, Math.max(low, sum / weight)) : Number.NaN;
}

/** The weight of entry i of the cell-major sources. */
function weightOf(
  sources: CellSources,
  i: number,
  weightBy: ArrayLike<number> | undefined,
): number {
  return weightBy === undefined
    ? sources.overlapM2[i]
    : weightBy[sources.area[i]] * sources.share[i];
}

/**
 * The rate groups under `weightBy`: area p's group is p, the group with no weight is `areas`,
 * the cells of their own follow. A cell whose positive weights all fall on area p, summing to a
 * finite total, gets p's rate exactly: the clamp to its one value undoes any rounding of the
 * mean, and a finite total keeps the mean from being NaN (Inf/Inf, 0·Inf). Which weights are
 * positive does not depend on the values, which only drop an area's weights, all together.
 */
function rateGroupsOf(
  sources: CellSources,
  weightBy: ArrayLike<number> | undefined,
  areas: number,
): RateGroups {
  // The weights as they are now, so that later changes to the caller's array change nothing.
  const weights = weightBy === undefined ? undefined : Float64Array.from(weightBy);
  const n = sources.offsets.length - 1;
  const groupOf = new Uint32Array(n);
  const own: number[] = [];
  for (let c = 0; c < n; c++) {
    let only = -1;
    let mixed = false;
    let weight = 0;
    for (let i = sources.offsets[c]; i < sources.offsets[c + 1]; i++) {
      const w = weightOf(sources, i, weights);
      if (!(w > 0)) continue;
      weight += w;
      if (only === -1) only = sources.area[i];
      else if (sources.area[i] !== only) mixed = true;
    }
    if (only === -1) groupOf[c] = areas;
    else if (!mixed && Number.isFinite(weight)) groupOf[c] = only;
    else {
      groupOf[c] = areas + 1 + own.length;
      own.push(c);
    }
  }
  const count = areas + 1 + own.length;
  return {
    groupOf,
    count,
    rate: (values, out = new Float64Array(count)) => {
      for (let p = 0; p < areas; p++) out[p] = p < values.length ? values[p] : Number.NaN;
      out[areas] = Number.NaN;
      for (let j = 0; j < own.length; j++)
        out[areas + 1 + j] = cellRate(sources, own[j], values, weights);
      return out;
    },
  };
}
