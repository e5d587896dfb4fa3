import { assertArgument } from '../errors.js';

/** The seventeen patterns of ArcGIS Pro's Emerging Hot Spot Analysis, with its labels. */
export type EmergingPattern =
  | 'New Hot Spot'
  | 'Consecutive Hot Spot'
  | 'Intensifying Hot Spot'
  | 'Persistent Hot Spot'
  | 'Diminishing Hot Spot'
  | 'Sporadic Hot Spot'
  | 'Oscillating Hot Spot'
  | 'Historical Hot Spot'
  | 'New Cold Spot'
  | 'Consecutive Cold Spot'
  | 'Intensifying Cold Spot'
  | 'Persistent Cold Spot'
  | 'Diminishing Cold Spot'
  | 'Sporadic Cold Spot'
  | 'Oscillating Cold Spot'
  | 'Historical Cold Spot'
  | 'No Pattern Detected';

/** Every pattern, hot spots first, in ArcGIS's order. */
export const EMERGING_PATTERNS: readonly EmergingPattern[] = [
  'New Hot Spot',
  'Consecutive Hot Spot',
  'Intensifying Hot Spot',
  'Persistent Hot Spot',
  'Diminishing Hot Spot',
  'Sporadic Hot Spot',
  'Oscillating Hot Spot',
  'Historical Hot Spot',
  'New Cold Spot',
  'Consecutive Cold Spot',
  'Intensifying Cold Spot',
  'Persistent Cold Spot',
  'Diminishing Cold Spot',
  'Sporadic Cold Spot',
  'Oscillating Cold Spot',
  'Historical Cold Spot',
  'No Pattern Detected',
];

/**
 * The classification rules of {@link emergingPattern}, as markdown for the README: ArcGIS Pro's
 * definitions (Esri, "How Emerging Hot Spot Analysis works", pro.arcgis.com, tool reference
 * space-time-pattern-mining/learnmoreemerging.htm), stated as the exact conditions applied,
 * with the precedence used where the published wording lets two patterns match.
 */
export const EMERGING_HOTSPOT_RULES = `Each cell has a series of T time steps. In step t the cell is **hot** when its space-time
Gi* z-score is positive and significant, **cold** when it is negative and significant:
significant means a Benjamini–Hochberg adjusted p ≤ α among the n cells of that step (FDR per
step, the default, as ArcGIS Pro), or p < α without FDR; α = 0.05 by default, p two-sided. H and C
count the hot and cold steps; "at least 90 %" means 10·H ≥ 9·T. The **trend** is the
Mann–Kendall test of the cell's Gi* z-score series (two-sided, continuity-corrected normal
approximation with the tie correction); it is significant when its p < α_trend (default α).

| Pattern | ArcGIS definition | Exact rule applied |
|---|---|---|
| New Hot Spot | Significant hot spot in the final step; never a significant hot spot before. | Final step hot; H = 1; C = 0 (a cold history makes it oscillating); H < 90 %. |
| Consecutive Hot Spot | A single uninterrupted run of at least two significant hot spot steps at the end; never hot before that run; less than 90 % of steps hot. | The hot steps are exactly the final run, of length ≥ 2; C = 0; H < 90 %. |
| Intensifying Hot Spot | Hot for at least 90 % of the steps, including the final step; the intensity of clustering of high counts increases overall, significantly. | H ≥ 90 %; final step hot; trend significant with z > 0. |
| Persistent Hot Spot | Hot for at least 90 % of the steps with no discernible trend in the intensity of clustering. | H ≥ 90 %; final step hot; trend not significant. |
| Diminishing Hot Spot | Hot for at least 90 % of the steps, including the final step; the intensity of clustering decreases overall, significantly. | H ≥ 90 %; final step hot; trend significant with z < 0. |
| Sporadic Hot Spot | Hot in the final step with an on-again, off-again history of being hot; less than 90 % of steps hot; never a significant cold spot. | Final step hot; H < 90 %; C = 0; hot in some step before the final run of hot steps. |
| Oscillating Hot Spot | Hot in the final step with a history of being a significant cold spot in an earlier step; less than 90 % of steps hot. | Final step hot; H < 90 %; C ≥ 1. |
| Historical Hot Spot | The most recent step is not hot, but at least 90 % of the steps were hot. | Final step not hot; H ≥ 90 %. |
| Cold spot patterns | The same eight definitions with hot and cold exchanged. | Mirror rules: intensifying cold spot = significant trend with z < 0 (ever lower z), diminishing cold spot = significant trend with z > 0. |
| No Pattern Detected | None of the above. | None of the above. |

Precedence, where the published wording lets two patterns match: (1) the side is decided by
the final step — hot final step: only hot patterns; cold final step: only cold patterns; neither:
Historical Hot Spot if H ≥ 90 %, Historical Cold Spot if C ≥ 90 %, otherwise No Pattern Detected
(so a location hot in ≥ 90 % of steps but not in the last one is historical, not persistent);
(2) with a hot final step, H ≥ 90 % gives Intensifying, Diminishing or Persistent by the trend;
(3) otherwise a cold step anywhere gives Oscillating, before New and Consecutive; (4) then New
(H = 1), Consecutive (one final run of ≥ 2 steps), and Sporadic for the rest. Cold spots mirror
this. A single-step series with a hot step is Persistent (the trend is undefined, hence not
significant).`;

