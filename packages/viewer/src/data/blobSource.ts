import type { InputSource } from '@hexreach/core';

/**
 * A file dropped or chosen in the browser (any Blob) as an input of core's `readInputs`, the
 * reading the CLI does from disk.
 *
 * @param name - the file's name, as messages and the summary show it
 * @param data - its content
 * @returns the source: the whole text for JSON inputs, a byte stream for CSV ones, slices of
 *   bytes for Parquet and zipped shapefiles
 * @example
 * ```ts
 * const inputs = await readInputs({ incidents: blobSource(file.name, file), areas: blobSource('tracts.geojson', tracts) }, config);
 * ```
 */
export function blobSource(name: string, data: Blob): InputSource {
  return {
    name,
    text: () => data.text(),
    stream: () => data.stream(),
    // Parquet reads one row group at a time, a zipped shapefile whole: slices of the Blob.
    bytes: async () => ({
      byteLength: data.size,
      slice: (start, end) => data.slice(start, end).arrayBuffer(),
    }),
  };
}
