import { HexreachError } from '../errors.js';
import type { IncidentTable, ReadResult, RejectionSink } from '../types.js';
import { detectColumns, type IncidentColumnNames, type IncidentColumns } from './detectColumns.js';
import { createIncidentTableBuilder, type IncidentTableBuilder } from './incidentTableBuilder.js';
import { type CsvInput, isBlankRow, readCsvChunks, withoutBom } from './readCsvChunks.js';
import { readPlainRecords } from './readPlainRecords.js';

export type { CsvInput } from './readCsvChunks.js';

/** Options of {@link readIncidentsCsv}. */
export interface ReadIncidentsCsvOptions {
  /** The file name (or input name) that rejections and errors refer to. */
  readonly source: string;
  /** Columns named by the user; the others are detected from the header. */
  readonly columns?: IncidentColumnNames;
  /** Called after each parsed chunk with the number of data rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
  /**
   * Receives each rejected row as it is read, instead of the result listing it: memory then does
   * not grow with the number of broken rows (see {@link RejectionSink}).
   */
  readonly onRejection?: RejectionSink;
}

/**
 * Reads incidents from a CSV file into columns, streaming it (a 1 GB file is never held whole),
 * with a reason for every row that cannot be used. The header row names the columns (a UTF-8 BOM
 * is removed); latitude, longitude, date and category are detected as in `detectColumns` unless
 * named. Rows are parsed by papaparse (the delimiter — comma, semicolon, tab, pipe — is detected;
 * quoted fields may hold delimiters, quotes and newlines; blank lines are skipped and not
 * counted); a row with fewer or more fields is still read by position.
 * Each row is validated as in `createIncidentTableBuilder`; rows are numbered from 1, the header
 * not counted. Dates are wall-clock times read as UTC (see `parseDate`).
 *
 * @param input - the CSV as a string, Blob/File, ReadableStream, or Node Readable / async iterable
 * @param options - the source name, named columns, a progress callback and a rejection sink
 * @returns the incidents, the rows read (accepted + rejected), the rejections (none listed with
 *   a sink) and their count
 * @throws HexreachError `E_INPUT` (as a rejected promise) when the file is empty, has no
 *   coordinate columns, has a quoted field that is never closed, or has more than 65,535
 *   categories; `E_NOT_FOUND` when a named column does not exist; the stream's own error when
 *   reading fails
 * @example
 * ```ts
 * const csv = 'date,primary_type,latitude,longitude\n2018-01-01 00:00:00,THEFT,41.88,-87.63\n';
 * const { data, read, rejections } = await readIncidentsCsv(csv, { source: 'incidents.csv' });
 * // data.length 1, data.categories ['THEFT'], read 1, rejections []
 * // In Node: await readIncidentsCsv(fs.createReadStream(path), { source: path })
 * ```
 */
export async function readIncidentsCsv(
  input: CsvInput,
  options: ReadIncidentsCsvOptions,
): Promise<ReadResult<IncidentTable>> {
  const { source, columns: named = {}, onProgress, onRejection } = options;
  let columns: IncidentColumns | undefined;
  let builder: IncidentTableBuilder | undefined;
  let rowsRead = 0;

  function readRows(rows: string[][]): void {
    let first = 0;
    if (columns === undefined) {
      if (rows.length === 0) return;
      columns = detectColumns(withoutBom(rows[0]), { ...named, source });
      builder = createIncidentTableBuilder(source, 'row', {
        hasCategory: columns.category >= 0,
        hasWeight: columns.weight >= 0,
        initialCapacity: 65_536,
        onRejection,
      });
      first = 1;
    }
    for (let i = first; i < rows.length; i++) if (readRow(rows[i], rowsRead + 1)) rowsRead++;
    onProgress?.(rowsRead);
  }

  /** Adds a split row as record number `record`; false for a blank row, which is no record. */
  function readRow(row: readonly string[], record: number): boolean {
    const { lng, lat, date, category, weight } = columns!;
    // Blank lines, including whitespace- or delimiter-only ones, are not records; the cheap
    // test on the longitude field first keeps the full check off the common path.
    const lngText = row[lng];
    if (
      (lngText === undefined || lngText.length === 0 || lngText.charCodeAt(0) <= 32) &&
      isBlankRow(row)
    ) {
      return false;
    }
    builder!.addValues(
      record,
      row[lng],
      row[lat],
      date >= 0 ? row[date] : undefined,
      category >= 0 ? row[category] : undefined,
      weight >= 0 ? row[weight] : undefined,
    );
    return true;
  }

  function readRecords(text: string, delimiter: string): boolean {
    if (columns === undefined || delimiter.length !== 1) return false;
    rowsRead = readPlainRecords(text, delimiter, columns, builder!, rowsRead, readRow);
    onProgress?.(rowsRead);
    return true;
  }

  await readCsvChunks(input, source, {
    rows: readRows,
    records: readRecords,
    rowsRead: () => rowsRead,
  });
  if (builder === undefined) {
    throw new HexreachError('E_INPUT', `${source}: the file is empty (no header row)`, source);
  }
  return builder.finish();
}