/** Options of {@link emergingPattern}. */
export interface EmergingPatternOptions {
  /** Significance level of the trend test: significant when its p < trendAlpha. Default 0.05. */
  readonly trendAlpha?: number;
}

/**
 * The Emerging Hot Spot Analysis pattern of one location (ArcGIS Pro), from its per-step hot/cold
 * status and the Mann–Kendall trend of its Gi* z-scores. The rules and their precedence are
 * {@link EMERGING_HOTSPOT_RULES}.
 *
 * @param status - per step in time order: +1 significant hot spot, −1 significant cold spot, 0 neither
 * @param trend - the Mann–Kendall `z` and two-sided `p` of the location's Gi* z-score series
 *   (NaN: undefined, treated as not significant)
 * @param options - `trendAlpha` (default 0.05)
 * @returns the pattern label
 * @throws HexreachError `E_ARGUMENT` if `status` is empty or holds anything but −1, 0, 1, or
 *   `trendAlpha` is not in (0, 1)
 * @example
 * ```ts
 * emergingPattern([0, 0, 0, 0, 1], { z: 1.2, p: 0.23 });        // 'New Hot Spot'
 * emergingPattern([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { z: 3.1, p: 0.002 }); // 'Intensifying Hot Spot'
 * ```
 */
export function emergingPattern(
  status: ArrayLike<number>,
  trend: { readonly z: number; readonly p: number },
  options: EmergingPatternOptions = {},
): EmergingPattern {
  const trendAlpha = options.trendAlpha ?? 0.05;
  // Conditions are tested before the messages are built: this runs once per cell.
  if (!(trendAlpha > 0 && trendAlpha < 1)) {
    assertArgument(
      false,
      'emergingPattern',
      `trendAlpha must be in (0, 1), got ${trendAlpha}`,
      trendAlpha,
    );
  }
  const steps = status.length;
  assertArgument(steps >= 1, 'emergingPattern', 'status must have at least one step', steps);
  for (let t = 0; t < steps; t++) {
    const s = status[t];
    if (!(s === 1 || s === 0 || s === -1)) {
      assertArgument(false, 'emergingPattern', `status[${t}] = ${s} is not −1, 0 or 1`, {
        index: t,
        value: s,
      });
    }
  }
  const significantTrend = trend.p < trendAlpha; // false for NaN
  return classifySeries(status, significantTrend ? Math.sign(trend.z) : 0);
}

/** The pattern of a validated status series whose significant trend direction is `trendSign`. */
function classifySeries(status: ArrayLike<number>, trendSign: number): EmergingPattern {
  const steps = status.length;
  let hot = 0;
  let cold = 0;
  for (let t = 0; t < steps; t++) {
    if (status[t] > 0) hot++;
    else if (status[t] < 0) cold++;
  }
  const final = status[steps - 1];
  const mostly = (count: number) => 10 * count >= 9 * steps; // at least 90 % of the steps
  if (final === 0) {
    if (mostly(hot)) return 'Historical Hot Spot';
    if (mostly(cold)) return 'Historical Cold Spot';
    return 'No Pattern Detected';
  }
  const isHot = final > 0;
  const same = isHot ? hot : cold;
  const opposite = isHot ? cold : hot;
  // A trend in the direction of the spot's sign strengthens it: up for hot, down for cold.
  const strengthening = isHot ? trendSign : -trendSign;
  if (mostly(same)) {
    if (strengthening > 0) return isHot ? 'Intensifying Hot Spot' : 'Intensifying Cold Spot';
    if (strengthening < 0) return isHot ? 'Diminishing Hot Spot' : 'Diminishing Cold Spot';
    return isHot ? 'Persistent Hot Spot' : 'Persistent Cold Spot';
  }
  if (opposite > 0) return isHot ? 'Oscillating Hot Spot' : 'Oscillating Cold Spot';
  if (same === 1) return isHot ? 'New Hot Spot' : 'New Cold Spot';
  let run = 0;
  while (run < steps && status[steps - 1 - run] === final) run++;
  if (run === same) return isHot ? 'Consecutive Hot Spot' : 'Consecutive Cold Spot';
  return isHot ? 'Sporadic Hot Spot' : 'Sporadic Cold Spot';
}
