import { HexreachError } from '../errors.js';
import type { ReadResult, Rejection, RejectionSink } from '../types.js';
import { collectRejections } from '../util/collectRejections.js';
import { checkLngLat } from './checkLngLat.js';
import { detectColumns } from './detectColumns.js';
import { findColumn } from './findColumn.js';
import { formatValue } from './formatValue.js';
import { parseDate } from './parseDate.js';
import { parseDecimal } from './parseDecimal.js';
import { type CsvInput, isBlankRow, readCsvChunks, withoutBom } from './readCsvChunks.js';

/** An engagement log in columns: one entry per activity (meeting, walk, event, referral …). */
export interface EngagementTable {
  /** The file the log came from. */
  readonly source: string;
  readonly length: number;
  /** When it took place (wall-clock ms, as incident times). */
  readonly time: Float64Array;
  /** Where: WGS84 degrees, NaN when the activity names a zone instead. */
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  /** The zone id the activity names ('' when it gives coordinates). */
  readonly zone: readonly string[];
  /** Its kind, as written ('' when the log has no kind column). */
  readonly kind: readonly string[];
  /** People who took part; NaN when not recorded. */
  readonly attendance: Float64Array;
  /** The partner organization ('' when none). */
  readonly partner: readonly string[];
  /** 1-based data row of each activity. */
  readonly record: Uint32Array;
}

/** Options of {@link readEngagementCsv}. */
export interface ReadEngagementCsvOptions {
  /** The file name rejections refer to. */
  readonly source: string;
  /** Column names when they are not the usual ones. */
  readonly columns?: {
    readonly date?: string;
    readonly lat?: string;
    readonly lng?: string;
    readonly zone?: string;
    readonly kind?: string;
    readonly attendance?: string;
    readonly partner?: string;
  };
  /** Receives each rejected row as it is read, instead of the result listing it. */
  readonly onRejection?: RejectionSink;
}

/**
 * Reads an engagement log (CSV, streamed): per activity a date, a place (coordinates, or the id
 * of the zone it served), and optionally its kind, attendance and partner organization. A row
 * without a valid date, without a place, with unusable coordinates, or with an attendance that is
 * not a count ≥ 0 is rejected, naming its row and why.
 *
 * @param input - the CSV as a string, Blob/File, stream or async iterable
 * @param options - the source name, column names and a rejection sink
 * @returns the activities, rows read, rejections and their count
 * @throws HexreachError `E_INPUT` for an empty file, no date column, or neither coordinates nor a
 *   zone column; `E_NOT_FOUND` for a named column that does not exist
 * @example
 * ```ts
 * const csv = 'date,zone,kind,attendance,partner\n2019-03-02,Z01,meeting,25,Library\n';
 * const { data } = await readEngagementCsv(csv, { source: 'engagement.csv' });
 * data.attendance[0]; // 25
 * ```
 */
export async function readEngagementCsv(
  input: CsvInput,
  options: ReadEngagementCsvOptions,
): Promise<ReadResult<EngagementTable>> {
  const { source } = options;
  const rows = {
    time: [] as number[],
    lng: [] as number[],
    lat: [] as number[],
    zone: [] as string[],
    kind: [] as string[],
    attendance: [] as number[],
    partner: [] as string[],
    record: [] as number[],
  };
  const rejections = collectRejections(options.onRejection);
  let columns: EngagementColumns | undefined;
  let rowsRead = 0;
  const reject = (reason: Rejection['reason'], message: string) =>
    rejections.push({ source, recordKind: 'row', record: rowsRead, reason, message });
  const cell = (row: readonly string[], c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');

  function readRows(chunk: string[][]): void {
    let first = 0;
    if (columns === undefined) {
      if (chunk.length === 0) return;
      columns = engagementColumns(withoutBom(chunk[0]), options);
      first = 1;
    }
    for (let r = first; r < chunk.length; r++) {
      const row = chunk[r];
      if (isBlankRow(row)) continue;
      rowsRead++;
      const dateText = cell(row, columns.date);
      const t = parseDate(dateText);
      if (Number.isNaN(t)) {
        reject('invalid-date', `date ${formatValue(dateText)} is not a valid date`);
        continue;
      }
      const zone = cell(row, columns.zone);
      const lngText = cell(row, columns.lng);
      const latText = cell(row, columns.lat);
      let lng = Number.NaN;
      let lat = Number.NaN;
      if (lngText !== '' || latText !== '' || zone === '') {
        const where = checkLngLat(row[columns.lng] ?? '', row[columns.lat] ?? '');
        if (where !== undefined) {
          reject(where.reason, zone === '' ? `${where.message}, and no zone id` : where.message);
          continue;
        }
        lng = parseDecimal(lngText);
        lat = parseDecimal(latText);
      }
      const attendanceText = cell(row, columns.attendance);
      const attendance = attendanceText === '' ? Number.NaN : parseDecimal(attendanceText);
      if (attendanceText !== '' && !(Number.isInteger(attendance) && attendance >= 0)) {
        reject('invalid-attribute', `attendance ${formatValue(attendanceText)} is not a count ≥ 0`);
        continue;
      }
      rows.time.push(t);
      rows.lng.push(lng);
      rows.lat.push(lat);
      rows.zone.push(zone);
      rows.kind.push(cell(row, columns.kind));
      rows.attendance.push(attendance);
      rows.partner.push(cell(row, columns.partner));
      rows.record.push(rowsRead);
    }
  }

  await readCsvChunks(input, source, { rows: readRows, rowsRead: () => rowsRead });
  if (columns === undefined) {
    throw new HexreachError('E_INPUT', `${source}: the file is empty (no header row)`, source);
  }
  return {
    data: {
      source,
      length: rows.time.length,
      time: Float64Array.from(rows.time),
      lng: Float64Array.from(rows.lng),
      lat: Float64Array.from(rows.lat),
      zone: rows.zone,
      kind: rows.kind,
      attendance: Float64Array.from(rows.attendance),
      partner: rows.partner,
      record: Uint32Array.from(rows.record),
    },
    read: rowsRead,
    rejections: rejections.list,
    rejectedCount: rejections.count,
    warnings: [],
  };
}

interface EngagementColumns {
  readonly date: number;
  readonly lat: number;
  readonly lng: number;
  readonly zone: number;
  readonly kind: number;
  readonly attendance: number;
  readonly partner: number;
}

function engagementColumns(header: string[], options: ReadEngagementCsvOptions): EngagementColumns {
  const { source, columns: named = {} } = options;
  const found = detectColumns(header, { ...named, source, requireCoordinates: false });
  const column = (name: string | undefined, candidates: string[], role: string) =>
    findColumn(header, { named: name, candidates, role, source });
  const zone = column(named.zone, ['zone', 'zone_id', 'zoneid'], 'zone');
  if (found.date < 0) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: no date column (date, datetime, …) found; the file has: ${header.join(', ')}`,
      header,
    );
  }
  if ((found.lat < 0 || found.lng < 0) && zone < 0) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: an activity needs a place: coordinates (latitude, longitude) or a zone column; the file has: ${header.join(', ')}`,
      header,
    );
  }
  return {
    date: found.date,
    lat: found.lat,
    lng: found.lng,
    zone,
    kind: column(named.kind, ['kind', 'type', 'activity', 'activity_type'], 'kind'),
    attendance: column(
      named.attendance,
      ['attendance', 'attendees', 'participants', 'people'],
      'attendance',
    ),
    partner: column(
      named.partner,
      ['partner', 'partner_organization', 'organization', 'org'],
      'partner',
    ),
  };
}
