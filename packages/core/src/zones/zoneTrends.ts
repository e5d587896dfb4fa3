import { assertArgument } from '../errors.js';
import { mannKendall } from '../stats/mannKendall.js';
import { spaceTimeBins, type TimeStep } from '../stats/spaceTimeBins.js';

/** The incident trend of one zone. */
export interface ZoneTrend {
  /** Start of each time step, ms (wall-clock UTC). */
  readonly stepStarts: readonly number[];
  /** Incidents in the zone in each step. */
  readonly counts: readonly number[];
  /** Mann–Kendall trend test of the counts (two-sided p). */
  readonly z: number;
  readonly p: number;
  readonly tau: number;
  /** `rising` or `falling` when p < alpha, else `no significant trend` (or `too few steps`). */
  readonly direction: 'rising' | 'falling' | 'no significant trend' | 'too few steps';
}

/**
 * How incidents in each zone changed over time: the zone's incidents per calendar step (week,
 * month or quarter, as `spaceTimeBins`) and the Mann–Kendall trend test of that series
 * (Mann 1945; Kendall 1975; two-sided, significant at `alpha`). Planners read it beside the zone's
 * categories: a rising zone needs attention sooner than a falling one.
 *
 * @param zoneOfCell - the zone of each cell, or −1 (`analyze`'s `zoneOfCell`)
 * @param zoneCount - the number of zones
 * @param time - each incident's time (ms; NaN when absent: not counted)
 * @param cellOfIncident - each incident's cell, or −1 (`pointsToCells`' `cellOfIncident`)
 * @param options - the step, the window and the significance level
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
  options: {
    readonly step?: TimeStep;
    readonly start?: number;
    readonly end?: number;
    readonly alpha?: number;
  } = {},
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
  return Array.from({ length: zoneCount }, (_, z) => {
    const counts = Array.from({ length: cube.steps }, (_, t) => cube.counts[t * zoneCount + z]);
    const test = mannKendall(counts);
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
      z: test.z,
      p: test.p,
      tau: test.tau,
      direction,
    };
  });
}
