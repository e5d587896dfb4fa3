import { assertArgument } from '../errors.js';
import type {
  CellGrid,
  IncidentTable,
  Rejection,
  RejectionReason,
  RejectionSink,
} from '../types.js';
import { collectRejections, type RejectionCollector } from '../util/collectRejections.js';
import { CellLocator } from './cellLocator.js';

/** Incidents counted per cell of a grid, and what happened to every incident that was not counted. */
export interface BinnedIncidents {
  /**
   * Weighted count per cell, aligned with `grid.cells`: the sum over the cell's incidents of
   * incident weight × category weight.
   */
  readonly count: Float64Array;
  /** Number of incidents per cell, unweighted. */
  readonly incidents: Uint32Array;
  /**
   * Unweighted count per cell and category, row-major: cell `c`, category `k` is at
   * `c * categories.length + k`. Each cell's row sums to `incidents[c]`.
   */
  readonly byCategory: Uint32Array;
  /** Category names, the same as (and in the order of) the incident table's. */
  readonly categories: readonly string[];
  /** Per incident (row of the table), the index of its cell in the grid, or −1 when it was not counted. */
  readonly cellOfIncident: Int32Array;
  /** Number of incidents counted in a cell. */
  readonly accepted: number;
  /**
   * Valid incidents that fall outside the analysis: `outside-study-area` (no grid cell contains
   * the point), `outside-date-window` (its time is not in `[from, to)`, or it has no time) or
   * `excluded-category` (its category is one of `excludeCategories`). Empty when an `onOutside`
   * sink received them.
   */
  readonly outside: readonly Rejection[];
  /** Number of incidents outside the analysis, listed in `outside` or passed to `onOutside`. */
  readonly outsideCount: number;
  /**
   * Incidents that look wrong: `swapped-coordinates` (outside the grid, but inside it with
   * longitude and latitude exchanged), `invalid-coordinates` (NaN) or `out-of-range-coordinates`.
   * `accepted + outsideCount + rejectedCount` is the number of incidents. Empty when an
   * `onRejection` sink received them.
   */
  readonly rejections: readonly Rejection[];
  /** Number of incidents that look wrong, listed in `rejections` or passed to `onRejection`. */
  readonly rejectedCount: number;
}

/** 64 MiB of raster at most, however many incidents there are. */
const MAX_RASTER_PIXELS = 2 ** 24;

/** Options of {@link pointsToCells}. */
export interface PointsToCellsOptions {
  /** Severity weight per category name; categories not listed weigh `defaultCategoryWeight`. */
  readonly categoryWeights?: Readonly<Record<string, number>>;
  /** Weight of the categories missing from `categoryWeights`; default 1. */
  readonly defaultCategoryWeight?: number;
  /** Start of the time window, ms since 1970 (inclusive); default: no lower bound. */
  readonly from?: number;
  /** End of the time window, ms since 1970 (exclusive); default: no upper bound. */
  readonly to?: number;
  /**
   * Categories left out of the analysis altogether: their incidents are reported as outside
   * (`excluded-category`) and count in no cell, unlike a category weight of 0, which keeps them
   * in the incident counts. Names absent from the data are allowed (nothing to leave out).
   */
  readonly excludeCategories?: readonly string[];
  /** Receives each incident that looks wrong instead of `rejections` listing it (see {@link RejectionSink}). */
  readonly onRejection?: RejectionSink;
  /** Receives each incident outside the analysis instead of `outside` listing it. */
  readonly onOutside?: RejectionSink;
}

/**
 * Counts incidents per cell of an analysis grid: each point goes to the H3 cell that contains it,
 * weighted by its own weight times its category's severity weight. Points outside the grid, or
 * outside the time window, are reported one by one rather than dropped silently, and a point that
 * lands in the grid only after exchanging longitude and latitude is reported as swapped
 * coordinates, the most common mistake in incident exports.
 *
 * Points are located with a {@link CellLocator}: the same cell as `lngLatToCell`, but most points
 * are answered from a raster of the grid without an h3 call (about 0.25 µs per point against
 * 0.85 µs for `latLngToCell` alone on 1,000,000 points at resolution 8).
 *
 * @param incidents - the incident table
 * @param grid - the analysis cells; points are located at `grid.resolution`
 * @param options - category weights, the `[from, to)` time window, and sinks for the incidents
 *   not counted (to keep memory flat when millions of them fall outside)
 * @returns per-cell counts, the cell of each incident, and every incident not counted with its reason
 * @throws HexreachError `E_ARGUMENT` when a category weight is negative or not finite, or the
 *   window bounds are NaN or `from >= to`
 * @example
 * ```ts
 * const grid = studyAreaCells(tracts, 8);
 * const binned = pointsToCells(incidents, grid, {
 *   categoryWeights: { HOMICIDE: 10, BATTERY: 3 },
 *   from: Date.UTC(2018, 0, 1),
 *   to: Date.UTC(2018, 6, 1),
 * });
 * binned.count[grid.indexOf.get('882664c1a9fffff')!]; // weighted incidents in that cell
 * ```
 */
