import { assertArgument } from '../errors.js';
import { type SpaceTimeBinsOptions, spaceTimeBins } from '../stats/spaceTimeBins.js';

/**
 * The incident counts a public run may publish anything from, each a table one incident changes
 * by exactly 1 in one entry: per cell and weight group (categories of equal severity weight),
 * per cell and category, and optionally per time step, cell and weight group. Every
 * incident-derived column is a sum of these (see {@link weightedCellCounts}).
 */
export interface CountTables {
  /** Number of cells n. */
  readonly cells: number;
  /** Category names, in the incident table's order. */
  readonly categories: readonly string[];
  /**
   * The distinct weights of the incidents counted (category weight × record weight), ascending:
   * the groups' weights. Weight 0 is a group too, so that incidents are counted unweighted.
   */
  readonly groupWeights: readonly number[];
  /** Incidents per cell and weight group, cell-major: cell `c`, group `g` at `c * G + g`. */
  readonly byGroup: Float64Array;
  /** Incidents per cell and category, cell-major: cell `c`, category `k` at `c * K + k`. */
  readonly byCategory: Float64Array;
  /**
   * With time steps: incidents per step, cell and weight group, step-major: step `t`, cell `c`,
   * group `g` at `(t * n + c) * G + g`; and each step's start (ms since 1970, UTC wall clock).
   */
  readonly byStep?: { readonly stepStarts: Float64Array; readonly counts: Float64Array };
}

/** Options of {@link countTables}. */
export interface CountTablesOptions {
  /** Severity weight per category name; unlisted categories weigh 1. */
  readonly categoryWeights?: ReadonlyMap<string, number>;
  /**
   * Each incident's whole weight (category weight × record weight), in place of
   * `categoryWeights`: the groups are its distinct values.
   */
  readonly weights?: ArrayLike<number>;
  /**
   * Time steps of the per-step table (as `spaceTimeBins` takes them); none when omitted. For a
   * public table give `start` and `end` from the configuration: left to the data, the first and
   * last steps would reveal the months of the earliest and latest incidents.
   */
  readonly time?: Pick<SpaceTimeBinsOptions, 'step' | 'start' | 'end'>;
}

/**
 * The true count tables of the incidents counted in cells (see {@link CountTables}): what
 * `noisyCountTables` adds noise to.
 *
 * @param time - each incident's time, ms since 1970 (NaN when unknown)
 * @param category - each incident's category index into `categories`
 * @param categories - category names
 * @param cellOfIncident - each incident's cell, or −1 when it was not counted (`pointsToCells`)
 * @param cells - number of cells n
 * @param options - category weights, and the time steps of the per-step table
 * @returns the tables, integer counts
 * @throws HexreachError `E_ARGUMENT` when the columns differ in length, a category index is out
 *   of range, or a weight is not a finite number ≥ 0
 * @example
 * ```ts
 * const tables = countTables(incidents.time, incidents.category, incidents.categories,
 *   binned.cellOfIncident, grid.cells.length, { categoryWeights: new Map([['ROBBERY', 3]]) });
 * ```
 */
export function countTables(
  time: ArrayLike<number>,
  category: ArrayLike<number>,
  categories: readonly string[],
  cellOfIncident: ArrayLike<number>,
  cells: number,
  options: CountTablesOptions = {},
): CountTables {
  const fn = 'countTables';
  const m = cellOfIncident.length;
  assertArgument(
    time.length === m && category.length === m,
    fn,
    `time, category and cellOfIncident must have one entry per incident, got ${time.length}, ${category.length} and ${m}`,
  );
  const K = categories.length;
  const weightOf = categories.map((name) => options.categoryWeights?.get(name) ?? 1);
  const weights = options.weights ?? Float64Array.from(category, (k) => weightOf[k] ?? 1);
  assertArgument(
    weights.length === m,
    fn,
    `weights must have one entry per incident, got ${weights.length} for ${m}`,
  );
  const groupWeights = distinctWeights(weights, cellOfIncident, categories, category, fn);
  const G = groupWeights.length;
  const groupIndex = new Map(groupWeights.map((w, g) => [w, g]));
  const groupOfIncident = new Int32Array(m).fill(-1);
  const byGroup = new Float64Array(cells * G);
  const byCategory = new Float64Array(cells * K);
  for (let i = 0; i < m; i++) {
    const c = cellOfIncident[i];
    if (c < 0) continue;
    const k = category[i];
    assertArgument(k >= 0 && k < K, fn, `category[${i}] = ${k} is not a category index`, k);
    byCategory[c * K + k]++;
    const g = groupIndex.get(weights[i])!;
    groupOfIncident[i] = g;
    byGroup[c * G + g]++;
  }
  if (options.time === undefined) return { cells, categories, groupWeights, byGroup, byCategory };

  // One cube per weight group, interleaved so that a cell's groups in a step sit together.
  let stepStarts: Float64Array = new Float64Array(0);
  let counts = new Float64Array(0);
  for (let g = 0; g < G; g++) {
    const inGroup = Float64Array.from(groupOfIncident, (h) => (h === g ? 1 : 0));
    const cube = spaceTimeBins(time, cellOfIncident, cells, { ...options.time, weights: inGroup });
    if (g === 0) {
      stepStarts = cube.stepStarts;
      counts = new Float64Array(cube.steps * cells * G);
    }
    for (let j = 0; j < cube.counts.length; j++) counts[j * G + g] = cube.counts[j];
  }
  return { cells, categories, groupWeights, byGroup, byCategory, byStep: { stepStarts, counts } };
}

/** The distinct weights of the incidents counted, ascending; each a finite number ≥ 0. */
function distinctWeights(
  weights: ArrayLike<number>,
  cellOfIncident: ArrayLike<number>,
  categories: readonly string[],
  category: ArrayLike<number>,
  fn: string,
): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < weights.length; i++) {
    if (cellOfIncident[i] < 0) continue;
    const w = weights[i];
    assertArgument(
      Number.isFinite(w) && w >= 0,
      fn,
      `the weight of incident ${i} (category "${categories[category[i]]}") must be a finite number >= 0, got ${w}`,
      w,
    );
    seen.add(w);
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * Each cell's severity-weighted incident count, Σ_g w_g · n(c, g), from count tables (true or
 * noisy), clamped at 0: negative noisy counts are published as 0.
 *
 * @param tables - count tables
 * @returns one value per cell
 * @example
 * ```ts
 * const gi = giStar(weightedCellCounts(noisy.tables), weights);
 * ```
 */
export function weightedCellCounts(tables: CountTables): Float64Array {
  const G = tables.groupWeights.length;
  const out = new Float64Array(tables.cells);
  for (let c = 0; c < tables.cells; c++) {
    let sum = 0;
    for (let g = 0; g < G; g++) sum += tables.groupWeights[g] * tables.byGroup[c * G + g];
    out[c] = Math.max(0, sum);
  }
  return out;
}
