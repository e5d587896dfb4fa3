import { assertArgument } from '../errors.js';
import { checkedTotal } from './gini.js';

/** Options of {@link lorenzCurve}. */
export interface LorenzCurveOptions {
  /**
   * false (default): the Lorenz curve, cells from fewest to most incidents (below the diagonal).
   * true: the concentration curve of crime-and-place studies, cells from most to fewest (above
   * it): point k is the share of incidents in the top k cells.
   */
  readonly descending?: boolean;
}

/** Points of a Lorenz (or concentration) curve, from (0, 0) to (1, 1). */
export interface LorenzCurve {
  /** Cumulative share of cells k/N, k = 0 … N. */
  readonly cellShare: Float64Array;
  /** Cumulative share of incidents held by those k cells, aligned with `cellShare`. */
  readonly incidentShare: Float64Array;
  /**
   * Share of cells that hold an incident under maximal equality, min(1, n/N) for n incidents
   * (Bernasco & Steenbeek 2017): when n < N the line of maximal equality reaches 1 there, not at
   * the corner (ascending: it runs from (1 − n/N, 0) to (1, 1); descending: from (0, 0) to (n/N, 1)).
   */
  readonly maximalEqualityShare: number;
}

/**
 * The Lorenz curve of incident counts over cells: the cells sorted by count, the cumulative
 * share of cells against the cumulative share of incidents, one point per cell plus the origin
 * (Lorenz 1905; as plotted by the lorenzgini R package). The Gini coefficient is twice the area
 * between the diagonal and the ascending curve.
 *
 * @param counts - incidents per cell, finite and ≥ 0, not all 0
 * @param options - `descending` (default false)
 * @returns N + 1 points and the share of cells reached by the line of maximal equality
 * @throws HexreachError `E_ARGUMENT` if `counts` is empty, all 0, or has a negative or
 *   non-finite count
 * @example
 * ```ts
 * lorenzCurve([0, 1, 3]).incidentShare;                       // Float64Array [0, 0, 0.25, 1]
 * lorenzCurve([0, 1, 3], { descending: true }).incidentShare; // Float64Array [0, 0.75, 1, 1]
 * ```
 */
export function lorenzCurve(
  counts: ArrayLike<number>,
  options: LorenzCurveOptions = {},
): LorenzCurve {
  const descending = options.descending ?? false;
  const total = checkedTotal(counts, 'lorenzCurve');
  assertArgument(total > 0, 'lorenzCurve', 'counts must not all be 0', total);
  const n = counts.length;
  const sorted = Float64Array.from(counts).sort();
  if (descending) sorted.reverse();
  const cellShare = new Float64Array(n + 1);
  const incidentShare = new Float64Array(n + 1);
  let running = 0;
  for (let k = 1; k <= n; k++) {
    running += sorted[k - 1];
    cellShare[k] = k / n;
    incidentShare[k] = running / total;
  }
  incidentShare[n] = 1; // the sum in order may differ from the total in the last bit
  return { cellShare, incidentShare, maximalEqualityShare: Math.min(1, total / n) };
}
