import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { linkWeights } from './linkWeights.js';

/**
 * Binary weights without self links, with each cell added to its own neighbours in sorted
 * place: from the edge neighbours `kRingWeights(grid, { k: 1, selfIncluded: false })` makes,
 * the same weights as `kRingWeights(grid, { k: 1 })` without a second pass over h3.
 *
 * @param weights - binary weights without self links, each row sorted ascending
 * @returns the weights with self links, binary
 * @throws HexreachError `E_ARGUMENT` when the weights are not binary or already include self
 * @example
 * ```ts
 * const contiguity = kRingWeights(grid, { k: 1, selfIncluded: false });
 * const giWeights = withSelfIncluded(contiguity); // equals kRingWeights(grid, { k: 1 })
 * ```
 */
export function withSelfIncluded(weights: SpatialWeights): SpatialWeights {
  assertArgument(
    weights.style === 'binary' && !weights.selfIncluded,
    'withSelfIncluded',
    `weights must be binary without self links, got style ${weights.style}, selfIncluded ${weights.selfIncluded}`,
    weights.style,
  );
  const { n, offsets, neighbors } = weights;
  const withSelf = new Uint32Array(neighbors.length + n);
  const rowStarts = new Uint32Array(n + 1);
  let links = 0;
  for (let i = 0; i < n; i++) {
    let placed = false;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      if (!placed && neighbors[e] > i) {
        withSelf[links++] = i;
        placed = true;
      }
      withSelf[links++] = neighbors[e];
    }
    if (!placed) withSelf[links++] = i;
    rowStarts[i + 1] = links;
  }
  return {
    n,
    offsets: rowStarts,
    neighbors: withSelf,
    weights: linkWeights(rowStarts, 'binary'),
    selfIncluded: true,
    style: 'binary',
  };
}
