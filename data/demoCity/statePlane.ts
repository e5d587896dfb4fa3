/**
 * The coordinate system the demo city's shapefile is written in: the state plane of Nebraska
 * (where the made-up city's coordinates fall) in US survey feet, NAD83 — ESRI:102704, as a city
 * portal in the region would export it — and the short dBase field names of its attributes.
 */
import type { Position } from 'geojson';
import proj4 from 'proj4';

/** ESRI's well-known text of NAD 1983 StatePlane Nebraska FIPS 2600 Feet (ESRI:102704). */
export const NEBRASKA_FEET_PRJ =
  'PROJCS["NAD_1983_StatePlane_Nebraska_FIPS_2600_Feet",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",1640416.666666667],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-100.0],PARAMETER["Standard_Parallel_1",40.0],PARAMETER["Standard_Parallel_2",43.0],PARAMETER["Latitude_Of_Origin",39.83333333333334],UNIT["Foot_US",0.3048006096012192]]';

const converter = proj4(NEBRASKA_FEET_PRJ);

/**
 * `[lng, lat]` WGS84 degrees → `[x, y]` Nebraska state plane feet (NAD83 and WGS84 taken as one,
 * as proj4 does without a datum shift).
 *
 * @example
 * ```ts
 * toNebraskaFeet([-101.4, 42.39]); // ≈ [1262302.418, 934380.015]
 * ```
 */
export function toNebraskaFeet(position: Position): Position {
  return converter.forward([position[0], position[1]]);
}

/**
 * The dBase field of each tract property: dBase names hold at most 10 characters, so the longer
 * ones are shortened, as the Census Bureau's and CDC's shapefiles shorten theirs.
 */
export const TRACT_FIELD_NAMES: ReadonlyMap<string, string> = new Map([
  ['tract_id', 'tract_id'],
  ['name', 'name'],
  ['population', 'population'],
  ['households', 'households'],
  ['median_income', 'med_income'],
  ['median_income_moe', 'med_inc_mo'],
  ['poverty_rate', 'pov_rate'],
  ['poverty_rate_moe', 'pov_moe'],
  ['no_hs_diploma', 'no_hs_dipl'],
  ['unemployment_rate', 'unemp_rate'],
  ['pct_white', 'pct_white'],
  ['pct_black', 'pct_black'],
  ['pct_hispanic', 'pct_hisp'],
  ['pct_asian', 'pct_asian'],
  ['pct_other', 'pct_other'],
  ['pct_under_18', 'pct_und18'],
  ['pct_over_65', 'pct_ovr65'],
  ['limited_english', 'ltd_englsh'],
  ['no_vehicle', 'no_vehicle'],
]);
