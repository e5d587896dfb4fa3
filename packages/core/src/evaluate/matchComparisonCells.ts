import { assertArgument } from '../errors.js';

/** Options of {@link createMatcher} and {@link matchComparisonCells}. */
export interface MatchOptions {
  /** Pool cells matched to each treated cell (default 3). */
  readonly matches?: number;
}

/** A comparison group: pool cells with the weight each carries (the weights sum to the treated cells). */
export interface MatchedComparison {
  /** Pool cells matched at least once, ascending. */
  readonly cells: Int32Array;
  /** Per cell: how many treated cells it was matched to, divided by `matches`. */
  readonly weights: Float64Array;
}

/** Matches treated cells to pool cells; one matcher serves a zone and all its placebos. */
export interface ComparisonMatcher {
  /** The pool cells with a finite value of every feature. */
  readonly pool: Int32Array;
  /** The pool's standard deviation of each feature (features with none are not used). */
  readonly scale: Float64Array;
  /**
   * The comparison of `treated`: each treated cell's `matches` nearest pool cells, with
   * replacement, skipping pool cells for which `excluded` says yes.
   */
  match(treated: ArrayLike<number>, excluded?: (cell: number) => boolean): MatchedComparison;
}

/** Candidates kept per cell before exclusions: enough for a placebo zone and its ring to skip. */
const SPARE = 24;

/**
 * Nearest-neighbour matching with replacement (Stuart 2010, Stat. Sci. 25(1) §3.1): each treated
 * cell is matched to the `matches` pool cells nearest to it in the features, each feature
 * divided by its standard deviation over the pool (a diagonal Mahalanobis distance); ties go to
 * the lower cell index. Pool cells with a non-finite feature are left out of the pool; a treated
 * cell's non-finite feature is left out of its distances. Each cell's nearest candidates are
 * found once and kept, so the many placebo zones of one evaluation cost little each.
 *
 * @param features - per feature, one value per cell of the grid (e.g. pre-period level, trend, need)
 * @param pool - the cells that may serve as comparison (outside every zone and its buffer)
 * @param options - `matches` per treated cell (default 3)
 * @returns a matcher
 * @throws HexreachError `E_ARGUMENT` for no feature, features of unequal lengths, a pool cell
 *   out of range, `matches` < 1, or fewer usable pool cells than `matches`
 * @example
 * ```ts
 * const matcher = createMatcher([level, trend], pool, { matches: 3 });
 * const comparison = matcher.match(zoneCells);
 * comparison.weights.reduce((a, b) => a + b, 0); // zoneCells.length
 * ```
 */
export function createMatcher(
  features: readonly ArrayLike<number>[],
  pool: ArrayLike<number>,
  options: MatchOptions = {},
): ComparisonMatcher {
  const fn = 'createMatcher';
  const m = options.matches ?? 3;
  assertArgument(features.length > 0, fn, 'at least one feature is needed', features.length);
  const n = features[0].length;
  for (const f of features) {
    assertArgument(
      f.length === n,
      fn,
      `every feature needs ${n} values, got ${f.length}`,
      f.length,
    );
  }
  assertArgument(Number.isInteger(m) && m >= 1, fn, `matches must be an integer ≥ 1, got ${m}`, m);
  const usable: number[] = [];
  for (let i = 0; i < pool.length; i++) {
    const c = pool[i];
    assertArgument(
      Number.isInteger(c) && c >= 0 && c < n,
      fn,
      `pool cell ${c} is not in [0, ${n})`,
      c,
    );
    if (features.every((f) => Number.isFinite(f[c]))) usable.push(c);
  }
  usable.sort((a, b) => a - b);
  const poolCells = Int32Array.from(usable);
  assertArgument(
    poolCells.length >= m,
    fn,
    `the comparison pool has ${poolCells.length} usable cells, fewer than the ${m} matches asked`,
    poolCells.length,
  );
  const scale = featureScales(features, poolCells);
  const used = features.filter((_, k) => scale[k] > 0);
  const usedScale = scale.filter((s) => s > 0);
  // Pool values feature-major, scaled: one contiguous scan per candidate search.
  const p = poolCells.length;
  const scaled = new Float64Array(used.length * p);
  for (let k = 0; k < used.length; k++) {
    for (let j = 0; j < p; j++) scaled[k * p + j] = used[k][poolCells[j]] / usedScale[k];
  }
  const nearestOf = new Map<number, Int32Array>();
  const nearest = (cell: number, keep: number, excluded?: (cell: number) => boolean) =>
    nearestPool(cell, keep, used, usedScale, scaled, poolCells, excluded);

  return {
    pool: poolCells,
    scale,
    match(treated, excluded) {
      const times = new Map<number, number>();
      for (let i = 0; i < treated.length; i++) {
        const cell = treated[i];
        assertArgument(
          Number.isInteger(cell) && cell >= 0 && cell < n,
          'ComparisonMatcher.match',
          `treated cell ${cell} is not in [0, ${n})`,
          cell,
        );
        let candidates = nearestOf.get(cell);
        if (candidates === undefined) {
          candidates = nearest(cell, m + SPARE);
          nearestOf.set(cell, candidates);
        }
        let taken = 0;
        for (let j = 0; j < candidates.length && taken < m; j++) {
          if (excluded?.(candidates[j]) === true || candidates[j] === cell) continue;
          times.set(candidates[j], (times.get(candidates[j]) ?? 0) + 1);
          taken++;
        }
        if (taken < m) {
          // The kept candidates ran out after exclusions: search the whole pool again.
          const more = nearest(cell, m, (c) => c === cell || excluded?.(c) === true);
          for (let j = 0; j < more.length; j++) times.set(more[j], (times.get(more[j]) ?? 0) + 1);
        }
      }
      const cells = Int32Array.from([...times.keys()].sort((a, b) => a - b));
      const weights = new Float64Array(cells.length);
      for (let j = 0; j < cells.length; j++) weights[j] = (times.get(cells[j]) ?? 0) / m;
      return { cells, weights };
    },
  };
}

