import { assertArgument } from '../errors.js';
import { getOwn } from '../util/getOwn.js';
import { mulberry32 } from '../util/random.js';
import { dirichlet } from './dirichlet.js';
import { weightedScore } from './weightedScore.js';

/** Options of {@link weightRobustness}. */
export interface WeightRobustnessOptions {
  /** Number of weightings drawn, an integer ≥ 1 (default 200). */
  readonly draws?: number;
  /**
   * κ, how closely the drawn weights follow the configured ones (default 20): weights are drawn
   * from Dirichlet(κ·w) with w the configured weights rescaled to sum to 1, so each drawn weight
   * has mean wₖ and standard deviation √(wₖ(1 − wₖ)/(κ + 1)). With the default, a weight of 0.4
   * varies by about ±0.11; κ = 100 gives about ±0.05; `Infinity` uses the configured weights
   * in every draw (no perturbation). Larger is closer to the configured weights.
   */
  readonly concentration?: number;
  /** Seed of the generator (mulberry32), any 32-bit integer (default 0). */
  readonly seed?: number;
}

/** Result of {@link weightRobustness}. */
export interface WeightRobustnessResult {
  /** Per cell, the share of draws in which it was selected (0–1). */
  readonly probability: Float64Array;
  /** The selection under the configured weights, for comparison with the draws. */
  readonly baseSelected: Uint8Array;
  /** The component names, in the order of `weights` columns (the order of the configured weights). */
  readonly components: readonly string[];
  /** The configured weights rescaled to sum to 1, in `components` order. */
  readonly baseWeights: Float64Array;
  /** Number of draws made. */
  readonly draws: number;
  /** The weights of each draw, draw-major: component `k` of draw `d` is at `d × components.length + k`. */
  readonly weights: Float64Array;
  /** Number of cells selected in each draw. */
  readonly selectedCount: Uint32Array;
  /**
   * Per draw, the Jaccard index |A ∩ B| / |A ∪ B| of its selection A with the base selection B:
   * 1 when they are the same (or both empty), 0 when they share no cell.
   */
  readonly agreement: Float64Array;
}

/**
 * How robust a selection of priority cells is to the choice of weights: Monte-Carlo draws of
 * the weights from a Dirichlet distribution centred on the configured ones (as in the weight
 * sensitivity analyses of composite indicators, Saisana, Saltelli & Tarantola 2005, J. R. Stat.
 * Soc. A 168(2)), each scored exactly as `priorityScore` scores (weights rescaled per cell over
 * the components it has; see `weightedScore`) and passed to `select`; the result is, per cell,
 * the share of draws that selected it. Components with a configured weight of 0 stay at 0 in
 * every draw. Draws are made in order from one mulberry32 generator, so the same seed gives the
 * same output.
 *
 * @param normalized - the normalised components by name, e.g. `priorityScore(…).normalized`;
 *   columns that `weights` does not name are not used
 * @param weights - the configured weights by name (e.g. `priorityScore(…).weights`), each
 *   finite and ≥ 0, at least one > 0; their key order fixes the order of the components
 * @param select - turns a score (one per cell; the array is reused between draws, so copy it to
 *   keep it) into a mask of selected cells, e.g. `(s) => selectCells(s, { threshold: 0.8 })`
 * @param options - `draws` (default 200), `concentration` κ (default 20), `seed` (default 0)
 * @returns per-cell selection probability, the base selection, and each draw's weights, size
 *   and agreement with the base selection
 * @throws HexreachError `E_ARGUMENT` when `weights` is empty, names a column that `normalized`
 *   lacks, holds a negative or non-finite weight or only zeros, when the columns differ in
 *   length, `draws` is not an integer ≥ 1, `concentration` is not > 0, `seed` is not an
 *   integer, or `select` returns a mask of the wrong length
 * @example
 * ```ts
 * const priority = priorityScore(components);
 * const robust = weightRobustness(priority.normalized, priority.weights, (s) =>
 *   selectCells(s, { threshold: 0.8 }), { draws: 200, concentration: 20, seed: 1 });
 * robust.probability; // per cell, the share of the 200 weightings that select it
 * ```
 */
