import { HexreachError } from '../errors.js';
import {
  CELLS_BINARY_LAYOUT,
  type CellsBinaryHeader,
  type CellsBinaryLabels,
  type CellsBinaryNumbers,
} from './cellsBinaryFormat.js';

/** Typed arrays use the platform's byte order; the file's is little-endian, as every JS engine in use. */
const PLATFORM_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** One column of `cells.bin`, read: its numbers, its texts, or both. */
export interface CellBinaryColumn {
  readonly name: string;
  /** One number per cell, NaN for none; absent when the column holds texts only. */
  readonly numbers?: Float64Array;
  /** One text per cell, null for none; absent when the column holds no text. */
  readonly labels?: readonly (string | null)[];
}

/** `cells.bin`, read. */
export interface CellBinaryTable {
  /** Each cell's H3 index, as h3-js writes it. */
  readonly cells: string[];
  /** The same as 64-bit numbers: cell i's low 32 bits at 2i, its high 32 bits at 2i + 1. */
  readonly cellHalves: Uint32Array;
  /** The columns, in cells.geojson's property order. */
  readonly columns: readonly CellBinaryColumn[];
}

const NUMBER_TYPES = new Set(['i8', 'i16', 'i32', 'f32', 'f64']);
const LABEL_TYPES = new Set(['u8', 'u16', 'u32']);

/**
 * Reads `cells.bin` (written by `cellColumnsToBinary`; layout in cellsBinaryFormat.ts and the
 * README): the cells' H3 indexes and each column as numbers (a Float64Array, NaN for null)
 * and/or texts. A cell's value is its text when it has one, else its number, else null — what
 * cells.geojson holds, exactly for integer-coded columns and within float32 precision for
 * `f32` ones.
 *
 * @param bytes - the file's content
 * @param file - the file name, for messages (default `cells.bin`)
 * @returns the cells and the columns
 * @throws HexreachError `E_INPUT` naming the file when it is not a cells.bin of this version, or
 *   is cut short or inconsistent
 * @example
 * ```ts
 * const table = binaryToCellColumns(new Uint8Array(await response.arrayBuffer()));
 * table.cells[0]; // '8926130641bffff'
 * table.columns.find((c) => c.name === 'score')?.numbers?.[0];
 * ```
 */
export function binaryToCellColumns(
  bytes: Uint8Array | ArrayBuffer,
  file = 'cells.bin',
): CellBinaryTable {
  const fail = (problem: string) => new HexreachError('E_INPUT', `${file}: ${problem}`);
  // Typed-array views need aligned offsets: copy a view that starts off a multiple of 8.
  const aligned =
    bytes instanceof Uint8Array
      ? bytes.byteOffset % 8 === 0
        ? bytes
        : bytes.slice()
      : new Uint8Array(bytes);
  const { header, dataStart } = readHeader(aligned, fail);
  if (!PLATFORM_IS_LITTLE_ENDIAN) throw fail('cells.bin is little-endian; this platform is not');
  const n = header.cells;
  const array = (type: ArrayType, offset: number, entries: number) => {
    if (!(offset >= 0)) throw fail(`an array offset is negative: ${offset}`);
    return typedArrayAt(aligned, dataStart + offset, type, entries, fail);
  };
  const cellHalves = (array('u32', header.h3.offset, 2 * n) as Uint32Array).slice();
  const cells = uint64ToCells(cellHalves);
  const columns = header.columns.map((column) => ({
    name: column.name,
    ...(column.numbers === undefined
      ? {}
      : {
          numbers: decodeNumbers(
            column.numbers,
            array(column.numbers.type, column.numbers.offset, n),
          ),
        }),
    ...(column.labels === undefined
      ? {}
      : {
          labels: decodeLabels(
            column.labels,
            array(column.labels.type, column.labels.offset, n),
            fail,
          ),
        }),
  }));
  return { cells, cellHalves, columns };
}

/** The type of an array of the file. */
type ArrayType = keyof typeof CELLS_BINARY_LAYOUT.bytes;

/** A view of `entries` entries of `type` at byte `start` of the file (aligned, inside it). */
function typedArrayAt(
  bytes: Uint8Array,
  start: number,
  type: ArrayType,
  entries: number,
  fail: (problem: string) => HexreachError,
): ArrayLike<number> {
  if (!Number.isInteger(start) || start % 8 !== 0)
    throw fail(`an array offset is not a multiple of 8: ${start}`);
  if (start + CELLS_BINARY_LAYOUT.bytes[type] * entries > bytes.length)
    throw fail('the file is cut short');
  const at = bytes.byteOffset + start;
  const buffer = bytes.buffer;
  switch (type) {
    case 'i8':
      return new Int8Array(buffer, at, entries);
    case 'i16':
      return new Int16Array(buffer, at, entries);
    case 'i32':
      return new Int32Array(buffer, at, entries);
    case 'f32':
      return new Float32Array(buffer, at, entries);
    case 'f64':
      return new Float64Array(buffer, at, entries);
    case 'u8':
      return new Uint8Array(buffer, at, entries);
    case 'u16':
      return new Uint16Array(buffer, at, entries);
    default:
      return new Uint32Array(buffer, at, entries);
  }
}

