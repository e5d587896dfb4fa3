import type { HexreachConfig } from '../../config/configSchema.js';
import { HexreachError } from '../../errors.js';
import type { BinnedIncidents } from '../../hex/pointsToCells.js';
import { type CountTables, countTables } from '../../privacy/countTables.js';
import { noisyCountTables, type TableBudget } from '../../privacy/noisyCountTables.js';
import { secretUniform } from '../../privacy/secretUniform.js';
import type { Coverage } from '../../stats/incidentCoverage.js';
import { type SpaceTimeBins, spaceTimeBins } from '../../stats/spaceTimeBins.js';
import type { IncidentTable } from '../../types.js';
import { mulberry32 } from '../../util/random.js';
import { incidentWeights } from '../incidentWeights.js';
import type { RunContext } from '../runContext.js';

/** What a public export says of its noise (summary and report). */
export interface PrivacyStatement {
  /** ε of the whole export. */
  readonly epsilon: number;
  readonly mechanism: 'discrete Laplace (two-sided geometric)';
  /** Each noisy table, its share of ε and its sensitivity Δ. */
  readonly tables: readonly TableBudget[];
}

/** The noisy counts a public run computes everything from, and what protects them. */
export interface NoisyCounts {
  readonly privacy: PrivacyStatement;
  /**
   * Noisy incidents per cell and time step over the configured window, weighted and unweighted
   * (negative counts published as 0); undefined without a window (`incidents.from` and `to`),
   * whose steps would otherwise be taken from the incidents' dates.
   */
  readonly steps:
    | { readonly weighted: SpaceTimeBins; readonly unweighted: SpaceTimeBins }
    | undefined;
}

/** What the caller may see of the true counts once the noise is drawn: for tests only. */
export type TruthSink = (truth: {
  readonly binned: BinnedIncidents;
  readonly incidents: IncidentTable;
}) => void;

/**
 * The one place a public run reads true counts: the count tables of the incidents binned (per
 * cell and weight group, per cell and category, per step and cell over the configured window),
 * and their noisy copies, ε-differentially private as a whole (`noisyCountTables`). It returns
 * the binned incidents with every count replaced by its noisy value (negative ones as 0) and no
 * incident-to-cell link, so that every later stage computes from the noisy tables only.
 *
 * @param truthSink - for tests: receives the true counts once the noise is drawn
 * @example
 * ```ts
 * const { binned: noisy, counts } = noiseStage(run, binned, window);
 * counts.privacy.tables; // [{ table: 'byGroup', epsilon: 0.6, sensitivity: 1 }, …]
 * ```
 */
export function noiseStage(
  run: RunContext,
  binned: BinnedIncidents,
  window: Coverage | undefined,
  truthSink?: TruthSink,
): { readonly binned: BinnedIncidents; readonly counts: NoisyCounts } {
  const { config } = run;
  const { incidents } = run.inputs;
  const cells = binned.count.length;
  const weights = incidentWeights(incidents, run.counting.weights);
  assertFewWeights(weights, binned.cellOfIncident, incidents.source);
  const tables = run.timed('noise', () => {
    const truth = countTables(
      incidents.time,
      incidents.category,
      incidents.categories,
      binned.cellOfIncident,
      cells,
      {
        weights,
        time:
          window === undefined
            ? undefined
            : { step: config.emerging.step, start: window.from, end: window.to },
      },
    );
    return noisyCountTables(truth, { epsilon: config.privacy.epsilon }, noiseSource(config));
  });
  truthSink?.({ binned, incidents });
  const noisy = tables.tables;
  const counts: NoisyCounts = {
    privacy: {
      epsilon: config.privacy.epsilon,
      mechanism: 'discrete Laplace (two-sided geometric)',
      tables: tables.budget,
    },
    steps:
      noisy.byStep === undefined || window === undefined
        ? undefined
        : stepCubes(noisy, config, window),
  };
  return { binned: noisyBinned(binned, noisy), counts };
}

