import { assertArgument, HexreachError } from '../errors.js';
import type {
  IncidentTable,
  ReadResult,
  Rejection,
  RejectionReason,
  RejectionSink,
} from '../types.js';
import { collectRejections, type RejectionCollector } from '../util/collectRejections.js';
import { checkLngLat } from './checkLngLat.js';
import { formatValue } from './formatValue.js';
import { createColumn, growColumn, trimColumn } from './growableColumn.js';
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
 * Columns are typed arrays (lng, lat, time, weight: 8 bytes a row; record: 4; category: 2,
 * dictionary-encoded in order of first appearance) that double in capacity; the weights are kept
 * only from the first weight other than 1, and made 1s by `finish()` otherwise. Where resizable
 * ArrayBuffers exist (Node 20, current browsers) the columns grow in place (see
 * `growableColumn`), and `finish()` copies them into plain arrays one column at a time, giving
 * each one's memory back at once, so the table is never held twice.
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
  const capacity = options.initialCapacity ?? 1024;
  assertArgument(
    Number.isInteger(capacity) && capacity >= 1,
    'createIncidentTableBuilder',
    `initialCapacity must be an integer >= 1, got ${capacity}`,
    capacity,
  );
  const state = createState(source, recordKind, options, capacity);
  return {
    add: (record, lng, lat, time, category, weight) =>
      add(state, record, lng, lat, time, category, weight),
    addValues: (record, lng, lat, date, category, weight) =>
      addValues(state, record, lng, lat, date, category, weight),
    reject: (record, reason, message) => reject(state, record, reason, message),
    warn: (record, reason, message) => warn(state, record, reason, message),
    finish: () => finish(state),
  };
}

/** What one builder accumulates; the columns are replaced by ones twice as long when full. */
interface BuilderState {
  readonly source: string;
  readonly recordKind: 'row' | 'feature';
  readonly hasCategory: boolean;
  readonly hasWeight: boolean;
  capacity: number;
  length: number;
  lng: Float64Array;
  lat: Float64Array;
  time: Float64Array;
  /** Undefined while every weight is 1: the column is made at the first other weight. */
  weight: Float64Array | undefined;
  category: Uint16Array;
  record: Uint32Array;
  readonly categories: string[];
  readonly categoryIndex: Map<string, number>;
  readonly rejections: RejectionCollector;
  readonly warnings: Rejection[];
}

function createState(
  source: string,
  recordKind: 'row' | 'feature',
  options: IncidentTableBuilderOptions,
  capacity: number,
): BuilderState {
  return {
    source,
    recordKind,
    hasCategory: options.hasCategory ?? false,
    hasWeight: options.hasWeight ?? false,
    capacity,
    length: 0,
    lng: createColumn(Float64Array, capacity),
    lat: createColumn(Float64Array, capacity),
    time: createColumn(Float64Array, capacity),
    weight: undefined,
    category: createColumn(Uint16Array, capacity),
    record: createColumn(Uint32Array, capacity),
    categories: [],
    categoryIndex: new Map<string, number>(),
    rejections: collectRejections(options.onRejection),
    warnings: [],
  };
}

function grow(state: BuilderState): void {
  state.capacity *= 2;
  const { capacity } = state;
  state.lng = growColumn(state.lng, capacity);
  state.lat = growColumn(state.lat, capacity);
  state.time = growColumn(state.time, capacity);
  if (state.weight !== undefined) state.weight = growColumn(state.weight, capacity);
  state.category = growColumn(state.category, capacity);
  state.record = growColumn(state.record, capacity);
}

function reject(
  state: BuilderState,
  record: number,
  reason: RejectionReason,
  message: string,
): void {
  const { source, recordKind } = state;
  state.rejections.push({ source, recordKind, record, reason, message });
}

function warn(state: BuilderState, record: number, reason: RejectionReason, message: string): void {
  const { source, recordKind } = state;
  state.warnings.push({ source, recordKind, record, reason, message });
}

