import type { ResultSource } from './ResultSource.js';
import type { ResultFileName } from './results.js';

/**
 * A {@link ResultSource} over results held in memory, such as those the analysis worker writes:
 * texts, and the bytes of cells.bin.
 *
 * @param description - what the user sees as the origin
 * @param files - each file present: its text, or its bytes
 * @returns the source
 * @example
 * ```ts
 * const source = memoryResultSource('analysed in this browser', {
 *   'cells.bin': outputs.cellsBinary,
 *   'summary.json': outputs.summaryText,
 * });
 * ```
 */
export function memoryResultSource(
  description: string,
  files: Readonly<Partial<Record<ResultFileName, string | Uint8Array>>>,
): ResultSource {
  return {
    description,
    readText: async (name) => {
      const file = files[name];
      return typeof file === 'string' ? file : undefined;
    },
    readBytes: async (name) => {
      const file = files[name];
      return file instanceof Uint8Array ? file : undefined;
    },
  };
}
