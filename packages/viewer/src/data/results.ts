import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/**
 * The files of a `hexreach analyze` run the viewer reads, and the optional organizations; then
 * those of a `hexreach evaluate` run.
 */
export const resultFileNames = [
  'cells.bin',
  'cells.geojson',
  'zones.geojson',
  'summary.json',
  'organizations.geojson',
  'spacetime.json',
  'report.html',
  'evaluation.json',
  'evaluation-zones.geojson',
] as const;

/** One of {@link resultFileNames}. */
export type ResultFileName = (typeof resultFileNames)[number];

/** Properties of a cell feature: `h3` and whatever columns the run wrote. */
export interface CellProperties {
  readonly h3: string;
  readonly [column: string]: unknown;
}

/** Properties of a zone feature (README "Zone properties"). */
export interface ZoneProperties {
  readonly id: string;
  readonly rank: number;
  readonly [property: string]: unknown;
}

/** Properties of an organization point as the viewer keeps them. */
export interface OrganizationProperties {
  /** Display name, found by `@hexreach/core`'s reader among `name`, `org_name` … */
  readonly name: string;
  /** Kind (`school`, `nonprofit` …); `organization` when the file does not say. */
  readonly type: string;
  /** Index of the feature in the file. */
  readonly feature: number;
  /** Every property of the original feature, for the details panel. */
  readonly original: Readonly<Record<string, unknown>>;
}

/** A cell polygon. */
export type CellFeature = Feature<Polygon | MultiPolygon, CellProperties>;
/** A zone polygon. */
export type ZoneFeature = Feature<Polygon | MultiPolygon, ZoneProperties>;
/** An organization point. */
export type OrganizationFeature = Feature<Point, OrganizationProperties>;

/** The parts of `summary.json` the viewer uses; everything else is kept as read. */
export interface ResultSummary {
  readonly hexreach?: string;
  readonly parameters?: {
    readonly resolution?: number;
    readonly indicators?: readonly { readonly name: string; readonly label?: string }[];
    readonly priority?: {
      readonly weights?: Readonly<Record<string, number>>;
      readonly normalization?: string;
    };
    readonly zones?: Readonly<Record<string, unknown>>;
    /** Whether the Gi* and LISA bins are FDR-corrected. */
    readonly hotspots?: { readonly fdr?: boolean };
  };
  readonly [key: string]: unknown;
}

/** The space-time view, aligned with the cells of `cells.geojson`. */
export interface SpaceTimeSteps {
  /** `week`, `month` or `quarter`. */
  readonly step: string;
  /** Each step's first day, `YYYY-MM-DD`. */
  readonly stepStarts: readonly string[];
  /** The days each step is compared over (fewer than its length: a partial step); absent in older files. */
  readonly days?: readonly number[];
  /** Gi* bin (−3…3) of cell c in step t at `bins[t][c]`, c in the order of `cells.features`. */
  readonly bins: readonly Int8Array[];
}

/** Results loaded, validated and ready to draw. */
export interface LoadedResults {
  /** Where they came from, for the status line ("results/", "3 files"). */
  readonly origin: string;
  readonly cells: FeatureCollection<Polygon | MultiPolygon, CellProperties>;
  /** Each cell's H3 index, in the order of `cells.features` (without making their properties). */
  readonly cellIds: readonly string[];
  /** Numeric columns of the cells (every value a number or null, at least one number). */
  readonly numericColumns: readonly string[];
  /** Each numeric column as one value per cell, NaN where the file has null. */
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** Text columns of the cells (every value a string or null, at least one string). */
  readonly textColumns: readonly string[];
  /** Each text column as one value per cell, null where the file has null. */
  readonly texts: Readonly<Record<string, readonly (string | null)[]>>;
  readonly zones: FeatureCollection<Polygon | MultiPolygon, ZoneProperties> | undefined;
  readonly organizations: FeatureCollection<Point, OrganizationProperties> | undefined;
  readonly summary: ResultSummary | undefined;
  /** Every cell's Gi* bin per time step (`spacetime.json`, written with `--stat emerging`). */
  readonly spaceTime: SpaceTimeSteps | undefined;
  /** The run's `report.html`, offered for download as it was written. */
  readonly reportHtml: string | undefined;
  /** Things the user should know that did not stop loading (a file missing, features skipped). */
  readonly notes: readonly string[];
}
