import type { AnalysisResult } from '../pipeline/analysisResult.js';
import { analysisToCellColumns } from './analysisToCellColumns.js';
import { CELL_DIGITS } from './analysisToCells.js';
import { type CellColumnsToBinaryOptions, cellColumnsToBinary } from './cellColumnsToBinary.js';

/** Options of {@link analysisToCellsBinary}. */
export interface AnalysisToCellsBinaryOptions {
  /**
   * How numbers other than integers and short decimals are stored: `f32` (default, as the CLI
   * writes cells.bin) or `f64`, every value exactly as cells.geojson holds it (as the viewer's
   * worker hands its analysis to the page).
   */
  readonly floats?: CellColumnsToBinaryOptions['floats'];
}

/**
 * The `cells.bin` of an analysis: the columnar companion of its `cells.geojson` — the same
 * cells, columns and values (rounded, and small counts suppressed in a public export, as
 * `analysisToCells` writes them), without the polygons, which a reader rebuilds from the H3
 * indexes. The viewer reads it first: about a tenth of the GeoJSON's size on 66,000 cells, and
 * nothing to parse.
 *
 * @param result - the result of `analyze`
 * @param options - how `floats` are stored (default `f32`)
 * @returns the file's bytes (`binaryToCellColumns` reads them)
 * @example
 * ```ts
 * writeFileSync('out/cells.bin', analysisToCellsBinary(analyze(inputs, config)));
 * const exact = analysisToCellsBinary(result, { floats: 'f64' });
 * ```
 */
export function analysisToCellsBinary(
  result: AnalysisResult,
  options: AnalysisToCellsBinaryOptions = {},
): Uint8Array {
  const { public: isPublic, minCount } = result.config.privacy;
  const columns = analysisToCellColumns(result, { minCount: isPublic ? minCount : undefined });
  const digits = Object.fromEntries(
    Object.entries(CELL_DIGITS).filter(([name]) => Object.hasOwn(columns, name)),
  );
  return cellColumnsToBinary(result.grid.cells, columns, { digits, floats: options.floats });
}
