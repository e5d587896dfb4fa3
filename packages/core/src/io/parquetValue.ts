/**
 * A value as hyparquet decodes it, as hexreach's readers take values: a 64-bit integer (bigint)
 * as a number, a timestamp (Date) as milliseconds since the epoch, null as undefined (missing);
 * numbers, strings and GeoJSON geometries as they are.
 *
 * @param value - a decoded Parquet value
 * @returns the value for the incident builder or a GeoJSON property
 * @example
 * ```ts
 * parquetValue(12n); // 12
 * parquetValue(new Date(Date.UTC(2024, 0, 1))); // 1704067200000
 * parquetValue(null); // undefined
 * ```
 */
export function parquetValue(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return value;
}
