import { assertArgument } from '../errors.js';

/**
 * Writes rows as CSV text (RFC 4180): fields containing `"`, `,`, CR or LF are quoted with
 * inner quotes doubled; lines end in `\n`, the last one included. Missing values (null,
 * undefined, NaN, ±Infinity) are written as empty fields.
 *
 * Text is guarded against CSV formula injection (OWASP "CSV Injection"): category names,
 * organisation names and file names come from user data, and planners open these files in
 * spreadsheets, which would run a field such as `=HYPERLINK(…)` as a formula. Text starting
 * with `=`, `+`, `-`, `@`, tab or CR is therefore prefixed with `'`, unless the whole text is a
 * plain decimal number such as `-12.5`, which spreadsheets read as a number. Numbers given as
 * numbers are never prefixed.
 *
 * @param header - the column names (written as the first line, guarded and quoted like data)
 * @param rows - one array of values per line, each as long as `header`; numbers, strings,
 *   booleans and dates (written as ISO 8601) are written as text, anything else as JSON
 * @returns the CSV text
 * @throws HexreachError `E_ARGUMENT` when a row does not have as many fields as the header
 * @example
 * ```ts
 * toCsv(['zone', 'note'], [['Z01', 'a, b'], ['Z02', '=1+1']]);
 * // 'zone,note\nZ01,"a, b"\nZ02,\'=1+1\n'
 * ```
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(toField).join(',')];
  let r = 0;
  for (const row of rows) {
    r++;
    assertArgument(
      row.length === header.length,
      'toCsv',
      `row ${r} has ${row.length} fields, the header has ${header.length}`,
      row,
    );
    lines.push(row.map(toField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One value as an escaped CSV field. */
function toField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else text = JSON.stringify(value) ?? '';
  if (FORMULA_START.test(text) && !DECIMAL_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
