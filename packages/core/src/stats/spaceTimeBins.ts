import { assertArgument } from '../errors.js';

/** Calendar time steps of a space-time cube. */
export type TimeStep = 'week' | 'month' | 'quarter';

/** Options of {@link spaceTimeBins}. */
export interface SpaceTimeBinsOptions {
  /** Length of a step: `week` (Monday 00:00 to Monday), `month` or `quarter`. Default `month`. */
  readonly step?: TimeStep;
  /**
   * Start of the cube, ms since 1970 (wall-clock time read as UTC), widened down to the start of
   * its step. Default: the step of the earliest incident that has a cell.
   */
  readonly start?: number;
  /**
   * End of the cube (exclusive), ms since 1970, widened up to the next step boundary. Default:
   * the end of the step of the latest incident that has a cell.
   */
  readonly end?: number;
  /** Weight of each incident (e.g. incident weight × category weight). Default 1 each. */
  readonly weights?: ArrayLike<number>;
}

/**
 * Incident counts per cell and time step: a space-time cube. Every step between `start` and `end`
 * exists, with zero counts where nothing happened.
 */
export interface SpaceTimeBins {
  /** Number of cells n. */
  readonly cells: number;
  /** Number of time steps T. */
  readonly steps: number;
  /** The calendar step. */
  readonly step: TimeStep;
  /** Start of each step, ms since 1970 (UTC wall clock); length T, ascending. */
  readonly stepStarts: Float64Array;
  /** End of the last step (exclusive), ms since 1970. */
  readonly end: number;
  /**
   * Weighted count per bin, step-major (one time slice after another): cell `c` in step `t` is
   * `counts[t * cells + c]`; `counts.subarray(t * cells, (t + 1) * cells)` is step `t`'s map.
   */
  readonly counts: Float64Array;
  /** Number of incidents counted in a bin. */
  readonly counted: number;
  /** Incidents without a cell (cell index −1, e.g. outside the study area). */
  readonly outsideGrid: number;
  /** Incidents with a cell but without a time, or with a time outside `[start, end)`. */
  readonly outsideWindow: number;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Cubes above this many bins (2 GiB of counts) are refused rather than failing to allocate. */
const MAX_BINS = 2 ** 28;
const STEP_MONTHS: Record<TimeStep, number> = { week: 0, month: 1, quarter: 3 };

/** Midnight UTC on the first day of `month` (0-based, may overflow) of `year`, years < 100 included. */
function monthStart(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 1);
  return date.getTime();
}

/** The start of the step containing `t`. */
function stepFloor(t: number, step: TimeStep): number {
  if (step === 'week') {
    const days = Math.floor(t / DAY_MS);
    // 1970-01-01 was a Thursday: (days + 3) mod 7 counts days since Monday.
    const sinceMonday = (((days + 3) % 7) + 7) % 7;
    return (days - sinceMonday) * DAY_MS;
  }
  const date = new Date(t);
  const month = date.getUTCMonth();
  return monthStart(date.getUTCFullYear(), month - (month % STEP_MONTHS[step]));
}

/** The start of the step `k` steps after the step starting at `start`. */
function stepAfter(start: number, k: number, step: TimeStep): number {
  if (step === 'week') return start + k * WEEK_MS;
  const date = new Date(start);
  return monthStart(date.getUTCFullYear(), date.getUTCMonth() + k * STEP_MONTHS[step]);
}

/**
 * Bins incidents by cell and calendar time step into a space-time cube, as ArcGIS's Create Space
 * Time Cube By Aggregating Points does for its bins, on H3 cells. Steps follow the calendar of
 * the wall-clock time read as UTC (how hexreach stores incident times): weeks start on Monday
 * 00:00, months on the 1st, quarters on 1 January, April, July and October. The cube spans
 * `[start, end)` widened to whole steps; incidents outside it, without a time, or without a cell
 * are counted in `outsideWindow` / `outsideGrid` and not binned.
 *
 * @param time - per incident, ms since 1970 (e.g. `IncidentTable.time`); NaN when absent
 * @param cellOfIncident - per incident, its cell index in `[0, cells)` or −1 (e.g.
 *   `pointsToCells(…).cellOfIncident`)
 * @param cells - number of cells n of the grid
 * @param options - `step` (default `month`), `start`, `end`, per-incident `weights`
 * @returns the cube: step starts and step-major counts, with what was not binned
 * @throws HexreachError `E_ARGUMENT` if the lengths differ, a cell index is not an integer below
 *   `cells`, a weight is negative or not finite, `start`/`end` are not finite or `start ≥ end`,
 *   the window cannot be inferred (no timed incident with a cell), `step` is unknown, or the cube
 *   would exceed 2^28 bins
 * @example
 * ```ts
 * const binned = pointsToCells(incidents, grid);
 * const cube = spaceTimeBins(incidents.time, binned.cellOfIncident, grid.cells.length, {
 *   step: 'month',
 *   start: Date.UTC(2010, 0, 1),
 *   end: Date.UTC(2020, 0, 1),
 * });
 * cube.steps; // 120
 * cube.counts[5 * cube.cells + 42]; // incidents of cell 42 in June 2010
 * ```
 */
export function spaceTimeBins(
  time: ArrayLike<number>,
  cellOfIncident: ArrayLike<number>,
  cells: number,
  options: SpaceTimeBinsOptions = {},
): SpaceTimeBins {
  const step = checkArguments(time, cellOfIncident, cells, options);
  const { first, last } = timedRange(time, cellOfIncident, cells);
  const requested = requestedWindow(options, first, last, step);
  const { start, stepStarts, end } = stepGrid(requested.start, requested.end, cells, step);
  const steps = stepStarts.length;
  const { counts, counted, outsideGrid, outsideWindow } = countBins(
    time,
    cellOfIncident,
    cells,
    options.weights,
    stepStarts,
    start,
    end,
  );
  return { cells, steps, step, stepStarts, end, counts, counted, outsideGrid, outsideWindow };
}

