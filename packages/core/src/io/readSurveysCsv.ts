import { HexreachError } from '../errors.js';
import type { ReadResult, Rejection, RejectionSink, SurveyTable } from '../types.js';
import { collectRejections } from '../util/collectRejections.js';
import { checkLngLat } from './checkLngLat.js';
import { detectColumns } from './detectColumns.js';
import { findColumn } from './findColumn.js';
import { formatValue } from './formatValue.js';
import { parseDate } from './parseDate.js';
import { parseDecimal } from './parseDecimal.js';
import { type CsvInput, isBlankRow, readCsvChunks, withoutBom } from './readCsvChunks.js';

/** Options of {@link readSurveysCsv}. */
export interface ReadSurveysCsvOptions {
  /** The file name (or input name) that rejections and errors refer to. */
  readonly source: string;
  /** The answer columns to read (e.g. `['trust_police', 'feel_safe']`). */
  readonly answers: readonly string[];
  /** Coordinate and date columns, when their names are not the usual ones. */
  readonly columns?: { readonly lat?: string; readonly lng?: string; readonly date?: string };
  /** The answer scale; values outside it are not answers (default 1 to 5, a Likert scale). */
  readonly scale?: { readonly min: number; readonly max: number };
  /** Receives each rejected row as it is read, instead of the result listing it (see {@link RejectionSink}). */
  readonly onRejection?: RejectionSink;
}

/**
 * Reads community survey responses from a CSV (streamed): a location per respondent and
 * numeric answers (Likert 1–5 by default). An empty answer is a question not answered (NaN, not a
 * problem); an answer that is not a number on the scale is set aside with a warning naming the row;
 * a row with unusable coordinates, or with no usable answer at all, is rejected.
 *
 * @param input - the CSV as a string, Blob/File, ReadableStream, or Node Readable / async iterable
 * @param options - the source name, the answer columns, the scale and a rejection sink
 * @returns the responses, rows read (accepted + rejected), rejections (none listed with a sink),
 *   their count, and warnings
 * @throws HexreachError `E_INPUT` for an empty file, no coordinate columns or an unclosed quote;
 *   `E_NOT_FOUND` for an answer column that does not exist; `E_ARGUMENT` for no answer column or
 *   a scale with min ≥ max
 * @example
 * ```ts
 * const csv = 'latitude,longitude,trust_police\n42.35,-101.35,4\n';
 * const { data } = await readSurveysCsv(csv, { source: 'surveys.csv', answers: ['trust_police'] });
 * data.answers.trust_police; // Float64Array [4]
 * ```
 */
