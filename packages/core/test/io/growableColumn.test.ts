import { describe, expect, it } from 'vitest';
import { createColumn, growColumn, trimColumn } from '../../src/io/growableColumn.js';

describe('growableColumn', () => {
  it('grows a resizable column in place and trims it into a plain array, keeping its values', () => {
    let column = createColumn(Float64Array, 4);
    const buffer = column.buffer;
    expect((buffer as ArrayBuffer & { resizable: boolean }).resizable).toBe(true);
    column.set([1, 2, 3, 4]);
    column = growColumn(column, 8);
    expect(column.buffer).toBe(buffer);
    expect([...column]).toEqual([1, 2, 3, 4, 0, 0, 0, 0]);
    column[6] = 7;
    const trimmed = trimColumn(column, 7);
    // A plain copy; the resizable buffer gives its memory back at once.
    expect((trimmed.buffer as ArrayBuffer & { resizable: boolean }).resizable).toBe(false);
    expect(buffer.byteLength).toBe(0);
    expect([...trimmed]).toEqual([1, 2, 3, 4, 0, 0, 7]);
  });

  it('copies a plain typed array, as a doubling array does', () => {
    const plain = Uint16Array.of(5, 6);
    const grown = growColumn(plain, 4);
    expect(grown).not.toBe(plain);
    expect([...grown]).toEqual([5, 6, 0, 0]);
    const trimmed = trimColumn(Uint32Array.of(1, 2, 3), 2);
    expect([...trimmed]).toEqual([1, 2]);
    expect(trimmed).toBeInstanceOf(Uint32Array);
  });

  it('copies a column grown past the 2²⁷ rows it may reach in place', () => {
    const column = createColumn(Uint16Array, 2);
    column.set([9, 8]);
    const grown = growColumn(column, 2 ** 27 + 1);
    expect(grown.buffer).not.toBe(column.buffer);
    expect(grown[0]).toBe(9);
    expect(grown.length).toBe(2 ** 27 + 1);
  });
});
