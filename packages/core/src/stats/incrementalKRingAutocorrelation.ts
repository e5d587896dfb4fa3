import { assertArgument } from '../errors.js';
import { gridDiskDistances } from '../hex/h3.js';
import { moranGlobal } from '../stats/moranGlobal.js';
import type { CellGrid, SpatialWeights } from '../types.js';
import { linkWeights, resolveStyle } from '../weights/linkWeights.js';
import { firstPeak } from './firstPeak.js';
import { assertValues } from './incrementalSpatialAutocorrelation.js';

/** Options of {@link incrementalKRingAutocorrelation}. */
export interface IncrementalKRingAutocorrelationOptions {
  /** The largest ring distance tried; k runs over 1 … maxK. Default 10 (ArcGIS's 10 bands). */
  readonly maxK?: number;
  /** `row` (ArcGIS's default) or `binary` k-ring weights. Default `row`. */
  readonly style?: 'binary' | 'row';
  /** A peak counts only if its z exceeds this (ArcGIS: 1.65). Default 1.65. */
  readonly minPeakZ?: number;
}

/** Global Moran's I over k-ring neighbourhoods k = 1 … maxK, and the k chosen. */
export interface IncrementalKRingAutocorrelationResult {
  /** The ring distances tried: 1, 2, …, maxK. */
  readonly ks: Uint32Array;
  /** Global Moran's I with k-ring weights (self excluded) for each k (`moranGlobal`). */
  readonly I: Float64Array;
  /** Its z-score (randomisation) for each k. */
  readonly z: Float64Array;
  /** Its two-sided p-value for each k. */
  readonly p: Float64Array;
  /** The chosen k: the first peak of z, or else the k of the largest z. */
  readonly chosenK: number;
  /** Position of the chosen k in `ks`. */
  readonly chosenIndex: number;
  /** `first-peak` when z peaks (above `minPeakZ`), `max` when it does not. */
  readonly peak: 'first-peak' | 'max';
}

/**
 * Chooses the k of k-ring weights as {@link incrementalSpatialAutocorrelation} chooses a distance
 * (ArcGIS's Incremental Spatial Autocorrelation, with grid steps in place of metres): global
 * Moran's I of the values with the neighbours within k grid steps (`kRingWeights` without self)
 * for k = 1 … maxK, and the first peak of its z-score (above `minPeakZ`, after z has risen), else
 * the k of the largest z. Each cell's disk of radius maxK is listed once (h3
 * `gridDiskDistances`) and filtered for each k, so memory grows with maxK² × cells: about
 * 3·maxK² links per cell.
 *
 * @param grid - the analysis cells
 * @param values - one finite value per cell (e.g. incident counts), not all equal
 * @param options - `maxK` (default 10), `style` (default `row`), `minPeakZ` (default 1.65)
 * @returns k, I, z and p per ring distance, and the chosen k with the reason
 * @throws HexreachError `E_ARGUMENT` if `maxK` is not an integer in 1…255, the grid has fewer
 *   than 4 cells or an inconsistent `indexOf`, or the values do not match it, are not finite or
 *   are all equal
 * @example
 * ```ts
 * const { chosenK } = incrementalKRingAutocorrelation(grid, counts, { maxK: 6 });
 * giStar(counts, kRingWeights(grid, { k: chosenK }));
 * ```
 */
