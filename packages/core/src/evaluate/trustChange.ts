import type { TrustResult } from '../indicators/trustByCell.js';
import { normalQuantile } from '../stats/normal.js';

/** The change in trust of a zone between two survey waves, against its comparison cells. */
export interface TrustChange {
  /** (zone after − before) − (comparison after − before), on the answer scale; NaN when flagged. */
  readonly change: number;
  readonly low: number;
  readonly high: number;
  /** Empirical-Bayes-shrunk means of the zone, before and after; NaN without answers. */
  readonly before: number;
  readonly after: number;
  /** Answers in the zone, before and after. */
  readonly answersBefore: number;
  readonly answersAfter: number;
  /** Answers in the comparison cells, before and after. */
  readonly comparisonAnswersBefore: number;
  readonly comparisonAnswersAfter: number;
  /** Fewer than the minimum answers in the zone in a wave: reported, not scored. */
  readonly fewAnswers: boolean;
}

/** A group's shrunk mean in one wave and the variance of that mean. */
interface WaveMean {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

/**
 * The difference in differences of mean trust between two survey waves: the zone's change minus
 * its comparison cells' change. Each group's mean is shrunk toward its wave's city mean by
 * empirical Bayes, B = σ²/(σ² + n τ²) with the wave's within- and between-cell variances
 * (trustByCell; Morris 1983, JASA 78(381)), and carries the posterior variance (1 − B) σ²/n; the
 * interval is normal at `confidence`. A zone with fewer than `minAnswers` answers in either
 * wave is flagged and not scored.
 *
 * @param zone - the zone's cells
 * @param comparison - its comparison cells
 * @param waves - trust per cell in the wave before and the wave after (trustByCell)
 * @param options - `minAnswers` (default 10) and `confidence` (default 0.9)
 * @returns the change with its interval, the shrunk means and the answers counted
 * @example
 * ```ts
 * const t = trustChange(zoneCells, comparison.cells, { before: trustBefore, after: trustAfter });
 * t.change; // 0.3: trust rose 0.3 points more in the zone than in its comparison
 * ```
 */
export function trustChange(
  zone: ArrayLike<number>,
  comparison: ArrayLike<number>,
  waves: { readonly before: TrustResult; readonly after: TrustResult },
  options: { readonly minAnswers?: number; readonly confidence?: number } = {},
): TrustChange {
  const minAnswers = options.minAnswers ?? 10;
  const z = normalQuantile((1 + (options.confidence ?? 0.9)) / 2);
  const zb = waveMean(waves.before, zone);
  const za = waveMean(waves.after, zone);
  const cb = waveMean(waves.before, comparison);
  const ca = waveMean(waves.after, comparison);
  const fewAnswers = zb.n < minAnswers || za.n < minAnswers;
  const scored = !fewAnswers && cb.n > 0 && ca.n > 0;
  const change = scored ? za.mean - zb.mean - (ca.mean - cb.mean) : Number.NaN;
  const se = Math.sqrt(zb.variance + za.variance + cb.variance + ca.variance);
  return {
    change,
    low: scored ? change - z * se : Number.NaN,
    high: scored ? change + z * se : Number.NaN,
    before: zb.mean,
    after: za.mean,
    answersBefore: zb.n,
    answersAfter: za.n,
    comparisonAnswersBefore: cb.n,
    comparisonAnswersAfter: ca.n,
    fewAnswers,
  };
}

/** The shrunk mean of a group of cells in one wave. */
function waveMean(wave: TrustResult, cells: ArrayLike<number>): WaveMean {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (wave.responses[c] === 0) continue;
    n += wave.responses[c];
    sum += wave.responses[c] * wave.mean[c];
  }
  if (n === 0) return { n, mean: Number.NaN, variance: Number.NaN };
  const sigma2 = wave.withinVariance;
  const tau2 = wave.betweenVariance;
  const b = sigma2 + n * tau2 > 0 ? sigma2 / (sigma2 + n * tau2) : 1;
  const mean = wave.cityMean + (1 - b) * (sum / n - wave.cityMean);
  return { n, mean, variance: ((1 - b) * sigma2) / n };
}
