import { binaryToCellColumns } from '@hexreach/core/export';
import type { AnalysisOutputs } from '../../src/data/analyzeRawInputs.js';
import { binaryCells } from '../../src/data/binaryCells.js';

/**
 * The cells of a run in the worker as the page reads them from its cells.bin (as a fetched
 * cells.bin): each with its H3 index and its properties as cells.geojson would hold them.
 *
 * @example
 * ```ts
 * const cells = outputCells(runParsedInputs(parsed).outputs);
 * cells[0].properties.score;
 * ```
 */
export function outputCells(
  outputs: Pick<AnalysisOutputs, 'cellsBinary'>,
): { properties: Record<string, unknown> }[] {
  return binaryCells(binaryToCellColumns(outputs.cellsBinary)).cells.features.map((f) => ({
    properties: f.properties,
  }));
}
