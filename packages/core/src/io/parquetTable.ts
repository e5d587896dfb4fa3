import { type FileMetaData, parquetMetadataAsync, parquetSchema } from 'hyparquet';
import { HexreachError } from '../errors.js';
import type { ByteSource } from '../run/InputSource.js';

/** A Parquet file's footer as hexreach reads it: its columns and its GeoParquet geometry. */
export interface ParquetTable {
  readonly metadata: FileMetaData;
  /** The top-level column names, in file order. */
  readonly columns: readonly string[];
  /** The geometry column (GeoParquet's primary column, or a GEOMETRY column), if any. */
  readonly geometry: string | undefined;
  /** Rows in each row group, in order: the units a reader reads at a time. */
  readonly rowGroups: readonly number[];
}

// Longitude/latitude on WGS84: what GeoParquet means by a column without a crs.
const LNG_LAT_CRS = new Set(['OGC:CRS84', 'EPSG:4326', 'OGC:CRS83', 'EPSG:4269']);

/**
 * Reads a Parquet file's footer (hyparquet): its top-level columns, the geometry column that the
 * GeoParquet `geo` metadata names (WKB) or a column of Parquet's GEOMETRY type, and the size of
 * each row group. Reads only the footer, however large the file.
 *
 * @param file - the file's bytes, read on demand
 * @param source - the file's name, for error messages
 * @returns the metadata, the column names, the geometry column and the row-group sizes
 * @throws HexreachError `E_INPUT` naming the file when it is not Parquet (no `PAR1` footer), or
 *   when its geometry is in a coordinate system other than longitude/latitude (GeoParquet `crs`)
 * @example
 * ```ts
 * const table = await parquetTable(await source.bytes(), 'incidents.parquet');
 * table.columns; // ['id', 'date', 'category', 'latitude', 'longitude']
 * ```
 */
export async function parquetTable(file: ByteSource, source: string): Promise<ParquetTable> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HexreachError(
      'E_INPUT',
      `${source}: not a Parquet file that can be read (${reason})`,
      source,
    );
  }
  const columns = parquetSchema(metadata).children.map((child) => child.element.name);
  const geo = geoMetadata(metadata, source);
  const typed = metadata.schema.find(
    (e) => e.logical_type?.type === 'GEOMETRY' || e.logical_type?.type === 'GEOGRAPHY',
  )?.name;
  const geometry = geo.primary !== undefined && columns.includes(geo.primary) ? geo.primary : typed;
  const rowGroups = metadata.row_groups.map((group) => Number(group.num_rows));
  return { metadata, columns, geometry, rowGroups };
}

/** GeoParquet's `geo` key: the primary geometry column, its coordinate system checked. */
function geoMetadata(metadata: FileMetaData, source: string): { primary: string | undefined } {
  const text = metadata.key_value_metadata?.find((kv) => kv.key === 'geo')?.value;
  if (text === undefined) return { primary: undefined };
  let geo: {
    primary_column?: unknown;
    columns?: Record<string, { crs?: unknown; encoding?: unknown }>;
  };
  try {
    geo = JSON.parse(text);
  } catch {
    throw new HexreachError(
      'E_INPUT',
      `${source}: its GeoParquet "geo" metadata is not valid JSON`,
      source,
    );
  }
  const primary = typeof geo.primary_column === 'string' ? geo.primary_column : undefined;
  const column = primary === undefined ? undefined : geo.columns?.[primary];
  const crs = crsName(column?.crs);
  if (crs !== undefined && !LNG_LAT_CRS.has(crs)) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: geometry column ${JSON.stringify(primary)} is in ${crs}; hexreach reads GeoParquet in longitude/latitude (OGC:CRS84): convert it first (e.g. ogr2ogr -t_srs EPSG:4326)`,
      source,
    );
  }
  if (column !== undefined && column.encoding !== 'WKB') {
    throw new HexreachError(
      'E_INPUT',
      `${source}: geometry column ${JSON.stringify(primary)} is encoded as ${JSON.stringify(column.encoding)}; hexreach reads WKB`,
      source,
    );
  }
  return { primary };
}

/** `AUTHORITY:CODE` of a PROJJSON crs (GeoParquet's); undefined when absent (longitude/latitude). */
function crsName(crs: unknown): string | undefined {
  if (crs === undefined || crs === null || typeof crs !== 'object') return undefined;
  const id = (crs as { id?: { authority?: unknown; code?: unknown } }).id;
  if (id?.authority !== undefined && id.code !== undefined)
    return `${String(id.authority)}:${String(id.code)}`;
  const name = (crs as { name?: unknown }).name;
  if (typeof name !== 'string') return 'an unnamed coordinate system';
  return /WGS ?84|CRS ?84/i.test(name) ? 'OGC:CRS84' : name;
}
