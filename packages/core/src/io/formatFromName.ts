import type { InputFormat } from './inputFormat.js';

// As Node's extname sees it: `.json` alone is a hidden file's name, not an extension.
const EXTENSIONS: readonly (readonly [RegExp, InputFormat])[] = [
  [/[^/\\]\.(geo)?json$/i, 'geojson'],
  [/[^/\\]\.(csv|tsv|txt)$/i, 'csv'],
  [/[^/\\]\.(geo)?parquet$|[^/\\]\.pq$/i, 'parquet'],
  [/[^/\\]\.(zip|shp)$/i, 'shapefile'],
];

/**
 * The format of a file from its name's extension: `.json`/`.geojson`, `.csv`/`.tsv`/`.txt`,
 * `.parquet`/`.geoparquet`/`.pq`, `.zip`/`.shp` (a shapefile, zipped or with its `.dbf`, `.prj`
 * and `.cpg` beside it).
 *
 * @param name - the file's name or path
 * @returns the format, or undefined for another extension
 * @example
 * ```ts
 * formatFromName('data/tracts.zip'); // 'shapefile'
 * formatFromName('incidents.parquet'); // 'parquet'
 * formatFromName('.json'); // undefined (a hidden file's name, as Node's extname sees it)
 * ```
 */
export function formatFromName(name: string): InputFormat | undefined {
  for (const [pattern, format] of EXTENSIONS) if (pattern.test(name)) return format;
  return undefined;
}
