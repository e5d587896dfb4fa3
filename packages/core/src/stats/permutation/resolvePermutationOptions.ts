import { assertArgument } from '../../errors.js';
import type { PermutationPValue } from './permutationPValue.js';
import type { PermutationOutput } from './permuteCellRange.js';
import type { PermutationPlan } from './preparePermutation.js';

/**
 * How the neighbours' values are redrawn in each permutation of cell i:
 * - `conditional` (esda `crand`, GeoDa): x_i stays in its own slot (the self link of Gi*
 *   keeps x_i); the |N_i| other slots receive values drawn *without replacement* from the
 *   n − 1 values x_j, j ≠ i.
 * - `spdep` (R spdep `localmoran_perm` and `localG_perm` with `no_repeat_in_row = FALSE`, and
 *   `fix_i_in_Gstar_permutations = FALSE` for Gi*, the only behaviour of `localG_perm` before
 *   spdep 1.3): every slot of row i, the self slot of Gi* included, receives a value drawn *with
 *   replacement* from the n − 1 values x_j, j ≠ i (`sample(x[-i], replace = TRUE)`).
 * - `lookup-table` (after GeoDa's and rgeoda's lookup table): conditional randomisation as
 *   `conditional`, but from one seeded table of 64R draws of neighbour sets shared by the cells
 *   (see `drawPermutationTable`): each cell reads R consecutive rows from an offset its own stream
 *   draws, and with equal weights in its row its R permuted sums are prefix sums of the table,
 *   shared by all cells with as many neighbours, instead of k random draws each — about ten
 *   times faster. Each cell's pseudo p-value is as exact as under `conditional` (the same
 *   distribution); cells whose windows overlap share draws, so their p-values are slightly
 *   dependent. Values differ from `conditional`'s for the same seed. `analyze`'s default.
 * The reference distributions of `conditional` (and `lookup-table`) and `spdep` differ, so pseudo
 * p-values are comparable only within one of them.
 */
export type PermutationScheme = 'conditional' | 'spdep' | 'lookup-table';

/**
 * The tail a pseudo p-value covers, with R permutations giving statistics s_1 … s_R, the
 * observed statistic s and their mean s̄ = Σ s_r / R:
 * - `two-sided`: the p-value `pValue` names (see `PermutationPValue`), by default `folded`:
 *   (M + 1)/(R + 1) with M = #{r : |s_r − s̄| ≥ |s − s̄|}, esda's `alternative = 'folded'`
 *   (esda/significance.py), uniform on [0, 1] under the null.
 * - `greater`: M = #{r : s_r ≥ s} (esda `'greater'`); `less`: M = #{r : s_r ≤ s} (esda `'lesser'`).
 */
export type PermutationAlternative = 'two-sided' | 'greater' | 'less';

/** Permutation options shared by `giStar`, `localMoran` and the permutation engines. */
export interface PermutationOptions {
  /**
   * Number of permutations R. Default 999, except `giStar` (default 0); 0 turns permutation
   * inference off in `giStar` and `localMoran`, while the engines need at least 1.
   */
  readonly permutations?: number;
  /** Seed of the generator (an integer, taken modulo 2³²). Default 0. */
  readonly seed?: number;
  /**
   * How values are redrawn; see {@link PermutationScheme}. Default `conditional`, a stream per
   * cell; `analyze` runs `lookup-table` unless `hotspots.scheme` says otherwise.
   */
  readonly scheme?: PermutationScheme;
  /** Tail of the pseudo p-value; see {@link PermutationAlternative}. Default `two-sided`. */
  readonly alternative?: PermutationAlternative;
  /**
   * Which pseudo p-value `pSim` holds (see `PermutationPValue`): `esda` (esda's default p_sim),
   * `spdep` (spdep's `Pr(z != E(Ii)) Sim`), `folded`, `two-sided` (equal tails), `greater` or
   * `less`. Default: `alternative`'s one-sided p, else `folded`. Given with `alternative`, the
   * two must agree (`two-sided` with any of the first four).
   */
  readonly pValue?: PermutationPValue;
  /**
   * Runs the permutations of a plan's cells (default: in this thread). The output is the same
   * whichever runs them, since each cell draws from its own stream: a runner only adds threads
   * (e.g. `threadedPermutationRunner` in Node).
   */
  readonly runner?: PermutationRunner;
}

