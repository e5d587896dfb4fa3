import { assertArgument } from '../errors.js';
import {
  CELLS_BINARY_LAYOUT,
  type CellsBinaryColumn,
  type CellsBinaryHeader,
  type CellsBinaryLabelType,
  type CellsBinaryNumberType,
} from './cellsBinaryFormat.js';
import type { CellColumns } from './cellsToFeatureCollection.js';
import { toJsonValue } from './cellsToFeatureCollection.js';

/** Typed arrays use the platform's byte order; the file's is little-endian, as every JS engine in use. */
const PLATFORM_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Options of {@link cellColumnsToBinary}. */
export interface CellColumnsToBinaryOptions {
  /** Decimal places to round named numeric columns to, as `cellsToFeatureCollection`'s `digits`. */
  readonly digits?: Readonly<Record<string, number>>;
  /**
   * How a column of numbers that are not integers with at most 9 decimals is stored: `f32`
   * (default: 4 bytes a cell, within 2⁻²⁴ of the value, relative) or `f64` (8 bytes, exact).
   * A column with a non-zero value float32 cannot hold to that precision (beyond 3.4e38 or
   * under 1.2e-38 in size) is stored as `f64` either way.
   */
  readonly floats?: 'f32' | 'f64';
}

/** An array of the data section, with where it goes. */
interface PlacedArray {
  readonly offset: number;
  readonly bytes: Uint8Array;
}

/** The most decimals tried for an exact integer encoding (10⁹ keeps values under 2.1 in i32). */
const MAX_DECIMALS = 9;
const INT32_MAX = 2 ** 31 - 1;
/** The smallest normal float32: below it, float32 loses relative precision. */
const FLOAT32_MIN_NORMAL = 2 ** -126;
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Writes cells and their columns as `cells.bin` (layout in cellsBinaryFormat.ts and the
 * README): each H3 index as a uint64, each column in the smallest array that holds what
 * `cells.geojson` holds — integers, and numbers with at most 9 decimals, exactly in 8, 16 or
 * 32 bits; other numbers as float32 (or float64, `floats`); texts as dictionary codes. A
 * value is first made what cells.geojson writes (non-finite numbers null, `digits` rounding),
 * so that reading the file back gives the GeoJSON's properties. Deterministic: the same cells
 * and columns give the same bytes.
 *
 * @param cells - H3 indexes as h3-js writes them (lowercase hex, no leading zero)
 * @param columns - column name → one value per cell (typed arrays, or numbers, strings and nulls)
 * @param options - per-column `digits`, and how `floats` are stored
 * @returns the file's bytes
 * @throws HexreachError `E_ARGUMENT` when a cell is not an H3 index in that form, a column does
 *   not have one entry per cell or is named `h3`, or `digits` names an unknown column
 * @example
 * ```ts
 * const bytes = cellColumnsToBinary(['8926130641bffff'], { score: [0.5], zone: ['Z01'] });
 * binaryToCellColumns(bytes).columns[1].labels; // ['Z01']
 * ```
 */
export function cellColumnsToBinary(
  cells: readonly string[],
  columns: CellColumns,
  options: CellColumnsToBinaryOptions = {},
): Uint8Array {
  checkArguments(cells, columns, options);
  assertArgument(
    PLATFORM_IS_LITTLE_ENDIAN,
    'cellColumnsToBinary',
    'cells.bin is little-endian; this platform is not',
  );
  const arrays: PlacedArray[] = [];
  let end = 0;
  const place = (array: ArrayBufferView): number => {
    const offset = end;
    arrays.push({
      offset,
      bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    });
    end = align8(offset + array.byteLength);
    return offset;
  };
  const h3 = { type: 'u64' as const, offset: place(cellsToUint64(cells)) };
  const entries: CellsBinaryColumn[] = [];
  for (const [name, values] of Object.entries(columns)) {
    // An own property only: a column named `toString` has no digits unless given some.
    const digits =
      options.digits !== undefined && Object.hasOwn(options.digits, name)
        ? options.digits[name]
        : undefined;
    const { numbers, labels } = splitColumn(values, digits === undefined ? 0 : 10 ** digits);
    const entry: { -readonly [K in keyof CellsBinaryColumn]: CellsBinaryColumn[K] } = { name };
    if (numbers !== undefined) {
      const encoded = encodeNumbers(numbers, options.floats ?? 'f32');
      entry.numbers = {
        type: encoded.type,
        offset: place(encoded.array),
        decimals: encoded.decimals,
      };
    }
    if (labels !== undefined) {
      const encoded = encodeLabels(labels);
      entry.labels = {
        type: encoded.type,
        offset: place(encoded.codes),
        dictionary: encoded.dictionary,
      };
    }
    entries.push(entry);
  }
  const header: CellsBinaryHeader = { cells: cells.length, h3, columns: entries };
  return assemble(header, arrays, end);
}

function checkArguments(
  cells: readonly string[],
  columns: CellColumns,
  options: CellColumnsToBinaryOptions,
): void {
  const fn = 'cellColumnsToBinary';
  const n = cells.length;
  const names = Object.keys(columns);
  assertArgument(!names.includes('h3'), fn, 'the column name h3 is reserved for the cell index');
  for (const name of names)
    assertArgument(
      columns[name].length === n,
      fn,
      `column ${name} must have one entry per cell (${n}), got ${columns[name].length}`,
      columns[name].length,
    );
  for (const [name, places] of Object.entries(options.digits ?? {})) {
    assertArgument(names.includes(name), fn, `digits names an unknown column: ${name}`, name);
    assertArgument(
      Number.isInteger(places) && places >= 0 && places <= 15,
      fn,
      `digits.${name} must be an integer 0…15, got ${places}`,
      places,
    );
  }
}

