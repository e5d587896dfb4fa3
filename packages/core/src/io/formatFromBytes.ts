import type { InputFormat } from './inputFormat.js';

/**
 * The format of a file from its first bytes, when they say it: `PAR1` (Parquet), `PK\x03\x04`
 * (a zip, as shapefiles are shipped), the shapefile file code 9994, or `{`/`[` after blanks
 * (JSON).
 *
 * @param head - the file's first bytes (4 are enough for the binary formats)
 * @returns the format, or undefined when the bytes are none of these
 * @example
 * ```ts
 * formatFromBytes(new TextEncoder().encode('PAR1')); // 'parquet'
 * formatFromBytes(new TextEncoder().encode('id,lat')); // undefined
 * ```
 */
export function formatFromBytes(head: Uint8Array): InputFormat | undefined {
  const [a, b, c, d] = head;
  if (a === 0x50 && b === 0x41 && c === 0x52 && d === 0x31) return 'parquet';
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) return 'shapefile';
  if (a === 0x00 && b === 0x00 && c === 0x27 && d === 0x0a) return 'shapefile';
  for (const byte of head) {
    if (byte === 0x7b || byte === 0x5b) return 'geojson';
    // A UTF-8 byte-order mark or a blank may come before the JSON.
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte < 0x80) break;
  }
  return undefined;
}
