import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * A zone's crime change against matched areas (evaluation.json `crime`); changes are fractions
 * (−0.18 for −18 %) and a number the file has as null is NaN.
 */
export interface EvaluatedCrime {
  readonly change: number;
  readonly low: number;
  readonly high: number;
  /** Level of the interval (0.9 for 90 %). */
  readonly confidence: number;
  /** Rank p-value among the placebo zones. */
  readonly p: number;
  /** Placebo zones drawn. */
  readonly placebos: number;
}

/** Displacement into the ring around a zone (evaluation.json `displacement`). */
export interface EvaluatedDisplacement {
  /** Weighted displacement quotient (Bowers & Johnson 2003); NaN when not defined. */
  readonly wdq: number;
  /** The WDQ in words ("no measurable displacement" …). */
  readonly reading: string;
  /** The ring's own change against the comparison, with its interval. */
  readonly bufferChange: number;
  readonly bufferLow: number;
  readonly bufferHigh: number;
}

/** Trust change between the survey waves (evaluation.json `trust`). */
export interface EvaluatedTrust {
  /** Change in mean answer against the comparison's change, with its interval. */
  readonly change: number;
  readonly low: number;
  readonly high: number;
  /** Shrunk mean answers before and after. */
  readonly before: number;
  readonly after: number;
  readonly answersBefore: number;
  readonly answersAfter: number;
  /** Too few answers in a wave: not scored. */
  readonly fewAnswers: boolean;
}

/** The activities after a zone's start (evaluation.json `engagement`; descriptive). */
export interface EvaluatedEngagement {
  readonly events: number;
  readonly attendance: number;
  readonly attendancePer1000: number;
  readonly partners: readonly string[];
  /** Days from the start to the first activity; NaN when there was none. */
  readonly daysToFirstEvent: number;
}

/** Incidents per day by month in a zone, its ring and its comparison (seriesToSvg's input). */
export interface EvaluatedSeries {
  /** First day of each month, `YYYY-MM-DD`. */
  readonly months: readonly string[];
  readonly zone: readonly number[];
  readonly buffer: readonly number[];
  readonly comparison: readonly number[];
  /** Index of the first month after the start. */
  readonly startIndex: number;
}

/** One zone of an evaluation, as the viewer shows it. */
export interface EvaluatedZone {
  readonly id: string;
  /** The name to show (the id when the zone has none). */
  readonly name: string;
  /** Number of cells. */
  readonly cells: number;
  /** Start of the work, `YYYY-MM-DD`. */
  readonly start: string;
  readonly crime: EvaluatedCrime;
  readonly displacement: EvaluatedDisplacement;
  /** Absent without survey answers. */
  readonly trust: EvaluatedTrust | undefined;
  /** Absent without an engagement log. */
  readonly engagement: EvaluatedEngagement | undefined;
  readonly series: EvaluatedSeries;
  /** The zone's outcomes in one sentence, as the CLI prints it. */
  readonly sentence: string;
}

/** The outline of each zone, by id (evaluation-zones.geojson). */
export type EvaluationGeometry = FeatureCollection<Polygon | MultiPolygon, { readonly id: string }>;

/** An evaluation opened in the viewer: `evaluation.json` and the outlines of its zones. */
export interface LoadedEvaluation {
  /** Where it came from, for the status line. */
  readonly origin: string;
  readonly zones: readonly EvaluatedZone[];
  /** All zones as one. */
  readonly all: EvaluatedCrime;
  /** The outline of each zone that has one, in the order of `zones`. */
  readonly outlines: EvaluationGeometry;
  /** Whole months the evaluation covers. */
  readonly months: { readonly from: string; readonly to: string };
  /** Counts were made differentially private (`--public`). */
  readonly isPublic: boolean;
  /** The evaluation's notes, then the loader's (a file missing, a zone without an outline). */
  readonly notes: readonly string[];
}
