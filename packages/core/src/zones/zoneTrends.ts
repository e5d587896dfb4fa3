import { assertArgument } from '../errors.js';
import { type Coverage, incidentCoverage } from '../stats/incidentCoverage.js';
import { mannKendall } from '../stats/mannKendall.js';
import { type SpaceTimeBins, spaceTimeBins, type TimeStep } from '../stats/spaceTimeBins.js';
import { type PartialSteps, wholeSteps } from '../stats/wholeSteps.js';

/** The incident trend of one zone. */
export interface ZoneTrend {
  /** Start of each time step compared, ms (wall-clock UTC): partial steps left out by default. */
  readonly stepStarts: readonly number[];
  /** Incidents in the zone in each step. */
  readonly counts: readonly number[];
  /** Days each step is compared over: its length, or its covered days with `partial: 'rate'`. */
  readonly days: readonly number[];
  /** Incidents per day in each step (`counts / days`): the series tested. */
  readonly perDay: readonly number[];
  /** Mann–Kendall trend test of the per-day rates (two-sided p). */
  readonly z: number;
  readonly p: number;
  readonly tau: number;
  /** `rising` or `falling` when p < alpha, else `no significant trend` (or `too few steps`). */
  readonly direction: 'rising' | 'falling' | 'no significant trend' | 'too few steps';
}

/** Options of {@link zoneTrends}. */
export interface ZoneTrendsOptions {
  /** Calendar step (default `month`). */
  readonly step?: TimeStep;
  /** Start of the cube, ms (default: the step of the first incident). */
  readonly start?: number;
  /** End of the cube (exclusive), ms (default: the end of the last incident's step). */
  readonly end?: number;
  /** Significance level of the trend (default 0.05). */
  readonly alpha?: number;
  /** The days the data cover (default: first to last day of the zones' incidents). */
  readonly coverage?: Coverage;
  /** A step the data cover in part: `drop` it (default) or keep it per covered day (`rate`). */
  readonly partial?: PartialSteps;
}

/**
 * How incidents in each zone changed over time: the zone's incidents per calendar step (week,
 * month or quarter, as `spaceTimeBins`) and the Mann–Kendall trend test (Mann 1945; Kendall
 * 1975; two-sided, significant at `alpha`) of the incidents per day of each step, so months of
 * 28 and 31 days compare as equals. A leading or trailing step the data cover only in part is
 * left out (`wholeSteps`), or with `partial: 'rate'` kept per covered day. Planners read it
 * beside the zone's categories: a rising zone needs attention sooner than a falling one.
 *
 * @param zoneOfCell - the zone of each cell, or −1 (`analyze`'s `zoneOfCell`)
 * @param zoneCount - the number of zones
 * @param time - each incident's time (ms; NaN when absent: not counted)
 * @param cellOfIncident - each incident's cell, or −1 (`pointsToCells`' `cellOfIncident`)
 * @param options - the step, the window, the significance level, the coverage and partial steps
 * @returns one trend per zone
 * @throws HexreachError `E_ARGUMENT` when the zone column and incidents do not match
 * @example
 * ```ts
 * const trends = zoneTrends(result.zoneOfCell, result.zones.length, incidents.time, result.binned.cellOfIncident);
 * trends[0].direction; // 'rising'
 * ```
 */
export function zoneTrends(
  zoneOfCell: ArrayLike<number>,
  zoneCount: number,
  time: ArrayLike<number>,
  cellOfIncident: ArrayLike<number>,
  options: ZoneTrendsOptions = {},
): ZoneTrend[] {
  assertArgument(
    time.length === cellOfIncident.length,
    'zoneTrends',
    `${time.length} times for ${cellOfIncident.length} incidents`,
  );
  const alpha = options.alpha ?? 0.05;
  // Bin incidents by zone and step: a zone is a "cell" of the cube.
  // A loop, not `Int32Array.from` with a map: this runs over every incident at each re-scoring.
  const zoneOfIncident = new Int32Array(cellOfIncident.length);
  for (let i = 0; i < cellOfIncident.length; i++) {
    const c = cellOfIncident[i];
    zoneOfIncident[i] = c >= 0 ? zoneOfCell[c] : -1;
  }
  let anyTime = false;
  for (let i = 0; i < time.length && !anyTime; i++)
    anyTime = zoneOfIncident[i] >= 0 && Number.isFinite(time[i]);
  if (zoneCount === 0 || !anyTime) {
    return Array.from({ length: zoneCount }, () => ({
      stepStarts: [],
      counts: [],
      days: [],
      perDay: [],
      z: Number.NaN,
      p: Number.NaN,
      tau: Number.NaN,
      direction: 'too few steps' as const,
    }));
  }
  const cube = spaceTimeBins(time, zoneOfIncident, zoneCount, {
    step: options.step ?? 'month',
    start: options.start,
    end: options.end,
  });
  // Defined: some incident of a zone has a time.
  const coverage = options.coverage ?? incidentCoverage(time, zoneOfIncident)!;
  return trendsOfZoneCube(cube, coverage, alpha, options.partial);
}

/**
 * The trends of zones from a cube of counts per cell and step (e.g. a public run's noisy
 * table): each zone's count in a step is the sum over its cells, then tested as
 * {@link zoneTrends} tests the incidents' own.
 *
 * @param cube - counts per cell and step
 * @param coverage - the days the counts cover
 * @example
 * ```ts
 * const trends = zoneTrendsOfCube(zoneOfCell, zones.length, noisySteps, window, { partial: 'drop' });
 * ```
 */
export function zoneTrendsOfCube(
  zoneOfCell: ArrayLike<number>,
  zoneCount: number,
  cube: SpaceTimeBins,
  coverage: Coverage,
  options: Pick<ZoneTrendsOptions, 'alpha' | 'partial'> = {},
): ZoneTrend[] {
  const { cells, steps } = cube;
  const counts = new Float64Array(steps * zoneCount);
  for (let t = 0; t < steps; t++) {
    for (let c = 0; c < cells; c++) {
      const z = zoneOfCell[c];
      if (z >= 0) counts[t * zoneCount + z] += cube.counts[t * cells + c];
    }
  }
  const zoneCube: SpaceTimeBins = { ...cube, cells: zoneCount, counts };
  return trendsOfZoneCube(zoneCube, coverage, options.alpha ?? 0.05, options.partial);
}

/** Each zone's series over whole steps, per day, with its Mann–Kendall test. */
function trendsOfZoneCube(
  zoneCube: SpaceTimeBins,
  coverage: Coverage,
  alpha: number,
  partial: PartialSteps | undefined,
): ZoneTrend[] {
  const zoneCount = zoneCube.cells;
  const whole = wholeSteps(zoneCube, coverage, { partial });
  const { cube } = whole;
  const days = Array.from(whole.days);
  return Array.from({ length: zoneCount }, (_, z) => {
    const counts = Array.from({ length: cube.steps }, (_, t) => cube.counts[t * zoneCount + z]);
    const perDay = Array.from({ length: cube.steps }, (_, t) => whole.perDay[t * zoneCount + z]);
    const test = mannKendall(perDay);
    const direction =
      cube.steps < 4
        ? 'too few steps'
        : test.p < alpha
          ? test.z > 0
            ? 'rising'
            : 'falling'
          : 'no significant trend';
    return {
      stepStarts: Array.from(cube.stepStarts),
      counts,
      days,
      perDay,
      z: test.z,
      p: test.p,
      tau: test.tau,
      direction,
    };
  });
}
