import { HexreachError } from '../errors.js';
import { parquetToFeatureCollection } from '../io/parquetToFeatureCollection.js';
import { parseJson } from '../io/parseJson.js';
import { shapefileToFeatureCollection } from '../io/shapefileToFeatureCollection.js';
import type { InputSource } from './InputSource.js';
import { inputFormatOf } from './inputFormatOf.js';
import { shapefilePartsOf } from './shapefilePartsOf.js';

/** A file of features as the GeoJSON readers take it, and how its coordinates were read. */
export interface FeatureSourceRead {
  /** A parsed GeoJSON FeatureCollection (or whatever JSON the file holds, for the reader to refuse). */
  readonly data: unknown;
  /** One sentence saying how the coordinates were read, when the format says (a shapefile's .prj). */
  readonly note: string | undefined;
}

/**
 * Reads a file of polygons or points (areas, organizations) into GeoJSON for `readAreasGeoJson`
 * and `readOrganizationsGeoJson`, whatever its format: GeoJSON; a shapefile (`.zip`, or `.shp`
 * with its `.dbf`, `.prj`, `.cpg` beside it) reprojected to WGS84 from its `.prj`; or Parquet /
 * GeoParquet. The format is the name's extension, else the first bytes (see `inputFormatOf`).
 * Feature i is record (row) i of the file, 0-based, so rejections name the record.
 *
 * @param source - the file
 * @returns the parsed features, and for a shapefile the note naming the coordinate system
 * @throws HexreachError `E_INPUT` naming the file (and record) when it cannot be read: invalid
 *   JSON with line and column, a shapefile cut short or with an unknown `.prj`, a file that is
 *   not Parquet; `E_NOT_FOUND` from the source for a missing file
 * @example
 * ```ts
 * const { data, note } = await readFeatureSource(nodeFileSource('tracts.zip', 'areas'));
 * // note: 'tracts.zip: shapefile reprojected from NAD_1983_StatePlane_… (tracts.prj) to WGS84 …'
 * ```
 */
export async function readFeatureSource(source: InputSource): Promise<FeatureSourceRead> {
  const format = await inputFormatOf(source, 'geojson');
  switch (format) {
    case 'shapefile': {
      const { collection, note } = shapefileToFeatureCollection(await shapefilePartsOf(source));
      return { data: collection, note };
    }
    case 'parquet': {
      if (source.bytes === undefined) {
        throw new HexreachError(
          'E_INPUT',
          `${source.name}: this input gives no bytes to read Parquet from`,
          source.name,
        );
      }
      return {
        data: await parquetToFeatureCollection(await source.bytes(), source.name),
        note: undefined,
      };
    }
    case 'csv':
    case 'geojson':
      return { data: parseJson(await source.text(), source.name), note: undefined };
  }
}
