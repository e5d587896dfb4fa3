import { assertArgument } from '../../errors.js';
import type { SpatialWeights } from '../../types.js';
import { assertWeights } from './assertWeights.js';
import { centredValues } from './centredValues.js';
import type { PermutationPValue } from './permutationPValue.js';
import { drawPermutationTable, lookupTableWidth, MAX_TABLE_ENTRIES } from './permutationTable.js';

/** Rows of a `lookup-table` table per permutation, when they fit in MAX_TABLE_ENTRIES. */
const TABLE_ROWS_PER_PERMUTATION = 64;

import {
  type PermutationAlternative,
  type PermutationOptions,
  type PermutationScheme,
  resolvePermutationOptions,
} from './resolvePermutationOptions.js';

/** The local statistics the permutation engines know. */
export type LocalStatisticName = 'gistar' | 'localMoran';

/** Options of the permutation engines: the statistic and {@link PermutationOptions}. */
export interface PermutationEngineOptions extends PermutationOptions {
  /**
   * `gistar`: the Getis–Ord G_i of `giStar` (Gi* with self links, Gi without);
   * `localMoran`: Anselin's I_i of `localMoran` (weights without self links).
   */
  readonly statistic: LocalStatisticName;
}

/**
 * Everything a permutation run needs, as typed arrays and numbers only (so that it can be shared
 * with worker threads). Every local statistic handled here is `scale_i · Σ_j w_ij v_j`, linear in
 * the neighbours' values, so a permutation only recomputes that weighted sum.
 */
export interface PermutationPlan {
  readonly n: number;
  readonly permutations: number;
  /** Unsigned 32-bit seed of the run. */
  readonly seed: number;
  readonly scheme: PermutationScheme;
  readonly alternative: PermutationAlternative;
  /** The pseudo p-value each cell gets, from `permutationPValue`. */
  readonly pValue: PermutationPValue;
  /** CSR row starts, length n + 1. */
  readonly offsets: Uint32Array;
  /** CSR neighbour indexes. */
  readonly neighbors: Uint32Array;
  /** CSR link weights. */
  readonly weights: Float64Array;
  /** The values whose weighted sum is permuted: x for G_i, z = x − x̄ for I_i. */
  readonly values: Float64Array;
  /** Factor of the weighted sum per cell; NaN where the statistic has no test. */
  readonly scale: Float64Array;
  /**
   * 1 where `scale` puts the statistic on its reported scale; 0 where that scale is undefined
   * (G_i with Σx = 0) and the test runs on the weighted sum itself, so that p and z are still
   * defined but the permutation mean and standard deviation are not reported.
   */
  readonly reported: Uint8Array;
  /** Largest |v|, which sets the tolerance under which two statistics count as tied. */
  readonly maxAbsValue: number;
  /**
   * The `lookup-table` scheme's shared draws (see `drawPermutationTable`), empty under the other
   * schemes: entries per row, rows (T ≥ R), the T × width table of cells, and where each cell
   * occurs in it.
   */
  readonly tableWidth: number;
  readonly tableRows: number;
  readonly tableCells: Uint32Array;
  readonly tableHitOffsets: Uint32Array;
  readonly tableHits: Uint32Array;
  /** v at each entry of the table, row-major T × width. */
  readonly tableValues: Float64Array;
  /** Prefix sums of the table's rows by length: entry t · T + r is the sum of row r's first t values, t = 0 … width. */
  readonly tablePrefix: Float64Array;
}

/**
 * Checks the inputs of a permutation run and reduces it to a {@link PermutationPlan}: the values
 * to permute and the factor that turns their weighted sum into the statistic.
 * - `gistar`: v = x; scale_i = 1/Σ_j x_j for Gi* and 1/(Σ_j x_j − x_i) for Gi, as `giStar`
 *   reports G (spdep `localG`); where that sum is 0, scale 1 (the test of the weighted sum).
 * - `localMoran`: v = z = x − x̄; scale_i = z_i/m₂ with m₂ = Σz²/n (spdep `localmoran`, mlvar);
 *   NaN everywhere when all values are equal.
 *
 * @param values - one finite value per observation
 * @param weights - CSR weights over the observations (no self links for `localMoran`)
 * @param options - the statistic and the permutation options (default 999 permutations)
 * @param fn - name of the public function, for error messages
 * @returns the plan; its arrays are fresh copies
 * @throws HexreachError `E_ARGUMENT` if the options or weights are invalid, the lengths differ,
 *   a value is not finite, there are fewer than 2 observations (3 for Gi and Local Moran), or
 *   `localMoran` is given self links
 * @example
 * ```ts
 * const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { selfIncluded: true });
 * const plan = preparePermutation([1, 2, 8, 9], w, { statistic: 'gistar' }, 'myFunction');
 * plan.scale; // Float64Array [0.05, 0.05, 0.05, 0.05]: G_i = lag/Σx
 * ```
 */
