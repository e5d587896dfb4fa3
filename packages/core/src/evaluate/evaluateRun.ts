import type { HexreachConfig } from '../config/configSchema.js';
import { evaluationSettings } from '../config/evaluationSettings.js';
import { HexreachError } from '../errors.js';
import { parseDate } from '../io/parseDate.js';
import type { EngagementTable } from '../io/readEngagementCsv.js';
import type { AnalyzeInputs, AnalyzeOptions } from '../pipeline/analysisResult.js';
import { configuredWindow } from '../pipeline/configuredWindow.js';
import { incidentWeights } from '../pipeline/incidentWeights.js';
import { startRun } from '../pipeline/runContext.js';
import { binningStage } from '../pipeline/stages/binningStage.js';
import { cellsStage } from '../pipeline/stages/cellsStage.js';
import { interpolationStage } from '../pipeline/stages/interpolationStage.js';
import { needStage } from '../pipeline/stages/needStage.js';
import { populationStage } from '../pipeline/stages/populationStage.js';
import { addDiscreteLaplaceNoise } from '../privacy/discreteLaplace.js';
import { secretUniform } from '../privacy/secretUniform.js';
import { incidentCoverage } from '../stats/incidentCoverage.js';
import { type SpaceTimeBins, spaceTimeBins } from '../stats/spaceTimeBins.js';
import { wholeSteps } from '../stats/wholeSteps.js';
import type { CellGrid, SpatialWeights } from '../types.js';
import { mulberry32 } from '../util/random.js';
import { type Evaluation, type EvaluationZone, evaluateZones } from './evaluateZones.js';
import { zonesFromGeoJson } from './zonesFromGeoJson.js';

/** What `hexreach evaluate` reads: an analysis's inputs, the zones and the engagement log. */
export interface EvaluateRunInputs extends AnalyzeInputs {
  /** The intervention's zones: parsed GeoJSON and its file name. */
  readonly zones: { readonly source: string; readonly collection: unknown };
  readonly engagement?: EngagementTable;
}

/** An evaluation with what it was computed on. */
export interface EvaluationRun extends Evaluation {
  readonly grid: CellGrid;
  /** The zones as read, with their cells. */
  readonly zoneCells: readonly EvaluationZone[];
  /** Incidents counted into the monthly cube, and the whole months it holds. */
  readonly counted: number;
  readonly months: { readonly from: string; readonly to: string; readonly count: number };
  /** Whether the counts are differentially private (a public run), and with which ε. */
  readonly privacy: { readonly public: boolean; readonly epsilon?: number };
  readonly notes: readonly string[];
  readonly durations: Readonly<Record<string, number>>;
}

/** The monthly cube, grid, need and population an evaluation runs on, with the run's notes. */
export interface EvaluationInputs {
  readonly grid: CellGrid;
  readonly contiguity: SpatialWeights;
  readonly cube: SpaceTimeBins;
  readonly need: Float64Array | undefined;
  readonly population: Float64Array | undefined;
  readonly counted: number;
  readonly months: EvaluationRun['months'];
  readonly notes: string[];
  readonly durations: Record<string, number>;
}

/**
 * What every evaluation of one data set shares: the analysis cells of the areas, the counted
 * incidents by cell and whole month (noisy in a public run: every cell-month count plus discrete
 * Laplace noise at the whole ε, each incident being in one cell-month), and population and need
 * moved to cells. Computed once, it serves any number of zone sets (as the placebo calibration
 * does).
 *
 * @param inputs - incidents, areas
 * @param config - the parsed configuration
 * @param options - the rejection sinks of an analysis
 * @returns grid, contiguity, cube, need, population, months, notes and durations
 * @throws HexreachError `E_INPUT` for incidents without dates, `E_CONFIG` for a public run
 *   without a configured window
 * @example
 * ```ts
 * const shared = evaluationInputs({ incidents, areas }, config);
 * evaluateZones({ ...shared, zones }, { placebos: 199 });
 * ```
 */
export function evaluationInputs(
  inputs: AnalyzeInputs,
  config: HexreachConfig,
  options: AnalyzeOptions = {},
): EvaluationInputs {
  const run = startRun(inputs, config, options);
  const { populationAttribute } = populationStage(run);
  const { grid, contiguity } = cellsStage(run);
  const { binned } = binningStage(run, grid);
  const cube = run.timed('cube', () =>
    monthlyCube(inputs, binned.cellOfIncident, grid, run.counting.weights, config),
  );
  const { interpolated, population } = interpolationStage(run, grid, populationAttribute);
  const { vulnerability } = needStage(run, interpolated, populationAttribute, population);
  return {
    grid,
    contiguity,
    cube: cube.cube,
    need: vulnerability?.index,
    population,
    counted: cube.counted,
    months: cube.months,
    notes: [...run.notes.filter((n) => !n.includes('priority score')), ...cube.notes].concat(
      vulnerability === undefined
        ? ['No need indicators are configured: comparison cells are matched on incidents alone.']
        : [],
    ),
    durations: run.durations,
  };
}

/**
 * `hexreach evaluate` without the files: the analysis cells of the areas, the counted incidents
 * binned by cell and whole month (noisy in a public run: every cell-month count plus discrete
 * Laplace noise at the whole ε, each incident being in one cell-month), population and need
 * moved to cells, the zones read from GeoJSON, then evaluateZones.
 *
 * @param inputs - incidents, areas, surveys, zones and engagement
 * @param config - the parsed configuration (its `evaluation` section, or defaults)
 * @param options - the rejection sinks of an analysis
 * @returns the evaluation, with the grid, zones, months and notes
 * @throws HexreachError `E_INPUT` for zones that cannot be read or evaluated (naming the file and
 *   feature), or incidents without dates
 * @example
 * ```ts
 * const run = evaluateRun({ incidents, areas, zones: { source: 'zones.geojson', collection } }, config);
 * run.zones[0].sentence;
 * ```
 */