/**
 * The comparison cells of `treated`: {@link createMatcher} then `match` once.
 *
 * @param features - per feature, one value per cell of the grid
 * @param treated - the treated cells
 * @param pool - the cells that may serve as comparison
 * @param options - `matches` per treated cell (default 3)
 * @returns the matched pool cells and their weights
 * @throws HexreachError `E_ARGUMENT` as {@link createMatcher}
 * @example
 * ```ts
 * const { cells, weights } = matchComparisonCells([level, trend, need], zoneCells, pool);
 * ```
 */
export function matchComparisonCells(
  features: readonly ArrayLike<number>[],
  treated: ArrayLike<number>,
  pool: ArrayLike<number>,
  options: MatchOptions = {},
): MatchedComparison {
  return createMatcher(features, pool, options).match(treated);
}

/** Each feature's standard deviation over the pool (0 when it does not vary). */
function featureScales(features: readonly ArrayLike<number>[], pool: Int32Array): Float64Array {
  const scale = new Float64Array(features.length);
  for (let k = 0; k < features.length; k++) {
    let mean = 0;
    for (let j = 0; j < pool.length; j++) mean += features[k][pool[j]];
    mean /= pool.length;
    let squares = 0;
    for (let j = 0; j < pool.length; j++) squares += (features[k][pool[j]] - mean) ** 2;
    const sd = Math.sqrt(squares / Math.max(1, pool.length - 1));
    scale[k] = Number.isFinite(sd) && sd > 0 ? sd : 0;
  }
  return scale;
}

/** The `keep` pool cells nearest to `cell`, nearest first, ties to the lower index. */
function nearestPool(
  cell: number,
  keep: number,
  used: readonly ArrayLike<number>[],
  usedScale: readonly number[] | Float64Array,
  scaled: Float64Array,
  poolCells: Int32Array,
  excluded?: (cell: number) => boolean,
): Int32Array {
  const p = poolCells.length;
  const target = used.map((f, k) => f[cell] / usedScale[k]);
  const best: number[] = [];
  const bestD: number[] = [];
  for (let j = 0; j < p; j++) {
    if (excluded?.(poolCells[j]) === true) continue;
    let d = 0;
    for (let k = 0; k < used.length; k++) {
      const t = target[k];
      if (Number.isFinite(t)) d += (scaled[k * p + j] - t) ** 2;
    }
    if (best.length === keep && d >= bestD[keep - 1]) continue;
    let at = best.length === keep ? keep - 1 : best.length;
    if (best.length < keep) {
      best.push(0);
      bestD.push(0);
    }
    while (at > 0 && bestD[at - 1] > d) {
      best[at] = best[at - 1];
      bestD[at] = bestD[at - 1];
      at--;
    }
    best[at] = poolCells[j];
    bestD[at] = d;
  }
  return Int32Array.from(best);
}
