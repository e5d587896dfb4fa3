import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { subsetWeights } from '../weights/subsetWeights.js';
import { type GiStarOptions, type GiStarResult, giStar } from './giStar.js';

/**
 * Gi* tested on some cells only (`hotspots.mask`): the statistic, its moments, permutations and
 * FDR adjustment computed among the tested cells as if the others did not exist (their links
 * dropped), so that structural zeros — parks, water, rail yards — neither dilute the mean nor
 * count as tests. Untested cells get NaN, and bin 0.
 *
 * @param values - one value per cell (the weighted counts)
 * @param weights - the weights over all cells
 * @param tested - one flag per cell (truthy: tested)
 * @param options - as `giStar`'s
 * @returns a Gi* result over all cells, NaN (bin 0) where not tested
 * @throws HexreachError `E_ARGUMENT` when the lengths differ, or as `giStar` throws
 * @example
 * ```ts
 * const populated = Uint8Array.from(population, (p, i) => (p > 0 || counts[i] > 0 ? 1 : 0));
 * const gi = giStarOnCells(counts, kRingWeights(grid), populated, { fdr: true });
 * ```
 */
export function giStarOnCells(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  tested: ArrayLike<number | boolean>,
  options: GiStarOptions = {},
): GiStarResult {
  assertArgument(
    values.length === weights.n,
    'giStarOnCells',
    `values must have one entry per cell (${weights.n}), got ${values.length}`,
    values.length,
  );
  const { weights: sub, kept } = subsetWeights(weights, tested);
  const result = giStar(
    Float64Array.from(kept, (i) => values[i]),
    sub,
    options,
  );
  const scatter = (column: Float64Array | Int8Array, fill: number) => {
    const out =
      column instanceof Int8Array ? new Int8Array(weights.n) : new Float64Array(weights.n);
    out.fill(fill);
    for (let k = 0; k < kept.length; k++) out[kept[k]] = column[k];
    return out;
  };
  const entries = Object.entries(result).map(([name, column]) =>
    column instanceof Float64Array || column instanceof Int8Array
      ? [name, scatter(column, name === 'bin' ? 0 : Number.NaN)]
      : [name, column],
  );
  return Object.fromEntries(entries) as GiStarResult;
}
