import { assertArgument } from '../errors.js';
import { checkedTotal } from './gini.js';

/**
 * The share of incidents in the top `cellShare` of cells — "50 % of incidents happen in 4.5 % of
 * places" (Weisburd 2015, the law of crime concentration): cells sorted from most to fewest
 * incidents, the incidents of the first cellShare·N cells over all incidents. When cellShare·N
 * is not whole, the last cell counts in proportion (the concentration curve read at cellShare),
 * so the share rises continuously with cellShare.
 *
 * @param counts - incidents per cell, finite and ≥ 0
 * @param cellShare - share of cells in [0, 1], e.g. 0.05 for the top 5 %
 * @returns the share of incidents in [0, 1]; NaN when every count is 0
 * @throws HexreachError `E_ARGUMENT` if `counts` is empty or has a negative or non-finite
 *   count, or `cellShare` is not in [0, 1]
 * @example
 * ```ts
 * concentrationShare([10, 8, 2, 0, 0, 0, 0, 0, 0, 0], 0.1);  // 0.5: the top cell holds half
 * concentrationShare([10, 8, 2, 0, 0, 0, 0, 0, 0, 0], 0.15); // 0.7: and half of the next one's 8
 * ```
 */
export function concentrationShare(counts: ArrayLike<number>, cellShare: number): number {
  assertArgument(
    cellShare >= 0 && cellShare <= 1,
    'concentrationShare',
    `cellShare must be in [0, 1], got ${cellShare}`,
    cellShare,
  );
  const total = checkedTotal(counts, 'concentrationShare');
  if (total === 0) return Number.NaN;
  const n = counts.length;
  const sorted = Float64Array.from(counts).sort().reverse();
  const cellsTaken = cellShare * n;
  const whole = Math.floor(cellsTaken);
  let held = 0;
  for (let k = 0; k < whole; k++) held += sorted[k];
  if (whole < n) held += (cellsTaken - whole) * sorted[whole];
  return Math.min(1, held / total);
}
