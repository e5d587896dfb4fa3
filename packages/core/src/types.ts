/**
 * Plain data shapes shared across hexreach modules. Per-cell and per-record data are columns
 * (typed arrays), indexed 0…n−1; H3 indexes are strings.
 */

/**
 * Spatial weights in compressed sparse row form: the neighbours of cell `i` are
 * `neighbors[offsets[i]] … neighbors[offsets[i + 1] − 1]`, with weights at the same positions.
 */
export interface SpatialWeights {
  /** Number of observations (cells, areas). */
  readonly n: number;
  /** Row starts, length n + 1; `offsets[n]` is the number of links. */
  readonly offsets: Uint32Array;
  /** Neighbour indexes, 0-based; includes `i` itself when `selfIncluded`. */
  readonly neighbors: Uint32Array;
  /** Weight of each link, aligned with `neighbors`. */
  readonly weights: Float64Array;
  /** Whether each row contains the observation itself (Gi* rather than Gi). */
  readonly selfIncluded: boolean;
  /** `binary`: every link weighs 1; `row`: each row sums to 1; `custom`: anything else. */
  readonly style: 'binary' | 'row' | 'custom';
}

/** Why an input record could not be used. Stable codes; messages may change. */
export type RejectionReason =
  | 'missing-coordinates'
  | 'invalid-coordinates'
  | 'out-of-range-coordinates'
  | 'swapped-coordinates'
  | 'invalid-date'
  | 'invalid-weight'
  | 'outside-date-window'
  | 'excluded-category'
  | 'outside-study-area'
  | 'wrong-geometry'
  | 'missing-attribute'
  | 'invalid-attribute'
  | 'invalid-cell'
  | 'wrong-resolution'
  | 'invalid-count';

/** One record that could not be used, named by file and record so the user can fix it. */
export interface Rejection {
  /** The file (or input name) the record came from. */
  readonly source: string;
  /** `row`: 1-based data row of a CSV (the header is not counted); `feature`: 0-based feature index. */
  readonly recordKind: 'row' | 'feature';
  /** The row or feature index, as described by `recordKind`. */
  readonly record: number;
  /** A stable code for the reason. */
  readonly reason: RejectionReason;
  /** The reason in words, with the offending value. */
  readonly message: string;
}

/**
 * Receives each rejected record as a reader (or `pointsToCells`) finds it, instead of the record
 * being kept in a list: a 20-million-row file with millions of broken rows then costs no memory
 * per row (the CLI streams them to `rejected.csv`). It may throw to stop the reading.
 */
export type RejectionSink = (rejection: Rejection) => void;

/** Incident records as columns. Row `i` of every column is the same incident. */
export interface IncidentTable {
  /** Name of the file or input they came from. */
  readonly source: string;
  /** How the records were addressed in the source (CSV rows or GeoJSON features). */
  readonly recordKind: 'row' | 'feature';
  /** Number of accepted incidents. */
  readonly length: number;
  /** Longitude, WGS84 degrees. */
  readonly lng: Float64Array;
  /** Latitude, WGS84 degrees. */
  readonly lat: Float64Array;
  /** Time as milliseconds since 1970-01-01 of the wall-clock time (naive times are read as UTC); NaN when absent. */
  readonly time: Float64Array;
  /** Index into `categories`; 0 when no category column was given (then `categories` is `['all']`). */
  readonly category: Uint16Array;
  /** Distinct category names in order of first appearance. */
  readonly categories: readonly string[];
  /** Weight of each incident (1 unless a weight column was given). */
  readonly weight: Float64Array;
  /** The source record number (row or feature, as `recordKind`) of each incident. */
  readonly record: Uint32Array;
  /**
   * Set when the incidents came as cell aggregates (`--cells`): each row's count became that many
   * incidents at its cell's centre, dated the start of its period. What needs the points
   * themselves (exact KDE, re-binning at other resolutions) is then not available.
   */
  readonly aggregated?: CellAggregation;
}

/** How incidents given as cell aggregates were made (see `readCellCountsCsv`). */
export interface CellAggregation {
  /** Aggregate rows accepted. */
  readonly rows: number;
  /** The calendar period of the rows' `period` column; undefined when there is none. */
  readonly period: 'week' | 'month' | 'quarter' | undefined;
}

