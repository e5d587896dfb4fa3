import type { GridCentroids } from '../hex/gridCentroids.js';
import { haversineMeters } from '../util/haversineMeters.js';
import { LngLatIndex } from '../util/lngLatIndex.js';

/**
 * Neighbours within a distance, in compressed sparse row form, each link with its great-circle
 * length: the neighbours of point `i` are `neighbors[offsets[i]] … neighbors[offsets[i + 1] − 1]`
 * in ascending index order, never `i` itself.
 */
export interface DistanceNeighbors {
  /** Number of points. */
  readonly n: number;
  /** Row starts, length n + 1. */
  readonly offsets: Uint32Array;
  /** Neighbour indexes, ascending within each row. */
  readonly neighbors: Uint32Array;
  /** Great-circle distance of each link in metres, aligned with `neighbors`. */
  readonly distances: Float64Array;
}

/**
 * The pairs of points at most `thresholdMeters` apart by great-circle (haversine) distance,
 * found through a kdbush index rather than by comparing every pair. The relation is symmetric
 * exactly: each distance is computed once per pair with the lower index first, so `j` is in row
 * `i` exactly when `i` is in row `j`, with the same distance. The public weight builders
 * (`distanceBandWeights`, `inverseDistanceWeights`) validate their arguments and call this.
 *
 * @param points - longitude and latitude columns (e.g. `gridCentroids(grid)`)
 * @param thresholdMeters - the largest distance that makes two points neighbours (inclusive)
 * @returns CSR neighbours with distances, without self links
 * @example
 * ```ts
 * const near = distanceNeighbors(gridCentroids(grid), 500);
 * near.distances[near.offsets[0]]; // distance from cell 0 to its lowest-indexed neighbour
 * ```
 */
export function distanceNeighbors(
  points: GridCentroids,
  thresholdMeters: number,
): DistanceNeighbors {
  const { lng, lat } = points;
  const n = lng.length;
  const index = new LngLatIndex(lng, lat);
  const found: number[] = [];
  // The distance to each neighbour of the current row, by neighbour index, so that rows can be
  // sorted by index alone.
  const distanceTo = new Float64Array(n);
  const offsets = new Uint32Array(n + 1);
  let neighbors = new Uint32Array(Math.max(16, n * 8));
  let distances = new Float64Array(neighbors.length);
  let links = 0;
  for (let i = 0; i < n; i++) {
    const count = index.candidates(lng[i], lat[i], thresholdMeters, found);
    const start = links;
    if (links + count > neighbors.length) {
      const size = Math.max(neighbors.length * 2, links + count);
      const grownNeighbors = new Uint32Array(size);
      grownNeighbors.set(neighbors.subarray(0, links));
      neighbors = grownNeighbors;
      const grownDistances = new Float64Array(size);
      grownDistances.set(distances.subarray(0, links));
      distances = grownDistances;
    }
    for (let c = 0; c < count; c++) {
      const j = found[c];
      if (j === i) continue;
      const d =
        i < j
          ? haversineMeters(lng[i], lat[i], lng[j], lat[j])
          : haversineMeters(lng[j], lat[j], lng[i], lat[i]);
      if (d <= thresholdMeters) {
        neighbors[links++] = j;
        distanceTo[j] = d;
      }
    }
    sortPrefix(neighbors, start, links);
    for (let l = start; l < links; l++) distances[l] = distanceTo[neighbors[l]];
    offsets[i + 1] = links;
  }
  return {
    n,
    offsets,
    neighbors: neighbors.slice(0, links),
    distances: distances.slice(0, links),
  };
}

/** Rows at most this long are sorted by insertion, which beats a typed-array sort on tiny rows. */
const INSERTION_SORT_MAX = 64;

/** Sorts `a[start … end − 1]` ascending in place. */
function sortPrefix(a: Uint32Array, start: number, end: number): void {
  if (end - start > INSERTION_SORT_MAX) {
    a.subarray(start, end).sort();
    return;
  }
  for (let r = start + 1; r < end; r++) {
    const v = a[r];
    let s = r - 1;
    while (s >= start && a[s] > v) {
      a[s + 1] = a[s];
      s--;
    }
    a[s + 1] = v;
  }
}

/**
 * The same neighbours with each point added to its own row at distance 0, keeping rows in
 * ascending index order (spdep `include.self`).
 *
 * @param near - neighbours without self links, as {@link distanceNeighbors} returns them
 * @returns neighbours with one self link per row
 * @example
 * ```ts
 * withSelfLinks(distanceNeighbors(points, 500)).offsets[1]; // one more link in row 0
 * ```
 */
export function withSelfLinks(near: DistanceNeighbors): DistanceNeighbors {
  const { n } = near;
  const offsets = new Uint32Array(n + 1);
  const neighbors = new Uint32Array(near.neighbors.length + n);
  const distances = new Float64Array(neighbors.length);
  let at = 0;
  for (let i = 0; i < n; i++) {
    let placed = false;
    for (let l = near.offsets[i]; l < near.offsets[i + 1]; l++) {
      const j = near.neighbors[l];
      if (!placed && j > i) {
        neighbors[at++] = i;
        placed = true;
      }
      neighbors[at] = j;
      distances[at++] = near.distances[l];
    }
    if (!placed) neighbors[at++] = i;
    offsets[i + 1] = at;
  }
  return { n, offsets, neighbors, distances };
}
