import { describe, expect, it } from 'vitest';
import { formatFromBytes } from '../../src/io/formatFromBytes.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe('formatFromBytes', () => {
  it('knows Parquet by PAR1, a zip by PK\\3\\4 and a .shp by its file code 9994', () => {
    expect(formatFromBytes(text('PAR1\u0015\u0004'))).toBe('parquet');
    expect(formatFromBytes(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe('shapefile');
    expect(formatFromBytes(bytes(0x00, 0x00, 0x27, 0x0a, 0x00))).toBe('shapefile');
  });

  it('knows JSON by its first character after blanks and a byte-order mark', () => {
    expect(formatFromBytes(text('  \n{"type":'))).toBe('geojson');
    expect(formatFromBytes(text('\uFEFF['))).toBe('geojson');
  });

  it('gives undefined for text that is none of these (a CSV header), and for no bytes', () => {
    expect(formatFromBytes(text('id,latitude'))).toBeUndefined();
    expect(formatFromBytes(bytes())).toBeUndefined();
  });
});
