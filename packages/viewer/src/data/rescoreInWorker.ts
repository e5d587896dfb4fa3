import {
  type AnalysisResult,
  createScorer,
  isWeightDependentColumn,
  type PriorityWeights,
} from '@hexreach/core';
import {
  analysisToCellValues,
  priorityToCellValues,
  type ZoneSummaryProperties,
  zoneSummaryProperties,
} from '@hexreach/core/export';
import type { ParsedInputs } from './readRawInputs.js';
import { writtenOutputs } from './writtenOutputs.js';

/** What a re-score changes in results already shown: some cell columns, the zones, the texts. */
export interface RescoreUpdate {
  /**
   * The cell columns that depend on the weights, as cells.geojson would hold them (numeric ones
   * as Float64Arrays, NaN for null); a weight-dependent column (`isWeightDependentColumn`)
   * missing here is gone (a component weighted 0, robustness). The score columns and zones
   * equal those {@link scoresAndZonesOf} gives for the same weights.
   */
  readonly cellValues: Readonly<Record<string, Float64Array | readonly (string | null)[]>>;
  readonly zonesText: string;
  readonly summaryText: string;
  /** The priority weights used, divided by their sum. */
  readonly weights: Readonly<Record<string, number>>;
}

/** The zones of a re-score ahead of the whole update: what the zone list and outlines need. */
export interface ZonesUpdate {
  /** Each cell's zone: its place in `zones` (rank 1 at 0), −1 outside every zone. */
  readonly zoneOfCell: Int32Array;
  /** Each zone's summary as zones.geojson will hold it, rank 1 first. */
  readonly zones: readonly ZoneSummaryProperties[];
}

/** A re-score's first answer: the score columns and the zones drawn from them. */
export interface ScoresAndZones {
  /** The score columns, as cells.geojson would hold them. */
  readonly scores: Readonly<Record<string, Float64Array>>;
  /** The zones of the new score, with each cell's zone. */
  readonly zones: ZonesUpdate;
}

/**
 * A re-score's first answer, in milliseconds on 50,000 cells: the score columns (`score`,
 * `score_<component>`) by `createScorer(result).score` and the zones drawn from them by
 * `.zones`, with their summaries (small counts suppressed as the update's zones.geojson
 * suppresses them). The worker posts it so that the cells, the zone outlines and the zone list
 * change in one frame before the reasons are worded. The zones are drawn before anything is
 * handed on: the score columns share the priority's arrays, which a transfer takes.
 *
 * @param result - the analysis shown
 * @param weights - the new weights, by component
 * @returns the score columns (as Float64Arrays the worker can transfer) and the zones
 * @throws HexreachError `E_ARGUMENT` for an unknown component or weights that are all 0
 * @example
 * ```ts
 * const { scores, zones } = scoresAndZonesOf(result, { hotspot: 0, need: 1 });
 * zones.zones[0]?.id; // the top zone under those weights
 * ```
 */
export function scoresAndZonesOf(
  result: AnalysisResult,
  weights: Readonly<Partial<PriorityWeights>>,
): ScoresAndZones {
  const scorer = createScorer(result);
  const priority = scorer.score(weights);
  const { zones, zoneOfCell } = scorer.zones(priority.score);
  const { public: isPublic, minCount } = result.config.privacy;
  const options = { minCount: isPublic ? minCount : undefined };
  return {
    zones: { zoneOfCell, zones: zones.map((zone) => zoneSummaryProperties(zone, options)) },
    scores: priorityToCellValues(priority, { share: true }),
  };
}

/**
 * The whole re-score, by `createScorer(result).full` (tens of milliseconds, where `analyze`
 * takes seconds): the score, its contributions, the zones and the reasons as the CLI would
 * compute them with those weights, and the texts of zones.geojson and summary.json. Robustness
 * is not recomputed (it reruns the scoring hundreds of times); the update drops its column and
 * the summary's notes say so.
 *
 * @param parsed - the inputs the analysis was made from
 * @param result - the analysis shown
 * @param weights - the new weights, by component
 * @returns the re-scored analysis (to re-score again later) and the update for the page; its
 *   Float64Arrays are new, so the worker can transfer them
 * @throws HexreachError `E_ARGUMENT` for an unknown component or weights that are all 0
 * @example
 * ```ts
 * const { update } = rescoreUpdateOf(parsed, result, { hotspot: 0, need: 1 });
 * ```
 */
export function rescoreUpdateOf(
  parsed: ParsedInputs,
  result: AnalysisResult,
  weights: Readonly<Partial<PriorityWeights>>,
): { result: AnalysisResult; update: RescoreUpdate } {
  const rescored = createScorer(result).full(weights);
  // The same function as the first answer's, so the score columns cannot differ from its.
  const scores = priorityToCellValues(rescored.priority);
  const cellValues: Record<string, Float64Array | readonly (string | null)[]> = { ...scores };
  const others = analysisToCellValues(
    rescored,
    (name) => isWeightDependentColumn(name) && !(name in scores),
  );
  for (const [name, values] of Object.entries(others))
    cellValues[name] = numbersOf(values) ?? (values as (string | null)[]);
  const written = writtenOutputs(parsed, rescored);
  return {
    result: rescored,
    update: {
      cellValues,
      zonesText: written.zonesText,
      summaryText: written.summaryText,
      weights: written.weights,
    },
  };
}

/**
 * A column of numbers and nulls as a Float64Array (NaN for null), or undefined when it holds
 * text. One loop that stops at the first text: `every` then `Float64Array.from` with a callback
 * is slow on 66,000 cells.
 */
function numbersOf(values: readonly (string | number | null)[]): Float64Array | undefined {
  const numbers = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) numbers[i] = Number.NaN;
    else if (typeof value === 'number') numbers[i] = value;
    else return undefined;
  }
  return numbers;
}
