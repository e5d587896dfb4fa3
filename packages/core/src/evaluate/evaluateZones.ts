import { assertArgument } from '../errors.js';
import { lngLatToCell } from '../hex/h3.js';
import { type TrustResult, trustByCell } from '../indicators/trustByCell.js';
import type { EngagementTable } from '../io/readEngagementCsv.js';
import type { SpaceTimeBins } from '../stats/spaceTimeBins.js';
import type { CellGrid, SpatialWeights, SurveyTable } from '../types.js';
import {
  type CrimeChange,
  crimeChange,
  type DiDCountColumns,
  type Displacement,
  zOfCounts,
} from './crimeChange.js';
import { type DiDCounts, differenceInDifferences } from './differenceInDifferences.js';
import { engagementByZone, type ZoneEngagement } from './engagementByZone.js';
import { type EvaluationWindow, evaluationWindow } from './evaluationWindow.js';
import {
  type ComparisonMatcher,
  createMatcher,
  type MatchedComparison,
} from './matchComparisonCells.js';
import { type PeriodTotals, periodTotals } from './periodTotals.js';
import { placeboTest } from './placeboTest.js';
import { type TrustChange, trustChange } from './trustChange.js';
import { zoneRing } from './zoneRing.js';
import { zoneSentence } from './zoneSentence.js';

/** A zone to evaluate: its cells in the grid and when the work in it started. */
export interface EvaluationZone {
  readonly id: string;
  /** A name to show ('' or absent: the id). */
  readonly name?: string;
  /** Its cells, as indexes into the grid. */
  readonly cells: Int32Array;
  /** Start of the intervention, ms (wall clock, as incident times). */
  readonly start: number;
  /** End of the intervention, ms; absent while it goes on. */
  readonly end?: number;
}

/** What {@link evaluateZones} evaluates. */
export interface EvaluateZonesInput {
  readonly grid: CellGrid;
  /** Edge neighbours of the grid: rings and placebo zones grow along them. */
  readonly contiguity: SpatialWeights;
  /** Incidents per cell and whole month (spaceTimeBins with `step: 'month'`, then wholeSteps). */
  readonly cube: SpaceTimeBins;
  readonly zones: readonly EvaluationZone[];
  /** Need per cell (e.g. the vulnerability index), matched on when given. */
  readonly need?: Float64Array;
  /** Residents per cell, for attendance per 1,000 residents. */
  readonly population?: Float64Array;
  /** Survey answers with dates, split into a wave before and a wave after each start. */
  readonly surveys?: {
    readonly table: SurveyTable;
    readonly answer: string;
    readonly scale?: { readonly min: number; readonly max: number };
    readonly higherIsMoreTrust?: boolean;
  };
  readonly engagement?: EngagementTable;
}

/** Options of {@link evaluateZones}. */
export interface EvaluateZonesOptions {
  /** Ring width around each zone, in cells (default 1). */
  readonly bufferK?: number;
  /** Comparison cells matched to each zone cell (default 3). */
  readonly matches?: number;
  /** Placebo zones per zone (default 999). */
  readonly placebos?: number;
  /** Seed of the placebo draws (default 1). */
  readonly seed?: number;
  /** Level of the intervals (default 0.9). */
  readonly confidence?: number;
  /** Months in each of the two periods (default: as many as the data allow, at most 12). */
  readonly months?: number;
  /** Zones with fewer survey answers in a wave are flagged, not scored (default 10). */
  readonly minAnswers?: number;
}

/** Monthly incidents per day of a zone, its ring and its comparison, for the chart. */
export interface ZoneSeries {
  /** First day of each month, `YYYY-MM-DD`. */
  readonly months: readonly string[];
  readonly zone: readonly number[];
  readonly buffer: readonly number[];
  readonly comparison: readonly number[];
  /** Index of the first month of the after period. */
  readonly startIndex: number;
}