/** Checks the step, the cell count, the lengths, the weights and the window; returns the step. */
function checkArguments(
  time: ArrayLike<number>,
  cellOfIncident: ArrayLike<number>,
  cells: number,
  options: SpaceTimeBinsOptions,
): TimeStep {
  const fn = 'spaceTimeBins';
  const step = options.step ?? 'month';
  assertArgument(
    step === 'week' || step === 'month' || step === 'quarter',
    fn,
    `step must be 'week', 'month' or 'quarter', got ${String(step)}`,
    step,
  );
  assertArgument(
    Number.isInteger(cells) && cells >= 0,
    fn,
    `cells must be an integer >= 0, got ${cells}`,
    cells,
  );
  const length = time.length;
  assertArgument(
    cellOfIncident.length === length,
    fn,
    `time has ${length} entries but cellOfIncident has ${cellOfIncident.length}`,
    cellOfIncident.length,
  );
  const weights = options.weights;
  if (weights !== undefined) {
    assertArgument(
      weights.length === length,
      fn,
      `weights has ${weights.length} entries for ${length} incidents`,
      weights.length,
    );
    // Checked before the message is built: this loop runs once per incident.
    for (let i = 0; i < length; i++) {
      if (!(Number.isFinite(weights[i]) && weights[i] >= 0)) {
        assertArgument(false, fn, `weights[${i}] = ${weights[i]} is not a finite number >= 0`, {
          index: i,
          value: weights[i],
        });
      }
    }
  }
  for (const [name, value] of [
    ['start', options.start],
    ['end', options.end],
  ] as const)
    assertArgument(
      value === undefined || Number.isFinite(value),
      fn,
      `${name} must be a finite time in ms, got ${value}`,
      value,
    );
  return step;
}

/** The earliest and latest time of an incident with a cell; checks every cell index. */
function timedRange(
  time: ArrayLike<number>,
  cellOfIncident: ArrayLike<number>,
  cells: number,
): { first: number; last: number } {
  const fn = 'spaceTimeBins';
  const length = time.length;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    const c = cellOfIncident[i];
    if (!(Number.isInteger(c) && c < cells && c >= -1)) {
      assertArgument(
        false,
        fn,
        `cellOfIncident[${i}] = ${c} is not −1 or an integer cell index below ${cells}`,
        { index: i, value: c },
      );
    }
    const t = time[i];
    if (c < 0 || !Number.isFinite(t)) continue;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  return { first, last };
}

/** The window asked for, or inferred from the timed incidents, before widening to steps. */
function requestedWindow(
  options: SpaceTimeBinsOptions,
  first: number,
  last: number,
  step: TimeStep,
): { start: number; end: number } {
  const fn = 'spaceTimeBins';
  const requestedStart = options.start ?? first;
  const requestedEnd =
    options.end ?? (Number.isFinite(last) ? stepAfter(stepFloor(last, step), 1, step) : last);
  assertArgument(
    Number.isFinite(requestedStart) && Number.isFinite(requestedEnd),
    fn,
    'start and end cannot be inferred: no incident has both a cell and a time',
    { start: options.start, end: options.end },
  );
  assertArgument(
    requestedStart < requestedEnd,
    fn,
    `start must be before end, got [${requestedStart}, ${requestedEnd})`,
    { start: requestedStart, end: requestedEnd },
  );
  return { start: requestedStart, end: requestedEnd };
}

/** The starts of the whole steps covering `[requestedStart, requestedEnd)`, and their end. */
function stepGrid(
  requestedStart: number,
  requestedEnd: number,
  cells: number,
  step: TimeStep,
): { start: number; stepStarts: Float64Array; end: number } {
  const fn = 'spaceTimeBins';
  const start = stepFloor(requestedStart, step);
  const starts: number[] = [];
  let boundary = start;
  while (boundary < requestedEnd) {
    starts.push(boundary);
    assertArgument(
      starts.length * Math.max(cells, 1) <= MAX_BINS,
      fn,
      `the cube would exceed ${MAX_BINS} bins (${cells} cells × more than ${starts.length} ${step}s)`,
      starts.length,
    );
    boundary = stepAfter(start, starts.length, step);
  }
  return { start, stepStarts: Float64Array.from(starts), end: boundary };
}

/** Adds each incident's weight to its bin, and counts those left out. */
function countBins(
  time: ArrayLike<number>,
  cellOfIncident: ArrayLike<number>,
  cells: number,
  weights: ArrayLike<number> | undefined,
  stepStarts: Float64Array,
  start: number,
  end: number,
): { counts: Float64Array; counted: number; outsideGrid: number; outsideWindow: number } {
  const length = time.length;
  const steps = stepStarts.length;
  const counts = new Float64Array(steps * cells);
  let counted = 0;
  let outsideGrid = 0;
  let outsideWindow = 0;
  for (let i = 0; i < length; i++) {
    const c = cellOfIncident[i];
    if (c < 0) {
      outsideGrid++;
      continue;
    }
    const t = time[i];
    if (!(t >= start && t < end)) {
      outsideWindow++;
      continue;
    }
    // The last step start ≤ t, by bisection over the (few hundred) step starts.
    let lo = 0;
    let hi = steps - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (stepStarts[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    counts[lo * cells + c] += weights === undefined ? 1 : weights[i];
    counted++;
  }
  return { counts, counted, outsideGrid, outsideWindow };
}
