import { type CellReasonsInput, cellReasons } from '../priority/cellReasons.js';
import { JOINT_CLASS_LABELS } from '../priority/jointClasses.js';
import type { OrganizationTable } from '../types.js';
import { type SuggestedPartner, suggestPartners } from './suggestPartners.js';
import type { ZoneSummary } from './summarizeZones.js';
import type { ZoneTrend } from './zoneTrends.js';

/** What a planner reads about a zone besides its counts. */
export interface ZoneDetail {
  /** The zone's top reasons in words, from its aggregates (see `describeZones`). */
  readonly reasons: readonly string[];
  /** The joint class most of its cells have (`hotspot and high need`, …). */
  readonly jointClass: string;
  /** Population-weighted mean vulnerability index of its cells (NaN when unknown). */
  readonly need: number;
  /** Mean trust answer over its cells' answers, shrunk per cell (NaN without answers). */
  readonly trust: number;
  /** Survey answers given in the zone. */
  readonly trustResponses: number;
  /** The nearest organizations of relevant types, by distance. */
  readonly partners: readonly SuggestedPartner[];
  /** Incidents per time step in the zone and their Mann–Kendall trend, when incidents have dates. */
  readonly trend?: ZoneTrend;
}

/** Per-cell columns {@link describeZones} aggregates; the same inputs `cellReasons` takes. */
export interface ZoneCellColumns extends CellReasonsInput {
  /** Joint class code per cell (`jointClasses`). */
  readonly jointCode: Uint8Array;
  /** Residents per cell, to weight need. */
  readonly population?: ArrayLike<number>;
  /** Shrunk trust per cell, averaged by answers. */
  readonly trustShrunk?: ArrayLike<number>;
}

/**
 * Explains each zone: its reasons in words are `cellReasons` applied to the zone's aggregates —
 * mean component contributions and percentiles, the median Gi* bin of its cells, population-
 * weighted need and indicator ranks, trust over all its answers, and organizations within the
 * radius of any of its cells — so every reason is true of the zone as a whole, not of one cell.
 * Also the joint class most of its cells have, and suggested partners (`suggestPartners`).
 *
 * @param zones - the zones (from `summarizeZones`)
 * @param indexOf - cell index of each H3 cell (`grid.indexOf`)
 * @param cells - the per-cell columns
 * @param organizations - partner organizations, if any
 * @param options - how many reasons and partners, and which organization types
 * @returns one detail per zone, in the zones' order
 * @example
 * ```ts
 * const details = describeZones(result.zones, result.grid.indexOf, columns, organizations);
 * details[0].reasons; // ['significant hotspot (99 % confidence)', '95th percentile need (…)']
 * ```
 */
export function describeZones(
  zones: readonly ZoneSummary[],
  indexOf: ReadonlyMap<string, number>,
  cells: ZoneCellColumns,
  organizations?: OrganizationTable,
  options: {
    readonly reasons?: number;
    readonly partners?: number;
    readonly types?: readonly string[];
  } = {},
): ZoneDetail[] {
  const members = zones.map((zone) => zone.cells.map((cell) => indexOf.get(cell)!));
  const weightOf = (i: number) => {
    const p = cells.population?.[i];
    return p !== undefined && Number.isFinite(p) && p > 0 ? p : 0;
  };
  /** Mean of a column over each zone's cells, weighted, NaN values skipped. */
  const aggregate = (column: ArrayLike<number>, weight: (i: number) => number = () => 1) =>
    Float64Array.from(members, (list) => {
      let sum = 0;
      let total = 0;
      for (const i of list) {
        const w = weight(i);
        if (Number.isFinite(column[i]) && w > 0) {
          sum += w * column[i];
          total += w;
        }
      }
      return total > 0 ? sum / total : Number.NaN;
    });
  const byName = (
    record: Readonly<Record<string, ArrayLike<number>>>,
    weight?: (i: number) => number,
  ) =>
    Object.fromEntries(
      Object.entries(record).map(([name, column]) => [name, aggregate(column, weight)]),
    );
  const medianBin = Int8Array.from(members, (list) => {
    const bins = list.map((i) => cells.giBin[i]).sort((a, b) => a - b);
    return bins.length === 0 ? 0 : bins[(bins.length - 1) >> 1];
  });
  const sumOver = (column: ArrayLike<number>) =>
    Float64Array.from(members, (list) =>
      list.reduce((s, i) => s + (Number.isFinite(column[i]) ? column[i] : 0), 0),
    );
  const trustResponses =
    cells.trustResponses === undefined ? undefined : sumOver(cells.trustResponses);
  const byAnswers = (i: number) => cells.trustResponses?.[i] ?? 0;
  const zoneInput: CellReasonsInput = {
    ...cells,
    contributions: byName(cells.contributions),
    normalized: byName(cells.normalized),
    giBin: medianBin,
    needIndex: cells.needIndex === undefined ? undefined : aggregate(cells.needIndex, weightOf),
    needRanks: cells.needRanks === undefined ? undefined : byName(cells.needRanks, weightOf),
    trustMean: cells.trustMean === undefined ? undefined : aggregate(cells.trustMean, byAnswers),
    trustResponses,
    partners:
      cells.partners === undefined
        ? undefined
        : {
            ...cells.partners,
            withinRadius: Object.fromEntries(
              Object.entries(cells.partners.withinRadius).map(([type, column]) => [
                type,
                sumOver(column),
              ]),
            ),
          },
  };
  const reasons = cellReasons(zoneInput, { max: options.reasons ?? 3 });
  const trust =
    cells.trustShrunk === undefined ? undefined : aggregate(cells.trustShrunk, byAnswers);
  return zones.map((zone, z) => ({
    reasons: reasons[z],
    jointClass: JOINT_CLASS_LABELS[majority(members[z].map((i) => cells.jointCode[i]))],
    need: zoneInput.needIndex?.[z] ?? Number.NaN,
    trust: trust?.[z] ?? Number.NaN,
    trustResponses: trustResponses?.[z] ?? 0,
    partners:
      organizations === undefined || organizations.length === 0
        ? []
        : suggestPartners(zone.cells, organizations, {
            count: options.partners ?? 5,
            types: options.types,
          }),
  }));
}

/** Ties between classes go to the more telling one: both, hotspot only, need only, neither, unknown. */
const TIE_ORDER = [3, 1, 2, 0, 4];

/** The most frequent joint-class code, ties broken by TIE_ORDER. */
function majority(codes: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const code of TIE_ORDER) {
    const count = counts.get(code) ?? 0;
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}
