import { type AnalysisResult, zonesOfScore } from './analyze.js';
import { assertArgument } from './errors.js';

/**
 * The zones of an analysis under a new priority score, and nothing else: what
 * `rescoreAnalysis(result, weights)` gives for `zones`, `zoneOfCell` and `droppedCells` when
 * `score` is `rescorePriority(result, weights).score` (the same code on the same score). The
 * cells are selected by the configured rule (threshold, top N or budget), grouped, summarised
 * and ranked, in milliseconds on 50,000 cells; the zones' reasons, trends, partners and
 * outlines, which the whole re-score adds, are left out. For a map that redraws the zones and
 * their ranked list as soon as a weight slider moves.
 *
 * @param result - the result of `analyze` (or of `rescoreAnalysis`)
 * @param score - a priority score of the same cells, one value per grid cell (NaN for none)
 * @returns the zones in rank order, each cell's zone (its index in `zones`, −1 for none) and the
 *   cells of groups too small to be zones
 * @throws HexreachError `E_ARGUMENT` when `score` is not a Float64Array with one value per cell
 * @example
 * ```ts
 * const result = analyze(inputs, config);
 * const priority = rescorePriority(result, { need: 0.6, hotspot: 0.2 });
 * const { zones } = rescoreZones(result, priority.score);
 * zones[0].id; // equals rescoreAnalysis(result, { need: 0.6, hotspot: 0.2 }).zones[0].id
 * ```
 */
export function rescoreZones(
  result: AnalysisResult,
  score: Float64Array,
): Pick<AnalysisResult, 'zoneOfCell' | 'zones' | 'droppedCells'> {
  const cells = result.grid.cells.length;
  assertArgument(
    score instanceof Float64Array && score.length === cells,
    'rescoreZones',
    `score must be a Float64Array with one value per cell (${cells}), got ${
      score instanceof Float64Array ? `${score.length} values` : typeof score
    }`,
    score,
  );
  return zonesOfScore(result, result.config, score);
}
