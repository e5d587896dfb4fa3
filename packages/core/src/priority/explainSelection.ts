import type { HexreachConfig } from '../config/configSchema.js';
import type { AnalysisBase } from '../pipeline/analysisResult.js';
import { describeZones, type ZoneCellColumns, type ZoneDetail } from '../zones/describeZones.js';
import type { ZoneSummary } from '../zones/summarizeZones.js';
import { type ZoneTrend, zoneTrends, zoneTrendsOfCube } from '../zones/zoneTrends.js';
import type { PriorityResult } from './priorityScore.js';
import { reasonColumns } from './reasonColumns.js';
import { reasonsFromPhrases } from './reasonsFromPhrases.js';
import { populationOf } from './zonesOfScore.js';

/**
 * Each cell's top reasons in words, and each zone's reasons, profile, suggested partners and
 * trend (incidents per day over whole steps), from a score and its zones.
 *
 * @example
 * ```ts
 * const { cells, zones } = explainSelection(result, config, priority, zoneOfCell, zoneList);
 * zones[0].trend; // 'rising in incidents per day (…)'
 * ```
 */
export function explainSelection(
  base: AnalysisBase,
  config: HexreachConfig,
  priority: PriorityResult,
  zoneOfCell: Int32Array,
  zones: readonly ZoneSummary[],
): { readonly cells: readonly (readonly string[])[]; readonly zones: readonly ZoneDetail[] } {
  const { grid, trust } = base;
  const { organizations } = base.inputs;
  const used = base.components.filter((c) => priority.normalized[c.name] !== undefined);
  const columns: ZoneCellColumns = {
    ...reasonColumns(base, config),
    contributions: priority.contributions,
    normalized: Object.fromEntries(used.map((c) => [c.name, c.percentile])),
    jointCode: base.jointClasses.code,
    population: populationOf(base),
    trustShrunk: trust?.shrunk,
  };
  const trends = trendsOf(base, config, zoneOfCell, zones.length);
  return {
    cells: reasonsFromPhrases(
      Object.fromEntries(used.map((c) => [c.name, c.reasons])),
      priority.contributions,
    ),
    zones: describeZones(zones, grid.indexOf, columns, organizations, {
      partners: config.zones.suggestPartners,
      types: config.partners.types,
    }).map((detail, z) => ({ ...detail, trend: trends[z] })),
  };
}

/**
 * Each zone's trend: from the incidents' times, or in a public run from the noisy step table
 * alone (none without a configured window).
 */
function trendsOf(
  base: AnalysisBase,
  config: HexreachConfig,
  zoneOfCell: Int32Array,
  zoneCount: number,
): ZoneTrend[] {
  const { binned, temporal, noisy } = base;
  if (config.privacy.public) {
    return noisy?.steps === undefined || temporal === undefined
      ? zoneTrends(zoneOfCell, zoneCount, [], [])
      : zoneTrendsOfCube(zoneOfCell, zoneCount, noisy.steps.unweighted, temporal.coverage, {
          partial: config.temporal.partial,
        });
  }
  const { incidents } = base.inputs;
  return zoneTrends(zoneOfCell, zoneCount, incidents.time, binned.cellOfIncident, {
    step: config.emerging.step,
    // Over the whole coverage: a zone's quiet first months are covered months with 0.
    start: temporal?.coverage.from,
    end: temporal?.coverage.to,
    coverage: temporal?.coverage,
    partial: config.temporal.partial,
  });
}
