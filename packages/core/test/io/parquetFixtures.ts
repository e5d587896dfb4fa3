import { type ColumnSource, parquetWriteBuffer } from 'hyparquet-writer';
import type { ByteSource } from '../../src/run/InputSource.js';

/** A Parquet file of these columns, `rowGroupSize` rows per row group, as a ByteSource. */
export function parquetBytes(
  columns: ColumnSource[],
  options: {
    rowGroupSize?: number;
    geo?: unknown;
    codec?: 'GZIP' | 'BROTLI';
    compress?: (input: Uint8Array) => Uint8Array;
  } = {},
): ByteSource {
  const { codec, compress } = options;
  const buffer = parquetWriteBuffer({
    columnData: columns,
    ...(codec === undefined || compress === undefined
      ? {}
      : { codec, compressors: { [codec]: compress } }),
    rowGroupSize: options.rowGroupSize ?? 1000,
    kvMetadata:
      options.geo === undefined ? undefined : [{ key: 'geo', value: JSON.stringify(options.geo) }],
  });
  return byteSource(new Uint8Array(buffer));
}

/** Bytes in memory as a ByteSource, slices copied as a file's reads are. */
export function byteSource(bytes: Uint8Array): ByteSource {
  return {
    byteLength: bytes.byteLength,
    slice: async (start, end = bytes.byteLength) => bytes.slice(start, end).buffer,
  };
}

/** ISO WKB (little-endian) of a Point. */
export function wkbPoint(lng: number, lat: number): Uint8Array {
  const bytes = new Uint8Array(21);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 1);
  view.setUint32(1, 1, true);
  view.setFloat64(5, lng, true);
  view.setFloat64(13, lat, true);
  return bytes;
}

/** ISO WKB (little-endian) of a Polygon of one ring. */
export function wkbPolygon(ring: readonly (readonly [number, number])[]): Uint8Array {
  const bytes = new Uint8Array(13 + 16 * ring.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 1);
  view.setUint32(1, 3, true);
  view.setUint32(5, 1, true);
  view.setUint32(9, ring.length, true);
  ring.forEach(([x, y], i) => {
    view.setFloat64(13 + 16 * i, x, true);
    view.setFloat64(21 + 16 * i, y, true);
  });
  return bytes;
}

/** GeoParquet 1.1 metadata of one WKB geometry column, optionally in another crs. */
export function geoMetadata(column = 'geometry', crs?: unknown): unknown {
  return {
    version: '1.1.0',
    primary_column: column,
    columns: {
      [column]: { encoding: 'WKB', geometry_types: [], ...(crs === undefined ? {} : { crs }) },
    },
  };
}
