import { assertArgument } from '../errors.js';
import { gridDisk } from '../hex/h3.js';
import type { CellGrid, SpatialWeights } from '../types.js';
import { linkWeights, resolveStyle } from './linkWeights.js';

/** Options of {@link kRingWeights}. */
export interface KRingWeightsOptions {
  /** Grid distance within which cells are neighbours; a non-negative integer. Default 1. */
  readonly k?: number;
  /** Whether each cell is its own neighbour (Gi* rather than Gi). Default true. */
  readonly selfIncluded?: boolean;
  /** `binary`: every link weighs 1; `row`: each row sums to 1. Default `binary`. */
  readonly style?: 'binary' | 'row';
}

/** Rows at most this long are sorted by insertion, which beats a typed-array sort on tiny rows. */
const INSERTION_SORT_MAX = 64;

/**
 * Contiguity weights on an H3 grid: the neighbours of a cell are the cells of the grid within
 * `k` grid steps of it (`gridDisk`). Cells of the disk that are not in the grid are ignored, so
 * cells on the edge of the study area have fewer neighbours. Each row lists its neighbours in
 * ascending index order.
 *
 * @param grid - the analysis cells
 * @param options - `k` (default 1), `selfIncluded` (default true), `style` (default `binary`)
 * @returns CSR weights over the grid's cell indexes
 * @throws HexreachError `E_ARGUMENT` if `k` is not a non-negative integer, `style` is unknown,
 *   or `grid.indexOf` does not hold exactly the grid's cells
 * @example
 * ```ts
 * const cells = gridDisk('882664c1a9fffff', 2).sort();
 * const grid = { resolution: 8, cells, indexOf: new Map(cells.map((c, i) => [c, i])) };
 * const w = kRingWeights(grid, { k: 1 });
 * const i = grid.indexOf.get('882664c1a9fffff')!;
 * w.offsets[i + 1] - w.offsets[i]; // 7: the centre and its six neighbours
 * ```
 */
export function kRingWeights(grid: CellGrid, options: KRingWeightsOptions = {}): SpatialWeights {
  const k = options.k ?? 1;
  const selfIncluded = options.selfIncluded ?? true;
  const style = resolveStyle(options.style, 'kRingWeights');
  assertArgument(
    Number.isInteger(k) && k >= 0,
    'kRingWeights',
    `k must be an integer >= 0, got ${k}`,
    k,
  );
  assertArgument(
    typeof selfIncluded === 'boolean',
    'kRingWeights',
    `selfIncluded must be a boolean, got ${String(selfIncluded)}`,
    selfIncluded,
  );
  const { cells, indexOf } = grid;
  const n = cells.length;
  assertArgument(
    indexOf.size === n,
    'kRingWeights',
    `grid.indexOf has ${indexOf.size} entries for ${n} cells`,
    indexOf.size,
  );

  // A disk of radius k holds at most 3k(k + 1) + 1 cells (fewer around pentagons).
  const diskSize = 3 * k * (k + 1) + 1;
  const offsets = new Uint32Array(n + 1);
  let neighbors = new Uint32Array(Math.max(1, Math.min(n * Math.min(diskSize, n), 1 << 24)));
  const row = new Uint32Array(Math.min(diskSize, Math.max(n, 1)));
  let links = 0;
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    // The message is built only on failure: this runs once per cell.
    if (indexOf.get(cell) !== i) {
      assertArgument(
        false,
        'kRingWeights',
        `grid.indexOf maps ${cell} to ${indexOf.get(cell)}, not to its position ${i}`,
        cell,
      );
    }
    const disk = gridDisk(cell, k);
    let length = 0;
    for (let d = 0; d < disk.length; d++) {
      const j = indexOf.get(disk[d]);
      if (j === undefined || (j === i && !selfIncluded)) continue;
      row[length++] = j;
    }
    sortPrefix(row, length);
    if (links + length > neighbors.length) {
      const grown = new Uint32Array(Math.max(neighbors.length * 2, links + length));
      grown.set(neighbors.subarray(0, links));
      neighbors = grown;
    }
    // gridDisk lists each cell once; skipping repeats keeps rows valid should that ever change.
    for (let r = 0; r < length; r++) {
      if (r > 0 && row[r] === row[r - 1]) continue;
      neighbors[links++] = row[r];
    }
    offsets[i + 1] = links;
  }
  const exact = links === neighbors.length ? neighbors : neighbors.slice(0, links);
  return {
    n,
    offsets,
    neighbors: exact,
    weights: linkWeights(offsets, style),
    selfIncluded,
    style,
  };
}

/** Sorts `a[0 … length − 1]` ascending in place. */
function sortPrefix(a: Uint32Array, length: number): void {
  if (length > INSERTION_SORT_MAX) {
    a.subarray(0, length).sort();
    return;
  }
  for (let r = 1; r < length; r++) {
    const v = a[r];
    let s = r - 1;
    while (s >= 0 && a[s] > v) {
      a[s + 1] = a[s];
      s--;
    }
    a[s + 1] = v;
  }
}
