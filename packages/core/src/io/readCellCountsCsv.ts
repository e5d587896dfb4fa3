import { HexreachError } from '../errors.js';
import type { TimeStep } from '../stats/spaceTimeBins.js';
import type { IncidentTable, ReadResult, RejectionSink } from '../types.js';
import { type CellCountBuilder, createCellCountBuilder } from './createCellCountBuilder.js';
import { findColumn } from './findColumn.js';
import { type CsvInput, isBlankRow, readCsvChunks, withoutBom } from './readCsvChunks.js';

/** The columns of a cell-aggregate file, when named otherwise than the usual names. */
export interface CellCountColumnNames {
  readonly h3?: string;
  readonly count?: string;
  readonly category?: string;
  readonly period?: string;
}

/** Options of {@link readCellCountsCsv}. */
export interface ReadCellCountsCsvOptions {
  /** The file name that rejections and errors refer to. */
  readonly source: string;
  /** The run's H3 resolution: every row's cell must be of it. */
  readonly resolution: number;
  /** The calendar period each row's `period` starts (default `month`). */
  readonly period?: TimeStep;
  /** Columns named by the user; the others are found by their usual names. */
  readonly columns?: CellCountColumnNames;
  /** Called after each parsed chunk with the number of data rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
  /** Receives each rejected row instead of the result listing it. */
  readonly onRejection?: RejectionSink;
}

const H3_NAMES = ['h3', 'h3_index', 'h3_cell', 'cell', 'hex', 'hex_id', 'h3index'];
const COUNT_NAMES = ['count', 'incidents', 'n', 'n_incidents', 'incident_count', 'total'];
const CATEGORY_NAMES = ['category', 'primary_type', 'offense', 'offense_category', 'type'];
const PERIOD_NAMES = ['period', 'month', 'week', 'quarter', 'period_start', 'date'];

/**
 * Reads cell aggregates from CSV (streamed): a column `h3` (the cell index), `count` (incidents
 * in it) and optionally `category` and `period` (the date that starts the row's week, month or
 * quarter, `2024-03-01` or `2024-03`), found by these and other usual names unless named. Each
 * row becomes `count` incidents at its cell's centre (see `createCellCountBuilder`, which also
 * lists the reasons a row is rejected); row numbers are 1-based data rows, as for incidents.
 *
 * @param input - the CSV text, a Blob, or a stream of bytes or text
 * @param options - the source name, the run's resolution, the period, column names, callbacks
 * @returns the incidents the rows stand for, `read` = incidents + rejected rows, rejections with
 *   their row and reason
 * @throws HexreachError `E_INPUT` for an empty file or one without an `h3` or `count` column
 *   (listing the header); `E_NOT_FOUND` for a named column that does not exist
 * @example
 * ```ts
 * const cells = await readCellCountsCsv('h3,count,month\n89283082803ffff,12,2024-01\n', {
 *   source: 'cells.csv',
 *   resolution: 9,
 * });
 * cells.data.length; // 12
 * ```
 */
export async function readCellCountsCsv(
  input: CsvInput,
  options: ReadCellCountsCsvOptions,
): Promise<ReadResult<IncidentTable>> {
  const { source, columns: named = {}, onProgress } = options;
  let columns: { h3: number; count: number; category: number; period: number } | undefined;
  let builder: CellCountBuilder | undefined;
  let rowsRead = 0;

  function readRows(rows: string[][]): void {
    let first = 0;
    if (columns === undefined) {
      if (rows.length === 0) return;
      columns = findCellCountColumns(withoutBom(rows[0]), named, source);
      builder = createCellCountBuilder(source, {
        resolution: options.resolution,
        period: options.period,
        hasCategory: columns.category >= 0,
        hasPeriod: columns.period >= 0,
        onRejection: options.onRejection,
      });
      first = 1;
    }
    const { h3, count, category, period } = columns;
    for (let i = first; i < rows.length; i++) {
      const row = rows[i];
      if (isBlankRow(row)) continue;
      rowsRead++;
      builder!.add(
        rowsRead,
        row[h3],
        row[count],
        category >= 0 ? row[category] : undefined,
        period >= 0 ? row[period] : undefined,
      );
    }
    onProgress?.(rowsRead);
  }

  await readCsvChunks(input, source, { rows: readRows, rowsRead: () => rowsRead });
  if (builder === undefined) {
    throw new HexreachError('E_INPUT', `${source}: the file is empty (no header row)`, source);
  }
  return builder.finish();
}

/** The index of each column; `h3` and `count` are required. */
function findCellCountColumns(
  header: readonly string[],
  named: CellCountColumnNames,
  source: string,
): { h3: number; count: number; category: number; period: number } {
  const find = (name: string | undefined, candidates: readonly string[], role: string) =>
    findColumn(header, { named: name, candidates, role, source });
  const h3 = find(named.h3, H3_NAMES, 'h3');
  const count = find(named.count, COUNT_NAMES, 'count');
  if (h3 < 0 || count < 0) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: cell aggregates need an h3 column (${H3_NAMES.join(', ')}) and a count column (${COUNT_NAMES.join(', ')}); the file has: ${header.join(', ') || '(no columns)'}`,
      header,
    );
  }
  return {
    h3,
    count,
    category: find(named.category, CATEGORY_NAMES, 'category'),
    period: find(named.period, PERIOD_NAMES, 'period'),
  };
}
