import { describe, expect, it } from 'vitest';
import { analysisToCells } from '../../src/export/analysisToCells.js';
import { analysisToCellsBinary } from '../../src/export/analysisToCellsBinary.js';
import {
  binaryToCellColumns,
  type CellBinaryColumn,
  type CellBinaryTable,
} from '../../src/export/binaryToCellColumns.js';
import { cellColumnsToBinary } from '../../src/export/cellColumnsToBinary.js';
import type { CellsBinaryHeader } from '../../src/export/cellsBinaryFormat.js';
import { gridDisk } from '../../src/hex/h3.js';
import { mulberry32 } from '../../src/util/random.js';
import { analyzeDemoCity } from '../helpers/analyzeDemoCity.js';
import { codeOf } from '../helpers/errors.js';

/** float32 keeps a number to within half a unit in the last of its 24 bits: 2⁻²⁴, relative. */
const FLOAT32_RELATIVE = 2 ** -24;

const CELLS = gridDisk('892664c1a9bffff', 1).sort();

/** A cell's value as cells.geojson holds it: its text, else its number, else null. */
function valueAt(column: CellBinaryColumn, i: number): string | number | null {
  const label = column.labels?.[i] ?? null;
  const number = column.numbers?.[i] ?? Number.NaN;
  return label ?? (Number.isNaN(number) ? null : number);
}

function columnOf(table: CellBinaryTable, name: string): CellBinaryColumn {
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) throw new Error(`no column ${name}`);
  return column;
}

function headerOf(bytes: Uint8Array): CellsBinaryHeader {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length)));
}

describe('cellColumnsToBinary and binaryToCellColumns', () => {
  const columns = {
    incidents: Uint32Array.of(0, 3, 17, 250, 0, 1, 40_000),
    gi_bin: Int8Array.of(-3, 0, 1, 2, 3, 0, -1),
    gi_z: Float64Array.of(-1.164232, 0, 2.5, 12.345678, Number.NaN, 1e-3, -0.5),
    share: Float64Array.of(1 / 3, 2 / 3, 0.1, 7.12345, 0, Number.POSITIVE_INFINITY, 1e-7),
    tiny: Float64Array.of(1e-300, 0, 1, 2, 3, 4, 5),
    zone: ['Z01', null, 'Z02', 'Z01', null, null, 'Z02'],
    rank: [1, null, 2, 1, null, null, 2],
    suppressed: [0, '<5', 7, null, '<5', 12, 5],
  };

  it('gives back every cell and every value as cells.geojson holds it', () => {
    const table = binaryToCellColumns(cellColumnsToBinary(CELLS, columns));
    expect(table.cells).toEqual(CELLS);
    expect(table.columns.map((c) => c.name)).toEqual(Object.keys(columns));
    for (const [name, values] of Object.entries(columns)) {
      const column = columnOf(table, name);
      for (let i = 0; i < CELLS.length; i++) {
        const expected = values[i];
        const actual = valueAt(column, i);
        if (typeof expected !== 'number' || !Number.isFinite(expected)) {
          // JSON has no NaN or Infinity: cells.geojson writes null.
          expect(actual, `${name}[${i}]`).toBe(typeof expected === 'number' ? null : expected);
        } else if (name === 'share') {
          expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
            FLOAT32_RELATIVE * Math.abs(expected),
          );
        } else expect(actual, `${name}[${i}]`).toBe(expected);
      }
    }
  });

  it('stores integers and short decimals exactly in the smallest integer type', () => {
    const header = headerOf(cellColumnsToBinary(CELLS, columns));
    const types = Object.fromEntries(
      header.columns.map((c) => [
        c.name,
        [c.numbers?.type, c.numbers?.decimals, c.labels?.type].filter((t) => t !== undefined),
      ]),
    );
    expect(types).toEqual({
      incidents: ['i32', 0],
      gi_bin: ['i8', 0],
      gi_z: ['i32', 6],
      share: ['f32', 0],
      // float32 would make 1e-300 zero: float64 keeps it.
      tiny: ['f64', 0],
      zone: ['u8'],
      rank: ['i8', 0],
      suppressed: ['i8', 0, 'u8'],
    });
  });

  it('rounds named columns to their digits first, as cells.geojson does', () => {
    const table = binaryToCellColumns(
      cellColumnsToBinary(CELLS, { share: columns.share }, { digits: { share: 3 } }),
    );
    expect(Array.from(columnOf(table, 'share').numbers ?? [])).toEqual([
      0.333,
      0.667,
      0.1,
      7.123,
      0,
      Number.NaN,
      0,
    ]);
  });

  it('keeps every number exactly with floats: f64', () => {
    const random = mulberry32(3);
    const values = Float64Array.from(CELLS, () => random() * 1e6 - 5e5);
    const table = binaryToCellColumns(cellColumnsToBinary(CELLS, { x: values }, { floats: 'f64' }));
    expect(columnOf(table, 'x').numbers).toEqual(values);
  });

  it('writes the same bytes for the same input, at 8-byte-aligned offsets', () => {
    const a = cellColumnsToBinary(CELLS, columns);
    expect(cellColumnsToBinary(CELLS, columns)).toEqual(a);
    const header = headerOf(a);
    expect(new TextDecoder().decode(a.subarray(0, 4))).toBe('HXCL');
    for (const column of header.columns) {
      for (const part of [column.numbers, column.labels])
        if (part !== undefined) expect(part.offset % 8).toBe(0);
    }
  });

  it('reads a file held at any offset of a larger buffer', () => {
    const bytes = cellColumnsToBinary(CELLS, columns);
    const larger = new Uint8Array(bytes.length + 3);
    larger.set(bytes, 3);
    expect(binaryToCellColumns(larger.subarray(3))).toEqual(binaryToCellColumns(bytes));
  });

  it('refuses cells not in h3-js form and columns of the wrong length (E_ARGUMENT)', () => {
    expect(codeOf(() => cellColumnsToBinary(['892664C1A9BFFFF'], {}))).toBe('E_ARGUMENT');
    expect(codeOf(() => cellColumnsToBinary(CELLS, { x: [1] }))).toBe('E_ARGUMENT');
    expect(codeOf(() => cellColumnsToBinary(CELLS, { h3: CELLS }))).toBe('E_ARGUMENT');
    expect(codeOf(() => cellColumnsToBinary(CELLS, {}, { digits: { x: 2 } }))).toBe('E_ARGUMENT');
  });

  it('refuses another file, another version or a file cut short (E_INPUT)', () => {
    const bytes = cellColumnsToBinary(CELLS, columns);
    expect(codeOf(() => binaryToCellColumns(new TextEncoder().encode('{"type":"x"}')))).toBe(
      'E_INPUT',
    );
    const version2 = bytes.slice();
    new DataView(version2.buffer).setUint32(4, 2, true);
    expect(codeOf(() => binaryToCellColumns(version2))).toBe('E_INPUT');
    expect(codeOf(() => binaryToCellColumns(bytes.subarray(0, bytes.length - 8)))).toBe('E_INPUT');
    expect(codeOf(() => binaryToCellColumns(bytes.subarray(0, 20)))).toBe('E_INPUT');
  });
});

