import { assertArgument } from '../errors.js';

/** How well a zone survives changed assumptions. */
export type RobustnessLabel = 'robust' | 'moderate' | 'fragile';

/** Options of {@link zoneRobustness}; every threshold is a probability 0–1. */
export interface ZoneRobustnessOptions {
  /** A zone whose mean probability is at least this is `robust` (default 0.8). */
  readonly robust?: number;
  /** A zone below `robust` whose mean probability is at least this is `moderate` (default 0.5); below, `fragile`. */
  readonly moderate?: number;
  /** A cell counts as stable when its probability is at least this (default 0.5: selected in most draws). */
  readonly stableAt?: number;
}

/** The robustness of one zone. */
export interface ZoneRobustness {
  /** Number of cells in the zone. */
  readonly cellCount: number;
  /** Mean selection probability over the zone's cells. */
  readonly meanProbability: number;
  /** Share of the zone's cells whose probability is at least `stableAt` (0–1). */
  readonly stableShare: number;
  /** `robust`, `moderate` or `fragile`, from `meanProbability` and the thresholds. */
  readonly label: RobustnessLabel;
}

/**
 * Sums up, per zone, how often its cells were selected when the assumptions changed (weights,
 * resolution; see `weightRobustness` and `combineRobustness`): the mean probability over its
 * cells, the share of its cells selected in at least half of the draws, and a label a planner
 * can read: `robust` (mean ≥ 0.8 by default), `moderate` (≥ 0.5) or `fragile`.
 *
 * @param zoneOfCell - the zone of each cell (0-based, e.g. `analyze(…).zoneOfCell`), −1 for none
 * @param probability - each cell's selection probability (0–1), aligned with `zoneOfCell`
 * @param options - thresholds `robust` (0.8), `moderate` (0.5) and `stableAt` (0.5)
 * @returns one entry per zone, indexed by zone (0 … largest zone index)
 * @throws HexreachError `E_ARGUMENT` when the columns differ in length, a probability is not in
 *   0–1, a zone index is below −1 or not an integer, a zone index in 0 … max has no cell, or the
 *   thresholds are not 0 ≤ moderate ≤ robust ≤ 1 and 0 ≤ stableAt ≤ 1
 * @example
 * ```ts
 * const robust = weightRobustness(priority.normalized, priority.weights, select, { seed: 1 });
 * zoneRobustness(result.zoneOfCell, robust.probability)[0].label; // 'robust'
 * ```
 */
export function zoneRobustness(
  zoneOfCell: ArrayLike<number>,
  probability: ArrayLike<number>,
  options: ZoneRobustnessOptions = {},
): ZoneRobustness[] {
  const fn = 'zoneRobustness';
  const robust = options.robust ?? 0.8;
  const moderate = options.moderate ?? 0.5;
  const stableAt = options.stableAt ?? 0.5;
  assertArgument(
    moderate >= 0 && moderate <= robust && robust <= 1,
    fn,
    `thresholds must satisfy 0 <= moderate <= robust <= 1, got moderate ${moderate}, robust ${robust}`,
    { moderate, robust },
  );
  assertArgument(
    stableAt >= 0 && stableAt <= 1,
    fn,
    `stableAt must be in 0–1, got ${stableAt}`,
    stableAt,
  );
  const n = zoneOfCell.length;
  assertArgument(
    probability.length === n,
    fn,
    `probability must have one entry per cell (${n}), got ${probability.length}`,
    probability.length,
  );
  let zones = 0;
  for (let i = 0; i < n; i++) {
    const z = zoneOfCell[i];
    assertArgument(
      Number.isInteger(z) && z >= -1,
      fn,
      `zone indexes must be integers >= -1, got ${z} at cell ${i}`,
      z,
    );
    const p = probability[i];
    assertArgument(p >= 0 && p <= 1, fn, `probabilities must be in 0–1, got ${p} at cell ${i}`, p);
    if (z + 1 > zones) zones = z + 1;
  }

  const cells = new Uint32Array(zones);
  const sum = new Float64Array(zones);
  const stable = new Uint32Array(zones);
  for (let i = 0; i < n; i++) {
    const z = zoneOfCell[i];
    if (z < 0) continue;
    cells[z]++;
    sum[z] += probability[i];
    if (probability[i] >= stableAt) stable[z]++;
  }
  return Array.from(cells, (count, z) => {
    assertArgument(count > 0, fn, `zone ${z} has no cell`, z);
    const meanProbability = sum[z] / count;
    // A mean that is a threshold in exact arithmetic may land 1 ulp below it (5 × 0.8 / 5).
    const atLeast = (threshold: number) => meanProbability >= threshold - 1e-12;
    return {
      cellCount: count,
      meanProbability,
      stableShare: stable[z] / count,
      label: atLeast(robust) ? 'robust' : atLeast(moderate) ? 'moderate' : 'fragile',
    };
  });
}
