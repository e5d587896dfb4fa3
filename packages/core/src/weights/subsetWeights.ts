import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';

/**
 * The spatial weights among a subset of the observations: the kept cells, numbered 0… in their
 * order, each keeping only its links to other kept cells. Binary and custom weights keep their
 * values; row-standardised rows are standardised again over the links that remain.
 *
 * @param weights - weights over all n observations
 * @param keep - one flag per observation (truthy: kept)
 * @returns the weights over the kept observations, and each one's index in the full set
 * @throws HexreachError `E_ARGUMENT` when `keep` does not have one flag per observation
 * @example
 * ```ts
 * const { weights: sub, kept } = subsetWeights(kRingWeights(grid), populated);
 * const gi = giStar(Float64Array.from(kept, (i) => counts[i]), sub);
 * ```
 */
export function subsetWeights(
  weights: SpatialWeights,
  keep: ArrayLike<number | boolean>,
): { readonly weights: SpatialWeights; readonly kept: Uint32Array } {
  assertArgument(
    keep.length === weights.n,
    'subsetWeights',
    `keep must have one flag per observation (${weights.n}), got ${keep.length}`,
    keep.length,
  );
  const indexOf = new Int32Array(weights.n).fill(-1);
  const kept: number[] = [];
  for (let i = 0; i < weights.n; i++) {
    if (keep[i]) {
      indexOf[i] = kept.length;
      kept.push(i);
    }
  }
  const offsets = new Uint32Array(kept.length + 1);
  const neighbors: number[] = [];
  const values: number[] = [];
  kept.forEach((i, row) => {
    const start = values.length;
    for (let e = weights.offsets[i]; e < weights.offsets[i + 1]; e++) {
      const j = indexOf[weights.neighbors[e]];
      if (j < 0) continue;
      neighbors.push(j);
      values.push(weights.weights[e]);
    }
    if (weights.style === 'row') {
      let sum = 0;
      for (let e = start; e < values.length; e++) sum += values[e];
      for (let e = start; e < values.length; e++) values[e] /= sum;
    }
    offsets[row + 1] = values.length;
  });
  return {
    weights: {
      n: kept.length,
      offsets,
      neighbors: Uint32Array.from(neighbors),
      weights: Float64Array.from(values),
      selfIncluded: weights.selfIncluded,
      style: weights.style,
    },
    kept: Uint32Array.from(kept),
  };
}
