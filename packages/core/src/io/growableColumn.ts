/** The typed arrays a growable column may be. */
export type ColumnArray = Float64Array | Uint32Array | Uint16Array;

/** A typed-array constructor of a {@link ColumnArray}. */
export interface ColumnKind<T extends ColumnArray> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * Rows a resizable column may reach in place (1 GiB of address space for 8-byte values, reserved
 * but not used until written); a longer column is copied into a plain array once.
 */
const MAX_IN_PLACE_ROWS = 2 ** 27;

/** ArrayBuffer with the resizable options of ES2024, which this project's `lib` predates. */
type ResizableArrayBuffer = ArrayBuffer & {
  readonly resizable: boolean;
  readonly maxByteLength: number;
  resize(byteLength: number): void;
};

/**
 * A typed column of `rows` zeros that {@link growColumn} can lengthen in place: a view over a
 * resizable ArrayBuffer (ES2024), which reserves address space for 2²⁷ rows and uses memory only
 * for the rows it holds, so a column that doubles is never held twice. Where resizable ArrayBuffers are missing or refused, a plain typed array (then growing
 * copies, as a doubling array does).
 *
 * @param Kind - the typed array to make
 * @param rows - its length, at most 2²⁷ for the resizable form
 * @returns the column
 * @example
 * ```ts
 * let lng = createColumn(Float64Array, 1024);
 * lng = growColumn(lng, 2048); // the same memory, longer, where resizable ArrayBuffers exist
 * const table = trimColumn(lng, 1500); // a plain Float64Array of 1500 values
 * ```
 */
export function createColumn<T extends ColumnArray>(Kind: ColumnKind<T>, rows: number): T {
  const bytes = Kind.BYTES_PER_ELEMENT;
  const prototype = ArrayBuffer.prototype as ResizableArrayBuffer;
  if (rows <= MAX_IN_PLACE_ROWS && typeof prototype.resize === 'function') {
    try {
      const ArrayBufferWithMax = ArrayBuffer as unknown as new (
        length: number,
        options: { maxByteLength: number },
      ) => ArrayBuffer;
      const buffer = new ArrayBufferWithMax(rows * bytes, {
        maxByteLength: MAX_IN_PLACE_ROWS * bytes,
      });
      return new Kind(buffer, 0, rows);
    } catch {
      // The reservation was refused (a browser's limit): a plain array does.
    }
  }
  return new Kind(rows);
}

/**
 * The column lengthened to `rows`, the values kept and the new rows 0: in place (a new view over
 * the same buffer) when it is resizable and `rows` ≤ 2²⁷, else copied into a fresh column.
 *
 * @param column - a column from {@link createColumn} (or any typed array of its kind)
 * @param rows - the new length, ≥ the old
 * @returns the longer column; the old one must no longer be used
 * @example
 * ```ts
 * growColumn(createColumn(Uint32Array, 4), 8).length; // 8
 * ```
 */
export function growColumn<T extends ColumnArray>(column: T, rows: number): T {
  const Kind = column.constructor as ColumnKind<T>;
  const buffer = column.buffer as ResizableArrayBuffer;
  const bytes = rows * Kind.BYTES_PER_ELEMENT;
  if (buffer.resizable === true && column.byteOffset === 0 && bytes <= buffer.maxByteLength) {
    buffer.resize(bytes);
    return new Kind(buffer, 0, rows);
  }
  const next = createColumn(Kind, rows);
  next.set(column);
  return next;
}

/**
 * The first `rows` values of the column as a plain typed array (`slice`); a resizable column's
 * buffer is then shrunk to nothing, which gives its memory back at once rather than at the next
 * garbage collection, so that a table trimmed column by column holds one column twice at most.
 * (A plain copy, because V8 reads arrays over resizable buffers in hot loops about half as fast.)
 *
 * @param column - a column from {@link createColumn} or {@link growColumn}
 * @param rows - the length to keep, ≤ its length
 * @returns the trimmed column; the old one must no longer be used (it is emptied)
 * @example
 * ```ts
 * trimColumn(createColumn(Float64Array, 1024), 10).length; // 10
 * ```
 */
export function trimColumn<T extends ColumnArray>(column: T, rows: number): T {
  const trimmed = column.slice(0, rows) as T;
  const buffer = column.buffer as ResizableArrayBuffer;
  if (buffer.resizable === true) buffer.resize(0);
  return trimmed;
}