/** The result of reading a file of records: what could be used, and why the rest could not. */
export interface ReadResult<T> {
  readonly data: T;
  /** Records read from the source, accepted or not. */
  readonly read: number;
  /**
   * Records that could not be used at all, each with its reason; empty when the reader was given
   * an `onRejection` sink, which received them instead.
   */
  readonly rejections: readonly Rejection[];
  /** Number of records that could not be used: listed in `rejections` or passed to the sink. */
  readonly rejectedCount: number;
  /** Records used with a gap (e.g. an optional attribute missing), each with its reason. */
  readonly warnings: readonly Rejection[];
}

/** The analysis cells: H3 cells at one resolution, each with a stable 0-based index. */
export interface CellGrid {
  /** H3 resolution of every cell. */
  readonly resolution: number;
  /** H3 indexes, sorted ascending so that the same input always gives the same order. */
  readonly cells: readonly string[];
  /** Position of each cell in `cells`. */
  readonly indexOf: ReadonlyMap<string, number>;
}

/** How an area attribute moves to cells: counts are split (totals kept), rates are averaged. */
export type AttributeKind = 'count' | 'rate';

/** Area polygons (census tracts, block groups) with numeric attributes as columns. */
export interface AreaTable {
  /** Name of the file or input they came from. */
  readonly source: string;
  /** Number of accepted areas. */
  readonly length: number;
  /** Accepted Polygon/MultiPolygon geometries, in source order. */
  readonly geometries: readonly (import('geojson').Polygon | import('geojson').MultiPolygon)[];
  /** The 0-based source feature index of each accepted area. */
  readonly record: Uint32Array;
  /** Each requested attribute as a column; NaN where a value is missing (reported as a warning). */
  readonly attributes: Readonly<Record<string, Float64Array>>;
  /** An identifier per area (the `id` member or a named property), for reports. */
  readonly ids: readonly string[];
}

/**
 * Named places (community areas, neighbourhoods, beats, wards) as polygons with a name each: what
 * zones are named by.
 */
export interface PlaceTable {
  /** Name of the file or input they came from. */
  readonly source: string;
  /** The property the names were read from (configured or detected). */
  readonly nameProperty: string;
  /** Number of accepted places. */
  readonly length: number;
  /** Accepted Polygon/MultiPolygon geometries, in source order. */
  readonly geometries: readonly (import('geojson').Polygon | import('geojson').MultiPolygon)[];
  /** The name of each place, trimmed and never empty. */
  readonly names: readonly string[];
  /** The 0-based source feature index of each accepted place. */
  readonly record: Uint32Array;
}

/** Organizations (schools, libraries, community groups) as points with a name and a type. */
export interface OrganizationTable {
  /** Name of the file or input they came from. */
  readonly source: string;
  /** Number of accepted organizations. */
  readonly length: number;
  /** Longitude, WGS84 degrees. */
  readonly lng: Float64Array;
  /** Latitude, WGS84 degrees. */
  readonly lat: Float64Array;
  /** Display name of each organization. */
  readonly name: readonly string[];
  /** Kind of each organization (e.g. `school`); `organization` when the file does not say. */
  readonly type: readonly string[];
  /** How many people each can serve (e.g. places, members); NaN when the file does not say. */
  readonly capacity?: Float64Array;
  /** The 0-based source feature index of each organization. */
  readonly record: Uint32Array;
}

/** Community survey answers as columns: one row per respondent. */
export interface SurveyTable {
  /** Name of the file or input they came from. */
  readonly source: string;
  /** Number of accepted responses. */
  readonly length: number;
  /** Longitude of where the respondent lives (or answered), WGS84 degrees. */
  readonly lng: Float64Array;
  /** Latitude, WGS84 degrees. */
  readonly lat: Float64Array;
  /** Time of the answer (wall-clock ms, as `IncidentTable.time`); NaN when absent. */
  readonly time: Float64Array;
  /** Each answer column by name; NaN where the question was not answered. */
  readonly answers: Readonly<Record<string, Float64Array>>;
  /** The 1-based data row of each response in the source. */
  readonly record: Uint32Array;
}
