import { assertArgument } from '../errors.js';
import { cellAreaKm2 } from '../hex/h3.js';
import type { CellGrid } from '../types.js';
import type { ZoneGroups } from './groupContiguousCells.js';

/** Per-cell columns that {@link summarizeZones} aggregates; each has one entry per grid cell. */
export interface ZoneColumns {
  /** The score that ranks zones (e.g. outreach priority); NaN where a cell has none. */
  readonly score: ArrayLike<number>;
  /** Each cell's exact area in km² (e.g. `AnalysisResult.areaKm2`); from H3 when absent. */
  readonly areaKm2?: ArrayLike<number>;
  /** Residents per cell; NaN where unknown. */
  readonly population?: ArrayLike<number>;
  /** Incidents per cell (weighted counts allowed); NaN where unknown. */
  readonly incidents?: ArrayLike<number>;
  /**
   * Incidents per cell and category, cell-major: the count of category `c` in cell `i` is
   * `counts[i * categories.length + c]`.
   */
  readonly byCategory?: { readonly counts: Uint32Array; readonly categories: readonly string[] };
}

/** Options of {@link summarizeZones}. */
export interface SummarizeZonesOptions {
  /** How many categories to list per zone (default 3). */
  readonly topCategories?: number;
}

/** Incidents of one category within a zone. */
export interface CategoryCount {
  /** The category name, as in `byCategory.categories`. */
  readonly category: string;
  /** Incidents of that category in the zone's cells. */
  readonly incidents: number;
}

/** What a planner needs to know about one priority zone. */
export interface ZoneSummary {
  /** `Z01`, `Z02`, … in rank order; zero-padded to at least two digits so ids sort as text. */
  readonly id: string;
  /** 1 for the highest mean score; ties go to the higher max score, then the smaller first cell index. */
  readonly rank: number;
  /** Index of this zone in `groups.zones`, i.e. the value `groups.zoneOfCell` holds for its cells. */
  readonly group: number;
  /** The zone's H3 indexes, sorted ascending. */
  readonly cells: readonly string[];
  /** Number of cells in the zone. */
  readonly cellCount: number;
  /** Mean score over the zone's cells that have one; NaN when none has. */
  readonly meanScore: number;
  /** Highest score among the zone's cells; NaN when none has one. */
  readonly maxScore: number;
  /** Area in km², the sum of each cell's exact area (H3 cells of one resolution differ in size). */
  readonly areaKm2: number;
  /** Residents: missing cells count as 0; NaN when no cell has a value or no column was given. */
  readonly population: number;
  /** Incidents: missing cells count as 0; NaN when no cell has a value or no column was given. */
  readonly incidents: number;
  /**
   * The categories with the most incidents in the zone, most first (ties by name), at most
   * `topCategories` of them; categories with no incident are left out; empty without `byCategory`.
   */
  readonly topCategories: readonly CategoryCount[];
  /**
   * With named places: the zone's name for people, its id and up to three of its places
   * (`Z03 · Humboldt Park, West Garfield Park`; see `zoneName`).
   */
  readonly name?: string;
  /** With named places: the places its cells lie in, largest share first (see `zonePlaces`). */
  readonly places?: readonly string[];
}

/**
 * Summarises and ranks zones of contiguous cells: size, area, mean and max score, residents,
 * incidents and the leading incident categories. Zones are ranked by mean score so that a small
 * intense zone is not outranked by a large lukewarm one; ids are given after ranking (`Z01` is
 * rank 1).
 *
 * @param grid - the analysis cells
 * @param groups - zones from `groupContiguousCells` on the same grid
 * @param columns - per-cell score and optional population, incidents and per-category counts
 * @param options - `topCategories`, an integer ≥ 0 (default 3)
 * @returns one summary per zone, in rank order
 * @throws HexreachError `E_ARGUMENT` when a column does not have one entry per grid cell, the
 *   category counts do not have `cells × categories` entries, a zone has no cells, or
 *   `topCategories` is not an integer ≥ 0
 * @example
 * ```ts
 * const zones = summarizeZones(grid, groups, { score: priority, population, incidents });
 * zones[0].id; // 'Z01', the zone with the highest mean priority
 * ```
 */
