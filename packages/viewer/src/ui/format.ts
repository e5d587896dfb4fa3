import type { ResultSummary } from '../data/results.js';
import { componentLabel } from './componentLabel.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A number for people: thousands separated, decimals by magnitude (3 significant digits below
 * 10, 1 decimal below 100, none above); `—` for a missing value.
 *
 * @example
 * ```ts
 * formatNumber(0.90674); // '0.907'
 * formatNumber(22696.5); // '22,697'
 * ```
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return integer.format(value);
  const abs = Math.abs(value);
  if (abs >= 100) return integer.format(value);
  if (abs >= 10) return value.toFixed(1);
  if (abs === 0) return '0';
  return Number(value.toPrecision(3)).toString();
}

/** Names of the Gi* confidence bins −3…3 (README: ±3 = 99 %, ±2 = 95 %, ±1 = 90 %). */
export const giBinLabels: readonly string[] = [
  'Cold spot, 99 % confidence',
  'Cold spot, 95 % confidence',
  'Cold spot, 90 % confidence',
  'Not significant',
  'Hot spot, 90 % confidence',
  'Hot spot, 95 % confidence',
  'Hot spot, 99 % confidence',
];

/** Short names of the Gi* bins −3…3 for the legend. */
export const giBinShortLabels: readonly string[] = [
  'Cold spot, 99 %',
  'Cold spot, 95 %',
  'Cold spot, 90 %',
  'Not significant',
  'Hot spot, 90 %',
  'Hot spot, 95 %',
  'Hot spot, 99 %',
];

/**
 * A cell value as shown in tooltips and panels: Gi* bins by name, numbers formatted, text as
 * it is (the caller inserts it as text), `—` when missing.
 *
 * @example
 * ```ts
 * formatCellValue('gi_bin', 3); // 'Hot spot, 99 % confidence'
 * ```
 */
export function formatCellValue(column: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (column === 'gi_bin' && typeof value === 'number' && Number.isInteger(value)) {
    return giBinLabels[value + 3] ?? String(value);
  }
  if (column === 'coverage' && typeof value === 'number') return `${Math.round(value * 100)} %`;
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const fixedLabels: Readonly<Record<string, string>> = {
  h3: 'H3 cell',
  incidents: 'Incidents',
  weighted_incidents: 'Weighted incidents',
  population: 'Residents',
  gi_z: 'Gi* z-score',
  gi_p: 'Gi* p-value',
  gi_p_fdr: 'Gi* p-value (FDR-adjusted)',
  gi_bin: 'Hotspot',
  lisa_i: 'Local Moran’s I',
  lisa_z: 'Local Moran z-score',
  lisa_p: 'Local Moran p-value',
  lisa_p_sim: 'Local Moran p-value (permutations)',
  lisa_quadrant: 'Local Moran cluster',
  eh_pattern: 'Emerging hot-spot pattern',
  eh_trend_z: 'Gi* trend z-score (Mann–Kendall)',
  eh_trend_p: 'Gi* trend p-value (Mann–Kendall)',
  eh_hot_steps: 'Steps as a hot spot',
  eh_cold_steps: 'Steps as a cold spot',
  joint_class: 'Hotspot and need',
  partner_class: 'Partner access of high need',
  trust_responses: 'Survey answers',
  trust_mean: 'Trust (mean answer)',
  trust_shrunk: 'Trust (shrunk mean)',
  trust_deficit: 'Trust deficit',
  trust_few_responses: 'Few survey answers',
  need_index: 'Need index',
  need_flags: 'Need indicators ≥ 90th percentile',
  need_missing: 'Need indicators missing',
  score: 'Priority score',
  score_hotspot: 'Hotspot contribution',
  score_crime_rate: 'Crime-rate contribution',
  score_need: 'Need contribution',
  zone: 'Zone',
  zone_rank: 'Zone rank',
  coverage: 'Inside the study area',
  area_km2: 'Area (km²)',
};

/**
 * The name people see for a cell column: fixed names for hexreach's columns, the configured
 * label of a need indicator (from summary.json) for `area_<name>` and `need_<name>`, else the
 * column itself.
 *
 * @example
 * ```ts
 * columnLabel('need_poverty_rate', summary); // 'Need rank: People in poverty (%)'
 * ```
 */
export function columnLabel(column: string, summary?: ResultSummary): string {
  // Column names come from cells.geojson: a column `toString` has no fixed label.
  if (Object.hasOwn(fixedLabels, column)) return fixedLabels[column];
  const rate = /^rate_per_(\d+)$/.exec(column);
  if (rate !== null) return `Incidents per ${integer.format(Number(rate[1]))} residents`;
  const indicatorLabel = (name: string) =>
    summary?.parameters?.indicators?.find((i) => i.name === name)?.label ?? name;
  if (column.startsWith('score_')) return `${componentLabel(column)} contribution`;
  if (column.startsWith('need_')) return `Need rank: ${indicatorLabel(column.slice(5))}`;
  if (column.startsWith('area_')) return indicatorLabel(column.slice(5));
  return column;
}