function categoryToIndex(
  state: BuilderState,
  record: number,
  category: string | undefined,
): number {
  if (!state.hasCategory) return 0;
  let name = category === undefined ? '' : category.trim();
  if (name === '') {
    warn(state, record, 'missing-attribute', `category is empty; counted as "${MISSING_CATEGORY}"`);
    name = MISSING_CATEGORY;
  }
  const known = state.categoryIndex.get(name);
  if (known !== undefined) return known;
  const { categories } = state;
  if (categories.length === MAX_CATEGORIES) {
    throw new HexreachError(
      'E_INPUT',
      `${state.source}: ${state.recordKind} ${record}: more than ${MAX_CATEGORIES} distinct categories; the category column looks like an identifier or free text, name another one`,
      name,
    );
  }
  state.categoryIndex.set(name, categories.length);
  categories.push(name);
  return categories.length - 1;
}

/** Appends a record whose values have all been checked. */
function push(
  state: BuilderState,
  record: number,
  lng: number,
  lat: number,
  time: number,
  category: string | undefined,
  weight: number,
): boolean {
  const index = categoryToIndex(state, record, category);
  if (state.length === state.capacity) grow(state);
  const at = state.length;
  state.lng[at] = lng;
  state.lat[at] = lat;
  state.time[at] = time;
  if (weight !== 1 || state.weight !== undefined) {
    if (state.weight === undefined) {
      state.weight = createColumn(Float64Array, state.capacity);
      state.weight.fill(1, 0, at);
    }
    state.weight[at] = weight;
  }
  state.category[at] = index;
  state.record[at] = record;
  state.length = at + 1;
  return true;
}

/** Rejects the record unless the coordinates are usable; the fast test avoids allocating. */
function checkCoordinates(
  state: BuilderState,
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
  reject(state, record, problem.reason, problem.message);
  return false;
}

function add(
  state: BuilderState,
  record: number,
  lng: number,
  lat: number,
  time: number,
  category: string | undefined,
  weight: number,
): boolean {
  if (!checkCoordinates(state, record, lng, lat, lng, lat)) return false;
  if (time === Number.POSITIVE_INFINITY || time === Number.NEGATIVE_INFINITY) {
    reject(state, record, 'invalid-date', `time ${time} is not a date`);
    return false;
  }
  if (!(weight >= 0 && weight < Number.POSITIVE_INFINITY)) {
    const why = weight < 0 ? 'is negative' : 'is not a finite number';
    reject(state, record, 'invalid-weight', `weight ${weight} ${why}`);
    return false;
  }
  return push(state, record, lng, lat, time, category, weight);
}

function addValues(
  state: BuilderState,
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
  if (!checkCoordinates(state, record, lng, lat, lngValue, latValue)) return false;
  let time = Number.NaN;
  if (typeof dateValue === 'string') {
    if (dateValue.length > 0) {
      time = parseDate(dateValue);
      if (Number.isNaN(time) && dateValue.trim() !== '') {
        reject(
          state,
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
    reject(state, record, 'invalid-date', `date ${formatValue(dateValue)} is not a date`);
    return false;
  }
  let weight = 1;
  if (state.hasWeight) {
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
      reject(state, record, 'invalid-weight', weightProblem(weightValue, weight));
      return false;
    }
  }
  let category: string | undefined;
  if (state.hasCategory && categoryValue !== undefined && categoryValue !== null) {
    category = typeof categoryValue === 'string' ? categoryValue : String(categoryValue);
  }
  return push(state, record, lng, lat, time, category, weight);
}

function weightProblem(weightValue: unknown, weight: number): string {
  const blank =
    weightValue === undefined ||
    weightValue === null ||
    (typeof weightValue === 'string' && weightValue.trim() === '');
  const why = blank ? 'is missing' : weight < 0 ? 'is negative' : 'is not a finite number';
  return `weight ${formatValue(weightValue)} ${why}`;
}

function finish(state: BuilderState): ReadResult<IncidentTable> {
  const { length, rejections } = state;
  const data: IncidentTable = {
    source: state.source,
    recordKind: state.recordKind,
    length,
    lng: trimColumn(state.lng, length),
    lat: trimColumn(state.lat, length),
    time: trimColumn(state.time, length),
    category: trimColumn(state.category, length),
    categories: state.hasCategory ? state.categories.slice() : ['all'],
    weight:
      state.weight === undefined
        ? new Float64Array(length).fill(1)
        : trimColumn(state.weight, length),
    record: trimColumn(state.record, length),
  };
  return {
    data,
    read: length + rejections.count,
    rejections: rejections.list,
    rejectedCount: rejections.count,
    warnings: state.warnings,
  };
}