/**
 * Fills `output` with the permutation results of every cell of `plan`: `permuteCellRange(plan,
 * 0, plan.n, output)` in this thread, or the same split over threads.
 */
export type PermutationRunner = (plan: PermutationPlan, output: PermutationOutput) => void;

/** Permutation options with every default applied and every value checked. */
export interface ResolvedPermutationOptions {
  readonly permutations: number;
  /** The seed as an unsigned 32-bit integer. */
  readonly seed: number;
  readonly scheme: PermutationScheme;
  readonly alternative: PermutationAlternative;
  readonly pValue: PermutationPValue;
  readonly runner?: PermutationRunner;
}

const P_VALUES: readonly string[] = ['esda', 'spdep', 'folded', 'two-sided', 'greater', 'less'];

/** Above this many permutations per cell the buffers grow without any gain in precision. */
const MAX_PERMUTATIONS = 10_000_000;

/**
 * Applies the defaults of {@link PermutationOptions} and checks each value.
 *
 * @param options - the options as the caller gave them
 * @param fn - name of the public function, for the error message
 * @param defaultPermutations - R when `options.permutations` is not given (999 for the engines,
 *   0 for statistics whose permutations are opt-in)
 * @returns the resolved options; `seed` reduced modulo 2³²
 * @throws HexreachError `E_ARGUMENT` if `permutations` is not an integer in [0, 10⁷], `seed` is
 *   not an integer, `scheme`, `alternative` or `pValue` is unknown, or `pValue` contradicts a
 *   one-sided `alternative`
 * @example
 * ```ts
 * resolvePermutationOptions({ seed: -1 }, 'giStar', 999);
 * // { permutations: 999, seed: 4294967295, scheme: 'conditional', alternative: 'two-sided',
 * //   pValue: 'folded' }
 * ```
 */
export function resolvePermutationOptions(
  options: PermutationOptions,
  fn: string,
  defaultPermutations: number,
): ResolvedPermutationOptions {
  const permutations = options.permutations ?? defaultPermutations;
  const seed = options.seed ?? 0;
  const scheme = options.scheme ?? 'conditional';
  const alternative = options.alternative ?? 'two-sided';
  assertArgument(
    Number.isInteger(permutations) && permutations >= 0 && permutations <= MAX_PERMUTATIONS,
    fn,
    `permutations must be an integer in [0, ${MAX_PERMUTATIONS}], got ${permutations}`,
    permutations,
  );
  assertArgument(Number.isInteger(seed), fn, `seed must be an integer, got ${seed}`, seed);
  assertArgument(
    scheme === 'conditional' || scheme === 'spdep' || scheme === 'lookup-table',
    fn,
    `scheme must be 'conditional', 'spdep' or 'lookup-table', got ${String(scheme)}`,
    scheme,
  );
  assertArgument(
    alternative === 'two-sided' || alternative === 'greater' || alternative === 'less',
    fn,
    `alternative must be 'two-sided', 'greater' or 'less', got ${String(alternative)}`,
    alternative,
  );
  const oneSided = alternative === 'greater' || alternative === 'less';
  const pValue = options.pValue ?? (oneSided ? alternative : 'folded');
  const pValueOneSided = pValue === 'greater' || pValue === 'less';
  assertArgument(
    P_VALUES.includes(pValue),
    fn,
    `pValue must be one of ${P_VALUES.join(', ')}, got ${String(pValue)}`,
    pValue,
  );
  assertArgument(
    options.alternative === undefined || (oneSided ? pValue === alternative : !pValueOneSided),
    fn,
    `pValue '${pValue}' contradicts alternative '${alternative}'`,
    pValue,
  );
  // Reduction modulo 2³² that stays exact for integers beyond 2⁵³ as well.
  const seed32 = Number(BigInt.asUintN(32, BigInt(seed)));
  const tail = pValueOneSided ? pValue : 'two-sided';
  return options.runner === undefined
    ? { permutations, seed: seed32, scheme, alternative: tail, pValue }
    : { permutations, seed: seed32, scheme, alternative: tail, pValue, runner: options.runner };
}
