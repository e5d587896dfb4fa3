import { ascendingOrder, createOrderScratch } from './ascendingOrder.js';

/** Working memory of {@link percentileRankOfClasses} for up to `capacity` classes. */
export interface RankScratch {
  readonly keys: Float64Array;
  readonly ranked: Uint32Array;
  readonly order: Uint32Array;
  readonly sort: Uint32Array;
}

/** Options of {@link percentileRankOfClasses}. */
export interface PercentileRankOfClassesOptions {
  /** `higher` (default): the largest value ranks 1; `lower`: the smallest value ranks 1. */
  readonly direction?: 'higher' | 'lower';
  /** Where to write the ranks (one entry per class, at least); a new array when not given. */
  readonly out?: Float64Array;
  /** Working memory to reuse (`createRankScratch` of as many classes at least); else allocated. */
  readonly scratch?: RankScratch;
}

/**
 * Working memory for {@link percentileRankOfClasses}, to rank many times without allocating.
 *
 * @param capacity - the most classes to be ranked at once
 * @returns the scratch arrays
 * @example
 * ```ts
 * const scratch = createRankScratch(cells);
 * percentileRankOfClasses(values, counts, { scratch });
 * ```
 */
export function createRankScratch(capacity: number): RankScratch {
  return {
    keys: new Float64Array(capacity),
    ranked: new Uint32Array(capacity),
    order: new Uint32Array(capacity),
    sort: createOrderScratch(capacity),
  };
}

/**
 * `percentileRank` of cells grouped in classes of equal value, computed once per class: class
 * g stands for `counts[g]` cells of value `values[g]`. Each class gets the rank its cells would
 * get among all the cells, `(cells strictly below) / (N − 1)`, N the number of cells ranked,
 * ties sharing the lowest rank (CDC/ATSDR SVI, Flanagan et al. 2011): the same integers divided
 * the same way, so the same doubles. A class of no cell or with a value that is not finite is
 * not ranked and gets NaN. `counts` may be longer than `values` (a partition's `size`, say).
 *
 * @param values - one value per class
 * @param counts - the number of cells of each class (0 = not ranked)
 * @param options - direction, an output array and working memory to reuse
 * @returns ranks in [0, 1] per class, NaN where not ranked
 * @example
 * ```ts
 * // The cells [10, 20, 20, 40] in three classes; percentileRank gives them [0, 1/3, 1/3, 1].
 * percentileRankOfClasses([10, 20, 40], [1, 2, 1]); // [0, 1/3, 1]
 * ```
 */
export function percentileRankOfClasses(
  values: ArrayLike<number>,
  counts: ArrayLike<number>,
  options: PercentileRankOfClassesOptions = {},
): Float64Array {
  const k = values.length;
  const sign = (options.direction ?? 'higher') === 'lower' ? -1 : 1;
  const out = options.out ?? new Float64Array(k);
  const { keys, ranked, order, sort } = options.scratch ?? createRankScratch(k);
  let m = 0;
  let cells = 0;
  for (let g = 0; g < k; g++) {
    const value = values[g];
    if (counts[g] > 0 && Number.isFinite(value)) {
      keys[m] = sign * value;
      ranked[m++] = g;
      cells += counts[g];
    } else out[g] = Number.NaN;
  }
  ascendingOrder(keys, m, order, sort);
  // In ascending order, a class's rank counts the cells of the smaller values before it.
  let below = 0;
  let tied = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const j = order[i];
    if (previous < keys[j]) {
      below += tied;
      tied = 0;
      previous = keys[j];
    }
    const g = ranked[j];
    tied += counts[g];
    out[g] = cells === 1 ? 0 : below / (cells - 1);
  }
  return out;
}
