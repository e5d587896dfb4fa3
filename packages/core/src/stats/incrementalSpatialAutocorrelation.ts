import { assertArgument } from '../errors.js';
import { type GridCentroids, gridCentroids } from '../hex/gridCentroids.js';
import { averageCellAreaKm2 } from '../hex/h3.js';
import { moranGlobal } from '../stats/moranGlobal.js';
import type { CellGrid, SpatialWeights } from '../types.js';
import { haversineMeters } from '../util/haversineMeters.js';
import { LngLatIndex } from '../util/lngLatIndex.js';
import { distanceNeighbors } from '../weights/distanceNeighbors.js';
import { linkWeights, resolveStyle } from '../weights/linkWeights.js';
import { firstPeak } from './firstPeak.js';

/** Options of {@link incrementalSpatialAutocorrelation}. */
export interface IncrementalSpatialAutocorrelationOptions {
  /**
   * The first distance band, metres. Default: the smallest distance at which every cell has a
   * neighbour (the largest nearest-neighbour distance), as ArcGIS does.
   */
  readonly startDistanceMeters?: number;
  /** The step between bands, metres. Default: the mean nearest-neighbour distance, as ArcGIS. */
  readonly incrementMeters?: number;
  /** The number of distance bands (ArcGIS "Number of Distance Bands"). Default 10. */
  readonly steps?: number;
  /** `row` (ArcGIS's default) or `binary` distance band weights. Default `row`. */
  readonly style?: 'binary' | 'row';
  /** A peak counts only if its z exceeds this (ArcGIS: 1.65). Default 1.65. */
  readonly minPeakZ?: number;
}

/** Global Moran's I over increasing distance bands, and the band chosen. */
export interface IncrementalSpatialAutocorrelationResult {
  /** The distance bands in metres, increasing: start + k·increment. */
  readonly distances: Float64Array;
  /** Global Moran's I at each distance (`moranGlobal`, randomisation). */
  readonly I: Float64Array;
  /** Its z-score at each distance. */
  readonly z: Float64Array;
  /** Its two-sided p-value at each distance. */
  readonly p: Float64Array;
  /** The chosen distance: the first peak of z, or else the distance of the largest z. */
  readonly chosenDistanceMeters: number;
  /** Position of the chosen distance in `distances`. */
  readonly chosenIndex: number;
  /** `first-peak` when z peaks (above `minPeakZ`), `max` when it does not. */
  readonly peak: 'first-peak' | 'max';
}

/**
 * Chooses the distance band for hot spot analysis as ArcGIS's Incremental Spatial Autocorrelation
 * and Optimized Hot Spot Analysis do (https://pro.arcgis.com/en/pro-app/latest/tool-reference/
 * spatial-statistics/incremental-spatial-autocorrelation.htm; "How Optimized Hot Spot Analysis
 * works"): global Moran's I of the values with fixed distance band weights (great-circle
 * distances between cell centres) at `steps` distances start, start + increment, …; the z-score
 * of I measures how strongly the values cluster at that scale, and the first peak of z marks the
 * distance where the processes promoting clustering are most pronounced. By default the bands
 * start at the smallest distance that gives every cell a neighbour and grow by the mean
 * nearest-neighbour distance, as ArcGIS does; a peak, as in ArcGIS, is the first z above 1.65
 * followed by a lower one after z has risen. Where z never peaks, this returns the distance of
 * the largest z (ArcGIS's optimized tool would fall back to a k-nearest-neighbour distance).
 *
 * The neighbours are found once, at the largest distance, and filtered for each band. A cell
 * without neighbours at a band (possible only with a `startDistanceMeters` below the default)
 * stays in Moran's I with a zero spatial lag, as `moranGlobal` treats an empty row (spdep
 * `zero.policy = TRUE`); ArcGIS instead leaves such a cell out at that distance. A band where no
 * cell has a neighbour gets NaN.
 *
 * @param grid - the analysis cells
 * @param values - one finite value per cell (e.g. incident counts), not all equal
 * @param options - `startDistanceMeters`, `incrementMeters`, `steps` (default 10), `style`
 *   (default `row`), `minPeakZ` (default 1.65)
 * @returns the distances, I, z and p per band, and the chosen distance with the reason
 * @throws HexreachError `E_ARGUMENT` if the grid has fewer than 4 cells, the values do not match
 *   it, are not finite or are all equal, a distance or the number of steps is not positive, or
 *   no band gives any cell a neighbour
 * @example
 * ```ts
 * const scale = incrementalSpatialAutocorrelation(grid, counts);
 * const weights = distanceBandWeights(grid, { thresholdMeters: scale.chosenDistanceMeters, selfIncluded: true });
 * giStar(counts, weights);
 * ```
 */
