import { finiteOrNull } from '../util/finiteOrNull.js';
import type { ZoneSummary } from '../zones/summarizeZones.js';
import { suppressSmallCount } from './suppressSmallCount.js';

/**
 * A zone's summary as `zones.geojson` writes it: plain JSON, with `null` where a number is
 * missing. (A type, not an interface, so that it fits wherever properties of any names fit.)
 */
export type ZoneSummaryProperties = {
  /** Zone id, `Z01` for rank 1. */
  readonly id: string;
  /** With named places: the zone's name for people, `Z03 · Humboldt Park, West Garfield Park`. */
  readonly name?: string;
  /** With named places: the places its cells lie in, largest share first. */
  readonly places?: string[];
  /** 1 for the highest mean score. */
  readonly rank: number;
  /** Number of cells. */
  readonly cellCount: number;
  /** Mean score of the zone's cells; null when none has a score. */
  readonly meanScore: number | null;
  /** Highest score of the zone's cells; null when none has a score. */
  readonly maxScore: number | null;
  /** Area in km². */
  readonly areaKm2: number | null;
  /** Residents; null when unknown. */
  readonly population: number | null;
  /** Incidents; null when unknown; `"<k"` in a public export when from 1 to k − 1. */
  readonly incidents: number | string | null;
  /** The leading categories as text for a popup or spreadsheet, e.g. `THEFT 120; BATTERY 80`. */
  readonly topCategories: string;
  /** The zone's H3 indexes, sorted. */
  readonly cells: string[];
};

/**
 * The properties `zones.geojson` writes for a zone's summary (its details and robustness
 * aside): the same for a file and for a zone list shown before the details are computed.
 * Missing numbers become `null`; with `minCount` (a public export), incident counts from 1 to
 * k − 1 become `"<k"`.
 *
 * @param zone - a summary from `summarizeZones` (or an analysis' `zones`)
 * @param options - `minCount`, the k of a public export (default: counts as they are)
 * @returns the summary's properties
 * @example
 * ```ts
 * zoneSummaryProperties(result.zones[0], { minCount: 11 });
 * // { id: 'Z01', rank: 1, cellCount: 14, meanScore: 0.93, …, incidents: 212, topCategories: 'THEFT 120; BATTERY 80', cells: [...] }
 * ```
 */
export function zoneSummaryProperties(
  zone: ZoneSummary,
  options: { readonly minCount?: number } = {},
): ZoneSummaryProperties {
  const k = options.minCount;
  const count = (value: number) =>
    k === undefined ? finiteOrNull(value) : suppressSmallCount(value, k);
  return {
    id: zone.id,
    // Only with named places, so that a run without them writes the same bytes as before.
    ...(zone.name === undefined ? {} : { name: zone.name }),
    ...(zone.places === undefined ? {} : { places: [...zone.places] }),
    rank: zone.rank,
    cellCount: zone.cellCount,
    meanScore: finiteOrNull(zone.meanScore),
    maxScore: finiteOrNull(zone.maxScore),
    areaKm2: finiteOrNull(zone.areaKm2),
    population: finiteOrNull(zone.population),
    incidents: count(zone.incidents),
    topCategories: zone.topCategories.map((c) => `${c.category} ${count(c.incidents)}`).join('; '),
    cells: [...zone.cells],
  };
}
