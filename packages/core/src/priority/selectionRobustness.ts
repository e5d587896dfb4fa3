import type { HexreachConfig } from '../config/configSchema.js';
import { parseConfig } from '../config/parseConfig.js';
import { estimateCellCount } from '../hex/estimateCellCount.js';
import { studyAreaCells } from '../hex/studyAreaCells.js';
import { studyAreaCoverFrom } from '../interpolate/studyAreaCoverFrom.js';
import type { AnalysisBase, AnalysisResult } from '../pipeline/analysisResult.js';
import { analyzeBase } from '../pipeline/analyzeBase.js';
import { startRun } from '../pipeline/runContext.js';
import { MIN_HOTSPOT_CELLS } from '../pipeline/stages/cellsStage.js';
import { formatCount } from '../util/formatCount.js';
import { combineRobustness } from '../zones/combineRobustness.js';
import { isInZone } from '../zones/isInZone.js';
import { resolutionAgreement } from '../zones/resolutionAgreement.js';
import { zoneRobustness } from '../zones/zoneRobustness.js';
import type { PriorityResult } from './priorityScore.js';
import { scorePriority } from './scorePriority.js';
import { weightRobustness } from './weightRobustness.js';
import { zoneGroupsOf } from './zonesOfScore.js';

/** Why a public run's robustness rests on the weight draws alone. */
const PUBLIC_NO_RESOLUTIONS =
  'The zones were not compared at the neighbouring resolutions: a public run computes everything from its noisy counts at one resolution, so its robustness rests on the weight draws alone.';

const AGGREGATES_NO_RESOLUTIONS =
  'The zones were not compared at the neighbouring resolutions: the incidents came as cell aggregates at one resolution, with no points to count at another, so robustness rests on the weight draws alone.';

/** Options of {@link selectionRobustness}. */
export interface SelectionRobustnessOptions {
  /** Weight draws (0: none). */
  readonly draws: number;
  /** Whether to re-run the analysis at resolutions r − 1 and r + 1. */
  readonly resolutions: boolean;
}

/**
 * How robust the selection is: per cell the probability of being selected when the priority
 * weights are drawn around the configured ones (a Dirichlet around them), averaged with the
 * share of the cell selected again at resolutions r − 1 and r + 1; per zone its mean and label.
 * Undefined with no draws and no re-runs.
 *
 * @param notes - receives a note for each resolution not compared, and why
 * @example
 * ```ts
 * const robustness = selectionRobustness(result, config, priority, result.zoneOfCell, notes, { draws: 200, resolutions: true });
 * robustness?.zones[0].label; // 'robust'
 * ```
 */
export function selectionRobustness(
  base: AnalysisBase,
  config: HexreachConfig,
  priority: PriorityResult,
  zoneOfCell: Int32Array,
  notes: string[],
  options: SelectionRobustnessOptions,
): AnalysisResult['robustness'] {
  const { draws, resolutions } = options;
  const { concentration, robustAt, moderateAt } = config.robustness;
  if (draws === 0 && !resolutions) return undefined;
  const select = (score: Float64Array): Uint8Array =>
    isInZone(zoneGroupsOf(base, config, score).zoneOfCell);
  const weightProbability =
    draws > 0
      ? weightRobustness(priority.normalized, priority.weights, select, {
          draws,
          concentration,
          seed: config.seed,
        }).probability
      : Float64Array.from(zoneOfCell, (z) => (z >= 0 ? 1 : 0));
  // A public run would have to read the incidents again at another resolution: it does not;
  // cell aggregates have no points to bin at another resolution.
  const aggregated = base.inputs.incidents.aggregated !== undefined;
  if (resolutions && config.privacy.public) notes.push(PUBLIC_NO_RESOLUTIONS);
  else if (resolutions && aggregated) notes.push(AGGREGATES_NO_RESOLUTIONS);
  const shares =
    resolutions && !config.privacy.public && !aggregated
      ? resolutionShares(base, config, notes)
      : [];
  const probability = combineRobustness(
    weightProbability,
    shares.map((s) => s.share),
  );
  return {
    probability,
    weightProbability,
    resolutions: shares,
    zones: zoneRobustness(zoneOfCell, probability, { robust: robustAt, moderate: moderateAt }),
    draws,
  };
}

/**
 * For resolutions r − 1 and r + 1 (within 6–11), the share of each cell's area that the zones
 * of an analysis at that resolution select: the stages before the weights, the score and the
 * zones, without permutations or need intervals (zones rest on the analytic z and the score).
 */
function resolutionShares(
  base: AnalysisBase,
  config: HexreachConfig,
  notes: string[],
): { resolution: number; share: Float64Array }[] {
  const { grid, inputs } = base;
  const shares: { resolution: number; share: Float64Array }[] = [];
  for (const resolution of [config.resolution - 1, config.resolution + 1]) {
    if (resolution < 6 || resolution > 11) continue;
    // A study area of a few cells may cover a single one at the coarser resolution (cells
    // there are 7 times larger: one of 56 cells or more covers several).
    if (
      resolution < config.resolution &&
      grid.cells.length < 56 &&
      studyAreaCells(inputs.areas, resolution).cells.length < MIN_HOTSPOT_CELLS
    ) {
      notes.push(
        `The zones were not compared at resolution ${resolution}: the study area covers a single cell there.`,
      );
      continue;
    }
    if (
      resolution > config.resolution &&
      estimateCellCount(inputs.areas, resolution).cells > config.maxCells
    ) {
      notes.push(
        `The zones were not compared at resolution ${resolution}: the study area would need more than ${formatCount(config.maxCells)} cells there (maxCells).`,
      );
      continue;
    }
    const other = parseConfig(
      {
        ...config,
        resolution,
        statistics: ['gistar'],
        hotspots: { ...config.hotspots, permutations: 0 },
        indicators: config.indicators.map(({ moe: _, ...indicator }) => indicator),
        robustness: { ...config.robustness, draws: 0, resolutions: false },
      },
      'configuration',
    );
    // The cells and overlaps there come from this run's cells (the same as a fresh fill).
    const cover = studyAreaCoverFrom(inputs.areas, resolution, grid);
    const otherBase = analyzeBase(startRun(inputs, other, {}, new Map([[resolution, cover]])));
    const priority = scorePriority(otherBase.components, other, [], 'analyze');
    // Which cells the zones hold, not the zones' summaries: zonesOfScore's cells, unranked.
    const { zoneOfCell } = zoneGroupsOf(otherBase, other, priority.score);
    shares.push({
      resolution,
      share: resolutionAgreement(grid, otherBase.grid, isInZone(zoneOfCell)),
    });
  }
  return shares;
}
