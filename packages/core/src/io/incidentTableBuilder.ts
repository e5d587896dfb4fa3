import { assertArgument, HexreachError } from '../errors.js';
import type {
  IncidentTable,
  ReadResult,
  Rejection,
  RejectionReason,
  RejectionSink,
} from '../types.js';
import { collectRejections } from '../util/collectRejections.js';
import { checkLngLat } from './checkLngLat.js';
import { formatValue } from './formatValue.js';
import { parseDate } from './parseDate.js';
import { parseDecimal } from './parseDecimal.js';

/** Options of {@link createIncidentTableBuilder}. */
export interface IncidentTableBuilderOptions {
  /**
   * Whether records carry a category (default false: every incident is in the one category
   * `'all'`). When true, a missing or blank category becomes {@link MISSING_CATEGORY} with a
   * warning.
   */
  readonly hasCategory?: boolean;
  /** Whether records carry a weight (default false: every weight is 1). */
  readonly hasWeight?: boolean;
  /** Records to make room for at first (default 1024); the columns double as they fill. */
  readonly initialCapacity?: number;
  /**
   * Receives each rejected record instead of the builder keeping it (see {@link RejectionSink});
   * `finish()` then returns no rejection, only their count.
   */
  readonly onRejection?: RejectionSink;
}

/** Accumulates incident records into columns, validating each one; see {@link createIncidentTableBuilder}. */
export interface IncidentTableBuilder {
  /**
   * Adds a record given as numbers, or rejects it (coordinates, non-finite time, weight).
   * `time` is NaN when the record has no date. Returns whether the record was accepted.
   */
  add(
    record: number,
    lng: number,
    lat: number,
    time: number,
    category: string | undefined,
    weight: number,
  ): boolean;
  /**
   * Adds a record given as the raw values of a file (CSV strings, GeoJSON values), or rejects it
   * with a reason quoting the value. A date is a string (see `parseDate`; empty means no date)
   * or a finite number of milliseconds since the epoch. Returns whether it was accepted.
   */
  addValues(
    record: number,
    lng: unknown,
    lat: unknown,
    date: unknown,
    category: unknown,
    weight: unknown,
  ): boolean;
  /** Records a record that could not be used at all. */
  reject(record: number, reason: RejectionReason, message: string): void;
  /** Records a gap in an accepted record. */
  warn(record: number, reason: RejectionReason, message: string): void;
  /**
   * The table of accepted records with every rejection (or only their count, with a sink) and
   * warning; call once, at the end.
   */
  finish(): ReadResult<IncidentTable>;
}

/** The category of incidents whose category field is empty. */
export const MISSING_CATEGORY = '(none)';

/** Category indexes are Uint16. */
const MAX_CATEGORIES = 65_535;

/**
 * Creates the one accumulator both incident readers (CSV and GeoJSON) fill, so that a record gets
 * the same validation and the same rejection reason whichever format it came in:
 * missing coordinate → `missing-coordinates`; not a number or (0, 0) → `invalid-coordinates`;
 * lat/lng that fit when exchanged → `swapped-coordinates`; beyond ±90 / ±180 →
 * `out-of-range-coordinates`; a non-empty date that does not parse → `invalid-date` (an empty
 * date is allowed, time NaN); a missing, non-numeric or negative weight → `invalid-weight`.
 * Columns are typed arrays that double in capacity; categories are dictionary-encoded in order of
 * first appearance.
 *
 * @param source - the file or input name, copied into the table and every rejection
 * @param recordKind - `row` (1-based CSV data rows) or `feature` (0-based GeoJSON features)
 * @param options - whether records have a category and a weight, the initial capacity, and a
 *   sink for rejections
 * @returns a builder; `finish()` gives `read` = accepted + rejected
 * @throws HexreachError `E_ARGUMENT` for a capacity below 1; later, `add`/`addValues` throw
 *   `E_INPUT` on the 65,536th distinct category (the column is then not a category)
 * @example
 * ```ts
 * const builder = createIncidentTableBuilder('incidents.csv', 'row', { hasCategory: true });
 * builder.addValues(1, '-87.62', '41.88', '2018-01-01 10:00:00', 'THEFT', undefined);
 * builder.addValues(2, '', '41.88', '', 'THEFT', undefined); // rejected: missing-coordinates
 * const { data, read, rejections } = builder.finish(); // data.length 1, read 2
 * ```
 */