/** Checks the magic, version and header; returns the header and where the data start. */
function readHeader(
  bytes: Uint8Array,
  fail: (problem: string) => HexreachError,
): { header: CellsBinaryHeader; dataStart: number } {
  if (
    bytes.length < 12 ||
    new TextDecoder().decode(bytes.subarray(0, 4)) !== CELLS_BINARY_LAYOUT.magic
  )
    throw fail(`not a hexreach cells.bin (it does not start with ${CELLS_BINARY_LAYOUT.magic})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== CELLS_BINARY_LAYOUT.version)
    throw fail(
      `format version ${version}; this viewer reads version ${CELLS_BINARY_LAYOUT.version}`,
    );
  const length = view.getUint32(8, true);
  if (12 + length > bytes.length) throw fail('the file is cut short');
  let header: CellsBinaryHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length)));
  } catch {
    throw fail('its header is not JSON');
  }
  const h = header as Partial<CellsBinaryHeader> | null;
  if (
    typeof h !== 'object' ||
    h === null ||
    !Number.isInteger(h.cells) ||
    (h.cells ?? -1) < 0 ||
    h.h3?.type !== 'u64' ||
    !Array.isArray(h.columns)
  )
    throw fail('its header lacks the cell count, the H3 array or the columns');
  const names = new Set<string>();
  for (const column of h.columns) {
    const c = column as Partial<CellsBinaryHeader['columns'][number]> | null;
    if (typeof c?.name !== 'string' || names.has(c.name) || c.name === 'h3')
      throw fail(`a column has no name, a repeated one or h3: ${String(c?.name)}`);
    names.add(c.name);
    const numbers = c.numbers;
    if (
      numbers !== undefined &&
      (!NUMBER_TYPES.has(numbers.type) ||
        !Number.isInteger(numbers.decimals) ||
        numbers.decimals < 0 ||
        numbers.decimals > 15)
    )
      throw fail(`column ${c.name}: unknown number type or decimals`);
    const labels = c.labels;
    if (
      labels !== undefined &&
      (!LABEL_TYPES.has(labels.type) ||
        !Array.isArray(labels.dictionary) ||
        !labels.dictionary.every((label) => typeof label === 'string'))
    )
      throw fail(`column ${c.name}: unknown label type or a dictionary not of texts`);
  }
  return { header, dataStart: Math.ceil((12 + length) / 8) * 8 };
}

/** uint64 H3 indexes (two uint32 halves, low first) as h3-js's strings. */
function uint64ToCells(halves: Uint32Array): string[] {
  const cells = new Array<string>(halves.length / 2);
  for (let i = 0; i < cells.length; i++) {
    cells[i] = halves[2 * i + 1].toString(16) + halves[2 * i].toString(16).padStart(8, '0');
  }
  return cells;
}

/** Numbers as Float64, NaN for null; an integer divided by 10^decimals. */
function decodeNumbers(numbers: CellsBinaryNumbers, stored: ArrayLike<number>): Float64Array {
  // A native copy, then one loop over a Float64Array: a loop reading the stored array of any
  // of five types was the slowest part of reading 80 columns.
  const out = new Float64Array(stored.length);
  out.set(stored);
  if (numbers.type === 'f32' || numbers.type === 'f64') return out;
  const none = CELLS_BINARY_LAYOUT.integerNull[numbers.type];
  const factor = 10 ** numbers.decimals;
  for (let i = 0; i < out.length; i++) {
    const k = out[i];
    // Division, not multiplication by 10^-d: k / 10^d is the double nearest the decimal.
    if (k === none) out[i] = Number.NaN;
    else if (factor !== 1) out[i] = k / factor;
  }
  return out;
}

function decodeLabels(
  labels: CellsBinaryLabels,
  codes: ArrayLike<number>,
  fail: (problem: string) => HexreachError,
): (string | null)[] {
  const dictionary = labels.dictionary;
  const out = new Array<string | null>(codes.length);
  for (let i = 0; i < out.length; i++) {
    const code = codes[i];
    if (code > dictionary.length) throw fail(`a label code (${code}) is beyond its dictionary`);
    out[i] = code === 0 ? null : dictionary[code - 1];
  }
  return out;
}