/** The outcomes of one zone. */
export interface ZoneEvaluation {
  readonly id: string;
  readonly name: string;
  readonly cells: number;
  readonly start: string;
  readonly window: {
    readonly before: { readonly from: string; readonly to: string; readonly days: number };
    readonly after: { readonly from: string; readonly to: string; readonly days: number };
    readonly months: number;
  };
  readonly crime: CrimeChange;
  readonly displacement: Displacement;
  readonly trust?: TrustChange;
  readonly engagement?: ZoneEngagement;
  readonly series: ZoneSeries;
  readonly sentence: string;
}

/** The outcomes of every zone and of all together. */
export interface Evaluation {
  readonly zones: readonly ZoneEvaluation[];
  /** All zones as one: summed counts, placebos summed draw by draw. */
  readonly all: CrimeChange;
  readonly engagement?: {
    /** Zones with at least one activity, their share, and the ids of those without. */
    readonly reached: number;
    readonly share: number;
    readonly notReached: readonly string[];
    /** Activities in no zone. */
    readonly outsideZones: number;
  };
  readonly matching: {
    readonly rule: string;
    readonly features: readonly string[];
    readonly poolCells: number;
    readonly matches: number;
  };
  readonly settings: Required<Omit<EvaluateZonesOptions, 'months'>>;
  /**
   * Warnings on the comparisons: a zone whose matched comparison had far fewer (or more)
   * incidents before the start than the zone itself (outside ×0.8–1.25), which happens when the
   * zone is busier than any cell outside; such a comparison regresses to the mean differently.
   */
  readonly notes: readonly string[];
}

/**
 * Did the work in each zone change crime, trust and engagement? Per zone: incidents before and
 * after its start against comparison cells matched on the before period's level and trend (and
 * need) outside every zone and its ring; a placebo-calibrated interval and p-value; the weighted
 * displacement quotient of its ring; the trust change between survey waves; the engagement after
 * its start; and a sentence. All zones together as one treated group. Pure: the cube, grid and
 * tables in, plain data out.
 *
 * @param input - grid, monthly cube, zones, and optionally need, population, surveys, engagement
 * @param options - ring width, matches, placebos, seed, confidence, months, minimum answers
 * @returns the evaluation of each zone and of all zones
 * @throws HexreachError `E_ARGUMENT` for no zone, a zone without cells, two zones sharing a
 *   cell, a cube not monthly, or a start without a whole month of data on each side
 * @example
 * ```ts
 * const evaluation = evaluateZones({ grid, contiguity, cube, zones }, { placebos: 999, seed: 7 });
 * evaluation.zones[0].sentence; // "Incidents fell 18 % (90 % CI −29 % to −6 %) against matched areas; …"
 * ```
 */
