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
  /** The distinct severity weights of the categories counted, ascending: the groups' weights. */
  readonly groupWeights: readonly number[];
  /** The weight group of each category, or −1 for a category of weight 0 (not counted in `byGroup`). */
  readonly groupOfCategory: Int32Array;
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
   * Time steps of the per-step table (as `spaceTimeBins` takes them); none when omitted. For a
   * public table give `start` and `end` from the configuration: left to the data, the first and
   * last steps would reveal the months of the earliest and latest incidents.
   */
  readonly time?: Pick<SpaceTimeBinsOptions, 'step' | 'start' | 'end'>;
}

/**
 * The true count tables of the incidents counted in cells (see {@link CountTables}): what
 * `noisyCountTables` adds noise to. A category of weight 0 is counted in `byCategory` only.
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
  for (const [k, w] of weightOf.entries()) {
    assertArgument(
      Number.isFinite(w) && w >= 0,
      fn,
      `the weight of category "${categories[k]}" must be a finite number >= 0, got ${w}`,
      w,
    );
  }
  const groupWeights = [...new Set(weightOf.filter((w) => w > 0))].sort((a, b) => a - b);
  const G = groupWeights.length;
  const groupOfCategory = Int32Array.from(weightOf, (w) => (w > 0 ? groupWeights.indexOf(w) : -1));
  const byGroup = new Float64Array(cells * G);
  const byCategory = new Float64Array(cells * K);
  for (let i = 0; i < m; i++) {
    const c = cellOfIncident[i];
    if (c < 0) continue;
    const k = category[i];
    assertArgument(k >= 0 && k < K, fn, `category[${i}] = ${k} is not a category index`, k);
    byCategory[c * K + k]++;
    const g = groupOfCategory[k];
    if (g >= 0) byGroup[c * G + g]++;
  }
  if (options.time === undefined)
    return { cells, categories, groupWeights, groupOfCategory, byGroup, byCategory };

  // One cube per weight group, interleaved so that a cell's groups in a step sit together.
  let stepStarts: Float64Array = new Float64Array(0);
  let counts = new Float64Array(0);
  for (let g = 0; g < G; g++) {
    const inGroup = Float64Array.from(category, (k) => (groupOfCategory[k] === g ? 1 : 0));
    const cube = spaceTimeBins(time, cellOfIncident, cells, { ...options.time, weights: inGroup });
    if (g === 0) {
      stepStarts = cube.stepStarts;
      counts = new Float64Array(cube.steps * cells * G);
    }
    for (let j = 0; j < cube.counts.length; j++) counts[j * G + g] = cube.counts[j];
  }
  return {
    cells,
    categories,
    groupWeights,
    groupOfCategory,
    byGroup,
    byCategory,
    byStep: { stepStarts, counts },
  };
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
