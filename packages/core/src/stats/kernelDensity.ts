import { assertArgument } from '../errors.js';
import { gridCentroids } from '../hex/gridCentroids.js';
import type { CellGrid } from '../types.js';
import { haversineMeters } from '../util/haversineMeters.js';
import { LngLatIndex } from '../util/lngLatIndex.js';

/** Points by longitude and latitude, each with an optional weight (1 when absent). */
export interface KernelPoints {
  /** Longitude of each point, degrees. */
  readonly lng: ArrayLike<number>;
  /** Latitude of each point, degrees. */
  readonly lat: ArrayLike<number>;
  /** Weight of each point (e.g. victims per incident, residents per block); default 1 each. */
  readonly weight?: ArrayLike<number>;
}

/**
 * What a kernel density is estimated from: points (an `IncidentTable` qualifies), or one
 * non-negative count (or weight) per cell of the grid, placed at the cell's centre.
 */
export type KernelSource = KernelPoints | ArrayLike<number>;

/** Options of {@link kernelDensity}. */
export interface KernelDensityOptions {
  /** The kernel's radius h in metres: a point adds to cells whose centres are within h of it. */
  readonly bandwidthMeters: number;
  /** The kernel; only `quartic` (biweight), ArcGIS's and sfhotspot's kernel. Default `quartic`. */
  readonly kernel?: 'quartic';
}

/** 3/π: the quartic kernel's constant, so that it integrates to 1 over the unit disc. */
const QUARTIC = 3 / Math.PI;

/** Square metres per square kilometre. */
const M2_PER_KM2 = 1e6;

/**
 * Kernel density estimate at the centre of every cell, per km², with the quartic (biweight)
 * kernel (Silverman 1986, Density Estimation, eq. 4.5): f(c) = Σ_i w_i·K(d_i/h)/h² with
 * K(u) = 3/π·(1 − u²)² for u < 1 and 0 beyond, d_i the great-circle distance from the cell
 * centre to point i. This is ArcGIS's Kernel Density (planar, population field as weights) and
 * sfhotspot's `hotspot_kde` (via SpatialKDE, quartic kernel), with geodesic distances. The kernel
 * integrates to 1, so the density summed over cells times their area (`cellAreaKm2`) returns the
 * total weight, less what falls outside the grid.
 *
 * Two sources: points, for the exact estimate; or per-cell counts, each placed at its cell's
 * centre — much faster when there are many more points than cells, and close to the point
 * estimate when the bandwidth spans several cells (moving a point by up to a cell's radius r
 * changes a density by a relative O((r/h)²)). Points and cells are matched through a kdbush
 * index, so the cost grows with the number of point–cell pairs within h, not with their product.
 *
 * @param grid - the analysis cells; the density is evaluated at their centres
 * @param source - points (`lng`, `lat`, optional `weight`) or one count per cell of the grid
 * @param options - `bandwidthMeters` (required), `kernel` (default `quartic`)
 * @returns the density per km² at each cell centre, in the grid's order
 * @throws HexreachError `E_ARGUMENT` if `bandwidthMeters` is not a positive finite number, the
 *   kernel is unknown, coordinates are not finite, a weight or count is negative or not finite,
 *   the columns' lengths differ, per-cell counts do not match the grid, or a cell is invalid
 * @example
 * ```ts
 * const density = kernelDensity(grid, incidents, { bandwidthMeters: 400 }); // per km²
 * const fromCounts = kernelDensity(grid, pointsToCells(incidents, grid).count, { bandwidthMeters: 400 });
 * ```
 */
export function kernelDensity(
  grid: CellGrid,
  source: KernelSource,
  options: KernelDensityOptions,
): Float64Array {
  const fn = 'kernelDensity';
  const bandwidthMeters = options?.bandwidthMeters;
  const kernel = options?.kernel ?? 'quartic';
  assertArgument(
    typeof bandwidthMeters === 'number' && Number.isFinite(bandwidthMeters) && bandwidthMeters > 0,
    fn,
    `bandwidthMeters must be a positive finite number, got ${String(bandwidthMeters)}`,
    bandwidthMeters,
  );
  assertArgument(
    kernel === 'quartic',
    fn,
    `kernel must be 'quartic', got ${String(kernel)}`,
    kernel,
  );
  const centres = gridCentroids(grid, fn);
  const points = sourcePoints(source, centres, fn);
  return quarticDensity(centres, points, bandwidthMeters);
}

