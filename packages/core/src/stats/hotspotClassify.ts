import { assertArgument } from '../errors.js';

/** The categories of sfhotspot's `hotspot_classify`, with its labels. */
export type HotspotClass =
  | 'persistent hotspot'
  | 'emerging hotspot'
  | 'former hotspot'
  | 'intermittent hotspot'
  | 'persistent coldspot'
  | 'emerging coldspot'
  | 'former coldspot'
  | 'intermittent coldspot'
  | 'mixed hot/coldspot'
  | 'no pattern';

/** Options of {@link hotspotClassify}: sfhotspot's `hotspot_classify_params`, same defaults. */
export interface HotspotClassifyOptions {
  /** Least share of steps (overall, recent or older) that makes a hot/cold spot of any kind. Default 0.1. */
  readonly hotspotProp?: number;
  /** Least share of all steps hot (cold) for a persistent hot (cold) spot. Default 0.8. */
  readonly persistentProp?: number;
  /** Share of the steps, counted from the end, that are "recent". Default 0.2. */
  readonly recentProp?: number;
}

/** Per-cell classification by {@link hotspotClassify}. */
export interface HotspotClassifyResult {
  /** Category of each cell. */
  readonly category: readonly HotspotClass[];
  /** Number of steps treated as recent (the last ones). */
  readonly recentSteps: number;
}

/**
 * Matt Ashby's simpler hot spot classification (R sfhotspot `hotspot_classify`, after Chainey
 * 2020, Understanding Crime), from each cell's per-step hot/cold status. With T steps, the last
 * r = ⌊recentProp·T⌋ steps are recent (r = 1 when that is 0 or T) and the others older; for hot
 * spots (cold spots alike, on the cold steps):
 * - persistent: hot in ≥ persistentProp of all steps;
 * - emerging: hot in < hotspotProp of the older steps and ≥ hotspotProp of the recent steps;
 * - former: hot in ≥ hotspotProp of the older steps and < hotspotProp of the recent steps;
 * - intermittent: hot in ≥ hotspotProp of all steps;
 * taken in that order; a cell with both a hot and a cold category is `mixed hot/coldspot`.
 *
 * These are the rules sfhotspot documents. Its code (commit c36b28a) differs in two places,
 * both followed here by the documentation: it tests emerging spots against `recent_prop`
 * instead of `hotspot_prop`, and it counts r + 1 columns as the recent steps while dividing by r.
 * sfhotspot itself flags a step significant when its spatial Gi* p (Holm-adjusted per cell
 * across steps) is below `critical_p`; here the status is the caller's, e.g. `emergingHotspots`'s.
 *
 * @param status - per bin, step-major (`status[t·n + c]`): +1 significant hot, −1 significant
 *   cold, 0 neither
 * @param steps - number of time steps T (≥ 2: at least one recent and one older step)
 * @param options - `hotspotProp` (0.1), `persistentProp` (0.8), `recentProp` (0.2), each in (0, 1)
 * @returns the category of each of the n = status.length / T cells and the number of recent steps
 * @throws HexreachError `E_ARGUMENT` if `steps` < 2 or does not divide the status length, a
 *   status is not −1, 0 or 1, or a proportion is not in (0, 1)
 * @example
 * ```ts
 * // One cell over ten steps, hot only in the last two (recent) steps.
 * hotspotClassify([0, 0, 0, 0, 0, 0, 0, 0, 1, 1], 10).category; // ['emerging hotspot']
 * ```
 */
export function hotspotClassify(
  status: ArrayLike<number>,
  steps: number,
  options: HotspotClassifyOptions = {},
): HotspotClassifyResult {
  const fn = 'hotspotClassify';
  const hotspotProp = options.hotspotProp ?? 0.1;
  const persistentProp = options.persistentProp ?? 0.8;
  const recentProp = options.recentProp ?? 0.2;
  for (const [name, value] of [
    ['hotspotProp', hotspotProp],
    ['persistentProp', persistentProp],
    ['recentProp', recentProp],
  ] as const)
    assertArgument(value > 0 && value < 1, fn, `${name} must be in (0, 1), got ${value}`, value);
  assertArgument(
    Number.isInteger(steps) && steps >= 2,
    fn,
    `steps must be an integer >= 2 (one recent and one older step), got ${steps}`,
    steps,
  );
  assertArgument(
    status.length % steps === 0,
    fn,
    `status has ${status.length} values, not a multiple of ${steps} steps`,
    status.length,
  );
  for (let b = 0; b < status.length; b++) {
    const s = status[b];
    assertArgument(s === 1 || s === 0 || s === -1, fn, `status[${b}] = ${s} is not −1, 0 or 1`, {
      index: b,
      value: s,
    });
  }

  const n = status.length / steps;
  let recentSteps = Math.floor(recentProp * steps);
  // sfhotspot: with no recent step, or no older one, the final step alone is recent.
  if (recentSteps < 1 || recentSteps >= steps) recentSteps = 1;
  const olderSteps = steps - recentSteps;
  const category: HotspotClass[] = new Array(n);
  const older = new Uint32Array(2); // [hot, cold] in the older steps
  const recent = new Uint32Array(2);
  for (let c = 0; c < n; c++) {
    older.fill(0);
    recent.fill(0);
    for (let t = 0; t < steps; t++) {
      const s = status[t * n + c];
      if (s === 0) continue;
      const counts = t < olderSteps ? older : recent;
      counts[s > 0 ? 0 : 1]++;
    }
    const classify = (side: 0 | 1, kind: 'hotspot' | 'coldspot'): HotspotClass | undefined => {
      const all = (older[side] + recent[side]) / steps;
      const olderShare = older[side] / olderSteps;
      const recentShare = recent[side] / recentSteps;
      if (all >= persistentProp) return `persistent ${kind}`;
      if (olderShare < hotspotProp && recentShare >= hotspotProp) return `emerging ${kind}`;
      if (olderShare >= hotspotProp && recentShare < hotspotProp) return `former ${kind}`;
      if (all >= hotspotProp) return `intermittent ${kind}`;
      return undefined;
    };
    const hot = classify(0, 'hotspot');
    const cold = classify(1, 'coldspot');
    category[c] =
      hot !== undefined && cold !== undefined
        ? 'mixed hot/coldspot'
        : (hot ?? cold ?? 'no pattern');
  }
  return { category, recentSteps };
}
