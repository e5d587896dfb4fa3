import { area as areaM2 } from '@turf/area';
import { pointOnFeature } from '@turf/point-on-feature';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  averageCellAreaKm2,
  cellToLngLat,
  cellToParent,
  lngLatToCell,
  polygonToCellsByCenterExperimental,
} from '../hex/h3.js';
import type { AreaTable, CellGrid } from '../types.js';

/** Moves area values to the cells of one grid; the shares are computed once. */
export interface AreaInterpolator {
  /** The resolution of the sample cells. */
  readonly fineResolution: number;
  /** Share (0–1) of each cell's area inside some area polygon. */
  readonly coverage: Float64Array;
  /** A count per area (one value per area, in table order) split over cells: totals kept. */
  count(values: ArrayLike<number>): Float64Array;
  /** A rate per area averaged over the areas meeting each cell, weighted by area or by `weightBy`. */
  rate(values: ArrayLike<number>, weightBy?: ArrayLike<number>): Float64Array;
}

/**
 * The areal-weighting index behind `interpolateAreas` (see there for the method and its source):
 * each area's fine sample cells are found once, so that many value columns — or many Monte-Carlo
 * draws of one — move to the cells by a single linear pass each.
 *
 * @param grid - the analysis cells
 * @param areas - the area polygons
 * @param fineResolution - the resolution of the sample cells
 * @returns the interpolator
 * @example
 * ```ts
 * const move = createAreaInterpolator(grid, tracts, 11);
 * const population = move.count(tracts.attributes.Pop2014);
 * const poverty = move.rate(tracts.attributes.Pov14, tracts.attributes.Pop2014);
 * ```
 */
export function createAreaInterpolator(
  grid: CellGrid,
  areas: AreaTable,
  fineResolution: number,
): AreaInterpolator {
  const shares = areaCellShares(grid, areas, fineResolution);
  const n = grid.cells.length;
  // A cell has 7^k fine descendants; the clamp absorbs sample cells claimed by two areas.
  const descendants = 7 ** (fineResolution - grid.resolution);
  const coverage = new Float64Array(n);
  for (let e = 0; e < shares.cell.length; e++) coverage[shares.cell[e]] += shares.fineCells[e];
  for (let c = 0; c < n; c++) coverage[c] = Math.min(1, coverage[c] / descendants);
  return {
    fineResolution,
    coverage,
    count: (values) => spreadCount(shares, values, n),
    rate: (values, weightBy) => averageRate(shares, values, weightBy, n),
  };
}

/**
 * Where each area goes, CSR style: the entries of area p are `offsets[p] … offsets[p + 1] − 1`,
 * each a grid cell, the area's share of itself in that cell, and the area there in fine cells.
 */
interface AreaCellShares {
  readonly offsets: Uint32Array;
  readonly cell: Uint32Array;
  readonly share: Float64Array;
  readonly fineCells: Float64Array;
}

function areaCellShares(grid: CellGrid, areas: AreaTable, fineResolution: number): AreaCellShares {
  const resolution = grid.resolution;
  const fineAreaM2 = averageCellAreaKm2(fineResolution) * 1e6;
  const perCell = new Float64Array(grid.cells.length);
  const touched: number[] = [];
  const offsets = new Uint32Array(areas.length + 1);
  const cell: number[] = [];
  const share: number[] = [];
  const fineCells: number[] = [];
  for (let p = 0; p < areas.length; p++) {
    const geometry = areas.geometries[p];
    let total = 0;
    for (const rings of polygonsOf(geometry)) {
      for (const fine of polygonToCellsByCenterExperimental(rings, fineResolution)) {
        total++;
        // A fine cell can stick out of its parent into an area the parent does not touch; it then
        // belongs to the grid cell under its centre, so that a covering grid loses nothing.
        const c =
          grid.indexOf.get(cellToParent(fine, resolution)) ??
          grid.indexOf.get(lngLatToCell(...cellToLngLat(fine), resolution));
        if (c === undefined) continue;
        if (perCell[c] === 0) touched.push(c);
        perCell[c]++;
      }
    }
    if (total > 0) {
      for (const c of touched) {
        cell.push(c);
        share.push(perCell[c] / total);
        fineCells.push(perCell[c]);
        perCell[c] = 0;
      }
      touched.length = 0;
    } else if (polygonsOf(geometry).length > 0) {
      // Smaller than a fine cell: all of it goes to the cell under a point on its surface, with
      // its true area as weight, so that its count is kept and its rate weighs what it covers.
      const [lng, lat] = pointOnFeature(geometry).geometry.coordinates;
      const c = grid.indexOf.get(lngLatToCell(lng, lat, resolution));
      if (c !== undefined) {
        cell.push(c);
        share.push(1);
        fineCells.push(areaM2(geometry) / fineAreaM2);
      }
    }
    offsets[p + 1] = cell.length;
  }
  return {
    offsets,
    cell: Uint32Array.from(cell),
    share: Float64Array.from(share),
    fineCells: Float64Array.from(fineCells),
  };
}

/** The polygons of a geometry as ring lists, leaving out empty ones. */
function polygonsOf(geometry: Polygon | MultiPolygon): number[][][][] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.filter((rings) => rings.length > 0 && rings[0].length > 0);
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
  const { offsets, cell, share, fineCells } = shares;
  for (let p = 0; p < values.length; p++) {
    const rate = values[p];
    if (Number.isNaN(rate)) continue;
    for (let e = offsets[p]; e < offsets[p + 1]; e++) {
      // Weighted mean Σ w·rate / Σ w, w = |p ∩ c| (area weighting, Goodchild & Lam 1980) or
      // pop_p × |p ∩ c| / |p| (population weighting).
      const w = weightBy === undefined ? fineCells[e] : weightBy[p] * share[e];
      if (!(w > 0)) continue;
      sum[cell[e]] += w * rate;
      weight[cell[e]] += w;
    }
  }
  for (let c = 0; c < n; c++) sum[c] = weight[c] > 0 ? sum[c] / weight[c] : Number.NaN;
  return sum;
}

/** Grid resolution + 3 (at most 15), lowered while the areas would take too many fine cells. */
