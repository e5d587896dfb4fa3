import type { IncidentColumns } from './detectColumns.js';
import type { IncidentTableBuilder } from './incidentTableBuilder.js';

const MINUS = 45;
const DOT = 46;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** Up to 15 digits the mantissa is an exact integer below 2⁵³, and 10^f is exact up to f = 22. */
const MAX_DIGITS = 15;
const POWERS_OF_TEN = Float64Array.from({ length: MAX_DIGITS + 1 }, (_, f) => 10 ** f);

/**
 * Reads incident records from CSV text that papaparse would split plainly (no quote, no `\r`,
 * records ended by `\n`, one-character delimiter) without making a string for every field: the
 * coordinates are parsed where they stand, and only the date, category and weight fields become
 * (sliced) strings. A record gets exactly what `readRow` would give it on `line.split(delimiter)`:
 * any record off the common path — fewer fields than the columns need, a blank or unusual
 * coordinate, one that fails the range check — is handed to `readRow` as that split.
 *
 * @param text - whole records, each ended by `\n` (the last one may be unended)
 * @param delimiter - the field delimiter, one character
 * @param columns - the column of each incident field (−1 when absent)
 * @param builder - receives the records, numbered from `rowsRead + 1`
 * @param rowsRead - data rows read before this text
 * @param readRow - the general reader of one split record given its number; false when the row
 *   is blank and so no record
 * @returns the data rows read, this text's included (empty lines are not rows, as in papaparse)
 * @example
 * ```ts
 * const columns = { lat: 1, lng: 2, date: 0, category: -1, weight: -1 };
 * const builder = createIncidentTableBuilder('x.csv', 'row');
 * readPlainRecords('2018-01-01,41.88,-87.63\n', ',', columns, builder, 0, () => true); // 1
 * ```
 */
export function readPlainRecords(
  text: string,
  delimiter: string,
  columns: IncidentColumns,
  builder: IncidentTableBuilder,
  rowsRead: number,
  readRow: (row: readonly string[], record: number) => boolean,
): number {
  const { lng, lat, date, category, weight } = columns;
  const last = Math.max(lng, lat, date, category, weight);
  const starts = new Int32Array(last + 1);
  const ends = new Int32Array(last + 1);
  const length = text.length;
  let read = rowsRead;
  let start = 0;
  while (start < length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    if (end === start) {
      start = end + 1;
      continue;
    }
    // The bounds of fields 0 … last, as far as the record has them.
    let field = 0;
    let from = start;
    for (; field <= last; field++) {
      let to = text.indexOf(delimiter, from);
      if (to < 0 || to > end) to = end;
      starts[field] = from;
      ends[field] = to;
      if (to === end) break;
      from = to + 1;
    }
    const x = field < last ? Number.NaN : decimalAt(text, starts[lng], ends[lng]);
    const y = field < last ? Number.NaN : decimalAt(text, starts[lat], ends[lat]);
    // checkCoordinates' fast test: anything else takes the general path, for its messages.
    if (!(y >= -90 && y <= 90 && x >= -180 && x <= 180) || x === 0 || y === 0) {
      if (readRow(text.slice(start, end).split(delimiter), read + 1)) read++;
      start = end + 1;
      continue;
    }
    read++;
    builder.addValues(
      read,
      x,
      y,
      date >= 0 ? text.slice(starts[date], ends[date]) : undefined,
      category >= 0 ? text.slice(starts[category], ends[category]) : undefined,
      weight >= 0 ? text.slice(starts[weight], ends[weight]) : undefined,
    );
    start = end + 1;
  }
  return read;
}

/**
 * The number written at `text[start … end)` when it is plainly `-?d+(.d+)?` with at most 15
 * digits, else NaN. Then mantissa / 10^f is the correctly rounded value, as `Number` gives it.
 */
function decimalAt(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let dot = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      mantissa = mantissa * 10 + (c - DIGIT_0);
      digits++;
    } else if (c === DOT && dot < 0) {
      dot = i;
    } else {
      return Number.NaN;
    }
  }
  const integerDigits = dot < 0 ? digits : dot - start - (negative ? 1 : 0);
  const fractionDigits = dot < 0 ? 0 : end - dot - 1;
  if (digits > MAX_DIGITS || integerDigits === 0 || (dot >= 0 && fractionDigits === 0)) {
    return Number.NaN;
  }
  const value = mantissa / POWERS_OF_TEN[fractionDigits];
  return negative ? -value : value;
}