export function incrementalKRingAutocorrelation(
  grid: CellGrid,
  values: ArrayLike<number>,
  options: IncrementalKRingAutocorrelationOptions = {},
): IncrementalKRingAutocorrelationResult {
  const fn = 'incrementalKRingAutocorrelation';
  const maxK = options.maxK ?? 10;
  const style = resolveStyle(options.style ?? 'row', fn);
  const minPeakZ = options.minPeakZ ?? 1.65;
  assertArgument(
    Number.isInteger(maxK) && maxK >= 1 && maxK <= 255,
    fn,
    `maxK must be an integer from 1 to 255, got ${maxK}`,
    maxK,
  );
  assertArgument(
    typeof minPeakZ === 'number' && !Number.isNaN(minPeakZ),
    fn,
    `minPeakZ must be a number, got ${String(minPeakZ)}`,
    minPeakZ,
  );
  const { cells, indexOf } = grid;
  const n = cells.length;
  assertArgument(n >= 4, fn, `Moran's I needs at least 4 cells, got ${n}`, n);
  assertArgument(
    indexOf.size === n,
    fn,
    `grid.indexOf has ${indexOf.size} entries for ${n} cells`,
    indexOf.size,
  );
  assertValues(values, n, fn);

  const disks = ringNeighbors(grid, maxK, fn);
  const ks = new Uint32Array(maxK);
  const I = new Float64Array(maxK);
  const z = new Float64Array(maxK);
  const p = new Float64Array(maxK);
  for (let k = 1; k <= maxK; k++) {
    ks[k - 1] = k;
    const moran = moranGlobal(values, ringWeights(disks, k, style));
    I[k - 1] = moran.I;
    z[k - 1] = moran.z;
    p[k - 1] = moran.p;
  }
  const choice = firstPeak(z, minPeakZ);
  assertArgument(choice.index >= 0, fn, 'Moran’s z is undefined for every k', maxK);
  return {
    ks,
    I,
    z,
    p,
    chosenK: ks[choice.index],
    chosenIndex: choice.index,
    peak: choice.peak,
  };
}

/** Every cell's neighbours within maxK grid steps (self excluded), CSR, with their ring. */
interface RingNeighbors {
  readonly offsets: Uint32Array;
  readonly neighbors: Uint32Array;
  readonly ring: Uint8Array;
}

/** The disk of radius maxK of every cell, rows in ascending index order with each ring. */
function ringNeighbors(grid: CellGrid, maxK: number, fn: string): RingNeighbors {
  const { cells, indexOf } = grid;
  const n = cells.length;
  const offsets = new Uint32Array(n + 1);
  let neighbors = new Uint32Array(Math.max(16, n * Math.min(n, 3 * maxK * (maxK + 1))));
  let ring = new Uint8Array(neighbors.length);
  const ringOf = new Uint8Array(n);
  let links = 0;
  for (let i = 0; i < n; i++) {
    assertArgument(
      indexOf.get(cells[i]) === i,
      fn,
      `grid.indexOf maps ${cells[i]} to ${indexOf.get(cells[i])}, not to its position ${i}`,
      cells[i],
    );
    const rings = gridDiskDistances(cells[i], maxK);
    const start = links;
    for (let d = 1; d < rings.length; d++) {
      for (const cell of rings[d]) {
        const j = indexOf.get(cell);
        if (j === undefined) continue;
        if (links === neighbors.length) {
          const grownNeighbors = new Uint32Array(neighbors.length * 2);
          grownNeighbors.set(neighbors);
          neighbors = grownNeighbors;
          const grownRing = new Uint8Array(ring.length * 2);
          grownRing.set(ring);
          ring = grownRing;
        }
        neighbors[links++] = j;
        ringOf[j] = d;
      }
    }
    neighbors.subarray(start, links).sort();
    for (let l = start; l < links; l++) ring[l] = ringOf[neighbors[l]];
    offsets[i + 1] = links;
  }
  return { offsets, neighbors: neighbors.slice(0, links), ring: ring.slice(0, links) };
}

/** The k-ring weights (self excluded) of the given style from the disks of radius maxK. */
function ringWeights(disks: RingNeighbors, k: number, style: 'binary' | 'row'): SpatialWeights {
  const { offsets, neighbors, ring } = disks;
  const n = offsets.length - 1;
  let links = 0;
  for (let l = 0; l < ring.length; l++) if (ring[l] <= k) links++;
  const kOffsets = new Uint32Array(n + 1);
  const kNeighbors = new Uint32Array(links);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let l = offsets[i]; l < offsets[i + 1]; l++)
      if (ring[l] <= k) kNeighbors[at++] = neighbors[l];
    kOffsets[i + 1] = at;
  }
  return {
    n,
    offsets: kOffsets,
    neighbors: kNeighbors,
    weights: linkWeights(kOffsets, style),
    selfIncluded: false,
    style,
  };
}