/** The most distinct incident weights a public run adds noise for, one table column each. */
const MAX_WEIGHT_GROUPS = 64;

/**
 * Refuses weights so varied that the per-group tables would be huge and mostly noise: each
 * distinct weight (category weight × record weight) is a group with its own noisy count.
 */
function assertFewWeights(weights: Float64Array, cellOfIncident: Int32Array, source: string): void {
  const distinct = new Set<number>();
  for (let i = 0; i < weights.length; i++) {
    if (cellOfIncident[i] < 0) continue;
    distinct.add(weights[i]);
    if (distinct.size > MAX_WEIGHT_GROUPS) {
      throw new HexreachError(
        'E_INPUT',
        `${source}: a public run adds noise to the incidents of each weight (category weight × record weight) apart, and these have more than ${MAX_WEIGHT_GROUPS} distinct weights: round the record weights to a few values, or leave the weight column out`,
        distinct.size,
      );
    }
  }
}

/** The noise: secret (crypto) unless a test seeds it with `privacy.noiseSeed`. */
function noiseSource(config: HexreachConfig): () => number {
  const seed = config.privacy.noiseSeed;
  return seed === undefined ? secretUniform() : mulberry32(seed);
}

/** The binned incidents with noisy counts (negative ones as 0) and no incident linked to a cell. */
function noisyBinned(binned: BinnedIncidents, noisy: CountTables): BinnedIncidents {
  const n = noisy.cells;
  const G = noisy.groupWeights.length;
  const K = noisy.categories.length;
  const count = new Float64Array(n);
  const incidents = new Uint32Array(n);
  const byCategory = new Uint32Array(n * K);
  for (let c = 0; c < n; c++) {
    let weighted = 0;
    let unweighted = 0;
    for (let g = 0; g < G; g++) {
      const v = Math.max(0, noisy.byGroup[c * G + g]);
      weighted += noisy.groupWeights[g] * v;
      unweighted += v;
    }
    count[c] = weighted;
    incidents[c] = unweighted;
    for (let k = 0; k < K; k++) byCategory[c * K + k] = Math.max(0, noisy.byCategory[c * K + k]);
  }
  // The total from the unclamped counts: summing the clamped ones would add the positive half
  // of the noise of every empty entry.
  let total = 0;
  for (let j = 0; j < noisy.byGroup.length; j++) total += noisy.byGroup[j];
  const accepted = Math.max(0, total);
  return {
    ...binned,
    count,
    incidents,
    byCategory,
    cellOfIncident: new Int32Array(binned.cellOfIncident.length).fill(-1),
    accepted,
  };
}

/** The noisy per-step table as two cubes: weighted (emerging hot spots) and unweighted (trends). */
function stepCubes(
  noisy: CountTables,
  config: HexreachConfig,
  window: Coverage,
): { weighted: SpaceTimeBins; unweighted: SpaceTimeBins } {
  const { stepStarts, counts } = noisy.byStep!;
  const n = noisy.cells;
  const G = noisy.groupWeights.length;
  const T = stepStarts.length;
  const weighted = new Float64Array(T * n);
  const unweighted = new Float64Array(T * n);
  for (let j = 0; j < T * n; j++) {
    for (let g = 0; g < G; g++) {
      const v = Math.max(0, counts[j * G + g]);
      weighted[j] += noisy.groupWeights[g] * v;
      unweighted[j] += v;
    }
  }
  // The steps' bounds from the window alone, as the true table was binned.
  const bounds = spaceTimeBins([], [], 0, {
    step: config.emerging.step,
    start: stepStarts[0],
    end: window.to,
  });
  const cube = (values: Float64Array): SpaceTimeBins => ({
    cells: n,
    steps: T,
    step: config.emerging.step,
    stepStarts,
    end: bounds.end,
    counts: values,
    counted: Number.NaN,
    outsideGrid: Number.NaN,
    outsideWindow: Number.NaN,
  });
  return { weighted: cube(weighted), unweighted: cube(unweighted) };
}