export function evaluateRun(
  inputs: EvaluateRunInputs,
  config: HexreachConfig,
  options: AnalyzeOptions = {},
): EvaluationRun {
  const settings = evaluationSettings(config);
  const shared = evaluationInputs(inputs, config, options);
  const { grid, contiguity, cube, need: needIndex, population } = shared;
  const dateOf = (text: string | undefined) => (text === undefined ? undefined : parseDate(text));
  const zones = zonesFromGeoJson(inputs.zones.collection, inputs.zones.source, grid, {
    start: dateOf(settings.start),
    end: dateOf(settings.end),
  });
  const answer = config.trust.answer;
  const evaluateStarted = performance.now();
  const evaluation = (() => {
    try {
      return evaluateZones(
        {
          grid,
          contiguity,
          cube,
          zones,
          need: needIndex,
          population,
          ...(inputs.surveys && answer !== undefined
            ? {
                surveys: {
                  table: inputs.surveys,
                  answer,
                  scale: { min: config.trust.scaleMin, max: config.trust.scaleMax },
                  higherIsMoreTrust: config.trust.higherIsMoreTrust,
                },
              }
            : {}),
          ...(inputs.engagement ? { engagement: inputs.engagement } : {}),
        },
        {
          bufferK: settings.bufferK,
          matches: settings.matches,
          placebos: settings.placebos,
          seed: config.seed,
          confidence: settings.confidence,
          months: settings.window,
          minAnswers: settings.minAnswers,
        },
      );
    } catch (error) {
      // A window the data do not hold is the zones' problem, not a wrong call.
      if (error instanceof HexreachError && error.code === 'E_ARGUMENT') {
        throw new HexreachError('E_INPUT', `${inputs.zones.source}: ${error.message}`, error.value);
      }
      throw error;
    }
  })();
  shared.durations.evaluate = (performance.now() - evaluateStarted) / 1000;
  const notes = [...shared.notes, ...evaluation.notes];
  if (inputs.surveys !== undefined && answer !== undefined && !hasDates(inputs.surveys.time)) {
    notes.push('The survey answers have no dates: trust is not compared between waves.');
  }
  return {
    ...evaluation,
    grid,
    zoneCells: zones,
    counted: shared.counted,
    months: shared.months,
    privacy: config.privacy.public
      ? { public: true, epsilon: config.privacy.epsilon }
      : { public: false },
    notes,
    durations: shared.durations,
  };
}

function hasDates(time: Float64Array): boolean {
  for (const t of time) if (Number.isFinite(t)) return true;
  return false;
}

/** Counted incidents per cell and whole month, noisy in a public run. */
function monthlyCube(
  inputs: AnalyzeInputs,
  cellOfIncident: Int32Array,
  grid: CellGrid,
  categoryWeights: Readonly<Record<string, number>>,
  config: HexreachConfig,
): { cube: SpaceTimeBins; counted: number; months: EvaluationRun['months']; notes: string[] } {
  const { incidents } = inputs;
  // Incidents, not harm: the estimates treat counts as Poisson. Weight-0 categories are left out.
  const weights = incidentWeights(incidents, categoryWeights).map((w) => (w > 0 ? 1 : 0));
  // A public run names no date taken from the incidents: its months are the configured window's.
  const window = configuredWindow(config);
  if (config.privacy.public && (window.from === undefined || window.to === undefined)) {
    throw new HexreachError(
      'E_CONFIG',
      `a public evaluation takes its months from the configuration, never from the incidents: set incidents.from and incidents.to`,
    );
  }
  const coverage = config.privacy.public
    ? { from: window.from as number, to: window.to as number }
    : incidentCoverage(incidents.time, cellOfIncident, window);
  if (coverage === undefined) {
    throw new HexreachError(
      'E_INPUT',
      `${incidents.source}: no incident has a date inside the study area: an evaluation compares months before and after a start`,
    );
  }
  const all = spaceTimeBins(incidents.time, cellOfIncident, grid.cells.length, {
    step: 'month',
    start: coverage.from,
    end: coverage.to,
    weights,
  });
  const whole = wholeSteps(all, coverage);
  let cube = whole.cube;
  const notes = whole.partial.map(
    (p) =>
      `${new Date(p.start).toISOString().slice(0, 7)} is covered for ${p.coveredDays} of its ${p.days} days and is left out: periods are whole months.`,
  );
  if (config.privacy.public) {
    const uniform =
      config.privacy.noiseSeed === undefined
        ? secretUniform()
        : mulberry32(config.privacy.noiseSeed);
    const counts = addDiscreteLaplaceNoise(
      cube.counts,
      { epsilon: config.privacy.epsilon },
      uniform,
    );
    cube = { ...cube, counts };
    notes.push(
      `Public: every count per cell and month is the true count plus discrete Laplace noise (ε = ${config.privacy.epsilon}, each incident in one cell-month), and every estimate is computed from the noisy counts.`,
    );
  }
  let counted = 0;
  for (const v of cube.counts) counted += v;
  const last = cube.steps > 0 ? cube.end - 86_400_000 : cube.end;
  return {
    cube,
    counted,
    months: {
      from: new Date(cube.stepStarts[0] ?? cube.end).toISOString().slice(0, 10),
      to: new Date(last).toISOString().slice(0, 10),
      count: cube.steps,
    },
    notes,
  };
}