/** H3 indexes as uint64 little-endian: two uint32 halves, low first. */
function cellsToUint64(cells: readonly string[]): Uint32Array {
  const halves = new Uint32Array(cells.length * 2);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    // The form the reader writes back (hex of the number), so that a cell reads back unchanged.
    assertArgument(
      typeof cell === 'string' && /^[1-9a-f][0-9a-f]{8,15}$/.test(cell),
      'cellColumnsToBinary',
      `cell ${i} is not an H3 index in lowercase hex: ${String(cell)}`,
      cell,
    );
    halves[2 * i] = Number.parseInt(cell.slice(-8), 16);
    halves[2 * i + 1] = Number.parseInt(cell.slice(0, -8), 16);
  }
  return halves;
}

/**
 * A column's values as cells.geojson writes them, split into numbers (NaN where none) and texts
 * (null where none); either is undefined when the column has none of it, the numbers also when
 * every value is null.
 */
function splitColumn(
  values: CellColumns[string],
  factor: number,
): { numbers?: Float64Array; labels?: (string | null)[] } {
  const n = values.length;
  const numbers = new Float64Array(n);
  let labels: (string | null)[] | undefined;
  let hasNumber = false;
  for (let i = 0; i < n; i++) {
    const value = toJsonValue(values[i], factor);
    if (typeof value === 'number') {
      numbers[i] = value;
      hasNumber = true;
    } else {
      numbers[i] = Number.NaN;
      if (typeof value === 'string') {
        labels ??= new Array<string | null>(n).fill(null);
        labels[i] = value;
      }
    }
  }
  return { numbers: hasNumber || labels === undefined ? numbers : undefined, labels };
}

/** Numbers in the smallest array that holds them exactly, else as floats. */
function encodeNumbers(
  numbers: Float64Array,
  floats: 'f32' | 'f64',
): { type: CellsBinaryNumberType; decimals: number; array: ArrayBufferView } {
  const decimals = exactDecimals(numbers);
  if (decimals === undefined) {
    const type = floats === 'f32' && fitsFloat32(numbers) ? 'f32' : 'f64';
    return { type, decimals: 0, array: type === 'f32' ? Float32Array.from(numbers) : numbers };
  }
  const factor = 10 ** decimals;
  let largest = 0;
  for (const x of numbers)
    if (!Number.isNaN(x)) largest = Math.max(largest, Math.abs(Math.round(x * factor)));
  const type = largest < 2 ** 7 ? 'i8' : largest < 2 ** 15 ? 'i16' : 'i32';
  const array =
    type === 'i8'
      ? new Int8Array(numbers.length)
      : type === 'i16'
        ? new Int16Array(numbers.length)
        : new Int32Array(numbers.length);
  const none = CELLS_BINARY_LAYOUT.integerNull[type];
  for (let i = 0; i < numbers.length; i++) {
    const x = numbers[i];
    array[i] = !Number.isNaN(x) ? Math.round(x * factor) : none;
  }
  return { type, decimals, array };
}

/**
 * The fewest decimals d ≤ 9 such that every number is an integer k / 10^d with |k| < 2³¹ that
 * division gives back exactly, or undefined.
 */
function exactDecimals(numbers: Float64Array): number | undefined {
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const factor = 10 ** d;
    let exact = true;
    for (const x of numbers) {
      if (Number.isNaN(x)) continue;
      const k = Math.round(x * factor);
      if (Math.abs(k) > INT32_MAX || k / factor !== x) {
        exact = false;
        break;
      }
    }
    if (exact) return d;
  }
  return undefined;
}

/** Can float32 hold every number to its relative precision (no overflow, no subnormal)? */
function fitsFloat32(numbers: Float64Array): boolean {
  for (const x of numbers) {
    const size = Math.abs(x);
    if (size !== 0 && (size < FLOAT32_MIN_NORMAL || size > FLOAT32_MAX)) return false;
  }
  return true;
}

/** Texts as dictionary codes (0 for none), the dictionary in first-seen order. */
function encodeLabels(labels: readonly (string | null)[]): {
  type: CellsBinaryLabelType;
  codes: ArrayBufferView;
  dictionary: string[];
} {
  const codeOf = new Map<string, number>();
  const codes = new Uint32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label === null) continue;
    let code = codeOf.get(label);
    if (code === undefined) {
      code = codeOf.size + 1;
      codeOf.set(label, code);
    }
    codes[i] = code;
  }
  const dictionary = [...codeOf.keys()];
  if (dictionary.length < 2 ** 8) return { type: 'u8', codes: Uint8Array.from(codes), dictionary };
  if (dictionary.length < 2 ** 16)
    return { type: 'u16', codes: Uint16Array.from(codes), dictionary };
  return { type: 'u32', codes, dictionary };
}

/** The whole file: magic, version, header length, header, padding, data. */
function assemble(
  header: CellsBinaryHeader,
  arrays: readonly PlacedArray[],
  dataBytes: number,
): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align8(12 + json.length);
  const file = new Uint8Array(dataStart + dataBytes);
  file.set(new TextEncoder().encode(CELLS_BINARY_LAYOUT.magic), 0);
  const view = new DataView(file.buffer);
  view.setUint32(4, CELLS_BINARY_LAYOUT.version, true);
  view.setUint32(8, json.length, true);
  file.set(json, 12);
  for (const { offset, bytes } of arrays) file.set(bytes, dataStart + offset);
  return file;
}

function align8(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}