export function summarizeZones(
  grid: CellGrid,
  groups: ZoneGroups,
  columns: ZoneColumns,
  options: SummarizeZonesOptions = {},
): ZoneSummary[] {
  const fn = 'summarizeZones';
  const n = grid.cells.length;
  const topCategories = options.topCategories ?? 3;
  assertArgument(
    Number.isInteger(topCategories) && topCategories >= 0,
    fn,
    `topCategories must be an integer >= 0, got ${topCategories}`,
    topCategories,
  );
  assertArgument(
    groups.zoneOfCell.length === n,
    fn,
    `groups must come from a grid of ${n} cells, got ${groups.zoneOfCell.length}`,
    groups.zoneOfCell.length,
  );
  for (const name of ['score', 'areaKm2', 'population', 'incidents'] as const) {
    const column = columns[name];
    if (column === undefined) continue;
    assertArgument(
      column.length === n,
      fn,
      `${name} must have one entry per grid cell (${n}), got ${column.length}`,
      column.length,
    );
  }
  const byCategory = columns.byCategory;
  if (byCategory !== undefined) {
    const expected = n * byCategory.categories.length;
    assertArgument(
      byCategory.counts.length === expected,
      fn,
      `byCategory.counts must have cells × categories (${expected}) entries, got ${byCategory.counts.length}`,
      byCategory.counts.length,
    );
  }

  const stats = groups.zones.map((zone, group) => {
    assertArgument(zone.cells.length > 0, fn, `zone ${group} has no cells`, group);
    let first = n;
    let scoreSum = 0;
    let scored = 0;
    let maxScore = Number.NaN;
    let areaKm2 = 0;
    for (const i of zone.cells) {
      const s = columns.score[i];
      if (!Number.isNaN(s)) {
        scoreSum += s;
        scored++;
        if (!(s <= maxScore)) maxScore = s;
      }
      areaKm2 += columns.areaKm2?.[i] ?? cellAreaKm2(grid.cells[i]);
      if (i < first) first = i;
    }
    return {
      group,
      first,
      meanScore: scored > 0 ? scoreSum / scored : Number.NaN,
      maxScore,
      areaKm2,
    };
  });
  // Higher mean first, then higher max, then the zone containing the smaller cell index.
  stats.sort(
    (a, b) =>
      descendingNaNLast(a.meanScore, b.meanScore) ||
      descendingNaNLast(a.maxScore, b.maxScore) ||
      a.first - b.first,
  );

  const digits = Math.max(2, String(stats.length).length);
  return stats.map((s, r) => {
    const zoneCells = groups.zones[s.group].cells;
    const cells = Array.from(zoneCells, (i) => grid.cells[i]).sort();
    return {
      id: `Z${String(r + 1).padStart(digits, '0')}`,
      rank: r + 1,
      group: s.group,
      cells,
      cellCount: cells.length,
      meanScore: s.meanScore,
      maxScore: s.maxScore,
      areaKm2: s.areaKm2,
      population: sumIgnoringNaN(columns.population, zoneCells),
      incidents: sumIgnoringNaN(columns.incidents, zoneCells),
      topCategories:
        byCategory === undefined ? [] : leadingCategories(byCategory, zoneCells, topCategories),
    };
  });
}

/** Orders numbers descending with NaN after every number; 0 when equal. */
function descendingNaNLast(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a === b ? 0 : a > b ? -1 : 1;
}

/** Sum over the given cells with NaN counted as 0; NaN if every value is NaN or no column. */
function sumIgnoringNaN(column: ArrayLike<number> | undefined, cells: Uint32Array): number {
  if (column === undefined) return Number.NaN;
  let sum = 0;
  let known = 0;
  for (const i of cells) {
    const v = column[i];
    if (Number.isNaN(v)) continue;
    sum += v;
    known++;
  }
  return known > 0 ? sum : Number.NaN;
}

/** The zone's categories with incidents, most first (ties by name), at most `limit`. */
function leadingCategories(
  byCategory: NonNullable<ZoneColumns['byCategory']>,
  cells: Uint32Array,
  limit: number,
): CategoryCount[] {
  const k = byCategory.categories.length;
  const totals = new Float64Array(k);
  for (const i of cells) for (let c = 0; c < k; c++) totals[c] += byCategory.counts[i * k + c];
  const ranked: CategoryCount[] = [];
  for (let c = 0; c < k; c++)
    if (totals[c] > 0) ranked.push({ category: byCategory.categories[c], incidents: totals[c] });
  // Code-unit order for ties, not localeCompare, so the output does not depend on the locale.
  ranked.sort(
    (a, b) =>
      b.incidents - a.incidents || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
  );
  return ranked.slice(0, limit);
}
