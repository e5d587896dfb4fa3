import { assertArgument } from '../errors.js';

/**
 * One selection probability per cell from the two kinds of robustness check: the weight draws
 * (`weightRobustness(…).probability`) and the other resolutions (`resolutionAgreement` at r − 1
 * and r + 1). Each check counts once — probability = mean of (weight probability, share at
 * r − 1, share at r + 1) — so that 200 weight draws do not drown out the two resolution checks;
 * a resolution share that is NaN (the other grid says nothing about the cell) is left out of that
 * cell's mean rather than counted as "not selected".
 *
 * @param weightProbability - per cell, the share of weight draws selecting it (0–1)
 * @param resolutionShares - per other resolution, per cell, the share covered there (0–1 or NaN)
 * @returns per cell, the mean of the weight probability and the defined resolution shares
 * @throws HexreachError `E_ARGUMENT` when the columns differ in length, or a weight probability
 *   is not in 0–1, or a resolution share is neither in 0–1 nor NaN
 * @example
 * ```ts
 * const probability = combineRobustness(robust.probability, [
 *   resolutionAgreement(grid, coarse.grid, coarseMask),
 *   resolutionAgreement(grid, fine.grid, fineMask),
 * ]);
 * zoneRobustness(result.zoneOfCell, probability);
 * ```
 */
export function combineRobustness(
  weightProbability: ArrayLike<number>,
  resolutionShares: readonly ArrayLike<number>[] = [],
): Float64Array {
  const fn = 'combineRobustness';
  const n = weightProbability.length;
  for (let r = 0; r < resolutionShares.length; r++)
    assertArgument(
      resolutionShares[r].length === n,
      fn,
      `resolution share ${r} has ${resolutionShares[r].length} entries, expected ${n}`,
      resolutionShares[r].length,
    );
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = weightProbability[i];
    assertArgument(
      p >= 0 && p <= 1,
      fn,
      `weight probabilities must be in 0–1, got ${p} at cell ${i}`,
      p,
    );
    let sum = p;
    let count = 1;
    for (let r = 0; r < resolutionShares.length; r++) {
      const s = resolutionShares[r][i];
      if (Number.isNaN(s)) continue;
      assertArgument(
        s >= 0 && s <= 1,
        fn,
        `resolution shares must be in 0–1 or NaN, got ${s} at cell ${i}`,
        s,
      );
      sum += s;
      count++;
    }
    out[i] = sum / count;
  }
  return out;
}
