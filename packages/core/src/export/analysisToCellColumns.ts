import type { AnalysisResult } from '../analyze.js';
import { PARTNER_CLASS_LABELS } from '../score/partnerClasses.js';
import { suppressSmallCount } from './suppressSmallCount.js';

/**
 * The per-cell columns written to `cells.geojson` and `cells.csv`, in a fixed order. Names are
 * stable and documented in the README's output reference:
 * `incidents`, `weighted_incidents`, `population`, `area_<attribute>`, `rate_per_<per>`,
 * `rate_eb_per_<per>`, `kde_per_km2`, `kde_per_<per>`,
 * `gi_z`, `gi_p`, `gi_p_fdr`, `gi_bin`, `need_<indicator>`, `need_theme_<theme>`, `need_index`, `need_index_low`, `need_index_high`, `need_flags`,
 * `need_missing`, `eh_pattern`, `eh_trend_z`, `eh_trend_p`, `eh_hot_steps`, `eh_cold_steps`,
 * `change_before`, `change_after`, `change_difference`, `change_rate_ratio`, `change_p`,
 * `change_p_fdr`, `trust_responses`, `trust_mean`, `trust_shrunk`, `trust_deficit`,
 * `trust_few_responses`, `partner_nearest_m`, `partners_within_radius`, `partner_<type>_m`,
 * `joint_class`, `partner_class`, `reasons`, `robustness`, `score`, `score_<component>`, `zone`, `zone_rank`, `coverage`, `area_km2`.
 *
 * With `minCount` (a public export), `incidents`, `weighted_incidents` and the rate are written
 * as `"<k"` in cells with 1 to k − 1 incidents.
 *
 * @param result - the result of `analyze`
 * @param options - `minCount`: the public-export threshold k
 * @returns columns by name, each with one entry per cell of `result.grid`
 * @example
 * ```ts
 * const columns = analysisToCellColumns(analyze(inputs, config));
 * columns.gi_z[0];
 * ```
 */
export function analysisToCellColumns(
  result: AnalysisResult,
  options: { readonly minCount?: number } = {},
): Record<string, ArrayLike<number> | readonly (string | number | null)[]> {
  const n = result.grid.cells.length;
  const k = options.minCount;
  const incidents = result.binned.incidents;
  // In a public export every column that reveals a small count is suppressed with it.
  const guarded = (values: ArrayLike<number>) =>
    k === undefined ? values : Array.from(values, (v, i) => suppressSmallCount(incidents[i], k, v));
  const columns: Record<string, ArrayLike<number> | readonly (string | number | null)[]> = {
    incidents: guarded(incidents),
    weighted_incidents: guarded(result.binned.count),
  };
  if (result.populationAttribute !== undefined) {
    columns.population = result.attributes[result.populationAttribute];
  }
  for (const [name, values] of Object.entries(result.attributes)) {
    if (name !== result.populationAttribute) columns[`area_${name}`] = values;
  }
  columns[`rate_per_${result.config.rates.per}`] = guarded(result.rate);
  if (result.smoothedRate !== undefined) {
    columns[`rate_eb_per_${result.config.rates.per}`] = guarded(result.smoothedRate);
  }
  if (result.kde !== undefined) {
    columns.kde_per_km2 = result.kde.density;
    if (result.kde.ratio !== undefined)
      columns[`kde_per_${result.config.rates.per}`] = result.kde.ratio;
  }
  columns.gi_z = result.hotspots.z;
  columns.gi_p = result.hotspots.p;
  columns.gi_p_fdr = result.hotspots.pFdr;
  columns.gi_bin = result.hotspots.bin;
  if (result.hotspots.pSim !== undefined) {
    columns.gi_p_sim = result.hotspots.pSim;
    columns.gi_z_sim = result.hotspots.zSim!;
    columns.gi_p_sim_fdr = result.hotspots.pSimFdr!;
  }
  if (result.lisa !== undefined) {
    columns.lisa_i = result.lisa.I;
    columns.lisa_z = result.lisa.z;
    columns.lisa_p = result.lisa.p;
    if (result.lisa.pSim !== undefined) columns.lisa_p_sim = result.lisa.pSim;
    columns.lisa_quadrant = result.lisa.quadrant;
  }
  if (result.vulnerability !== undefined) {
    for (const [name, rank] of Object.entries(result.vulnerability.ranks))
      columns[`need_${name}`] = rank;
    for (const [theme, t] of Object.entries(result.vulnerability.themes)) {
      columns[`need_theme_${theme}`] = t.index;
    }
    columns.need_index = result.vulnerability.index;
    if (result.needInterval !== undefined) {
      columns.need_index_low = result.needInterval.low;
      columns.need_index_high = result.needInterval.high;
    }
    columns.need_flags = result.vulnerability.flags;
    columns.need_missing = result.vulnerability.missing;
  }
  if (result.emerging !== undefined) {
    const e = result.emerging.result;
    columns.eh_pattern = e.category;
    columns.eh_trend_z = e.trendZ;
    columns.eh_trend_p = e.trendP;
    columns.eh_hot_steps = e.hotSteps;
    columns.eh_cold_steps = e.coldSteps;
  }
  if (result.change !== undefined) {
    const c = result.change;
    columns.change_before = guarded(c.before);
    columns.change_after = guarded(c.after);
    columns.change_difference = k === undefined ? c.result.difference : suppressedDifference(c, k);
    columns.change_rate_ratio = c.result.rateRatio;
    columns.change_p = c.result.p;
    columns.change_p_fdr = c.result.pFdr;
  }
  if (result.trust !== undefined) {
    const t = result.trust;
    // Survey answers are published only as aggregates over at least k respondents.
    const answered = (values: ArrayLike<number>) =>
      k === undefined
        ? values
        : Array.from(values, (v, i) => suppressSmallCount(t.responses[i], k, v));
    columns.trust_responses = answered(t.responses);
    columns.trust_mean = answered(t.mean);
    columns.trust_shrunk = answered(t.shrunk);
    columns.trust_deficit = answered(t.deficit);
    columns.trust_few_responses = t.fewResponses;
  }
  if (result.partners !== undefined) {
    const a = result.partners;
    columns.partner_nearest_m = a.nearestAnyMeters;
    columns.partners_within_radius = a.anyWithinRadius;
    if (a.capacityWithinRadius !== undefined)
      columns.partner_capacity_within_radius = a.capacityWithinRadius;
    for (const type of a.types) columns[`partner_${toColumnName(type)}_m`] = a.nearestMeters[type];
  }
  columns.joint_class = Array.from(result.jointClasses.code, (c) => result.jointClasses.labels[c]);
  if (result.partnerClasses !== undefined) {
    columns.partner_class = Array.from(result.partnerClasses, (c) => PARTNER_CLASS_LABELS[c]);
  }
  columns.reasons = result.reasons.map((list) => list.join('; '));
  if (result.robustness !== undefined) columns.robustness = result.robustness.probability;
  columns.score = result.priority.score;
  for (const [name, share] of Object.entries(result.priority.contributions)) {
    columns[`score_${toSnakeCase(name)}`] = share;
  }
  const zone: (string | null)[] = new Array(n).fill(null);
  const zoneRank: (number | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const z = result.zoneOfCell[i];
    if (z >= 0) {
      zone[i] = result.zones[z].id;
      zoneRank[i] = result.zones[z].rank;
    }
  }
  columns.zone = zone;
  columns.zone_rank = zoneRank;
  columns.coverage = result.coverage;
  columns.area_km2 = result.areaKm2;
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

function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