export function evaluateZones(
  input: EvaluateZonesInput,
  options: EvaluateZonesOptions = {},
): Evaluation {
  const fn = 'evaluateZones';
  const { grid, contiguity, cube, zones } = input;
  const settings = {
    bufferK: options.bufferK ?? 1,
    matches: options.matches ?? 3,
    placebos: options.placebos ?? 999,
    seed: options.seed ?? 1,
    confidence: options.confidence ?? 0.9,
    minAnswers: options.minAnswers ?? 10,
  };
  assertArgument(zones.length > 0, fn, 'no zone to evaluate', zones.length);
  assertArgument(
    cube.step === 'month',
    fn,
    `the cube must be monthly, got ${cube.step}`,
    cube.step,
  );
  const n = grid.cells.length;
  const zoneOf = new Int32Array(n).fill(-1);
  zones.forEach((zone, z) => {
    assertArgument(zone.cells.length > 0, fn, `zone ${zone.id} has no cell in the grid`, zone.id);
    for (const c of zone.cells) {
      assertArgument(
        zoneOf[c] < 0,
        fn,
        `zones ${zones[Math.max(0, zoneOf[c])].id} and ${zone.id} share the cell ${grid.cells[c]}: a cell can be treated by one zone only`,
        zone.id,
      );
      zoneOf[c] = z;
    }
  });
  const rings = zones.map((zone) =>
    zoneRing(contiguity, zone.cells, settings.bufferK).filter((c) => zoneOf[c] < 0),
  );
  const inPool = new Uint8Array(n).fill(1);
  for (let c = 0; c < n; c++) if (zoneOf[c] >= 0) inPool[c] = 0;
  for (const ring of rings) for (const c of ring) inPool[c] = 0;
  const windows = new WindowCache(input, inPool, options.months, settings.matches);
  const places = input.engagement && engagementCells(input.engagement, grid);

  const evaluated = zones.map((zone, z) => {
    const { window, totals, matcher, trust } = windows.of(zone);
    const result = crimeChange(zone.cells, rings[z], {
      contiguity,
      totals,
      matcher,
      inPool,
      bufferK: settings.bufferK,
      placebos: settings.placebos,
      confidence: settings.confidence,
      seed: settings.seed + z,
    });
    const trustResult =
      trust &&
      trustChange(zone.cells, windows.poolOf(), trust, {
        minAnswers: settings.minAnswers,
        confidence: settings.confidence,
      });
    const inZone = new Uint8Array(n);
    for (const c of zone.cells) inZone[c] = 1;
    let population = 0;
    for (const c of zone.cells) population += input.population?.[c] ?? 0;
    const until = monthEnd(cube, window.afterFrom + window.months - 1);
    const engagement =
      input.engagement &&
      places &&
      engagementByZone(
        input.engagement,
        places,
        { id: zone.id, inZone, start: zone.start, population },
        until,
      );
    const scale = input.surveys?.scale;
    return {
      zone: {
        id: zone.id,
        name: zone.name !== undefined && zone.name !== '' ? zone.name : zone.id,
        cells: zone.cells.length,
        start: isoDay(zone.start),
        window: windowDates(cube, window),
        crime: result.crime,
        displacement: result.displacement,
        ...(trustResult ? { trust: trustResult } : {}),
        ...(engagement ? { engagement } : {}),
        series: zoneSeries(cube, window, zone.cells, rings[z], result.comparison),
        sentence: zoneSentence({
          crime: result.crime,
          displacement: result.displacement,
          trust: trustResult,
          engagement,
          scale,
        }),
      } satisfies ZoneEvaluation,
      observed: result.observed,
      placebo: result.placeboCounts,
    };
  });
  const features = ['incidents per day before', 'trend of monthly incidents before'];
  if (input.need !== undefined) features.push('need');
  return {
    zones: evaluated.map((e) => e.zone),
    all: pooledChange(
      evaluated.map((e) => e.observed),
      evaluated.map((e) => e.placebo),
      settings.confidence,
    ),
    ...(input.engagement && places
      ? {
          engagement: engagementSummary(
            evaluated.map((e) => e.zone),
            input.engagement,
            places,
            zoneOf,
            zones,
          ),
        }
      : {}),
    matching: {
      rule: `each zone cell's ${settings.matches} nearest cells outside every zone and its ${settings.bufferK}-cell ring, with replacement, by standardised Euclidean distance on ${features.join(', ')}`,
      features,
      poolCells: windows.poolCells(),
      matches: settings.matches,
    },
    settings,
    notes: balanceNotes(evaluated.map((e) => e.zone)),
  };
}

/** Per distinct start and end: the window, its per-cell totals, the matcher and the trust waves. */
class WindowCache {
  private readonly cache = new Map<
    string,
    {
      window: EvaluationWindow;
      totals: PeriodTotals;
      matcher: ComparisonMatcher;
      trust?: { before: TrustResult; after: TrustResult };
    }
  >();
  private pool = 0;
  private poolList: Int32Array | undefined;

  constructor(
    private readonly input: EvaluateZonesInput,
    private readonly inPool: Uint8Array,
    private readonly months: number | undefined,
    private readonly matches: number,
  ) {}

