import { HexreachError } from '../errors.js';
import { findColumn } from './findColumn.js';

/** Column indexes of the incident fields in a header; −1 when the field is absent. */
export interface IncidentColumns {
  readonly lat: number;
  readonly lng: number;
  readonly date: number;
  readonly category: number;
  readonly weight: number;
}

/** Column names given by the user; each one must exist. */
export interface IncidentColumnNames {
  readonly lat?: string;
  readonly lng?: string;
  readonly date?: string;
  readonly category?: string;
  readonly weight?: string;
}

/** Options of {@link detectColumns}. */
export interface DetectColumnsOptions extends IncidentColumnNames {
  /** The file or input, named in error messages. */
  readonly source?: string;
  /**
   * Whether latitude and longitude columns must exist (default true). GeoJSON readers pass
   * false: their coordinates are in the geometry and only the properties are searched.
   */
  readonly requireCoordinates?: boolean;
}

// Names are compared lower-cased with spaces and punctuation as `_` (see findColumn), in this
// order of preference, so `latitude` wins over `y` whichever comes first in the file.
// `x_coordinate`/`y_coordinate` are left out on purpose: in US portal exports (Chicago, LA) they
// are State Plane feet, not degrees.
const LAT_NAMES = [
  'latitude',
  'lat',
  'y',
  'point_y',
  'lat_wgs84',
  'latitude_wgs84',
  'wgs84_lat',
  'wgs84_latitude',
  'lat_dd',
  'latitude_dd',
  'lat_y',
  'y_lat',
  'intptlat',
];
const LNG_NAMES = [
  'longitude',
  'lng',
  'lon',
  'long',
  'x',
  'point_x',
  'lng_wgs84',
  'lon_wgs84',
  'long_wgs84',
  'longitude_wgs84',
  'wgs84_lng',
  'wgs84_lon',
  'wgs84_longitude',
  'lng_dd',
  'lon_dd',
  'longitude_dd',
  'lon_x',
  'x_lon',
  'intptlon',
];
// Qualified variants (`lat_4326`, `gps_latitude`, `incident_lon`). The prefixed form needs a
// known qualifier so that `long_description` is not taken for a longitude, and a combined
// `lat_long` column (one "(lat, lng)" string) matches neither side.
const QUALIFIER = '(wgs_?84|4326|dd|deg|degrees|decimal|gps)';
const LAT_PATTERN = new RegExp(
  `^(lat|latitude)_(${QUALIFIER}|y)$|^(?!.*(lon|lng)).*_(lat|latitude)$`,
);
const LNG_PATTERN = new RegExp(
  `^(lon|lng|long|longitude)_(${QUALIFIER}|x)$|^(?!.*lat).*_(lon|lng|long|longitude)$`,
);
const DATE_NAMES = [
  'date',
  'datetime',
  'occurred',
  'occurred_on',
  'date_time',
  'incident_date',
  'occurred_date',
  'occurred_at',
  'occurrence_date',
  'date_occurred',
  'date_occ',
  'occ_date',
  'incident_datetime',
  'offense_date',
  'offence_date',
  'crime_date',
  'from_date',
  'start_date',
  'reported_date',
  'date_reported',
  'report_date',
  'date_rptd',
  'timestamp',
];
const CATEGORY_NAMES = [
  'primary_type',
  'category',
  'offense',
  'offence',
  'type',
  'crime_type',
  'ucr_category',
  'offense_category',
  'offence_category',
  'offense_type',
  'offence_type',
  'crime_category',
  'incident_type',
  'crime',
  'nibrs_offense',
  'offense_description',
  'crm_cd_desc',
];

/**
 * Finds the incident columns of a CSV header (or the property names of GeoJSON features).
 * Latitude and longitude are recognised case-insensitively from common names (`latitude`/
 * `longitude`, `lat`/`lon`/`lng`/`long`, `y`/`x`, `point_y`/`point_x`, `lat_wgs84`-like
 * variants); the date from `date`, `datetime`, `occurred`, `occurred_on`, `date_time`,
 * `incident_date`, `reported_date` …; the category from `primary_type`, `category`, `offense`,
 * `offence`, `type`, `crime_type`, `ucr_category` …, each taking the first name in that order of
 * preference that the header has. A weight column is used only when named. Named columns win,
 * matched exactly or else ignoring case.
 *
 * @param header - column names in file order
 * @param options - columns named by the user, the source for messages, and whether coordinates
 *   are required
 * @returns the index of each column, −1 where absent
 * @throws HexreachError `E_NOT_FOUND` when a named column does not exist; `E_INPUT` when
 *   coordinates are required and no latitude or no longitude column is found (the message lists
 *   the header)
 * @example
 * ```ts
 * detectColumns(['id', 'Date', 'Primary Type', 'Latitude', 'Longitude']);
 * // { lat: 3, lng: 4, date: 1, category: 2, weight: -1 }
 * detectColumns(['a', 'b'], { source: 'x.csv' }); // throws E_INPUT
 * ```
 */
export function detectColumns(
  header: readonly string[],
  options: DetectColumnsOptions = {},
): IncidentColumns {
  const { source, requireCoordinates = true } = options;
  const lat = findColumn(header, {
    named: options.lat,
    candidates: LAT_NAMES,
    pattern: LAT_PATTERN,
    role: 'latitude',
    source,
  });
  const lng = findColumn(header, {
    named: options.lng,
    candidates: LNG_NAMES,
    pattern: LNG_PATTERN,
    role: 'longitude',
    source,
  });
  const date = findColumn(header, {
    named: options.date,
    candidates: DATE_NAMES,
    role: 'date',
    source,
  });
  const category = findColumn(header, {
    named: options.category,
    candidates: CATEGORY_NAMES,
    role: 'category',
    source,
  });
  const weight = findColumn(header, { named: options.weight, role: 'weight', source });
  if (requireCoordinates && (lat < 0 || lng < 0)) {
    const prefix = source === undefined ? '' : `${source}: `;
    const available = header.length > 0 ? header.join(', ') : '(no columns)';
    const what =
      lat < 0 && lng < 0
        ? 'none of the expected coordinate columns (latitude/longitude, lat/lon/lng, y/x) found'
        : lat < 0
          ? `found the longitude column "${header[lng]}" but no latitude column (latitude, lat, y)`
          : `found the latitude column "${header[lat]}" but no longitude column (longitude, lon, lng, x)`;
    throw new HexreachError(
      'E_INPUT',
      `${prefix}${what}; the file has: ${available}; name the columns if they are called otherwise`,
      header,
    );
  }
  return { lat, lng, date, category, weight };
}
