import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AnalysisResult } from '../pipeline/analysisResult.js';
import { analysisToCellColumns } from './analysisToCellColumns.js';
import { cellsToFeatureCollection } from './cellsToFeatureCollection.js';

/** Decimal places kept per column: enough to rank and map, small enough to load fast. */
export const CELL_DIGITS: Readonly<Record<string, number>> = {
  gi_z: 6,
  gi_p: 8,
  gi_p_fdr: 8,
  score: 6,
  coverage: 4,
  area_km2: 6,
};

/**
 * The `cells.geojson` of an analysis: every cell with its columns (`analysisToCellColumns`),
 * coordinates rounded to `config.output.precision`, and small counts suppressed when the
 * configuration asks for a public export. The CLI and the viewer both write cells through this
 * function, so an analysis in the browser gives the same file as `hexreach analyze`.
 *
 * @param result - the result of `analyze`
 * @returns an RFC 7946 FeatureCollection, one Polygon per cell
 * @example
 * ```ts
 * const cells = analysisToCells(analyze(inputs, config));
 * JSON.stringify(cells); // the CLI's cells.geojson
 * ```
 */
export function analysisToCells(result: AnalysisResult): FeatureCollection<Polygon | MultiPolygon> {
  const { public: isPublic, minCount } = result.config.privacy;
  const columns = analysisToCellColumns(result, { minCount: isPublic ? minCount : undefined });
  // Digits of the columns this analysis has only: cellsToFeatureCollection refuses digits for a
  // missing column, and optional columns (population, rates …) are missing from some analyses.
  const digits = Object.fromEntries(
    Object.entries(CELL_DIGITS).filter(([name]) => Object.hasOwn(columns, name)),
  );
  return cellsToFeatureCollection(result.grid, columns, {
    precision: result.config.output.precision,
    digits,
  });
}
