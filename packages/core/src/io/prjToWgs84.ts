import proj4, { type Converter } from 'proj4';
import { HexreachError } from '../errors.js';

/** A coordinate system read from a `.prj`, and the conversion of its coordinates to WGS84. */
export interface PrjTransform {
  /** The coordinate system's name as the `.prj` gives it (`NAD_1983_StatePlane_…_Feet`). */
  readonly crs: string;
  /** `[x, y]` in that system → `[lng, lat]` WGS84 degrees (non-finite when it cannot be). */
  readonly toWgs84: (x: number, y: number) => [number, number];
}

// The WKT keywords that open a coordinate system: WKT 1 (ESRI and OGC) and WKT 2.
const CRS_KEYWORD =
  /^\s*(PROJCS|GEOGCS|GEOCCS|COMPD_CS|PROJCRS|GEOGCRS|GEODCRS|BASEGEOGCRS)\s*\[\s*"([^"]*)"/i;

/**
 * Reads the well-known text (WKT) of a shapefile's `.prj` with proj4 and gives the conversion of
 * its coordinates to WGS84 longitude/latitude: a state plane in US feet, UTM, NAD83 degrees…
 *
 * @param wkt - the `.prj` file's text
 * @param file - the `.prj` file's name, for the error message
 * @returns the coordinate system's name and the conversion
 * @throws HexreachError `E_INPUT` naming the file and the reason when the text is not a WKT
 *   coordinate system or proj4 does not know its projection
 * @example
 * ```ts
 * const { crs, toWgs84 } = prjToWgs84(prjText, 'tracts.prj'); // crs 'NAD_1983_StatePlane_Nebraska_FIPS_2600_Feet'
 * toWgs84(1262302.418, 934380.015); // ≈ [-101.4, 42.39]
 * ```
 */
export function prjToWgs84(wkt: string, file: string): PrjTransform {
  const match = CRS_KEYWORD.exec(wkt);
  if (match === null) {
    const start = wkt.trim().slice(0, 40);
    throw new HexreachError(
      'E_INPUT',
      `${file}: not a coordinate system in well-known text (it starts ${JSON.stringify(start)}; expected PROJCS[…] or GEOGCS[…])`,
      file,
    );
  }
  let converter: Converter;
  try {
    converter = proj4(wkt.trim()) as Converter;
  } catch (error) {
    // proj4 throws strings.
    const reason = error instanceof Error ? error.message : String(error);
    throw new HexreachError(
      'E_INPUT',
      `${file}: coordinate system ${JSON.stringify(match[2])} cannot be read (${reason.split(':')[0]})`,
      file,
    );
  }
  return {
    crs: match[2],
    toWgs84: (x, y) => {
      const [lng, lat] = converter.inverse([x, y]);
      return [lng, lat];
    },
  };
}
