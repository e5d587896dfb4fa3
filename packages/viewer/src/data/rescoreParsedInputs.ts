import {
  type AnalysisResult,
  analysisToCellValues,
  type PriorityResult,
  priorityToCellValues,
  rescoreAnalysis,
  rescorePriority,
  rescoreZones,
  type ZoneSummaryProperties,
  zoneSummaryProperties,
} from '@hexreach/core';
import type { ParsedInputs } from './readRawInputs.js';
import { writtenOutputs } from './writtenOutputs.js';

/** What a re-score changes in results already shown: some cell columns, the zones, the texts. */
export interface RescoreUpdate {
  /**
   * The cell columns that depend on the weights, as cells.geojson would hold them (numeric ones
   * as Float64Arrays, NaN for null); one of {@link WEIGHT_COLUMNS} missing here is gone (a
   * component weighted 0, robustness). The score columns equal those {@link rescoreScores}
   * gives for the same weights, and `zone` and `zone_rank` the zones {@link rescoreZoneList} gives.
   */
  readonly cellValues: Readonly<Record<string, Float64Array | readonly (string | null)[]>>;
  readonly zonesText: string;
  readonly summaryText: string;
  /** The priority weights used, divided by their sum. */
  readonly weights: Readonly<Record<string, number>>;
}

/** The cell columns a change of weights can change (see `rescoreAnalysis`). */
export const WEIGHT_COLUMNS = /^(score|score_.+|zone|zone_rank|reasons|robustness)$/;

/**
 * The first step of a re-score: the score columns alone (`score`, `score_<component>`) under
 * new weights, by `rescorePriority` — a few milliseconds on 50,000 cells, where the whole
 * re-score ({@link rescoreParsedInputs}) also draws the zones and words the reasons. The worker
 * posts them with the zones ({@link rescoreZoneList}) so that the map repaints before the rest
 * is computed; they equal the score columns of the update that follows, value for value.
 *
 * @param result - the analysis shown
 * @param weights - the new weights, by component
 * @returns the priority (whose unrounded score {@link rescoreZoneList} draws the zones from) and
 *   its score columns as cells.geojson would hold them, as Float64Arrays (NaN for null) the
 *   worker can transfer: a new `score`, and the priority's own contribution arrays (unrounded in
 *   the file, so no copy is made: fresh memory is slow), which a transfer takes from the
 *   priority, so the zones are drawn first
 * @throws HexreachError `E_ARGUMENT` for an unknown component or weights that are all 0
 * @example
 * ```ts
 * const { priority, columns } = rescoreScores(result, { hotspot: 0, need: 1 });
 * columns.score; // what the update's cellValues.score will be
 * ```
 */
export function rescoreScores(
  result: AnalysisResult,
  weights: Readonly<Record<string, number>>,
): { priority: PriorityResult; columns: Record<string, Float64Array> } {
  const priority = rescorePriority(result, weights);
  return { priority, columns: priorityToCellValues(priority, { share: true }) };
}

/** The zones of a re-score ahead of the whole update: what the zone list and outlines need. */
export interface ZonesUpdate {
  /** Each cell's zone: its place in `zones` (rank 1 at 0), −1 outside every zone. */
  readonly zoneOfCell: Int32Array;
  /** Each zone's summary as zones.geojson will hold it, rank 1 first. */
  readonly zones: readonly ZoneSummaryProperties[];
}

/** A re-score's first answer (see {@link rescoreScores} and {@link rescoreZoneList}). */
export interface ScoresAndZones {
  /** The score columns, as cells.geojson would hold them. */
  readonly scores: Readonly<Record<string, Float64Array>>;
  /** The zones of the new score, with each cell's zone. */
  readonly zones: ZonesUpdate;
}

/**
 * The second step of a re-score: the zones of the new score (selected, grouped and ranked by
 * `rescoreZones`) with their summaries — milliseconds, where their reasons, partners, trends and
 * outlines take the whole re-score. The worker posts them with the scores so that the zone list
 * and the zones' outlines change with the cells' colours; they equal the zones of the update
 * that follows.
 * Incident counts are suppressed as the update's zones.geojson suppresses them (a public run).
 *
 * @param result - the analysis shown
 * @param priority - the priority under the new weights ({@link rescoreScores})
 * @returns each cell's zone and each zone's summary properties, rank 1 first
 * @example
 * ```ts
 * const { priority } = rescoreScores(result, weights);
 * const { zones, zoneOfCell } = rescoreZoneList(result, priority);
 * zones[zoneOfCell[0]]?.id; // the first cell's zone, if it is in one
 * ```
 */
export function rescoreZoneList(result: AnalysisResult, priority: PriorityResult): ZonesUpdate {
  const { zones, zoneOfCell } = rescoreZones(result, priority.score);
  const { public: isPublic, minCount } = result.config.privacy;
  const options = { minCount: isPublic ? minCount : undefined };
  return { zoneOfCell, zones: zones.map((zone) => zoneSummaryProperties(zone, options)) };
}

/**
 * A re-score's first answer: the score columns ({@link rescoreScores}) and the zones drawn from
 * them ({@link rescoreZoneList}), in that order — the zones are drawn before anything is handed
 * on, since the score columns share the priority's arrays and a transfer takes them from it.
 *
 * @param result - the analysis shown
 * @param weights - the new weights, by component
 * @returns the score columns and the zones, whose arrays the worker can transfer
 * @throws HexreachError `E_ARGUMENT` for an unknown component or weights that are all 0
 * @example
 * ```ts
 * const { scores, zones } = rescoreScoresAndZones(result, { hotspot: 0, need: 1 });
 * zones.zones[0]?.id; // the top zone under those weights
 * ```
 */
export function rescoreScoresAndZones(
  result: AnalysisResult,
  weights: Readonly<Record<string, number>>,
): ScoresAndZones {
  const { priority, columns } = rescoreScores(result, weights);
  return { zones: rescoreZoneList(result, priority), scores: columns };
}

/**
 * Re-scores an analysis with new priority weights by `rescoreAnalysis` (tens of milliseconds,
 * where `analyze` takes seconds): the score, its contributions, the zones and the reasons,
 * as the CLI would compute them with those weights. Robustness is not recomputed (it reruns the
 * scoring hundreds of times); the update drops its column and the summary's notes say so. The
 * last step of a re-score in the worker, after {@link rescoreScores} and {@link rescoreZoneList}.
 *
 * @param parsed - the inputs the analysis was made from
 * @param result - the analysis shown
 * @param weights - the new weights, by component
 * @returns the re-scored analysis (to re-score again later) and the update for the page; its
 *   Float64Arrays are new, so the worker can transfer them
 * @throws HexreachError `E_ARGUMENT` for an unknown component or weights that are all 0
 * @example
 * ```ts
 * const { update } = rescoreParsedInputs(parsed, result, { hotspot: 0, need: 1 });
 * ```
 */
export function rescoreParsedInputs(
  parsed: ParsedInputs,
  result: AnalysisResult,
  weights: Readonly<Record<string, number>>,
): { result: AnalysisResult; update: RescoreUpdate } {
  const rescored = rescoreAnalysis(result, weights);
  // The same function as the first phase's, so the score columns cannot differ from its.
  const scores = priorityToCellValues(rescored.priority);
  const cellValues: Record<string, Float64Array | readonly (string | null)[]> = { ...scores };
  const others = analysisToCellValues(
    rescored,
    (name) => WEIGHT_COLUMNS.test(name) && !(name in scores),
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
 * text. One loop that stops at the first text: `every` followed by `Float64Array.from` with a
 * callback took tens of milliseconds on 66,000 cells.
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
