import type {
  EvaluatedCrime,
  EvaluatedDisplacement,
  EvaluatedEngagement,
  EvaluatedTrust,
} from '../data/evaluation.js';
import { formatNumber } from './format.js';

/** A sign as the CLI writes it: a true minus, a plus for a rise. */
const signed = (x: number, text: string) => `${x < 0 ? '−' : x > 0 ? '+' : ''}${text}`;

/**
 * A change as a whole percentage with its sign (`−31 %`, `+8 %`, `0 %`); `—` when missing.
 *
 * @example
 * ```ts
 * formatChange(-0.3149); // '−31 %'
 * ```
 */
export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return '—';
  const percent = Math.round(change * 100);
  return `${signed(percent, String(Math.abs(percent)))} %`;
}

/**
 * A p-value to three decimals, `< 0.001` below that; `—` when missing.
 *
 * @example
 * ```ts
 * formatP(0.0712); // '0.071'
 * ```
 */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/**
 * The crime estimate in one line: the change against matched areas, its interval and the
 * placebo p-value.
 *
 * @example
 * ```ts
 * estimateText({ change: -0.31, low: -0.47, high: -0.12, confidence: 0.9, p: 0.071, placebos: 999 });
 * // '−31 % (90 % CI −47 % to −12 %), p = 0.071 among 999 placebo zones'
 * ```
 */
export function estimateText(crime: EvaluatedCrime): string {
  if (!Number.isFinite(crime.change)) return 'no estimate (too few incidents before or after)';
  const level = Math.round(crime.confidence * 100);
  return `${formatChange(crime.change)} (${level} % CI ${formatChange(crime.low)} to ${formatChange(crime.high)}), p = ${formatP(crime.p)} among ${formatNumber(crime.placebos)} placebo zones`;
}

/**
 * The weighted displacement quotient with its reading, and the ring's own change.
 *
 * @example
 * ```ts
 * wdqText({ wdq: -0.49, reading: 'some displacement into the surrounding ring', bufferChange: 0.12, bufferLow: -0.1, bufferHigh: 0.4 });
 * // 'WDQ −0.49: some displacement into the surrounding ring (ring +12 %)'
 * ```
 */
export function wdqText(displacement: EvaluatedDisplacement): string {
  const wdq = Number.isFinite(displacement.wdq)
    ? signed(displacement.wdq, Math.abs(displacement.wdq).toFixed(2))
    : '—';
  const ring = Number.isFinite(displacement.bufferChange)
    ? ` (ring ${formatChange(displacement.bufferChange)})`
    : '';
  return `WDQ ${wdq}: ${displacement.reading}${ring}`;
}

/** Points of a mean answer, two decimals, with a sign. */
const points = (x: number) => (Number.isFinite(x) ? signed(x, Math.abs(x).toFixed(2)) : '—');

/**
 * The trust change between the survey waves against the comparison's, or why there is none.
 *
 * @param trust - the zone's trust change (undefined: no survey answers)
 * @param confidence - the interval's level (0.9)
 * @example
 * ```ts
 * trustText({ change: 0.43, low: 0.24, high: 0.61, before: 2.77, after: 3.22, answersBefore: 126, answersAfter: 129, fewAnswers: false }, 0.9);
 * // '+0.43 points (90 % CI +0.24 to +0.61); mean 2.77 → 3.22; answers: 126 before, 129 after'
 * ```
 */
export function trustText(trust: EvaluatedTrust | undefined, confidence: number): string {
  if (trust === undefined) return 'no survey answers';
  const answers = `answers: ${formatNumber(trust.answersBefore)} before, ${formatNumber(trust.answersAfter)} after`;
  if (trust.fewAnswers) return `too few answers to score (${answers})`;
  const level = Math.round(confidence * 100);
  return `${points(trust.change)} points (${level} % CI ${points(trust.low)} to ${points(trust.high)}); mean ${trust.before.toFixed(2)} → ${trust.after.toFixed(2)}; ${answers}`;
}

/**
 * The activities after the start: descriptive (where the work went), not an effect.
 *
 * @param engagement - the zone's engagement (undefined: no engagement log)
 * @example
 * ```ts
 * engagementText({ events: 9, attendance: 246, attendancePer1000: 23.8, partners: ['Library'], daysToFirstEvent: 74 });
 * // '9 activities, 246 attending (23.8 per 1,000 residents), 1 partner; the first 74 days after the start'
 * ```
 */
export function engagementText(engagement: EvaluatedEngagement | undefined): string {
  if (engagement === undefined) return 'no engagement log';
  if (engagement.events === 0) return 'no activity recorded';
  const partners = engagement.partners.length;
  const per1000 = Number.isFinite(engagement.attendancePer1000)
    ? ` (${formatNumber(engagement.attendancePer1000)} per 1,000 residents)`
    : '';
  const first = Number.isFinite(engagement.daysToFirstEvent)
    ? `; the first ${formatNumber(engagement.daysToFirstEvent)} days after the start`
    : '';
  return `${formatNumber(engagement.events)} ${engagement.events === 1 ? 'activity' : 'activities'}, ${formatNumber(engagement.attendance)} attending${per1000}, ${partners} ${partners === 1 ? 'partner' : 'partners'}${first}`;
}