export function incrementalSpatialAutocorrelation(
  grid: CellGrid,
  values: ArrayLike<number>,
  options: IncrementalSpatialAutocorrelationOptions = {},
): IncrementalSpatialAutocorrelationResult {
  const fn = 'incrementalSpatialAutocorrelation';
  const steps = options.steps ?? 10;
  const style = resolveStyle(options.style ?? 'row', fn);
  const minPeakZ = options.minPeakZ ?? 1.65;
  assertArgument(
    Number.isInteger(steps) && steps >= 1,
    fn,
    `steps must be an integer >= 1, got ${steps}`,
    steps,
  );
  assertArgument(
    typeof minPeakZ === 'number' && !Number.isNaN(minPeakZ),
    fn,
    `minPeakZ must be a number, got ${String(minPeakZ)}`,
    minPeakZ,
  );
  for (const name of ['startDistanceMeters', 'incrementMeters'] as const) {
    const v = options[name];
    assertArgument(
      v === undefined || (Number.isFinite(v) && v > 0),
      fn,
      `${name} must be a positive finite number, got ${String(v)}`,
      v,
    );
  }
  const centres = gridCentroids(grid, fn);
  const n = centres.lng.length;
  assertArgument(n >= 4, fn, `Moran's I needs at least 4 cells, got ${n}`, n);
  assertValues(values, n, fn);

  let start = options.startDistanceMeters;
  let increment = options.incrementMeters;
  if (start === undefined || increment === undefined) {
    const nearest = nearestNeighborMeters(centres, grid.resolution);
    let largest = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (nearest[i] > largest) largest = nearest[i];
      sum += nearest[i];
    }
    start ??= largest; // ArcGIS: the distance that ensures every feature has at least one neighbour
    increment ??= sum / n; // ArcGIS: the average distance to each feature's nearest neighbour
  }
  const distances = new Float64Array(steps);
  for (let k = 0; k < steps; k++) distances[k] = start + k * increment;

  const near = distanceNeighbors(centres, distances[steps - 1]);
  const I = new Float64Array(steps);
  const z = new Float64Array(steps);
  const p = new Float64Array(steps);
  for (let k = 0; k < steps; k++) {
    const band = bandWeights(near.offsets, near.neighbors, near.distances, distances[k], style);
    if (band.offsets[n] === 0) {
      I[k] = z[k] = p[k] = Number.NaN;
      continue;
    }
    const moran = moranGlobal(values, band);
    I[k] = moran.I;
    z[k] = moran.z;
    p[k] = moran.p;
  }
  const choice = firstPeak(z, minPeakZ);
  assertArgument(
    choice.index >= 0,
    fn,
    `no distance band up to ${distances[steps - 1]} m gives any cell a neighbour`,
    distances[steps - 1],
  );
  return {
    distances,
    I,
    z,
    p,
    chosenDistanceMeters: distances[choice.index],
    chosenIndex: choice.index,
    peak: choice.peak,
  };
}

/** The links of `near` no longer than `thresholdMeters`, as weights of the given style. */
function bandWeights(
  offsets: Uint32Array,
  neighbors: Uint32Array,
  distances: Float64Array,
  thresholdMeters: number,
  style: 'binary' | 'row',
): SpatialWeights {
  const n = offsets.length - 1;
  const bandOffsets = new Uint32Array(n + 1);
  let links = 0;
  for (let l = 0; l < distances.length; l++) if (distances[l] <= thresholdMeters) links++;
  const bandNeighbors = new Uint32Array(links);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let l = offsets[i]; l < offsets[i + 1]; l++)
      if (distances[l] <= thresholdMeters) bandNeighbors[at++] = neighbors[l];
    bandOffsets[i + 1] = at;
  }
  return {
    n,
    offsets: bandOffsets,
    neighbors: bandNeighbors,
    weights: linkWeights(bandOffsets, style),
    selfIncluded: false,
    style,
  };
}

/**
 * The great-circle distance from each centre to its nearest other centre, searching an index
 * with a radius that starts near the cell spacing of the resolution and doubles until a
 * neighbour turns up.
 */
function nearestNeighborMeters(centres: GridCentroids, resolution: number): Float64Array {
  const { lng, lat } = centres;
  const n = lng.length;
  const index = new LngLatIndex(lng, lat);
  const found: number[] = [];
  const nearest = new Float64Array(n);
  // Centres of neighbouring hexagons are √(2·area/√3) ≈ 1.07·√area apart.
  const spacing = 1.1 * Math.sqrt(averageCellAreaKm2(resolution) * 1e6);
  for (let i = 0; i < n; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let radius = spacing; ; radius *= 2) {
      const count = index.candidates(lng[i], lat[i], radius, found);
      for (let c = 0; c < count; c++) {
        const j = found[c];
        if (j === i) continue;
        const d =
          i < j
            ? haversineMeters(lng[i], lat[i], lng[j], lat[j])
            : haversineMeters(lng[j], lat[j], lng[i], lat[i]);
        if (d < best) best = d;
      }
      // Candidates beyond the radius may hide a nearer centre outside the search; not so within.
      if (best <= radius || count === n) break;
    }
    nearest[i] = best;
  }
  return nearest;
}

/** Throws `E_ARGUMENT` unless `values` has n finite entries that are not all equal. */
export function assertValues(values: ArrayLike<number>, n: number, fn: string): void {
  assertArgument(
    values?.length === n,
    fn,
    `values has ${values?.length} entries for ${n} cells`,
    values?.length,
  );
  let varies = false;
  for (let i = 0; i < n; i++) {
    assertArgument(Number.isFinite(values[i]), fn, `values[${i}] = ${values[i]} is not finite`, {
      index: i,
      value: values[i],
    });
    if (values[i] !== values[0]) varies = true;
  }
  assertArgument(varies, fn, 'the values are all equal: Moran’s I is undefined', values[0]);
}
