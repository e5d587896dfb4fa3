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
  // A UTF-8 byte-order mark and blanks may come before JSON's first character.
  let i = a === 0xef && b === 0xbb && c === 0xbf ? 3 : 0;
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)
  )
    i++;
  if (head[i] === 0x7b || head[i] === 0x5b) return 'geojson';
  return undefined;
}
