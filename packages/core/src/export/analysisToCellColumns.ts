import type { AnalysisResult } from '../pipeline/analysisResult.js';
import { PARTNER_CLASS_LABELS } from '../priority/partnerClasses.js';
import type { PriorityResult } from '../priority/priorityScore.js';
import { suppressSmallCount } from './suppressSmallCount.js';

/** A per-cell column: one number, string or null per cell. */
type CellColumn = ArrayLike<number> | readonly (string | number | null)[];

/** Options of {@link analysisToCellColumns}. */
export interface AnalysisToCellColumnsOptions {
  /** The public-export threshold k: small counts are written as `"<k"` (default: none). */
  readonly minCount?: number;
  /**
   * Which columns to build, by name (default: every one). A column left out costs nothing: a
   * viewer that wants the score columns does not pay for every cell's reasons in words.
   */
  readonly include?: (column: string) => boolean;
}

/**
 * The per-cell columns written to `cells.geojson` and `cells.csv`, in a fixed order. Names are
 * stable and documented in the README's output reference:
 * `incidents`, `weighted_incidents`, `society_incidents` (with crimes against society left out of the count), `population`, `area_<attribute>`, `rate_per_<per>`,
 * `rate_eb_per_<per>`, `kde_per_km2`, `kde_per_<per>`,
 * `gi_z`, `gi_p`, `gi_p_fdr`, `gi_bin`, `need_<indicator>`, `need_theme_<theme>`, `need_index`, `need_index_low`, `need_index_high`, `need_flags`,
 * `need_missing`, `eh_pattern`, `eh_trend_z`, `eh_trend_p`, `eh_hot_steps`, `eh_cold_steps`,
 * `change_before`, `change_after`, `change_difference`, `change_rate_ratio`, `change_p`,
 * `change_p_fdr`, `trust_responses`, `trust_mean`, `trust_shrunk`, `trust_deficit`,
 * `trust_few_responses`, `partner_nearest_m`, `partners_within_radius`, `partner_<type>_m`,
 * `joint_class`, `partner_class`, `reasons`, `robustness`, `score`, `score_<component>`, `zone`, `zone_rank`, `coverage`, `area_km2`.
 *
 * `population` and the rates are written only when the analysis has a population attribute.
 * With `minCount` (a public export), `incidents`, `weighted_incidents` and the rate are written
 * as `"<k"` in cells with 1 to k − 1 incidents. With `include`, only the columns it accepts are
 * built, in the same order.
 *
 * @param result - the result of `analyze`
 * @param options - `minCount`: the public-export threshold k; `include`: which columns to build
 * @returns columns by name, each with one entry per cell of `result.grid`
 * @example
 * ```ts
 * const columns = analysisToCellColumns(analyze(inputs, config));
 * columns.gi_z[0];
 * const zones = analysisToCellColumns(result, { include: (name) => name.startsWith('zone') });
 * Object.keys(zones); // ['zone', 'zone_rank']
 * ```
 */
export function analysisToCellColumns(
  result: AnalysisResult,
  options: AnalysisToCellColumnsOptions = {},
): Record<string, CellColumn> {
  const k = options.minCount;
  const include = options.include ?? (() => true);
  const incidents = result.binned.incidents;
  const columns: Record<string, CellColumn> = {};
  // Columns are built on demand: a few of them (reasons, classes, suppressed counts) cost
  // milliseconds each on 50,000 cells.
  const add = (name: string, build: () => CellColumn) => {
    if (include(name)) columns[name] = build();
  };
  // In a public export every column that reveals a small count is suppressed with it.
  const guarded = (values: ArrayLike<number>) =>
    k === undefined ? values : Array.from(values, (v, i) => suppressSmallCount(incidents[i], k, v));
  addCountAndAreaColumns(result, add, guarded);
  addHotspotColumns(result, add);
  addNeedColumns(result, add);
  addEmergingColumns(result, add);
  addChangeColumns(result, add, guarded, k);
  addTrustColumns(result, add, k);
  addPartnerColumns(result, add);
  addPriorityColumns(result, add);
  if (include('zone') || include('zone_rank')) addZoneColumns(result, add);
  add('coverage', () => result.coverage);
  add('area_km2', () => result.areaKm2);
  return columns;
}

