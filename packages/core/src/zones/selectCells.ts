import { assertArgument } from '../errors.js';

/** How {@link selectCells} chooses cells: give exactly one of the two. */
export interface SelectCellsOptions {
  /** Select every cell whose score is at least this value. */
  readonly threshold?: number;
  /** Select the `topN` highest-scoring cells (fewer when fewer cells have a score). */
  readonly topN?: number;
}

/**
 * Marks the cells that make up priority zones: either every cell scoring at least `threshold`,
 * or the `topN` highest-scoring cells. NaN scores (no data) are never selected. With `topN`,
 * cells tied at the cut are taken in ascending cell index, so the same input always gives the
 * same selection.
 *
 * @param score - one score per cell
 * @param options - exactly one of `threshold` (any number but NaN) or `topN` (an integer ≥ 0)
 * @returns a mask with 1 for selected cells and 0 otherwise, aligned with `score`
 * @throws HexreachError `E_ARGUMENT` unless exactly one of `threshold`/`topN` is given, when
 *   `threshold` is NaN, or when `topN` is not a non-negative integer
 * @example
 * ```ts
 * selectCells([0.2, 0.9, 0.5, NaN], { threshold: 0.5 }); // Uint8Array [0, 1, 1, 0]
 * selectCells([0.2, 0.9, 0.5, 0.9], { topN: 2 }); // Uint8Array [0, 1, 0, 1]
 * ```
 */
export function selectCells(score: ArrayLike<number>, options: SelectCellsOptions): Uint8Array {
  const { threshold, topN } = options;
  assertArgument(
    (threshold === undefined) !== (topN === undefined),
    'selectCells',
    'give exactly one of threshold or topN',
    options,
  );
  const n = score.length;
  const mask = new Uint8Array(n);
  if (threshold !== undefined) {
    assertArgument(
      typeof threshold === 'number' && !Number.isNaN(threshold),
      'selectCells',
      `threshold must be a number, got ${threshold}`,
      threshold,
    );
    // `>=` is false for NaN, so cells without a score drop out here.
    for (let i = 0; i < n; i++) if (score[i] >= threshold) mask[i] = 1;
    return mask;
  }
  assertArgument(
    Number.isInteger(topN) && (topN as number) >= 0,
    'selectCells',
    `topN must be an integer >= 0, got ${topN}`,
    topN,
  );
  let scored = 0;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) if (!Number.isNaN(score[i])) order[scored++] = i;
  const candidates = order.subarray(0, scored);
  // Descending score, ascending index on ties: a total order, so the cut is deterministic.
  candidates.sort((a, b) => score[b] - score[a] || a - b);
  const take = Math.min(topN as number, scored);
  for (let r = 0; r < take; r++) mask[candidates[r]] = 1;
  return mask;
}
