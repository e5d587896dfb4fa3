import { formatFromBytes } from '../io/formatFromBytes.js';
import { formatFromName } from '../io/formatFromName.js';
import type { InputFormat } from '../io/inputFormat.js';
import type { InputSource } from './InputSource.js';

/**
 * The format of an input file: its name's extension when it has a known one (`.csv`, `.json`,
 * `.geojson`, `.parquet`, `.zip`, `.shp`), else its first bytes (Parquet's `PAR1`, a zip's
 * `PK`, a shapefile's file code, JSON's `{`), else `fallback`.
 *
 * @param source - the file
 * @param fallback - the format when neither the name nor the bytes say (CSV for incidents)
 * @returns the format
 * @example
 * ```ts
 * await inputFormatOf(nodeFileSource('tracts.zip', 'areas'), 'geojson'); // 'shapefile'
 * ```
 */
export async function inputFormatOf(
  source: InputSource,
  fallback: InputFormat,
): Promise<InputFormat> {
  const byName = formatFromName(source.name);
  if (byName !== undefined || source.bytes === undefined) return byName ?? fallback;
  const bytes = await source.bytes();
  const head = new Uint8Array(await bytes.slice(0, Math.min(bytes.byteLength, 64)));
  return formatFromBytes(head) ?? fallback;
}
