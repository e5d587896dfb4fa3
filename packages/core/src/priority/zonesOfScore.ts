import type { HexreachConfig } from '../config/configSchema.js';
import type { AnalysisBase, AnalysisResult } from '../pipeline/analysisResult.js';
import { groupContiguousCells } from '../zones/groupContiguousCells.js';
import { selectCells } from '../zones/selectCells.js';
import { selectZonesByBudget } from '../zones/selectZonesByBudget.js';
import { summarizeZones, type ZoneSummary } from '../zones/summarizeZones.js';
import { zoneName, zonePlaces } from '../zones/zonePlaces.js';

/** What zonesOfScore reads of an analysis; with `places`, the zones are named. */
export type ZoningBase = Partial<Pick<AnalysisBase, 'places'>> &
  Pick<
    AnalysisBase,
    | 'grid'
    | 'binned'
    | 'areaKm2'
    | 'contiguity'
    | 'vulnerability'
    | 'attributes'
    | 'populationAttribute'
  >;

/**
 * The zones of a priority score: selects the cells by the configured rule (threshold, top N or
 * budget), groups them into contiguous zones, summarises and ranks them, and numbers each cell
 * with its zone's place in rank order.
 *
 * @param base - the analysis' grid, counts, population and need
 * @param config - the configuration whose `zones` section to select with
 * @param score - the priority score, one value per grid cell
 * @returns the zones in rank order, each cell's zone (its index in `zones`, −1 for none) and
 *   the cells of groups too small to be zones
 * @example
 * ```ts
 * const { zones, zoneOfCell } = zonesOfScore(result, result.config, result.priority.score);
 * zones[zoneOfCell[0]]?.id; // the zone of the first cell, if it is in one
 * ```
 */
export function zonesOfScore(
  base: ZoningBase,
  config: HexreachConfig,
  score: Float64Array,
): Pick<AnalysisResult, 'zoneOfCell' | 'zones' | 'droppedCells'> {
  const { grid, binned } = base;
  const groups = zoneGroupsOf(base, config, score);
  const summaries = namedZones(
    base,
    summarizeZones(grid, groups, {
      score,
      areaKm2: base.areaKm2,
      population: populationOf(base),
      incidents: binned.incidents,
      byCategory: { counts: binned.byCategory, categories: binned.categories },
    }),
  );
  // summarizeZones ranks zones; the cell-to-zone column follows the ranked order.
  const zoneOfCell = new Int32Array(grid.cells.length).fill(-1);
  summaries.forEach((zone, z) => {
    for (const cell of zone.cells) zoneOfCell[grid.indexOf.get(cell)!] = z;
  });
  return { zoneOfCell, zones: summaries, droppedCells: groups.droppedCells };
}

/** The zones with their places and names, when the analysis has named places. */
function namedZones(base: ZoningBase, zones: ZoneSummary[]): ZoneSummary[] {
  const { places } = base;
  if (places === undefined) return zones;
  return zones.map((zone) => {
    const names = zonePlaces(zone.cells, base.grid.indexOf, places);
    return { ...zone, name: zoneName(zone.id, names), places: names };
  });
}

/**
 * The groups of cells the configured rule selects from a score: the zones and, in the
 * robustness analysis, each drawn selection are chosen by this one rule.
 *
 * @example
 * ```ts
 * const { zoneOfCell } = zoneGroupsOf(result, result.config, drawnScore);
 * ```
 */
export function zoneGroupsOf(base: ZoningBase, config: HexreachConfig, score: Float64Array) {
  const budget = config.zones.budget;
  return budget !== undefined
    ? selectZonesByBudget(base.grid, score, {
        maxZones: budget.maxZones,
        maxCells: budget.maxCells,
        maxPopulation: budget.maxPopulation,
        population: populationOf(base),
        need: base.vulnerability?.index,
        neighbors: base.contiguity,
      })
    : groupContiguousCells(
        base.grid,
        selectCells(
          score,
          config.zones.topN !== undefined
            ? { topN: config.zones.topN }
            : { threshold: config.zones.threshold ?? 0.8 },
        ),
        { minCells: config.zones.minCells, neighbors: base.contiguity },
      );
}

/**
 * The residents per cell, when the analysis has them.
 *
 * @example
 * ```ts
 * populationOf(result)?.[0]; // residents of the first cell
 * ```
 */
export function populationOf(
  base: Pick<AnalysisBase, 'attributes' | 'populationAttribute'>,
): Float64Array | undefined {
  return base.populationAttribute === undefined
    ? undefined
    : base.attributes[base.populationAttribute];
}
