import { assertArgument } from '../errors.js';
import { createRecord } from '../util/createRecord.js';
import { getOwn } from '../util/getOwn.js';
import { type Normalization, normalize } from './normalize.js';

/** One component of the priority score. */
export interface PriorityComponent {
  readonly name: string;
  /** Raw values per cell (higher = more priority); NaN where unknown. */
  readonly values: ArrayLike<number>;
  /** Relative weight, ≥ 0. */
  readonly weight: number;
}

/** Result of {@link priorityScore}; every column has one entry per cell. */
export interface PriorityResult {
  /** The score: Σ wₖ·nₖ over the components the cell has, with weights rescaled to sum to 1. */
  readonly score: Float64Array;
  /** Each component after normalisation, by name. */
  readonly normalized: Readonly<Record<string, Float64Array>>;
  /** Each component's share of the score (wₖ·nₖ with the cell's rescaled weights); they sum to `score`. */
  readonly contributions: Readonly<Record<string, Float64Array>>;
  /** The weights after dividing by their sum, by name. */
  readonly weights: Readonly<Record<string, number>>;
}

/** Options of {@link priorityScore}. */
export interface PriorityScoreOptions {
  /** How each component is put on a 0–1 scale (default `percentile`). */
  readonly normalization?: Normalization;
  /**
   * Components already normalised with the same `normalization`, by name, used as they are (by
   * reference) instead of normalising again: a new weighting of the same components
   * (`createScorer(result).full`) then skips the ranking, which is most of the cost. Each has one entry
   * per cell.
   */
  readonly normalized?: Readonly<Record<string, Float64Array>>;
}

/**
 * An explainable priority score: a weighted sum of normalised components (e.g. hotspot z,
 * crime rate, vulnerability), with each cell's contribution per component kept so that every
 * score can be explained. Weights are divided by their sum; a cell missing a component (NaN)
 * is scored on the components it has, their weights rescaled to sum to 1, and a cell with none
 * gets NaN.
 *
 * @param components - named value columns with weights
 * @param options - normalisation (default `percentile`), and components already normalised
 * @returns score, normalised components, contributions and the weights used
 * @throws HexreachError `E_ARGUMENT` when lengths differ (an already normalised column's too), a
 *   weight is negative or all are 0
 * @example
 * ```ts
 * const p = priorityScore([
 *   { name: 'hotspot', values: [0.5, 2.9, -1], weight: 2 },
 *   { name: 'need', values: [0.1, 0.8, 0.9], weight: 1 },
 * ]);
 * p.score; // [1/3, 5/6, 1/3]
 * ```
 */
export function priorityScore(
  components: readonly PriorityComponent[],
  options: PriorityScoreOptions = {},
): PriorityResult {
  assertArgument(components.length > 0, 'priorityScore', 'needs at least one component');
  const n = components[0].values.length;
  let total = 0;
  for (const c of components) {
    assertArgument(
      c.values.length === n,
      'priorityScore',
      `component "${c.name}" has ${c.values.length} values, expected ${n}`,
    );
    assertArgument(
      c.weight >= 0 && Number.isFinite(c.weight),
      'priorityScore',
      `component "${c.name}" has weight ${c.weight}; weights must be finite and ≥ 0`,
      c.weight,
    );
    total += c.weight;
  }
  assertArgument(total > 0, 'priorityScore', 'at least one weight must be greater than 0');
  const method = options.normalization ?? 'percentile';
  const weights = createRecord<number>();
  const normalized = createRecord<Float64Array>();
  for (const c of components) {
    weights[c.name] = c.weight / total;
    const given = options.normalized === undefined ? undefined : getOwn(options.normalized, c.name);
    assertArgument(
      given === undefined || given.length === n,
      'priorityScore',
      `the normalised column of "${c.name}" has ${given?.length} values, expected ${n}`,
      c.name,
    );
    normalized[c.name] = given ?? normalize(c.values, method);
  }
  // The weight is read once per component, not once per cell: the loops run over every cell.
  const available = new Float64Array(n);
  for (const c of components) {
    const col = normalized[c.name];
    const w = weights[c.name];
    for (let i = 0; i < n; i++) if (!Number.isNaN(col[i])) available[i] += w;
  }
  const score = new Float64Array(n);
  const contributions = createRecord<Float64Array>();
  for (const c of components) {
    const col = normalized[c.name];
    const w = weights[c.name];
    const share = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      share[i] = Number.isNaN(col[i]) || available[i] === 0 ? 0 : (w * col[i]) / available[i];
      score[i] += share[i];
    }
    contributions[c.name] = share;
  }
  for (let i = 0; i < n; i++) if (available[i] === 0) score[i] = Number.NaN;
  return { score, normalized, contributions, weights };
}