  of(zone: EvaluationZone) {
    const key = `${zone.start}/${zone.end ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const { cube, need, grid } = this.input;
    const window = evaluationWindow(cube.stepStarts, cube.end, zone.start, {
      months: this.months,
      end: zone.end,
    });
    const totals = periodTotals(cube.counts, cube.cells, window);
    const pool: number[] = [];
    for (let c = 0; c < this.inPool.length; c++) if (this.inPool[c] === 1) pool.push(c);
    const features: ArrayLike<number>[] = [totals.level, totals.trend];
    if (need !== undefined) features.push(need);
    const matcher = createMatcher(features, pool, { matches: this.matches });
    this.pool = matcher.pool.length;
    const surveys = this.input.surveys;
    const trust =
      surveys === undefined
        ? undefined
        : {
            before: waveTrust(
              surveys,
              grid,
              monthStartOf(cube, window.beforeFrom),
              monthEnd(cube, window.beforeFrom + window.months - 1),
            ),
            after: waveTrust(
              surveys,
              grid,
              monthStartOf(cube, window.afterFrom),
              monthEnd(cube, window.afterFrom + window.months - 1),
            ),
          };
    const entry = { window, totals, matcher, ...(trust ? { trust } : {}) };
    this.cache.set(key, entry);
    return entry;
  }

  poolCells(): number {
    return this.pool;
  }

  /** Every cell outside the zones and their rings: the trust comparison, whose answers are many. */
  poolOf(): Int32Array {
    if (this.poolList === undefined) {
      const list: number[] = [];
      for (let c = 0; c < this.inPool.length; c++) if (this.inPool[c] === 1) list.push(c);
      this.poolList = Int32Array.from(list);
    }
    return this.poolList;
  }
}

/** Trust per cell from the answers dated in `[from, to)`. */
function waveTrust(
  surveys: NonNullable<EvaluateZonesInput['surveys']>,
  grid: CellGrid,
  from: number,
  to: number,
): TrustResult {
  const { table } = surveys;
  const keep: number[] = [];
  for (let r = 0; r < table.length; r++)
    if (table.time[r] >= from && table.time[r] < to) keep.push(r);
  const pick = <T extends Float64Array | Uint32Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(keep.length);
    keep.forEach((r, i) => {
      out[i] = column[r];
    });
    return out;
  };
  const answers = new Map(Object.entries(table.answers)).get(surveys.answer);
  const wave: SurveyTable = {
    source: table.source,
    length: keep.length,
    lng: pick(table.lng),
    lat: pick(table.lat),
    time: pick(table.time),
    answers: Object.fromEntries(answers === undefined ? [] : [[surveys.answer, pick(answers)]]),
    record: pick(table.record),
  };
  return trustByCell(wave, grid, surveys.answer, {
    scale: surveys.scale,
    higherIsMoreTrust: surveys.higherIsMoreTrust,
  });
}

/** All zones as one treated group: counts summed, and each placebo draw summed over zones. */
function pooledChange(
  observed: readonly DiDCounts[],
  placebos: readonly DiDCountColumns[],
  confidence: number,
): CrimeChange {
  const sum = (key: keyof DiDCounts) => observed.reduce((s, o) => s + (o[key] ?? 0), 0);
  const counts: DiDCounts = {
    treatedBefore: sum('treatedBefore'),
    treatedAfter: sum('treatedAfter'),
    comparisonBefore: sum('comparisonBefore'),
    comparisonAfter: sum('comparisonAfter'),
    comparisonVarianceBefore: sum('comparisonVarianceBefore'),
    comparisonVarianceAfter: sum('comparisonVarianceAfter'),
  };
  const draws = Math.min(...placebos.map((p) => p.treatedBefore.length));
  const pooled = Object.fromEntries(
    (Object.keys(placebos[0]) as (keyof DiDCountColumns)[]).map((key) => {
      const column = new Float64Array(draws);
      for (const p of placebos) for (let i = 0; i < draws; i++) column[i] += p[key][i];
      return [key, column];
    }),
  ) as unknown as DiDCountColumns;
  const estimate = differenceInDifferences(counts);
  const test = placeboTest(estimate.z, zOfCounts(pooled), confidence);
  const half = test.critical * estimate.se;
  return {
    change: estimate.change,
    low: Math.expm1(estimate.logRatio - half),
    high: Math.expm1(estimate.logRatio + half),
    p: test.p,
    confidence,
    zone: { before: counts.treatedBefore, after: counts.treatedAfter },
    comparison: {
      before: counts.comparisonBefore,
      after: counts.comparisonAfter,
      cells: Number.NaN,
    },
    placebos: test.placebos,
    placebosLevelMatched: Number.NaN,
    critical: test.critical,
  };
}

/** Each activity's cell in the grid, −1 without coordinates or outside. */
function engagementCells(log: EngagementTable, grid: CellGrid): { cell: Int32Array } {
  const cell = new Int32Array(log.length).fill(-1);
  for (let i = 0; i < log.length; i++) {
    if (!Number.isFinite(log.lng[i])) continue;
    cell[i] = grid.indexOf.get(lngLatToCell(log.lng[i], log.lat[i], grid.resolution)) ?? -1;
  }
  return { cell };
}

function engagementSummary(
  evaluated: readonly ZoneEvaluation[],
  log: EngagementTable,
  places: { cell: Int32Array },
  zoneOf: Int32Array,
  zones: readonly EvaluationZone[],
) {
  const ids = new Set(zones.map((z) => z.id));
  let outsideZones = 0;
  for (let i = 0; i < log.length; i++) {
    const c = places.cell[i];
    if (!ids.has(log.zone[i]) && !(c >= 0 && zoneOf[c] >= 0)) outsideZones++;
  }
  const notReached = evaluated.filter((z) => (z.engagement?.events ?? 0) === 0).map((z) => z.id);
  const reached = evaluated.length - notReached.length;
  return { reached, share: reached / evaluated.length, notReached, outsideZones };
}

/** Monthly incidents per day of the zone, ring and comparison over the two periods. */
function zoneSeries(
  cube: SpaceTimeBins,
  window: EvaluationWindow,
  zone: Int32Array,
  ring: Int32Array,
  comparison: MatchedComparison,
): ZoneSeries {
  const months: string[] = [];
  const zoneRate: number[] = [];
  const bufferRate: number[] = [];
  const comparisonRate: number[] = [];
  const from = window.beforeFrom;
  const to = window.afterFrom + window.months;
  for (let t = from; t < to; t++) {
    const days = (monthEnd(cube, t) - cube.stepStarts[t]) / 86_400_000;
    const slice = cube.counts.subarray(t * cube.cells, (t + 1) * cube.cells);
    let zs = 0;
    for (const c of zone) zs += slice[c];
    let bs = 0;
    for (const c of ring) bs += slice[c];
    let cs = 0;
    for (let j = 0; j < comparison.cells.length; j++)
      cs += comparison.weights[j] * slice[comparison.cells[j]];
    months.push(isoDay(cube.stepStarts[t]));
    zoneRate.push(zs / days);
    bufferRate.push(bs / days);
    comparisonRate.push(cs / days);
  }
  return {
    months,
    zone: zoneRate,
    buffer: bufferRate,
    comparison: comparisonRate,
    startIndex: window.afterFrom - from,
  };
}

function windowDates(cube: SpaceTimeBins, window: EvaluationWindow): ZoneEvaluation['window'] {
  const last = (from: number) => monthEnd(cube, from + window.months - 1) - 86_400_000;
  return {
    before: {
      from: isoDay(cube.stepStarts[window.beforeFrom]),
      to: isoDay(last(window.beforeFrom)),
      days: window.beforeDays,
    },
    after: {
      from: isoDay(cube.stepStarts[window.afterFrom]),
      to: isoDay(last(window.afterFrom)),
      days: window.afterDays,
    },
    months: window.months,
  };
}

const monthStartOf = (cube: SpaceTimeBins, t: number) => cube.stepStarts[t];
const monthEnd = (cube: SpaceTimeBins, t: number) =>
  t + 1 < cube.steps ? cube.stepStarts[t + 1] : cube.end;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A note per zone whose comparison's before count is not within ×0.8–1.25 of the zone's. */
function balanceNotes(zones: readonly ZoneEvaluation[]): string[] {
  const notes: string[] = [];
  for (const z of zones) {
    const ratio = z.crime.comparison.before / z.crime.zone.before;
    if (!Number.isFinite(ratio) || (ratio >= 0.8 && ratio <= 1.25)) continue;
    notes.push(
      `${z.id}: its matched comparison had ${ratio.toFixed(2)}× its incidents before the start (${Math.round(z.crime.comparison.before)} against ${Math.round(z.crime.zone.before)}): too few cells outside the zones are as busy, so the comparison may not regress to the mean as the zone does; read its estimate with care.`,
    );
  }
  return notes;
}