export async function readSurveysCsv(
  input: CsvInput,
  options: ReadSurveysCsvOptions,
): Promise<ReadResult<SurveyTable>> {
  const { source, answers } = options;
  const { min, max } = answerScale(options);
  const accepted: AcceptedSurveys = {
    lng: [],
    lat: [],
    time: [],
    record: [],
    values: answers.map(() => []),
  };
  const rejections = collectRejections(options.onRejection);
  const warnings: Rejection[] = [];
  let columns: SurveyColumns | undefined;
  let rowsRead = 0;
  const problem = (
    list: { push(r: Rejection): void },
    reason: Rejection['reason'],
    message: string,
  ) => list.push({ source, recordKind: 'row', record: rowsRead, reason, message });
  const warnAnswer = (message: string) => problem(warnings, 'invalid-attribute', message);

  function readRows(rows: string[][]): void {
    let first = 0;
    if (columns === undefined) {
      if (rows.length === 0) return;
      columns = surveyColumns(withoutBom(rows[0]), options);
      first = 1;
    }
    for (let r = first; r < rows.length; r++) {
      const row = rows[r];
      if (isBlankRow(row)) continue;
      rowsRead++;
      const where = checkLngLat(row[columns.lng], row[columns.lat]);
      if (where !== undefined) {
        problem(rejections, where.reason, where.message);
        continue;
      }
      const dateText = columns.date >= 0 ? (row[columns.date] ?? '').trim() : '';
      const t = dateText === '' ? Number.NaN : parseDate(dateText);
      if (dateText !== '' && Number.isNaN(t)) {
        problem(rejections, 'invalid-date', `date ${formatValue(dateText)} is not a valid date`);
        continue;
      }
      const parsed = parseAnswers(row, columns.answers, answers, min, max, warnAnswer);
      if (parsed.every(Number.isNaN)) {
        problem(rejections, 'missing-attribute', `no usable answer to ${answers.join(', ')}`);
        continue;
      }
      accepted.lng.push(parseDecimal(row[columns.lng]));
      accepted.lat.push(parseDecimal(row[columns.lat]));
      accepted.time.push(t);
      accepted.record.push(rowsRead);
      for (let a = 0; a < parsed.length; a++) accepted.values[a].push(parsed[a]);
    }
  }

  await readCsvChunks(input, source, { rows: readRows, rowsRead: () => rowsRead });
  if (columns === undefined) {
    throw new HexreachError('E_INPUT', `${source}: the file is empty (no header row)`, source);
  }
  return {
    data: surveyTable(source, answers, accepted),
    read: rowsRead,
    rejections: rejections.list,
    rejectedCount: rejections.count,
    warnings,
  };
}

/** Column indexes of the coordinates, the date (−1: none) and each answer. */
interface SurveyColumns {
  readonly lat: number;
  readonly lng: number;
  readonly date: number;
  readonly answers: readonly number[];
}

/** The accepted rows so far, one list per column and one per answer. */
interface AcceptedSurveys {
  readonly lng: number[];
  readonly lat: number[];
  readonly time: number[];
  readonly record: number[];
  readonly values: number[][];
}

/** The answer scale; throws without an answer column or for a scale with min ≥ max. */
function answerScale(options: ReadSurveysCsvOptions): { min: number; max: number } {
  const { answers } = options;
  const min = options.scale?.min ?? 1;
  const max = options.scale?.max ?? 5;
  if (answers.length === 0 || !(min < max)) {
    throw new HexreachError(
      'E_ARGUMENT',
      `readSurveysCsv: needs at least one answer column and a scale with min < max, got ${answers.length} columns and [${min}, ${max}]`,
      options,
    );
  }
  return { min, max };
}

function surveyColumns(header: string[], options: ReadSurveysCsvOptions): SurveyColumns {
  const { source } = options;
  const found = detectColumns(header, { ...options.columns, source });
  return {
    lat: found.lat,
    lng: found.lng,
    date: found.date,
    answers: options.answers.map((named) => findColumn(header, { named, role: 'answer', source })),
  };
}

/** A row's answers, NaN where empty or, with a warning, not a number on the scale. */
function parseAnswers(
  row: readonly string[],
  columns: readonly number[],
  names: readonly string[],
  min: number,
  max: number,
  warn: (message: string) => void,
): number[] {
  return columns.map((c, a) => {
    const text = (row[c] ?? '').trim();
    if (text === '') return Number.NaN;
    const v = parseDecimal(text);
    if (Number.isFinite(v) && v >= min && v <= max) return v;
    warn(
      `${names[a]} ${formatValue(text)} is not an answer on the scale ${min}–${max}; left unanswered`,
    );
    return Number.NaN;
  });
}

function surveyTable(
  source: string,
  answers: readonly string[],
  accepted: AcceptedSurveys,
): SurveyTable {
  return {
    source,
    length: accepted.lng.length,
    lng: Float64Array.from(accepted.lng),
    lat: Float64Array.from(accepted.lat),
    time: Float64Array.from(accepted.time),
    answers: Object.fromEntries(
      answers.map((name, a) => [name, Float64Array.from(accepted.values[a])]),
    ),
    record: Uint32Array.from(accepted.record),
  };
}