export function weightRobustness(
  normalized: Readonly<Record<string, ArrayLike<number>>>,
  weights: Readonly<Record<string, number>>,
  select: (score: Float64Array) => Uint8Array,
  options: WeightRobustnessOptions = {},
): WeightRobustnessResult {
  const fn = 'weightRobustness';
  const { draws, concentration, seed } = resolveOptions(options);
  const { components, columns, total } = componentColumns(normalized, weights);
  const n = columns[0].length;
  const baseWeights = Float64Array.from(components, (name) => weights[name] / total);
  const score = new Float64Array(n);
  const selectInto = (w: ArrayLike<number>): Uint8Array => {
    // The configured weights as given, so that the base score is priorityScore's to the last bit.
    const mask = select(weightedScore(columns, w, { out: score }));
    assertArgument(
      mask.length === n,
      fn,
      `select must return one entry per cell (${n}), got ${mask.length}`,
      mask.length,
    );
    return mask;
  };
  const configured = components.map((name) => weights[name]);
  const baseSelected = Uint8Array.from(selectInto(configured));
  let baseCount = 0;
  for (let i = 0; i < n; i++) if (baseSelected[i] !== 0) baseCount++;

  const random = mulberry32(seed);
  const alpha = Array.from(baseWeights, (w) => concentration * w);
  const k = components.length;
  const drawnWeights = new Float64Array(draws * k);
  const selectedCount = new Uint32Array(draws);
  const agreement = new Float64Array(draws);
  const hits = new Uint32Array(n);
  for (let d = 0; d < draws; d++) {
    const perturbed = Number.isFinite(concentration);
    const w = perturbed ? dirichlet(alpha, random) : baseWeights;
    drawnWeights.set(w, d * k);
    const mask = selectInto(perturbed ? w : configured);
    let count = 0;
    let both = 0;
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0) continue;
      hits[i]++;
      count++;
      if (baseSelected[i] !== 0) both++;
    }
    selectedCount[d] = count;
    const union = count + baseCount - both;
    agreement[d] = union === 0 ? 1 : both / union;
  }
  const probability = new Float64Array(n);
  for (let i = 0; i < n; i++) probability[i] = hits[i] / draws;
  return {
    probability,
    baseSelected,
    components,
    baseWeights,
    draws,
    weights: drawnWeights,
    selectedCount,
    agreement,
  };
}

/** The options with their defaults, checked. */
function resolveOptions(options: WeightRobustnessOptions): {
  draws: number;
  concentration: number;
  seed: number;
} {
  const fn = 'weightRobustness';
  const draws = options.draws ?? 200;
  const concentration = options.concentration ?? 20;
  const seed = options.seed ?? 0;
  assertArgument(
    Number.isInteger(draws) && draws >= 1,
    fn,
    `draws must be an integer >= 1, got ${draws}`,
    draws,
  );
  assertArgument(
    concentration > 0,
    fn,
    `concentration must be greater than 0 (Infinity for no perturbation), got ${concentration}`,
    concentration,
  );
  assertArgument(Number.isInteger(seed), fn, `seed must be an integer, got ${seed}`, seed);
  return { draws, concentration, seed };
}

/**
 * The components the weights name, their columns and the weights' total; checks that every
 * column exists with the same length and every weight is finite and ≥ 0, one at least > 0.
 */
function componentColumns(
  normalized: Readonly<Record<string, ArrayLike<number>>>,
  weights: Readonly<Record<string, number>>,
): { components: string[]; columns: ArrayLike<number>[]; total: number } {
  const fn = 'weightRobustness';
  const components = Object.keys(weights);
  assertArgument(components.length > 0, fn, 'weights must name at least one component', weights);
  let total = 0;
  for (const name of components) {
    assertArgument(
      getOwn(normalized, name) !== undefined,
      fn,
      `weights name the component "${name}", which normalized does not have`,
      name,
    );
    const w = weights[name];
    assertArgument(
      Number.isFinite(w) && w >= 0,
      fn,
      `component "${name}" has weight ${w}; weights must be finite and >= 0`,
      w,
    );
    total += w;
  }
  assertArgument(total > 0, fn, 'at least one weight must be greater than 0', weights);
  const columns = components.map((name) => normalized[name]);
  const n = columns[0].length;
  for (let k = 1; k < columns.length; k++)
    assertArgument(
      columns[k].length === n,
      fn,
      `component "${components[k]}" has ${columns[k].length} values, expected ${n}`,
      columns[k].length,
    );
  return { components, columns, total };
}
