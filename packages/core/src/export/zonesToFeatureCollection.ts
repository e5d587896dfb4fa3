import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { finiteOrNull } from '../util/finiteOrNull.js';
import type { ZoneDetail } from '../zones/describeZones.js';
import type { ZoneSummary } from '../zones/summarizeZones.js';
import type { ZoneRobustness } from '../zones/zoneRobustness.js';
import { zoneToPolygon } from '../zones/zoneToPolygon.js';
import type { ZoneTrend } from '../zones/zoneTrends.js';
import { rewindRfc7946 } from './rewindRfc7946.js';
import { roundCoordinates } from './roundCoordinates.js';
import { splitAntimeridian } from './splitAntimeridian.js';
import { type ZoneSummaryProperties, zoneSummaryProperties } from './zoneSummaryProperties.js';

/** Options of {@link zonesToFeatureCollection}. */
export interface ZonesToFeatureCollectionOptions {
  /** Decimal places of coordinates, an integer 0…15 (default 6, about 0.1 m). */
  readonly precision?: number;
  /** Public export: incident counts from 1 to k − 1 are written as `"<k"` (see `suppressSmallCount`). */
  readonly minCount?: number;
  /** Each zone's reasons, profile and partners (`describeZones`), aligned with `zones`. */
  readonly details?: readonly ZoneDetail[];
  /** Each zone's robustness (`zoneRobustness`), aligned with `zones`. */
  readonly robustness?: readonly ZoneRobustness[];
}

/**
 * The properties written for each zone: its summary ({@link ZoneSummaryProperties}) and, as
 * given, its details and robustness. Plain JSON, with `null` where a number is missing.
 */
export interface ZoneFeatureProperties extends ZoneSummaryProperties {
  /** With details: the zone's top reasons in words. */
  readonly reasons?: string[];
  /** With details: the joint class most of its cells have. */
  readonly jointClass?: string;
  /** With details: population-weighted mean need index (0–1). */
  readonly need?: number | null;
  /** With details: mean trust answer (shrunk), and the answers behind it (`"<k"` when few, public). */
  readonly trust?: number | string | null;
  readonly trustResponses?: number | string;
  /** With details: suggested partners as text, `Name (type, 350 m); …`. */
  readonly suggestedPartners?: string;
  /** Mean selection probability of its cells under perturbed weights and resolutions, and its label. */
  readonly robustness?: { label: string; meanProbability: number; stableShare: number };
  /** With details: the incident trend in words (Mann–Kendall over the zone's incidents per step). */
  readonly trend?: string;
  /** With details (not in a public export): the zone's incidents per time step. */
  readonly incidentsByStep?: { start: string; incidents: number; days: number }[];
  /** With details: suggested partners as records. */
  readonly partners?: { name: string; type: string; distanceMeters: number }[];
}

/**
 * Writes priority zones as an RFC 7946 FeatureCollection: one feature per zone, in the given
 * (rank) order, whose geometry is the zone's dissolved outline (holes kept) with rounded,
 * counter-clockwise `[lng, lat]` coordinates and no `crs` member. Properties are plain JSON:
 * NaN becomes `null`.
 *
 * @param zones - summaries from `summarizeZones`
 * @param options - coordinate `precision` (default 6)
 * @returns a FeatureCollection of Polygon (or, for a zone whose cells do not touch,
 *   MultiPolygon) features with {@link ZoneFeatureProperties}
 * @throws HexreachError `E_ARGUMENT` when a zone has no cells or invalid cells, or `precision`
 *   is not an integer 0…15
 * @example
 * ```ts
 * const collection = zonesToFeatureCollection(summarizeZones(grid, groups, { score: priority }));
 * collection.features[0].properties.id; // 'Z01'
 * ```
 */
export function zonesToFeatureCollection(
  zones: readonly ZoneSummary[],
  options: ZonesToFeatureCollectionOptions = {},
): FeatureCollection<Polygon | MultiPolygon, ZoneFeatureProperties> {
  const precision = options.precision ?? 6;
  const k = options.minCount;
  const features = zones.map(
    (zone, z): Feature<Polygon | MultiPolygon, ZoneFeatureProperties> => ({
      type: 'Feature',
      geometry: rewindRfc7946(
        roundCoordinates(splitAntimeridian(zoneToPolygon(zone.cells)), { precision }),
      ),
      properties: {
        ...zoneSummaryProperties(zone, { minCount: k }),
        ...(options.details === undefined ? {} : detailProperties(options.details[z], k)),
        ...(options.robustness === undefined
          ? {}
          : {
              robustness: {
                label: options.robustness[z].label,
                meanProbability: Math.round(options.robustness[z].meanProbability * 1000) / 1000,
                stableShare: Math.round(options.robustness[z].stableShare * 1000) / 1000,
              },
            }),
      },
    }),
  );
  return { type: 'FeatureCollection', features };
}

/** The detail properties of one zone; trust from fewer than k answers is suppressed when public. */
function detailProperties(detail: ZoneDetail, k: number | undefined) {
  const fewAnswers = k !== undefined && detail.trustResponses >= 1 && detail.trustResponses < k;
  const partners = detail.partners.map((p) => ({
    name: p.name,
    type: p.type,
    distanceMeters: Math.round(p.distanceMeters),
  }));
  return {
    reasons: [...detail.reasons],
    jointClass: detail.jointClass,
    need: finiteOrNull(detail.need),
    trust: fewAnswers ? `<${k}` : finiteOrNull(detail.trust),
    trustResponses: fewAnswers ? `<${k}` : detail.trustResponses,
    suggestedPartners: partners
      .map((p) => `${p.name} (${p.type}, ${p.distanceMeters} m)`)
      .join('; '),
    ...(detail.trend === undefined ? {} : { trend: trendText(detail.trend) }),
    // Per-step counts of a zone can be small: a public export keeps only the trend.
    ...(detail.trend === undefined || k !== undefined
      ? {}
      : {
          incidentsByStep: detail.trend.counts.map((incidents, t) => ({
            start: new Date(detail.trend!.stepStarts[t]).toISOString().slice(0, 10),
            incidents,
            days: detail.trend!.days[t],
          })),
        }),
    partners,
  };
}

/**
 * A zone's trend in words.
 *
 * @example
 * ```ts
 * trendText(trend); // 'rising in incidents per day (Mann–Kendall τ = 0.42, p = 0.003, 24 steps)'
 * ```
 */
export function trendText(trend: ZoneTrend): string {
  if (trend.direction === 'too few steps') return 'too few time steps to test';
  const p = trend.p < 0.001 ? '< 0.001' : `= ${trend.p.toFixed(3)}`;
  return `${trend.direction} in incidents per day (Mann–Kendall τ = ${trend.tau.toFixed(2)}, p ${p}, ${trend.counts.length} steps)`;
}
