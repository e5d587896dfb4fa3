import { HexreachError } from '../errors.js';
import { cellToLngLat, getResolution, isValidCell } from '../hex/h3.js';
import { spaceTimeBins, type TimeStep } from '../stats/spaceTimeBins.js';
import type { IncidentTable, ReadResult, RejectionSink } from '../types.js';
import { formatValue } from './formatValue.js';
import { createIncidentTableBuilder, MISSING_CATEGORY } from './incidentTableBuilder.js';
import { parseDate } from './parseDate.js';
import { parseDecimal } from './parseDecimal.js';

/** Options of {@link createCellCountBuilder}. */
export interface CellCountBuilderOptions {
  /** The run's H3 resolution: a row's cell must be of it. */
  readonly resolution: number;
  /** The calendar period each row's `period` starts (default `month`). */
  readonly period?: TimeStep;
  /** Whether rows carry a category (default false: one category `all`). */
  readonly hasCategory?: boolean;
  /** Whether rows carry a period (default false: the incidents have no time). */
  readonly hasPeriod?: boolean;
  /** Receives each rejected row instead of the result listing it. */
  readonly onRejection?: RejectionSink;
  /** The most incidents the counts may add up to (default 200,000,000: they are held in memory). */
  readonly maxIncidents?: number;
}

/** Accumulates cell-aggregate rows from any row source (CSV, Parquet …); see {@link createCellCountBuilder}. */
export interface CellCountBuilder {
  /**
   * Adds one row given as the file's raw values (text from CSV; a BigInt index or count, a Date
   * or milliseconds for the period from typed sources such as Parquet), or rejects it with its
   * reason.
   */
  add(row: number, h3: unknown, count: unknown, category: unknown, period: unknown): void;
  /** The incidents the accepted rows stand for, with every rejection; call once, at the end. */
  finish(): ReadResult<IncidentTable>;
}

/**
 * Creates the accumulator of cell aggregates (`--cells`: one row per H3 cell, optionally per
 * category and period, with an incident count), for warehouses that bin tens of millions of
 * points where they are stored. Each accepted row becomes `count` incidents at its cell's centre,
 * dated the start of its period, so that every later stage (binning, Gi*, noise, the space-time
 * cube, zones) treats them as it treats incident points: the same cells and statistics as the
 * incidents they were counted from. A row is rejected, with its row number and reason, when its
 * `h3` is not a valid H3 index (`invalid-cell`) or a cell of another resolution than the run's
 * (`wrong-resolution`), when its count is not a whole number ≥ 0 (`invalid-count`), or when its
 * period is not a date that starts a period (`invalid-date`).
 *
 * The builder does not read files: a CSV reader (`readCellCountsCsv`) or any other row source
 * calls `add` per row.
 *
 * @param source - the file name, copied into every rejection
 * @param options - the run's resolution, the period, which columns there are, a rejection sink
 * @returns a builder; `finish()` gives the incidents, `read` = incidents + rejected rows
 * @throws HexreachError `E_INPUT` from `add` when the counts add up to more than `maxIncidents`
 * @example
 * ```ts
 * const cells = createCellCountBuilder('cells.csv', { resolution: 9, hasPeriod: true });
 * cells.add(1, '89283082803ffff', '12', undefined, '2024-01-01');
 * cells.add(2, '89283082803ffff', '-1', undefined, '2024-02-01'); // rejected: invalid-count
 * cells.finish().data.length; // 12
 * ```
 */