export function pointsToCells(
  incidents: IncidentTable,
  grid: CellGrid,
  options: PointsToCellsOptions = {},
): BinnedIncidents {
  const categoryWeight = categoryWeightsOf(incidents.categories, options);
  const { from, to, windowed } = timeWindow(options);
  const leftOut = new Set(options.excludeCategories ?? []);
  const excluded = Uint8Array.from(incidents.categories, (name) => (leftOut.has(name) ? 1 : 0));
  const window = windowText(from, to);

  const n = grid.cells.length;
  const nCategories = incidents.categories.length;
  const { lng, lat, time, category, weight } = incidents;
  const resolution = grid.resolution;
  const count = new Float64Array(n);
  const perCell = new Uint32Array(n);
  const byCategory = new Uint32Array(n * nCategories);
  const cellOfIncident = new Int32Array(incidents.length).fill(-1);
  const outside = collectRejections(options.onOutside);
  const rejections = collectRejections(options.onRejection);
  const reject = (list: RejectionCollector, i: number, reason: RejectionReason, message: string) =>
    list.push({
      source: incidents.source,
      recordKind: incidents.recordKind,
      record: incidents.record[i],
      reason,
      message,
    });

  // Most points are found by one array read; the raster may take 8 bytes per incident.
  const locator = new CellLocator(grid, Math.min(MAX_RASTER_PIXELS, 2 * incidents.length));
  let accepted = 0;
  for (let i = 0; i < incidents.length; i++) {
    const x = lng[i];
    const y = lat[i];
    if (excluded[category[i]] === 1) {
      const name = incidents.categories[category[i]];
      reject(outside, i, 'excluded-category', `category "${name}" is left out of the analysis`);
      continue;
    }
    if (windowed) {
      const t = time[i];
      if (!(t >= from && t < to)) {
        reject(outside, i, 'outside-date-window', outsideWindowMessage(t, window));
        continue;
      }
    }
    const c = locator.locate(x, y);
    if (c < 0) {
      const [reason, message] = unlocatedProblem(locator, x, y, resolution);
      reject(reason === 'outside-study-area' ? outside : rejections, i, reason, message);
      continue;
    }
    const k = category[i];
    count[c] += weight[i] * categoryWeight[k];
    perCell[c]++;
    byCategory[c * nCategories + k]++;
    cellOfIncident[i] = c;
    accepted++;
  }
  return {
    count,
    incidents: perCell,
    byCategory,
    categories: incidents.categories,
    cellOfIncident,
    accepted,
    outside: outside.list,
    outsideCount: outside.count,
    rejections: rejections.list,
    rejectedCount: rejections.count,
  };
}

/** The `[from, to)` window, checked; `windowed` when either bound was given. */
function timeWindow(options: PointsToCellsOptions): {
  from: number;
  to: number;
  windowed: boolean;
} {
  const from = options.from ?? Number.NEGATIVE_INFINITY;
  const to = options.to ?? Number.POSITIVE_INFINITY;
  assertArgument(
    !Number.isNaN(from) && !Number.isNaN(to) && from < to,
    'pointsToCells',
    `the time window [from, to) must have from < to, got [${from}, ${to})`,
    { from, to },
  );
  return { from, to, windowed: options.from !== undefined || options.to !== undefined };
}

function outsideWindowMessage(t: number, window: string): string {
  return Number.isNaN(t)
    ? `incident has no date, so it cannot be placed in the time window ${window}`
    : `incident date ${isoDate(t)} is outside the time window ${window}`;
}

/**
 * Why a point that no grid cell contains is not counted: coordinates that are no position, that
 * fit when exchanged, or a point simply outside the study area (`outside-study-area`).
 */
function unlocatedProblem(
  locator: CellLocator,
  x: number,
  y: number,
  resolution: number,
): [RejectionReason, string] {
  if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
    const invalid = Number.isNaN(x) || Number.isNaN(y);
    return [
      invalid ? 'invalid-coordinates' : 'out-of-range-coordinates',
      `coordinates (lng ${x}, lat ${y}) are ${invalid ? 'not numbers' : 'outside lng −180…180, lat −90…90'}`,
    ];
  }
  if (locator.locate(y, x) >= 0) {
    return [
      'swapped-coordinates',
      `point (lng ${x}, lat ${y}) is outside the study area, but (lng ${y}, lat ${x}) is inside it: longitude and latitude look swapped`,
    ];
  }
  return [
    'outside-study-area',
    `point (lng ${x}, lat ${y}) is outside the study area (no resolution-${resolution} cell of the grid contains it)`,
  ];
}

/** The weight of each category index, checked once so the loop does not. */
function categoryWeightsOf(
  categories: readonly string[],
  options: PointsToCellsOptions,
): Float64Array {
  const fallback = options.defaultCategoryWeight ?? 1;
  const given = options.categoryWeights ?? {};
  const checkWeight = (value: number, what: string) =>
    assertArgument(
      Number.isFinite(value) && value >= 0,
      'pointsToCells',
      `${what} must be a finite number >= 0, got ${value}`,
      value,
    );
  checkWeight(fallback, 'defaultCategoryWeight');
  for (const [name, value] of Object.entries(given)) checkWeight(value, `the weight of ${name}`);
  return Float64Array.from(categories, (name) =>
    Object.hasOwn(given, name) ? given[name] : fallback,
  );
}

/** A time as an ISO 8601 string, or as a number when it is not a date (±Infinity, 1e20). */
function isoDate(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/** The window `[from, to)` in words, for messages. */
function windowText(from: number, to: number): string {
  return `[${isoDate(from)}, ${isoDate(to)})`;
}
