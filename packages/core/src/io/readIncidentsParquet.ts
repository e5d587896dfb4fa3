import { parquetRead } from 'hyparquet';
import type { ByteSource } from '../run/InputSource.js';
import type { IncidentTable, ReadResult, RejectionSink } from '../types.js';
import { describeGeometry } from './describeGeometry.js';
import { detectColumns, type IncidentColumnNames } from './detectColumns.js';
import { createIncidentTableBuilder, type IncidentTableBuilder } from './incidentTableBuilder.js';
import { PARQUET_COMPRESSORS } from './parquetCompressors.js';
import { parquetRowGroup } from './parquetRowGroup.js';
import { parquetTable } from './parquetTable.js';
import { parquetValue } from './parquetValue.js';

/** Options of {@link readIncidentsParquet}. */
export interface ReadIncidentsParquetOptions {
  /** The file name that rejections and errors refer to. */
  readonly source: string;
  /** Columns named by the user; the others are detected from the column names, as for CSV. */
  readonly columns?: IncidentColumnNames;
  /** Called after each row group with the number of rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
  /** Receives each rejected row as it is read, instead of the result listing it. */
  readonly onRejection?: RejectionSink;
}

/** Where a row's coordinates are: a GeoParquet geometry column, or two number columns. */
type Coordinates = { readonly geometry: number } | { readonly lng: number; readonly lat: number };

/**
 * Reads incidents from a Parquet or GeoParquet file into columns, one row group at a time, so
 * that memory holds one row group's rows, not the file (hyparquet, which also runs in browsers;
 * uncompressed, Snappy, gzip and ZSTD: see `PARQUET_COMPRESSORS`). The coordinates are the
 * GeoParquet geometry column (WKB points, longitude/latitude) or, without one, longitude and
 * latitude columns detected by name as for CSV (`detectColumns`), as are the date, category and
 * weight columns. Each row is validated as a CSV row is (`createIncidentTableBuilder`) and rows
 * are numbered as in a CSV, from 1, so a rejection names the row as `rejected.csv` does for
 * CSV. A date may be text (as `parseDate` reads it) or a Parquet timestamp (wall-clock, UTC).
 *
 * @param file - the file's bytes, read on demand (a Node file, a Blob, an ArrayBuffer)
 * @param options - the source name, named columns, a progress callback and a rejection sink
 * @returns the incidents, the rows read (accepted + rejected), the rejections and their count
 * @throws HexreachError `E_INPUT` when the file is not Parquet, has no geometry column and no
 *   coordinate columns, holds its geometry in projected coordinates, or a row group cannot be
 *   decoded (a codec not read, such as Brotli), naming the row group; `E_NOT_FOUND` when a
 *   named column does not exist
 * @example
 * ```ts
 * const { data, read, rejectedCount } = await readIncidentsParquet(await source.bytes(), { source: 'incidents.parquet' });
 * ```
 */
export async function readIncidentsParquet(
  file: ByteSource,
  options: ReadIncidentsParquetOptions,
): Promise<ReadResult<IncidentTable>> {
  const { source, columns: named = {}, onProgress, onRejection } = options;
  const table = await parquetTable(file, source);
  const names = table.columns;
  const geometryIndex = table.geometry === undefined ? -1 : names.indexOf(table.geometry);
  const detected = detectColumns(names, {
    ...named,
    source,
    requireCoordinates: geometryIndex < 0 || named.lat !== undefined || named.lng !== undefined,
  });
  const coordinates: Coordinates =
    geometryIndex >= 0 && (named.lat === undefined || named.lng === undefined)
      ? { geometry: geometryIndex }
      : { lng: detected.lng, lat: detected.lat };
  const builder = createIncidentTableBuilder(source, 'row', {
    hasCategory: detected.category >= 0,
    hasWeight: detected.weight >= 0,
    initialCapacity: 65_536,
    onRejection,
  });
  // The columns read, in this order: coordinates, then date, category and weight when present.
  const fields = [
    ...('geometry' in coordinates ? [coordinates.geometry] : [coordinates.lng, coordinates.lat]),
    detected.date,
    detected.category,
    detected.weight,
  ];
  const wanted = fields.filter((i) => i >= 0).map((i) => names[i]);
  const at = (i: number) => (i < 0 ? -1 : wanted.indexOf(names[i]));
  const slots = {
    geometry: 'geometry' in coordinates ? 0 : -1,
    lng: 'lng' in coordinates ? at(coordinates.lng) : -1,
    lat: 'lat' in coordinates ? at(coordinates.lat) : -1,
    date: at(detected.date),
    category: at(detected.category),
    weight: at(detected.weight),
  };
  let rowStart = 0;
  for (const [index, rows] of table.rowGroups.entries()) {
    const rowEnd = rowStart + rows;
    await parquetRowGroup(source, index, () =>
      parquetRead({
        file,
        metadata: table.metadata,
        columns: wanted,
        rowStart,
        rowEnd,
        compressors: PARQUET_COMPRESSORS,
        onComplete: (group: unknown[][]) => addRows(builder, group, rowStart, slots),
      }),
    );
    rowStart = rowEnd;
    onProgress?.(rowStart);
  }
  return builder.finish();
}

/** Adds one row group's rows; row r of the file (0-based) is record r + 1, as CSV numbers rows. */
function addRows(
  builder: IncidentTableBuilder,
  rows: readonly unknown[][],
  rowStart: number,
  slots: Readonly<Record<'geometry' | 'lng' | 'lat' | 'date' | 'category' | 'weight', number>>,
): void {
  const value = (row: readonly unknown[], slot: number) =>
    slot < 0 ? undefined : parquetValue(row[slot]);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const record = rowStart + i + 1;
    let lng: unknown;
    let lat: unknown;
    if (slots.geometry >= 0) {
      const geometry = row[slots.geometry] as
        | { type?: unknown; coordinates?: unknown }
        | null
        | undefined;
      if (geometry === null || geometry === undefined) {
        builder.reject(record, 'missing-coordinates', 'geometry is null');
        continue;
      }
      if (geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
        builder.reject(
          record,
          'wrong-geometry',
          `geometry is ${describeGeometry(geometry)}, not a Point`,
        );
        continue;
      }
      [lng, lat] = geometry.coordinates as unknown[];
    } else {
      lng = value(row, slots.lng);
      lat = value(row, slots.lat);
    }
    builder.addValues(
      record,
      lng,
      lat,
      value(row, slots.date),
      value(row, slots.category),
      value(row, slots.weight),
    );
  }
}
