import type { CrimeChange } from '../evaluate/crimeChange.js';
import type { EvaluationRun } from '../evaluate/evaluateRun.js';

/** A number for JSON: null where it is not finite; rounded to 10 significant digits. */
const num = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(10)) : null);

function crimeJson(c: CrimeChange) {
  return {
    change: num(c.change),
    low: num(c.low),
    high: num(c.high),
    p: num(c.p),
    confidence: c.confidence,
    before: num(c.zone.before),
    after: num(c.zone.after),
    comparisonBefore: num(c.comparison.before),
    comparisonAfter: num(c.comparison.after),
    placebos: c.placebos,
    critical: num(c.critical),
  };
}

/**
 * The content of `evaluation.json`: per zone its crime change against matched areas (changes as
 * fractions, −0.18 for −18 %), displacement, trust, engagement, monthly series and sentence; all
 * zones together; the matching rule, the settings, the months and the notes. Non-finite numbers
 * are null.
 *
 * @param run - the evaluation
 * @param meta - the hexreach version and the input files' names
 * @returns a plain object for JSON.stringify
 * @example
 * ```ts
 * writeFileSync('evaluation.json', JSON.stringify(evaluationToJson(run, { version, inputs }), null, 2));
 * ```
 */
export function evaluationToJson(
  run: EvaluationRun,
  meta: { readonly version: string; readonly inputs: Readonly<Record<string, string>> },
) {
  return {
    hexreach: meta.version,
    command: 'evaluate',
    inputs: meta.inputs,
    resolution: run.grid.resolution,
    months: run.months,
    privacy: run.privacy,
    matching: run.matching,
    settings: run.settings,
    zones: run.zones.map((z) => ({
      id: z.id,
      name: z.name,
      cells: z.cells,
      start: z.start,
      window: z.window,
      crime: crimeJson(z.crime),
      displacement: {
        wdq: num(z.displacement.wdq),
        reading: z.displacement.reading,
        successMeasure: num(z.displacement.successMeasure),
        bufferDisplacementMeasure: num(z.displacement.bufferDisplacementMeasure),
        totalNetEffect: num(z.displacement.totalNetEffect),
        bufferChange: num(z.displacement.bufferChange),
        bufferLow: num(z.displacement.bufferLow),
        bufferHigh: num(z.displacement.bufferHigh),
        bufferSignificant: z.displacement.bufferSignificant,
        bufferCells: z.displacement.buffer.cells,
        bufferBefore: num(z.displacement.buffer.before),
        bufferAfter: num(z.displacement.buffer.after),
      },
      trust:
        z.trust === undefined
          ? null
          : {
              change: num(z.trust.change),
              low: num(z.trust.low),
              high: num(z.trust.high),
              before: num(z.trust.before),
              after: num(z.trust.after),
              answersBefore: z.trust.answersBefore,
              answersAfter: z.trust.answersAfter,
              comparisonAnswersBefore: z.trust.comparisonAnswersBefore,
              comparisonAnswersAfter: z.trust.comparisonAnswersAfter,
              fewAnswers: z.trust.fewAnswers,
            },
      engagement:
        z.engagement === undefined
          ? null
          : {
              events: z.engagement.events,
              attendance: z.engagement.attendance,
              attendancePer1000: num(z.engagement.attendancePer1000),
              partners: z.engagement.partners,
              kinds: z.engagement.kinds,
              daysToFirstEvent: num(z.engagement.daysToFirstEvent),
            },
      series: {
        months: z.series.months,
        startIndex: z.series.startIndex,
        zone: z.series.zone.map(num),
        buffer: z.series.buffer.map(num),
        comparison: z.series.comparison.map(num),
      },
      sentence: z.sentence,
    })),
    all: crimeJson(run.all),
    engagement: run.engagement ?? null,
    notes: run.notes,
  };
}