/** Adds a column built on demand, when the caller includes it. */
type AddColumn = (name: string, build: () => CellColumn) => void;

/** A count-revealing column, suppressed with the count in a public export. */
type Guard = (values: ArrayLike<number>) => CellColumn;

/** The incident counts, the area attributes, the rates and the density. */
function addCountAndAreaColumns(result: AnalysisResult, add: AddColumn, guarded: Guard): void {
  add('incidents', () => guarded(result.binned.incidents));
  add('weighted_incidents', () => guarded(result.binned.count));
  if (result.counting.society.length > 0)
    add('society_incidents', () => guarded(societyIncidents(result)));
  const population = result.populationAttribute;
  if (population !== undefined) add('population', () => result.attributes[population]);
  for (const [name, values] of Object.entries(result.attributes)) {
    if (name !== population) add(`area_${name}`, () => values);
  }
  const per = result.config.rates.per;
  // Without residents there is no rate: the column would be null in every cell.
  if (population !== undefined) add(`rate_per_${per}`, () => guarded(result.rate));
  const smoothedRate = result.smoothedRate;
  if (smoothedRate !== undefined) add(`rate_eb_per_${per}`, () => guarded(smoothedRate));
  if (result.kde !== undefined) {
    const { density, ratio } = result.kde;
    add('kde_per_km2', () => density);
    if (ratio !== undefined) add(`kde_per_${per}`, () => ratio);
  }
}

/** Each cell's crimes against society, which `incidents.count: "harm"` leaves out of the score. */
function societyIncidents(result: AnalysisResult): Float64Array {
  const { binned, counting } = result;
  const K = binned.categories.length;
  const society = binned.categories.flatMap((name, k) =>
    counting.society.includes(name) ? [k] : [],
  );
  const out = new Float64Array(binned.incidents.length);
  for (let c = 0; c < out.length; c++)
    for (const k of society) out[c] += binned.byCategory[c * K + k];
  return out;
}

/** Gi* and, when computed, local Moran. */
function addHotspotColumns(result: AnalysisResult, add: AddColumn): void {
  const hotspots = result.hotspots;
  add('gi_z', () => hotspots.z);
  add('gi_p', () => hotspots.p);
  add('gi_p_fdr', () => hotspots.pFdr);
  add('gi_bin', () => hotspots.bin);
  if (hotspots.pSim !== undefined) {
    add('gi_p_sim', () => hotspots.pSim!);
    add('gi_z_sim', () => hotspots.zSim!);
    add('gi_p_sim_fdr', () => hotspots.pSimFdr!);
  }
  if (result.lisa !== undefined) {
    const lisa = result.lisa;
    add('lisa_i', () => lisa.I);
    add('lisa_z', () => lisa.z);
    add('lisa_p', () => lisa.p);
    if (lisa.pSim !== undefined) add('lisa_p_sim', () => lisa.pSim!);
    add('lisa_quadrant', () => lisa.quadrant);
  }
}

function addNeedColumns(result: AnalysisResult, add: AddColumn): void {
  if (result.vulnerability === undefined) return;
  const v = result.vulnerability;
  for (const [name, rank] of Object.entries(v.ranks)) add(`need_${name}`, () => rank);
  for (const [theme, t] of Object.entries(v.themes)) add(`need_theme_${theme}`, () => t.index);
  add('need_index', () => v.index);
  const interval = result.needInterval;
  if (interval !== undefined) {
    add('need_index_low', () => interval.low);
    add('need_index_high', () => interval.high);
  }
  add('need_flags', () => v.flags);
  add('need_missing', () => v.missing);
}

function addEmergingColumns(result: AnalysisResult, add: AddColumn): void {
  if (result.emerging === undefined) return;
  const e = result.emerging.result;
  add('eh_pattern', () => e.category);
  add('eh_trend_z', () => e.trendZ);
  add('eh_trend_p', () => e.trendP);
  add('eh_hot_steps', () => e.hotSteps);
  add('eh_cold_steps', () => e.coldSteps);
}