/** Points with weights as plain columns, zero weights left out. */
interface WeightedPoints {
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  readonly weight: Float64Array;
}

/**
 * The source as weighted points: the points themselves, or the cell centres weighted by the
 * counts. Points of weight 0 are dropped, as they add nothing. Validates the source.
 */
function sourcePoints(
  source: KernelSource,
  centres: { readonly lng: Float64Array; readonly lat: Float64Array },
  fn: string,
): WeightedPoints {
  assertArgument(
    typeof source === 'object' && source !== null,
    fn,
    'the source must be points { lng, lat, weight? } or one count per cell',
    source,
  );
  const isPoints = typeof (source as KernelPoints).lng === 'object';
  const lng = isPoints ? (source as KernelPoints).lng : centres.lng;
  const lat = isPoints ? (source as KernelPoints).lat : centres.lat;
  const weight = isPoints ? (source as KernelPoints).weight : (source as ArrayLike<number>);
  const n = lng?.length;
  assertArgument(
    typeof n === 'number' && lat?.length === n,
    fn,
    `lng and lat must have the same length, got ${n} and ${lat?.length}`,
    lat?.length,
  );
  assertArgument(
    isPoints || weight?.length === centres.lng.length,
    fn,
    `per-cell counts must have one entry per cell (${centres.lng.length}), got ${weight?.length}`,
    weight?.length,
  );
  assertArgument(
    weight === undefined || weight.length === n,
    fn,
    `weight must have one entry per point (${n}), got ${weight?.length}`,
    weight?.length,
  );
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const w = weight === undefined ? 1 : weight[i];
    assertArgument(
      Number.isFinite(w) && w >= 0,
      fn,
      `${isPoints ? 'weight' : 'count'}[${i}] = ${w} is not a finite number >= 0`,
      { index: i, value: w },
    );
    assertArgument(
      Number.isFinite(lng[i]) && Number.isFinite(lat[i]) && Math.abs(lat[i]) <= 90,
      fn,
      `point ${i} has invalid coordinates (${lng[i]}, ${lat[i]})`,
      { index: i, value: [lng[i], lat[i]] },
    );
    if (w > 0) kept++;
  }
  const out = {
    lng: new Float64Array(kept),
    lat: new Float64Array(kept),
    weight: new Float64Array(kept),
  };
  let at = 0;
  for (let i = 0; i < n; i++) {
    const w = weight === undefined ? 1 : weight[i];
    if (w === 0) continue;
    out.lng[at] = lng[i];
    out.lat[at] = lat[i];
    out.weight[at++] = w;
  }
  return out;
}

/** The quartic kernel density per km² at each centre from validated weighted points. */
function quarticDensity(
  centres: { readonly lng: Float64Array; readonly lat: Float64Array },
  points: WeightedPoints,
  bandwidthMeters: number,
): Float64Array {
  const m = centres.lng.length;
  const density = new Float64Array(m);
  const index = new LngLatIndex(points.lng, points.lat, centres.lat);
  const found: number[] = [];
  const scale = (QUARTIC * M2_PER_KM2) / (bandwidthMeters * bandwidthMeters);
  for (let c = 0; c < m; c++) {
    const cx = centres.lng[c];
    const cy = centres.lat[c];
    const count = index.candidates(cx, cy, bandwidthMeters, found);
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const p = found[k];
      const u = haversineMeters(cx, cy, points.lng[p], points.lat[p]) / bandwidthMeters;
      if (u < 1) {
        const t = 1 - u * u;
        sum += points.weight[p] * t * t; // Silverman 1986 eq. 4.5: K(u) = 3/π·(1 − u²)²
      }
    }
    density[c] = sum * scale;
  }
  return density;
}
