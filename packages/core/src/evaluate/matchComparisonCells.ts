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
 * divided by its standard deviation over the pool (a diagonal Mahalanobis distance), found by
 * an exact k-d tree search; among equally near cells the tree's fixed order decides. Pool cells with a non-finite feature are left out of the pool; a treated
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
  const sorted = scaledPool(used, Array.from(usedScale), poolCells);
  const nearestOf = new Map<number, Int32Array>();
  const nearest = (cell: number, keep: number, excluded?: (cell: number) => boolean) =>
    nearestPool(cell, keep, sorted, excluded);

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

/** The pool's scaled values in a k-d tree (Bentley 1975, CACM 18(9)) for exact nearest searches. */
interface ScaledPool {
  readonly used: readonly ArrayLike<number>[];
  readonly scale: readonly number[];
  /** Scaled values, point-major: point j's feature k is `values[j * dims + k]`. */
  readonly values: Float64Array;
  /** Pool cells in tree order. */
  readonly cells: Int32Array;
  readonly dims: number;
  /** Nodes: [from, to) range of points, split dimension and value, children (−1: leaf). */
  readonly nodes: readonly KdNode[];
}

interface KdNode {
  readonly from: number;
  readonly to: number;
  readonly dim: number;
  readonly split: number;
  readonly left: number;
  readonly right: number;
}

const LEAF = 16;

/** Builds the k-d tree of the pool: each node splits its points at the median of its widest feature. */
function scaledPool(
  used: readonly ArrayLike<number>[],
  usedScale: readonly number[],
  poolCells: Int32Array,
): ScaledPool {
  const dims = used.length;
  const p = poolCells.length;
  // Scaled values by position in poolCells, and the tree order as positions.
  const byPosition = new Float64Array(p * dims);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < dims; k++) byPosition[j * dims + k] = used[k][poolCells[j]] / usedScale[k];
  }
  const order = new Int32Array(p);
  for (let j = 0; j < p; j++) order[j] = j;
  const nodes: KdNode[] = [];
  const build = (from: number, to: number): number => {
    const id = nodes.length;
    nodes.push({ from, to, dim: 0, split: 0, left: -1, right: -1 });
    if (to - from <= LEAF || dims === 0) return id;
    let dim = 0;
    let widest = -1;
    for (let k = 0; k < dims; k++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let j = from; j < to; j++) {
        const v = byPosition[order[j] * dims + k];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (hi - lo > widest) [widest, dim] = [hi - lo, k];
    }
    if (widest <= 0) return id;
    order
      .subarray(from, to)
      .sort((a, b) => byPosition[a * dims + dim] - byPosition[b * dims + dim] || a - b);
    const mid = from + ((to - from) >> 1);
    const split = byPosition[order[mid] * dims + dim];
    const left = build(from, mid);
    const right = build(mid, to);
    nodes[id] = { from, to, dim, split, left, right };
    return id;
  };
  build(0, p);
  const values = new Float64Array(p * dims);
  const cells = new Int32Array(p);
  for (let j = 0; j < p; j++) {
    cells[j] = poolCells[order[j]];
    for (let k = 0; k < dims; k++) values[j * dims + k] = byPosition[order[j] * dims + k];
  }
  return { used, scale: usedScale, values, cells, dims, nodes };
}

/**
 * The `keep` pool cells nearest to `cell`, nearest first; among cells at the same distance, the
 * first met in the tree's fixed order (so the same pool always gives the same matches). Exact:
 * a k-d tree search skips a node only when its side of the split is at least as far as the
 * `keep`-th best distance; a cell with a missing feature is compared with every pool cell on
 * the others.
 */
function nearestPool(
  cell: number,
  keep: number,
  pool: ScaledPool,
  excluded?: (cell: number) => boolean,
): Int32Array {
  const { used, scale, values, cells, dims, nodes } = pool;
  const target = used.map((f, k) => f[cell] / scale[k]);
  const best: number[] = [];
  const bestD: number[] = [];
  const consider = (j: number) => {
    const c = cells[j];
    if (excluded?.(c) === true) return;
    let d = 0;
    for (let k = 0; k < dims; k++) {
      const t = target[k];
      if (Number.isFinite(t)) d += (values[j * dims + k] - t) ** 2;
    }
    const full = best.length === keep;
    if (full && d >= bestD[keep - 1]) return;
    let at = full ? keep - 1 : best.length;
    if (!full) {
      best.push(0);
      bestD.push(0);
    }
    while (at > 0 && bestD[at - 1] > d) {
      best[at] = best[at - 1];
      bestD[at] = bestD[at - 1];
      at--;
    }
    best[at] = c;
    bestD[at] = d;
  };
  if (!target.every(Number.isFinite)) {
    for (let j = 0; j < cells.length; j++) consider(j);
    return Int32Array.from(best);
  }
  const search = (id: number) => {
    const node = nodes[id];
    if (node.left < 0) {
      for (let j = node.from; j < node.to; j++) consider(j);
      return;
    }
    const gap = target[node.dim] - node.split;
    const [near, far] = gap < 0 ? [node.left, node.right] : [node.right, node.left];
    search(near);
    if (best.length < keep || gap * gap < bestD[keep - 1]) search(far);
  };
  if (nodes.length > 0) search(0);
  return Int32Array.from(best);
}