export function createIncidentTableBuilder(
  source: string,
  recordKind: 'row' | 'feature',
  options: IncidentTableBuilderOptions = {},
): IncidentTableBuilder {
  const hasCategory = options.hasCategory ?? false;
  const hasWeight = options.hasWeight ?? false;
  let capacity = options.initialCapacity ?? 1024;
  assertArgument(
    Number.isInteger(capacity) && capacity >= 1,
    'createIncidentTableBuilder',
    `initialCapacity must be an integer >= 1, got ${capacity}`,
    capacity,
  );
  let length = 0;
  let lngColumn = new Float64Array(capacity);
  let latColumn = new Float64Array(capacity);
  let timeColumn = new Float64Array(capacity);
  let weightColumn = new Float64Array(capacity);
  let categoryColumn = new Uint16Array(capacity);
  let recordColumn = new Uint32Array(capacity);
  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  const rejections = collectRejections(options.onRejection);
  const warnings: Rejection[] = [];

  function grow(): void {
    capacity *= 2;
    const lngNext = new Float64Array(capacity);
    const latNext = new Float64Array(capacity);
    const timeNext = new Float64Array(capacity);
    const weightNext = new Float64Array(capacity);
    const categoryNext = new Uint16Array(capacity);
    const recordNext = new Uint32Array(capacity);
    lngNext.set(lngColumn);
    latNext.set(latColumn);
    timeNext.set(timeColumn);
    weightNext.set(weightColumn);
    categoryNext.set(categoryColumn);
    recordNext.set(recordColumn);
    lngColumn = lngNext;
    latColumn = latNext;
    timeColumn = timeNext;
    weightColumn = weightNext;
    categoryColumn = categoryNext;
    recordColumn = recordNext;
  }

  function reject(record: number, reason: RejectionReason, message: string): void {
    rejections.push({ source, recordKind, record, reason, message });
  }

  function warn(record: number, reason: RejectionReason, message: string): void {
    warnings.push({ source, recordKind, record, reason, message });
  }

  function categoryToIndex(record: number, category: string | undefined): number {
    if (!hasCategory) return 0;
    let name = category === undefined ? '' : category.trim();
    if (name === '') {
      warn(record, 'missing-attribute', `category is empty; counted as "${MISSING_CATEGORY}"`);
      name = MISSING_CATEGORY;
    }
    const known = categoryIndex.get(name);
    if (known !== undefined) return known;
    if (categories.length === MAX_CATEGORIES) {
      throw new HexreachError(
        'E_INPUT',
        `${source}: ${recordKind} ${record}: more than ${MAX_CATEGORIES} distinct categories; the category column looks like an identifier or free text, name another one`,
        name,
      );
    }
    categoryIndex.set(name, categories.length);
    categories.push(name);
    return categories.length - 1;
  }

  /** Appends a record whose values have all been checked. */
  function push(
    record: number,
    lng: number,
    lat: number,
    time: number,
    category: string | undefined,
    weight: number,
  ): boolean {
    const index = categoryToIndex(record, category);
    if (length === capacity) grow();
    lngColumn[length] = lng;
    latColumn[length] = lat;
    timeColumn[length] = time;
    weightColumn[length] = weight;
    categoryColumn[length] = index;
    recordColumn[length] = record;
    length++;
    return true;
  }

  /** Rejects the record unless the coordinates are usable; the fast test avoids allocating. */
  function checkCoordinates(
    record: number,
    lng: number,
    lat: number,
    lngValue: unknown,
    latValue: unknown,
  ): boolean {
    // Zero goes the slow way too: (0, 0) is a placeholder.
    if (lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180 && lng !== 0 && lat !== 0) return true;
    const problem = checkLngLat(lngValue, latValue);
    if (problem === undefined) return true;
    reject(record, problem.reason, problem.message);
    return false;
  }

  function add(
    record: number,
    lng: number,
    lat: number,
    time: number,
    category: string | undefined,
    weight: number,
  ): boolean {
    if (!checkCoordinates(record, lng, lat, lng, lat)) return false;
    if (time === Number.POSITIVE_INFINITY || time === Number.NEGATIVE_INFINITY) {
      reject(record, 'invalid-date', `time ${time} is not a date`);
      return false;
    }
    if (!(weight >= 0 && weight < Number.POSITIVE_INFINITY)) {
      const why = weight < 0 ? 'is negative' : 'is not a finite number';
      reject(record, 'invalid-weight', `weight ${weight} ${why}`);
      return false;
    }
    return push(record, lng, lat, time, category, weight);
  }

  function addValues(
    record: number,
    lngValue: unknown,
    latValue: unknown,
    dateValue: unknown,
    categoryValue: unknown,
    weightValue: unknown,
  ): boolean {
    const lng =
      typeof lngValue === 'number'
        ? lngValue
        : typeof lngValue === 'string'
          ? parseDecimal(lngValue)
          : Number.NaN;
    const lat =
      typeof latValue === 'number'
        ? latValue
        : typeof latValue === 'string'
          ? parseDecimal(latValue)
          : Number.NaN;
    if (!checkCoordinates(record, lng, lat, lngValue, latValue)) return false;
    let time = Number.NaN;
    if (typeof dateValue === 'string') {
      if (dateValue.length > 0) {
        time = parseDate(dateValue);
        if (Number.isNaN(time) && dateValue.trim() !== '') {
          reject(
            record,
            'invalid-date',
            `date ${formatValue(dateValue)} is not a valid date in a known format (YYYY-MM-DD[ hh:mm[:ss]], MM/DD/YYYY[ hh:mm[:ss] AM|PM])`,
          );
          return false;
        }
      }
    } else if (typeof dateValue === 'number' && Number.isFinite(dateValue)) {
      time = dateValue;
    } else if (dateValue !== undefined && dateValue !== null) {
      reject(record, 'invalid-date', `date ${formatValue(dateValue)} is not a date`);
      return false;
    }
    let weight = 1;
    if (hasWeight) {
      weight =
        typeof weightValue === 'number'
          ? weightValue
          : typeof weightValue === 'string'
            ? parseDecimal(weightValue)
            : Number.NaN;
      if (weight === 0 && typeof weightValue === 'string' && weightValue.trim() === '') {
        weight = Number.NaN;
      }
      if (!(weight >= 0 && weight < Number.POSITIVE_INFINITY)) {
        const blank =
          weightValue === undefined ||
          weightValue === null ||
          (typeof weightValue === 'string' && weightValue.trim() === '');
        const why = blank ? 'is missing' : weight < 0 ? 'is negative' : 'is not a finite number';
        reject(record, 'invalid-weight', `weight ${formatValue(weightValue)} ${why}`);
        return false;
      }
    }
    let category: string | undefined;
    if (hasCategory && categoryValue !== undefined && categoryValue !== null) {
      category = typeof categoryValue === 'string' ? categoryValue : String(categoryValue);
    }
    return push(record, lng, lat, time, category, weight);
  }

  function finish(): ReadResult<IncidentTable> {
    const data: IncidentTable = {
      source,
      recordKind,
      length,
      lng: lngColumn.slice(0, length),
      lat: latColumn.slice(0, length),
      time: timeColumn.slice(0, length),
      category: categoryColumn.slice(0, length),
      categories: hasCategory ? categories.slice() : ['all'],
      weight: weightColumn.slice(0, length),
      record: recordColumn.slice(0, length),
    };
    return {
      data,
      read: length + rejections.count,
      rejections: rejections.list,
      rejectedCount: rejections.count,
      warnings,
    };
  }

  return { add, addValues, reject, warn, finish };
}
