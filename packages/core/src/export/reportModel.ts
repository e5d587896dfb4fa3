/**
 * What `report.md` and `report.html` show, as plain JSON-friendly data (no typed arrays, `null`
 * for a missing number), so that a report can be rebuilt from saved outputs. Build it from the
 * same values the other exports hold: for a public export, from the suppressed ones (the
 * renderers suppress zone incident counts once more as a safety net, but cannot do so for text
 * such as `topCategories`). The run's date is deliberately absent: the same inputs, parameters
 * and seed give the same report, byte for byte.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** How the records of one input file were accounted for. */
export interface ReportInputCounts {
  /** The file as the run named it (e.g. `data/demo/incidents.csv`). */
  readonly path: string;
  /** Records read, accepted or not. */
  readonly read: number;
  /** Records used. */
  readonly accepted: number;
  /** Records that could not be used. */
  readonly rejected?: number;
  /** Records outside the study area or date window. */
  readonly outside?: number;
  /** Records used with a gap (e.g. a missing attribute). */
  readonly warnings?: number;
}

/** An organization suggested as an outreach partner for a zone. */
export interface ReportPartner {
  /** Display name, from the user's data. */
  readonly name: string;
  /** Kind of organization, e.g. `school`, `youth`, `faith-based`. */
  readonly type: string;
  /** Great-circle distance from the zone in metres. */
  readonly distanceMeters: number;
}

/** One priority zone as the report shows it. */
export interface ZoneReportRow {
  /** Zone id, `Z01` for rank 1; matches `properties.id` of its geometry. */
  readonly id: string;
  /** With named places: the zone's name, `Z03 · Humboldt Park, West Garfield Park`. */
  readonly name?: string;
  /** 1 for the highest mean score. */
  readonly rank: number;
  /** Mean priority score of the zone's cells (0–1 with percentile normalisation). */
  readonly meanScore: number | null;
  /** Highest priority score of the zone's cells. */
  readonly maxScore: number | null;
  /** How the zone survives changed weights and resolution (see `zoneRobustness`). */
  readonly robustness?: {
    /** `robust`, `moderate` or `fragile`. */
    readonly label: string;
    /** Mean selection probability of the zone's cells (0–1). */
    readonly meanProbability: number;
    /** Share of the zone's cells selected in at least half of the draws (0–1). */
    readonly stableShare?: number;
  };
  /** Area in km². */
  readonly areaKm2: number | null;
  /** Residents. */
  readonly population: number | null;
  /** Incidents, or the suppressed text (e.g. `"<5"`) of a public export. */
  readonly incidents: number | string | null;
  /** The leading categories as text, e.g. `THEFT 120; BATTERY 80`. */
  readonly topCategories: string;
  /** Why the zone matters in one class, e.g. `significant hotspot and ≥90th-percentile need`. */
  readonly jointClass?: string;
  /** The incident trend in words, e.g. `rising in incidents per day (Mann–Kendall τ = 0.42, p = 0.003, 24 steps)`. */
  readonly trend?: string;
  /** The top reasons in words, e.g. `94th percentile need`. */
  readonly reasons?: readonly string[];
  /** The nearest organizations of relevant types. */
  readonly partners?: readonly ReportPartner[];
  /** Mean need (vulnerability) index of the zone's cells (0–1, 1 = most vulnerable). */
  readonly need?: number | null;
  /** Mean trust / perceived-safety score of the zone's cells (as the survey scale). */
  readonly trust?: number | null;
}

/** One row of the equity table: a group or measure among residents of the zones and of the study area. */
export interface ReportEquityRow {
  /** The attribute name, e.g. `pct_black`. */
  readonly name: string;
  /** Words for a reader, e.g. `Black residents`. */
  readonly label: string;
  /** The value among residents of the selected zones. */
  readonly selected: number | null;
  /** The value among all residents of the study area. */
  readonly all: number | null;
  /** `selected / all`: above 1, the zones reach the group more than its share. */
  readonly ratio: number | null;
  /** The unit of `selected` and `all`, e.g. `%` (values 0–100) or `USD`; empty for none. */
  readonly unit: string;
}

/** Everything the report shows. */
export interface ReportModel {
  /** The report's title (may come from the user's configuration). */
  readonly title: string;
  /** The hexreach version that made the outputs. */
  readonly version: string;
  /** The run's seed. */
  readonly seed: number;
  /** The full configuration with defaults, shown as a table of settings. */
  readonly parameters: unknown;
  /** Each input by role (`incidents`, `areas`, `organizations`, `surveys`). */
  readonly inputs: Readonly<Record<string, ReportInputCounts>>;
  /** The zones in rank order. */
  readonly zones: readonly ZoneReportRow[];
  /** The zones' outlines (RFC 7946, `[lng, lat]`), each with `properties.id` of its zone. */
  readonly zoneGeometries: readonly Feature<Polygon | MultiPolygon>[];
  /** The study area's outline, drawn under the zones when given. */
  readonly studyOutline?: Polygon | MultiPolygon;
  /** Whom the zones reach, against the whole study area. */
  readonly equity?: {
    readonly rows: readonly ReportEquityRow[];
    /** Residents of the selected zones. */
    readonly selectedPopulation: number | null;
    /** Residents of the study area. */
    readonly totalPopulation: number | null;
  };
  /** How concentrated incidents are over the cells (see `analyze`'s `concentration`). */
  readonly concentration?: {
    readonly gini: number | null;
    readonly generalizedGini: number | null;
    readonly topShares: readonly { readonly cellShare: number; readonly incidentShare: number }[];
    /** The Lorenz curve, cells sorted from most to fewest incidents; both lists 0–1, same length. */
    readonly lorenz: {
      readonly cellShare: readonly number[];
      readonly incidentShare: readonly number[];
    };
  };
  /** The privacy rules applied, as `summary.json` states them. */
  readonly privacy?: {
    readonly public: boolean;
    readonly minCount?: number;
    readonly rules?: readonly string[];
  };
  /** Plain-language notes about choices the run made. */
  readonly notes: readonly string[];
}
