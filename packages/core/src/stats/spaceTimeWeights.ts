import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';

/** Options of {@link spaceTimeWeights}. */
export interface SpaceTimeWeightsOptions {
  /**
   * How many earlier steps belong to a bin's neighbourhood (ArcGIS's Neighborhood Time Step);
   * an integer ≥ 0. Default 1: the same step and the one before.
   */
  readonly timeSteps?: number;
}

/** CSR offsets are 32-bit: a cube with more links than this cannot be represented. */
const MAX_LINKS = 2 ** 32 - 1;

/**
 * Binary space-time weights over the bins of a cube of n cells × T steps, as ArcGIS's Emerging
 * Hot Spot Analysis defines a bin's neighbourhood: the bins of the cell and of its spatial
 * neighbours in the same step and in each of the `timeSteps` previous steps. Only earlier steps
 * count, so the first steps have smaller neighbourhoods (as in ArcGIS). Every link weighs 1,
 * whatever the spatial weights' style; each bin is its own neighbour (for Gi*).
 *
 * Bins are indexed step-major like `spaceTimeBins`: bin `t·n + c` is cell `c` in step `t`. Row
 * `t·n + c` lists, for each step s = max(0, t − timeSteps) … t, the bins `s·n + j` for j in
 * {c} ∪ neighbours(c), in ascending order.
 *
 * @param spatial - spatial weights over the n cells (self links optional; weights ignored)
 * @param steps - number of time steps T (≥ 1)
 * @param options - `timeSteps` (default 1)
 * @returns binary CSR weights over n·T bins, self included
 * @throws HexreachError `E_ARGUMENT` if `steps` or `timeSteps` is not a valid integer, a spatial
 *   neighbour index is not below n, or the cube would have 2^32 links or more
 * @example
 * ```ts
 * // Three cells on a line, two months, one step back in time.
 * const w = spaceTimeWeights(weightsFromNeighbors([[1], [0, 2], [1]]), 2);
 * // Bin 4 (cell 1 in step 1): cells 0, 1, 2 in step 0 and in step 1.
 * w.neighbors.subarray(w.offsets[4], w.offsets[5]); // Uint32Array [0, 1, 2, 3, 4, 5]
 * ```
 */
export function spaceTimeWeights(
  spatial: SpatialWeights,
  steps: number,
  options: SpaceTimeWeightsOptions = {},
): SpatialWeights {
  const fn = 'spaceTimeWeights';
  const timeSteps = options.timeSteps ?? 1;
  assertArgument(
    Number.isInteger(steps) && steps >= 1,
    fn,
    `steps must be an integer >= 1, got ${steps}`,
    steps,
  );
  assertArgument(
    Number.isInteger(timeSteps) && timeSteps >= 0,
    fn,
    `timeSteps must be an integer >= 0, got ${timeSteps}`,
    timeSteps,
  );
  const { n, offsets, neighbors } = spatial;
  assertArgument(
    Number.isInteger(n) && n >= 0 && offsets?.length === n + 1,
    fn,
    `spatial weights must have n + 1 offsets, got n = ${n}`,
    n,
  );

  // Each cell's spatial row with itself added, sorted: the template copied into every step.
  const templateOffsets = new Uint32Array(n + 1);
  for (let c = 0; c < n; c++) {
    const start = offsets[c];
    const end = offsets[c + 1];
    let hasSelf = false;
    for (let l = start; l < end; l++) {
      const j = neighbors[l];
      // The message is built only on failure: this loop runs once per link.
      if (!(j < n)) {
        assertArgument(false, fn, `spatial row ${c} links to ${j}, not an index below ${n}`, {
          row: c,
          value: j,
        });
      }
      if (j === c) hasSelf = true;
    }
    templateOffsets[c + 1] = templateOffsets[c] + (end - start) + (hasSelf ? 0 : 1);
  }
  const template = new Uint32Array(templateOffsets[n]);
  for (let c = 0; c < n; c++) {
    let at = templateOffsets[c];
    const rowStart = at;
    let hasSelf = false;
    for (let l = offsets[c]; l < offsets[c + 1]; l++) {
      if (neighbors[l] === c) hasSelf = true;
      template[at++] = neighbors[l];
    }
    if (!hasSelf) template[at++] = c;
    if (!isAscending(template, rowStart, at)) template.subarray(rowStart, at).sort();
  }

  // Links of a bin in step t: (min(t, timeSteps) + 1) copies of its cell's template row.
  let stepsCovered = 0;
  for (let t = 0; t < steps; t++) stepsCovered += Math.min(t, timeSteps) + 1;
  const links = stepsCovered * templateOffsets[n];
  assertArgument(
    links <= MAX_LINKS,
    fn,
    `the space-time weights would have ${links} links, more than CSR offsets can address (${MAX_LINKS})`,
    links,
  );

  const bins = n * steps;
  const binOffsets = new Uint32Array(bins + 1);
  const binNeighbors = new Uint32Array(links);
  let at = 0;
  for (let t = 0; t < steps; t++) {
    const first = Math.max(0, t - timeSteps);
    for (let c = 0; c < n; c++) {
      const rowStart = templateOffsets[c];
      const rowEnd = templateOffsets[c + 1];
      for (let s = first; s <= t; s++) {
        const base = s * n;
        for (let l = rowStart; l < rowEnd; l++) binNeighbors[at++] = base + template[l];
      }
      binOffsets[t * n + c + 1] = at;
    }
  }
  return {
    n: bins,
    offsets: binOffsets,
    neighbors: binNeighbors,
    weights: new Float64Array(links).fill(1),
    selfIncluded: true,
    style: 'binary',
  };
}

/** Whether values[start…end) rise strictly, as the rows of every builder here do but for self. */
function isAscending(values: Uint32Array, start: number, end: number): boolean {
  for (let l = start + 1; l < end; l++) if (values[l] <= values[l - 1]) return false;
  return true;
}