export function createCellCountBuilder(
  source: string,
  options: CellCountBuilderOptions,
): CellCountBuilder {
  const { resolution, hasCategory = false, hasPeriod = false } = options;
  const period = options.period ?? 'month';
  const maxIncidents = options.maxIncidents ?? 200_000_000;
  const table = createIncidentTableBuilder(source, 'row', {
    hasCategory,
    initialCapacity: 65_536,
    onRejection: options.onRejection,
  });
  let rows = 0;
  let total = 0;
  return {
    add(row, h3, count, category, periodValue) {
      const cell = cellProblem(h3, resolution);
      if (typeof cell !== 'string') return table.reject(row, cell.reason, cell.message);
      const n = countOf(count);
      if (n === undefined) {
        return table.reject(
          row,
          'invalid-count',
          `count ${formatValue(count)} is not a whole number ≥ 0`,
        );
      }
      const time = hasPeriod ? periodStart(periodValue, period) : Number.NaN;
      if (typeof time === 'string') return table.reject(row, 'invalid-date', time);
      total += n;
      if (total > maxIncidents) {
        throw new HexreachError(
          'E_INPUT',
          `${source}: row ${row}: the counts add up to more than ${maxIncidents} incidents, which are held in memory; aggregate coarser or split the run`,
          total,
        );
      }
      let name: string | undefined;
      if (hasCategory) {
        name = typeof category === 'string' ? category.trim() : '';
        if (name === '') {
          table.warn(
            row,
            'missing-attribute',
            `category is empty; counted as "${MISSING_CATEGORY}"`,
          );
          name = MISSING_CATEGORY;
        }
      }
      const [lng, lat] = cellToLngLat(cell);
      rows++;
      for (let k = 0; k < n; k++) table.add(row, lng, lat, time, name, 1);
    },
    finish() {
      const read = table.finish();
      return {
        ...read,
        data: { ...read.data, aggregated: { rows, period: hasPeriod ? period : undefined } },
      };
    },
  };
}

/** The cell, lower-cased, or why the value is not a cell of the run's resolution. */
function cellProblem(
  value: unknown,
  resolution: number,
): string | { reason: 'invalid-cell' | 'wrong-resolution'; message: string } {
  // A Parquet reader may give the 64-bit index as a BigInt (h3's integer form).
  const text =
    typeof value === 'string'
      ? value.trim().toLowerCase()
      : typeof value === 'bigint'
        ? value.toString(16)
        : '';
  if (!isValidCell(text)) {
    return {
      reason: 'invalid-cell',
      message: `h3 ${formatValue(value)} is not a valid H3 cell index`,
    };
  }
  const r = getResolution(text);
  if (r !== resolution) {
    return {
      reason: 'wrong-resolution',
      message: `h3 ${text} is a resolution-${r} cell; the run's resolution is ${resolution}`,
    };
  }
  return text;
}

/** A whole count ≥ 0 from a number or decimal text, else undefined. */
function countOf(value: unknown): number | undefined {
  const n =
    typeof value === 'number' || typeof value === 'bigint'
      ? Number(value)
      : typeof value === 'string'
        ? parseDecimal(value.trim())
        : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * The start of the period a value names (`2024-03-01`, or `2024-03` for a month), in ms, or
 * why it names none: a period must start a `week` (Monday), `month` or `quarter`. An empty
 * period is no time (NaN), as an incident without a date.
 */
function periodStart(value: unknown, period: TimeStep): number | string {
  const text = typeof value === 'string' ? value.trim() : '';
  // No period, as an incident without a date: counted, in no time step.
  if (value === undefined || value === null || (typeof value === 'string' && text === '')) {
    return Number.NaN;
  }
  // Other row sources (Parquet) may give a Date or milliseconds.
  const time =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'number'
        ? value
        : parseDate(/^\d{4}-\d{2}$/.test(text) ? `${text}-01` : text);
  if (Number.isNaN(time)) return `period ${formatValue(value)} is not a date such as 2024-03-01`;
  const start = spaceTimeBins([], [], 0, { step: period, start: time, end: time + 1 })
    .stepStarts[0];
  if (start !== time) {
    return `period ${formatValue(value)} is not the start of a ${period} (the aggregates' period); ${new Date(start).toISOString().slice(0, 10)} is`;
  }
  return time;
}
