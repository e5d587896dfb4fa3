import type { EvaluationRun } from '../evaluate/evaluateRun.js';
import { toCsv } from './toCsv.js';

const num = (x: number | undefined): number | string =>
  x === undefined || !Number.isFinite(x) ? '' : Number(x.toPrecision(6));

/**
 * `evaluation.csv`: one row per zone with its crime change (fractions), interval and p-value,
 * WDQ and reading, trust change and answers, engagement, and its sentence.
 *
 * @param run - the evaluation
 * @returns the CSV text
 * @example
 * ```ts
 * writeFileSync('evaluation.csv', evaluationToCsv(run));
 * ```
 */
export function evaluationToCsv(run: EvaluationRun): string {
  const header = [
    'zone_id',
    'name',
    'cells',
    'start',
    'months',
    'incidents_before',
    'incidents_after',
    'comparison_before',
    'comparison_after',
    'change',
    'change_low',
    'change_high',
    'p',
    'wdq',
    'displacement',
    'buffer_change',
    'trust_change',
    'trust_low',
    'trust_high',
    'answers_before',
    'answers_after',
    'events',
    'attendance',
    'attendance_per_1000',
    'partners',
    'days_to_first_event',
    'sentence',
  ];
  const rows = run.zones.map((z) => [
    z.id,
    z.name,
    z.cells,
    z.start,
    z.window.months,
    num(z.crime.zone.before),
    num(z.crime.zone.after),
    num(z.crime.comparison.before),
    num(z.crime.comparison.after),
    num(z.crime.change),
    num(z.crime.low),
    num(z.crime.high),
    num(z.crime.p),
    num(z.displacement.wdq),
    z.displacement.reading,
    num(z.displacement.bufferChange),
    num(z.trust?.change),
    num(z.trust?.low),
    num(z.trust?.high),
    z.trust?.answersBefore ?? '',
    z.trust?.answersAfter ?? '',
    z.engagement?.events ?? '',
    z.engagement?.attendance ?? '',
    num(z.engagement?.attendancePer1000),
    z.engagement?.partners.join('; ') ?? '',
    num(z.engagement?.daysToFirstEvent),
    z.sentence,
  ]);
  return toCsv(header, rows);
}