function addChangeColumns(
  result: AnalysisResult,
  add: AddColumn,
  guarded: Guard,
  k: number | undefined,
): void {
  if (result.change === undefined) return;
  const c = result.change;
  add('change_before', () => guarded(c.before));
  add('change_after', () => guarded(c.after));
  add('change_difference', () =>
    k === undefined ? c.result.difference : suppressedDifference(c, k),
  );
  add('change_rate_ratio', () => c.result.rateRatio);
  add('change_p', () => c.result.p);
  add('change_p_fdr', () => c.result.pFdr);
}

function addTrustColumns(result: AnalysisResult, add: AddColumn, k: number | undefined): void {
  if (result.trust === undefined) return;
  const t = result.trust;
  // Survey answers are published only as aggregates over at least k respondents.
  const answered = (values: ArrayLike<number>) =>
    k === undefined
      ? values
      : Array.from(values, (v, i) => suppressSmallCount(t.responses[i], k, v));
  add('trust_responses', () => answered(t.responses));
  add('trust_mean', () => answered(t.mean));
  add('trust_shrunk', () => answered(t.shrunk));
  add('trust_deficit', () => answered(t.deficit));
  add('trust_few_responses', () => t.fewResponses);
}

function addPartnerColumns(result: AnalysisResult, add: AddColumn): void {
  if (result.partners === undefined) return;
  const a = result.partners;
  add('partner_nearest_m', () => a.nearestAnyMeters);
  add('partners_within_radius', () => a.anyWithinRadius);
  const capacity = a.capacityWithinRadius;
  if (capacity !== undefined) add('partner_capacity_within_radius', () => capacity);
  for (const type of a.types) add(`partner_${toColumnName(type)}_m`, () => a.nearestMeters[type]);
}

/** The classes, reasons, robustness and score columns. */
function addPriorityColumns(result: AnalysisResult, add: AddColumn): void {
  const joint = result.jointClasses;
  add('joint_class', () => Array.from(joint.code, (c) => joint.labels[c]));
  const partnerClasses = result.partnerClasses;
  if (partnerClasses !== undefined) {
    add('partner_class', () => Array.from(partnerClasses, (c) => PARTNER_CLASS_LABELS[c]));
  }
  add('reasons', () => result.reasons.map((list) => list.join('; ')));
  const robustness = result.robustness;
  if (robustness !== undefined) add('robustness', () => robustness.probability);
  for (const [name, values] of Object.entries(scoreColumnsOf(result.priority)))
    add(name, () => values);
}

function addZoneColumns(result: AnalysisResult, add: AddColumn): void {
  const n = result.grid.cells.length;
  const zone: (string | null)[] = new Array(n).fill(null);
  const zoneRank: (number | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const z = result.zoneOfCell[i];
    if (z >= 0) {
      zone[i] = result.zones[z].id;
      zoneRank[i] = result.zones[z].rank;
    }
  }
  add('zone', () => zone);
  add('zone_rank', () => zoneRank);
}

/**
 * The score columns of a priority, unrounded and by reference: `score`, then `score_<component>`
 * (in snake case) for each component's contribution. The one place that names them, for
 * `analysisToCellColumns` and `priorityToCellValues`. Not part of the public API.
 *
 * @param priority - a priority score with its contributions
 * @returns the columns by name, in the order cells.geojson writes them
 * @example
 * ```ts
 * Object.keys(scoreColumnsOf(result.priority)); // ['score', 'score_hotspot', 'score_crime_rate', …]
 * ```
 */
export function scoreColumnsOf(priority: PriorityResult): Record<string, Float64Array> {
  const columns: Record<string, Float64Array> = { score: priority.score };
  for (const [name, share] of Object.entries(priority.contributions)) {
    columns[`score_${toSnakeCase(name)}`] = share;
  }
  return columns;
}

/** A difference of counts is suppressed where either period's count is from 1 to k − 1. */
function suppressedDifference(
  change: NonNullable<AnalysisResult['change']>,
  k: number,
): (number | string | null)[] {
  return Array.from(change.result.difference, (d, i) => {
    const small = (v: number) => v >= 1 && v < k;
    return small(change.before[i]) || small(change.after[i])
      ? `<${k}`
      : Number.isFinite(d)
        ? d
        : null;
  });
}

/** An organization type as part of a column name: lower case, `_` for anything else. */
function toColumnName(type: string): string {
  return type
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** A component name as part of a column name: `crimeRate` → `crime_rate`. */
function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
