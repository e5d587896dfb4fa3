import { bisectRight } from 'd3-array';
import type { ScaleThreshold } from 'd3-scale';
import { cellColors } from './cellColors.js';
import type { CategoryClassification } from './classifyCategories.js';

/** What a cell layer is coloured by: numbers through a scale, or text through its categories. */
export type CellColoring =
  | {
      /** A numeric column (NaN where missing) or Gi* bins, through its classification's scale. */
      readonly kind: 'scale';
      readonly values: ArrayLike<number>;
      readonly scale: ScaleThreshold<number, string, string>;
    }
  | {
      /** A text column (null where missing), through the classification of its categories. */
      readonly kind: 'categories';
      readonly values: readonly (string | null)[];
      readonly classification: CategoryClassification;
    };

/**
 * The colour of every cell of a cell layer, as RGBA bytes for `cellLayer`, read from the same
 * classification that draws the legend, so the map and the legend cannot disagree. Numbers go
 * through the d3 threshold scale (a value equal to a break falls in the upper class) and NaN
 * gets the scale's `unknown()` colour. Text gets its category's colour, text the classification
 * does not list its neutral `otherColor`, and null its `missingColor`.
 *
 * @param coloring - the values and their classification
 * @param into - bytes to write the colours in, 4 per cell (see `cellColors`); default new bytes
 * @returns 4 bytes per cell (`into` when given)
 * @throws RangeError when `into` does not hold 4 bytes per cell
 * @example
 * ```ts
 * layer.setColors(layerCellColors({ kind: 'scale', values: results.columns.score, scale }));
 * ```
 */
export function layerCellColors(coloring: CellColoring, into?: Uint8Array): Uint8Array {
  if (coloring.kind === 'scale') {
    const { values, scale } = coloring;
    // scaleThreshold's own rule (bisectRight over its breaks), without a call to the scale and
    // a colour text per cell; the unknown colour is the last class.
    const breaks = scale.domain();
    const unknown = scale.range().length;
    return cellColors(
      values.length,
      (i) => (Number.isNaN(values[i]) ? unknown : bisectRight(breaks, values[i])),
      [...scale.range(), scale.unknown()],
      into,
    );
  }
  const { values, classification } = coloring;
  const palette = [
    ...classification.classes.map((c) => c.color),
    classification.otherColor,
    classification.missingColor,
  ];
  const other = palette.length - 2;
  const missing = palette.length - 1;
  const classOf = new Map(classification.classes.map((c, k) => [c.value, k]));
  return cellColors(
    values.length,
    (i) => {
      const value = values[i];
      return typeof value === 'string' ? (classOf.get(value) ?? other) : missing;
    },
    palette,
    into,
  );
}
