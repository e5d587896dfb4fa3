import type { SpatialWeights } from '../types.js';
import { linkWeights } from './linkWeights.js';

/**
 * The same links without each cell itself, each row summing to 1 (spdep's style "W"): the
 * neighbourhood of global and local Moran's I made from the Gi* one.
 *
 * @example
 * ```ts
 * const w = withoutSelfRowStandardised(kRingWeights(grid, { k: 1 }));
 * moranGlobal(counts, w);
 * ```
 */
export function withoutSelfRowStandardised(weights: SpatialWeights): SpatialWeights {
  const offsets = new Uint32Array(weights.n + 1);
  const neighbors: number[] = [];
  for (let i = 0; i < weights.n; i++) {
    for (let e = weights.offsets[i]; e < weights.offsets[i + 1]; e++) {
      if (weights.neighbors[e] !== i) neighbors.push(weights.neighbors[e]);
    }
    offsets[i + 1] = neighbors.length;
  }
  return {
    n: weights.n,
    offsets,
    neighbors: Uint32Array.from(neighbors),
    weights: linkWeights(offsets, 'row'),
    selfIncluded: false,
    style: 'row',
  };
}