describe('analysisToCellsBinary', () => {
  it("holds every cell and property of the demo city's cells.geojson, exactly or within float32", async () => {
    const result = await analyzeDemoCity();
    const geojson = JSON.parse(JSON.stringify(analysisToCells(result)));
    const bytes = analysisToCellsBinary(result);
    const table = binaryToCellColumns(bytes);
    const exact = new Set(
      headerOf(bytes).columns.flatMap((c) => (c.numbers?.type.startsWith('f') ? [] : [c.name])),
    );
    expect(table.cells).toEqual(
      geojson.features.map((f: { properties: { h3: string } }) => f.properties.h3),
    );
    // Differences are collected and asserted once: one expect per value would be 100,000 calls.
    const differences: string[] = [];
    geojson.features.forEach((feature: { properties: Record<string, unknown> }, i: number) => {
      const { h3: _, ...properties } = feature.properties;
      expect(table.columns.map((c) => c.name)).toEqual(Object.keys(properties));
      for (const column of table.columns) {
        const expected = properties[column.name];
        const actual = valueAt(column, i);
        const same =
          typeof expected === 'number' && !exact.has(column.name)
            ? Math.abs((actual as number) - expected) <= FLOAT32_RELATIVE * Math.abs(expected)
            : actual === expected;
        if (!same)
          differences.push(`${column.name}[${i}]: ${String(actual)}, expected ${expected}`);
      }
    });
    expect(differences.slice(0, 10)).toEqual([]);
    // Several times smaller than the GeoJSON (8 times on this demo, 10 at resolution 11).
    expect(bytes.length * 5).toBeLessThan(JSON.stringify(geojson).length);
  });

  it("holds every property of the demo city's cells.geojson exactly with floats: f64", async () => {
    const result = await analyzeDemoCity();
    const geojson = JSON.parse(JSON.stringify(analysisToCells(result)));
    const table = binaryToCellColumns(analysisToCellsBinary(result, { floats: 'f64' }));
    geojson.features.forEach((feature: { properties: Record<string, unknown> }, i: number) => {
      const { h3: _, ...properties } = feature.properties;
      for (const column of table.columns)
        expect(valueAt(column, i), `${column.name}[${i}]`).toBe(properties[column.name]);
    });
  });
});
