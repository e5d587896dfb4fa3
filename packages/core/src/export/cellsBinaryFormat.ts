/**
 * The layout of `cells.bin`, the columnar companion of `cells.geojson` (README "cells.bin"):
 * shared by its writer and its reader, so that they cannot disagree.
 *
 * | bytes | holds |
 * | --- | --- |
 * | 0–3 | ASCII `HXCL` |
 * | 4–7 | format version, uint32 little-endian (1) |
 * | 8–11 | byte length J of the header, uint32 little-endian |
 * | 12 … 12 + J − 1 | the header, UTF-8 JSON ({@link CellsBinaryHeader}) |
 * | then | zero bytes up to the next multiple of 8: the start of the data |
 * | data | the arrays, at the offsets the header gives from the start of the data, each at a multiple of 8 and zero-padded to one |
 *
 * Every array is little-endian with one entry per cell, in the order of cells.geojson's features.
 */

/**
 * The numeric array types: `i8`/`i16`/`i32` signed integers whose smallest value (−2⁷, −2¹⁵,
 * −2³¹) is null and whose number is the integer divided by 10^`decimals`; `f32`/`f64` IEEE
 * floats whose NaN is null.
 */
export type CellsBinaryNumberType = 'i8' | 'i16' | 'i32' | 'f32' | 'f64';

/** The label (dictionary code) array types: 0 is no label, k is `dictionary[k − 1]`. */
export type CellsBinaryLabelType = 'u8' | 'u16' | 'u32';

/** Where a column's numbers are and how to read them. */
export interface CellsBinaryNumbers {
  readonly type: CellsBinaryNumberType;
  /** Byte offset from the start of the data. */
  readonly offset: number;
  /** Decimal places of an integer type (the number is the integer / 10^decimals); 0 for floats. */
  readonly decimals: number;
}

/** Where a column's text labels are: dictionary codes, and the dictionary in first-seen order. */
export interface CellsBinaryLabels {
  readonly type: CellsBinaryLabelType;
  /** Byte offset from the start of the data. */
  readonly offset: number;
  readonly dictionary: readonly string[];
}

/**
 * One column: numbers, labels, or both (a column of numbers and texts, such as a public
 * export's counts with `"<5"`: a cell's value is its label when it has one, else its number).
 */
export interface CellsBinaryColumn {
  readonly name: string;
  readonly numbers?: CellsBinaryNumbers;
  readonly labels?: CellsBinaryLabels;
}

/** The JSON header of `cells.bin`. */
export interface CellsBinaryHeader {
  /** Number of cells. */
  readonly cells: number;
  /** Each cell's H3 index as a uint64 at this byte offset from the start of the data. */
  readonly h3: { readonly type: 'u64'; readonly offset: number };
  /** The columns, in cells.geojson's property order. */
  readonly columns: readonly CellsBinaryColumn[];
}

/**
 * The constants of the layout: the first four bytes (`magic`), the format `version` this code
 * writes and reads, the bytes per entry of each array type, and the null of each integer type
 * (its smallest value).
 *
 * @example
 * ```ts
 * new TextDecoder().decode(bytes.subarray(0, 4)) === CELLS_BINARY_LAYOUT.magic; // a cells.bin
 * ```
 */
export const CELLS_BINARY_LAYOUT = {
  magic: 'HXCL',
  version: 1,
  bytes: { i8: 1, i16: 2, i32: 4, f32: 4, f64: 8, u8: 1, u16: 2, u32: 4, u64: 8 },
  integerNull: { i8: -(2 ** 7), i16: -(2 ** 15), i32: -(2 ** 31) },
} as const;