export function preparePermutation(
  values: ArrayLike<number>,
  weights: SpatialWeights,
  options: PermutationEngineOptions,
  fn: string,
): PermutationPlan {
  assertArgument(
    typeof options === 'object' && options !== null,
    fn,
    'options must be an object naming the statistic',
    options,
  );
  const { statistic } = options;
  assertArgument(
    statistic === 'gistar' || statistic === 'localMoran',
    fn,
    `statistic must be 'gistar' or 'localMoran', got ${String(statistic)}`,
    statistic,
  );
  const resolved = resolvePermutationOptions(options, fn, 999);
  assertArgument(
    resolved.permutations >= 1,
    fn,
    `permutations must be at least 1, got ${resolved.permutations}`,
    resolved.permutations,
  );
  assertWeights(weights, fn);
  const { n, selfIncluded } = weights;
  assertArgument(
    values?.length === n,
    fn,
    `values has ${values?.length} entries but the weights cover ${n} observations`,
    values?.length,
  );
  const minimum = statistic === 'gistar' && selfIncluded ? 2 : 3;
  assertArgument(n >= minimum, fn, `needs at least ${minimum} observations, got ${n}`, n);
  assertArgument(
    statistic !== 'localMoran' || !selfIncluded,
    fn,
    'localMoran needs weights without self links (spdep localmoran refuses them too)',
    selfIncluded,
  );
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    assertArgument(Number.isFinite(v), fn, `values[${i}] = ${v} is not a finite number`, {
      index: i,
      value: v,
    });
    x[i] = v;
  }

  const scale = new Float64Array(n);
  const reported = new Uint8Array(n).fill(1);
  let v: Float64Array;
  if (statistic === 'gistar') {
    v = x;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i]; // as giStar's Σx, so that G matches it exactly
    for (let i = 0; i < n; i++) {
      const denominator = selfIncluded ? sum : sum - x[i];
      if (denominator === 0) {
        scale[i] = 1;
        reported[i] = 0;
      } else {
        scale[i] = 1 / denominator; // spdep localG: G_i = lag/Σx (Gi*), lag/(Σx − x_i) (Gi)
      }
    }
  } else {
    v = centredValues(x);
    let squares = 0;
    for (let i = 0; i < n; i++) squares += v[i] * v[i];
    const m2 = squares / n; // spdep localmoran, mlvar = TRUE: s² = Σz²/n
    let allEqual = true;
    for (let i = 1; i < n && allEqual; i++) allEqual = x[i] === x[0];
    for (let i = 0; i < n; i++) scale[i] = allEqual ? Number.NaN : v[i] / m2; // I_i = (z_i/s²)·Σ_j w_ij z_j
  }
  let maxAbsValue = 0;
  for (let i = 0; i < n; i++) maxAbsValue = Math.max(maxAbsValue, Math.abs(v[i]));
  // Numbers and typed arrays only, so that the plan can be shared with worker threads.
  const { runner: _, ...settings } = resolved;
  return {
    n,
    ...settings,
    offsets: weights.offsets.slice(),
    neighbors: weights.neighbors.slice(),
    weights: weights.weights.slice(),
    values: v,
    scale,
    reported,
    maxAbsValue,
    ...tableOf(
      resolved.scheme === 'lookup-table',
      weights,
      v,
      resolved.permutations,
      resolved.seed,
    ),
  };
}

/** The `lookup-table` fields of a plan: the drawn table and the values and prefix sums at it. */
function tableOf(
  wanted: boolean,
  weights: SpatialWeights,
  v: Float64Array,
  permutations: number,
  seed: number,
) {
  if (!wanted) {
    return {
      tableWidth: 0,
      tableRows: 0,
      tableCells: new Uint32Array(0),
      tableHitOffsets: new Uint32Array(0),
      tableHits: new Uint32Array(0),
      tableValues: new Float64Array(0),
      tablePrefix: new Float64Array(0),
    };
  }
  const { n } = weights;
  const width = lookupTableWidth(weights);
  // Each cell reads a window of R of the T rows: 64 windows' worth, so that two cells' windows
  // overlap little and their p-values are nearly independent, within the table's bound.
  const T = Math.max(
    permutations,
    Math.min(TABLE_ROWS_PER_PERMUTATION * permutations, Math.floor(MAX_TABLE_ENTRIES / width)),
  );
  const table = drawPermutationTable(n, T, width, seed);
  const tableValues = new Float64Array(table.cells.length);
  for (let p = 0; p < tableValues.length; p++) tableValues[p] = v[table.cells[p]];
  const tablePrefix = new Float64Array((width + 1) * T);
  for (let r = 0; r < T; r++) {
    let sum = 0;
    for (let t = 0; t < width; t++) {
      sum += tableValues[r * width + t];
      tablePrefix[(t + 1) * T + r] = sum;
    }
  }
  return {
    tableWidth: width,
    tableRows: T,
    tableCells: table.cells,
    tableHitOffsets: table.hitOffsets,
    tableHits: table.hits,
    tableValues,
    tablePrefix,
  };
}
