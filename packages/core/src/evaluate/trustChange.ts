import type { TrustResult } from '../indicators/trustByCell.js';
import { normalQuantile } from '../stats/normal.js';

/** The change in trust of a zone between two survey waves, against its comparison cells. */
export interface TrustChange {
  /**
   * (zone after − before) − (comparison after − before) of the mean answers, on the answer scale;
   * NaN when flagged.
   */
  readonly change: number;
  readonly low: number;
  readonly high: number;
  /** The zone's mean answer before and after, shrunk by empirical Bayes; NaN without answers. */
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

/** A group's mean in one wave, raw and shrunk, and the sampling variance of the raw mean. */
interface WaveMean {
  readonly n: number;
  readonly raw: number;
  readonly shrunk: number;
  readonly variance: number;
}

/**
 * The difference in differences of mean trust between two survey waves: the zone's change minus
 * its comparison cells' change, with a normal interval from the answers' pooled within-cell
 * variance σ² (σ²/n per mean). The zone's level in each wave is also given shrunk toward its
 * wave's city mean by empirical Bayes, B = σ²/(σ² + n τ²) with the between-cell variance τ²
 * (trustByCell; Morris 1983, JASA 78(381)), so that a zone of few answers does not look extreme.
 * The change is taken on the unshrunk means: shrinking each wave by a cell-level prior would pull
 * every zone's change toward zero by (1 − B), which is a bias, not caution, and the interval
 * already carries the noise of few answers. A zone with fewer than `minAnswers` answers in
 * either wave is flagged and not scored.
 *
 * @param zone - the zone's cells
 * @param comparison - the comparison's cells (evaluateZones: every cell outside the zones and rings)
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
  const change = scored ? za.raw - zb.raw - (ca.raw - cb.raw) : Number.NaN;
  const se = Math.sqrt(zb.variance + za.variance + cb.variance + ca.variance);
  return {
    change,
    low: scored ? change - z * se : Number.NaN,
    high: scored ? change + z * se : Number.NaN,
    before: zb.shrunk,
    after: za.shrunk,
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
  if (n === 0) return { n, raw: Number.NaN, shrunk: Number.NaN, variance: Number.NaN };
  const sigma2 = wave.withinVariance;
  const tau2 = wave.betweenVariance;
  const b = sigma2 + n * tau2 > 0 ? sigma2 / (sigma2 + n * tau2) : 1;
  const raw = sum / n;
  return { n, raw, shrunk: wave.cityMean + (1 - b) * (raw - wave.cityMean), variance: sigma2 / n };
}
