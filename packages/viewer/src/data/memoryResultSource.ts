import type { ResultSource } from './ResultSource.js';
import type { ResultFileName } from './results.js';

/**
 * A {@link ResultSource} over results held as text, such as those the analysis worker writes.
 *
 * @param description - what the user sees as the origin
 * @param files - the text of each file present
 * @returns the source
 * @example
 * ```ts
 * const source = memoryResultSource('analysed in this browser', { 'cells.geojson': outputs.cellsText });
 * ```
 */
export function memoryResultSource(
  description: string,
  files: Readonly<Partial<Record<ResultFileName, string>>>,
): ResultSource {
  return {
    description,
    readText: async (name) => files[name],
    // Results analysed in this browser are handed over as text.
    readBytes: async () => undefined,
  };
}
