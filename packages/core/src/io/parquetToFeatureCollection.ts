import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { parquetReadObjects } from 'hyparquet';
import { HexreachError } from '../errors.js';
import type { ByteSource } from '../run/InputSource.js';
import { createRecord } from '../util/createRecord.js';
import { getOwn } from '../util/getOwn.js';
import { detectColumns } from './detectColumns.js';
import { PARQUET_COMPRESSORS } from './parquetCompressors.js';
import { parquetRowGroup } from './parquetRowGroup.js';
import { parquetTable } from './parquetTable.js';
import { parquetValue } from './parquetValue.js';

/**
 * A Parquet or GeoParquet file of areas or organizations as a GeoJSON FeatureCollection, for the
 * GeoJSON readers to validate feature by feature (feature i is row i, 0-based): the geometry is
 * the GeoParquet geometry column (WKB, longitude/latitude), or, without one, a point from the
 * longitude and latitude columns detected as for CSV; every other column is a property (64-bit
 * integers as numbers, timestamps as milliseconds). The rows are held whole: areas and
 * organizations number in the thousands, not millions.
 *
 * @param file - the file's bytes, read on demand
 * @param source - the file's name, for error messages
 * @returns the features
 * @throws HexreachError `E_INPUT` when the file is not Parquet, has neither a geometry column nor
 *   coordinate columns, or holds its geometry in projected coordinates
 * @example
 * ```ts
 * const tracts = await parquetToFeatureCollection(await source.bytes(), 'tracts.parquet');
 * readAreasGeoJson(tracts, { source: 'tracts.parquet', attributes: [{ name: 'population', required: true }] });
 * ```
 */
export async function parquetToFeatureCollection(
  file: ByteSource,
  source: string,
): Promise<FeatureCollection<Geometry | null>> {
  const table = await parquetTable(file, source);
  const points =
    table.geometry === undefined
      ? detectColumns(table.columns, { source, requireCoordinates: false })
      : undefined;
  if (points !== undefined && (points.lng < 0 || points.lat < 0)) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: no geometry column (GeoParquet, WKB) and no longitude/latitude columns among ${table.columns.join(', ')}`,
      source,
    );
  }
  const lng = points === undefined ? undefined : table.columns[points.lng];
  const lat = points === undefined ? undefined : table.columns[points.lat];
  const rows = await parquetRowGroup(source, undefined, () =>
    parquetReadObjects({ file, metadata: table.metadata, compressors: PARQUET_COMPRESSORS }),
  );
  const features = rows.map((row): Feature<Geometry | null> => {
    const properties = createRecord<unknown>();
    for (const name of table.columns) {
      if (name !== table.geometry) properties[name] = parquetValue(getOwn(row, name)) ?? null;
    }
    const geometry =
      lng === undefined || lat === undefined
        ? ((getOwn(row, table.geometry as string) ?? null) as Geometry | null)
        : ({
            type: 'Point',
            coordinates: [getOwn(properties, lng), getOwn(properties, lat)],
          } as Geometry);
    return { type: 'Feature', properties, geometry };
  });
  return { type: 'FeatureCollection', features };
}
