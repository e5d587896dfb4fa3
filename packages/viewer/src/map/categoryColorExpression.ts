import type { ExpressionSpecification } from 'maplibre-gl';
import type { CategoryClassification } from './classifyCategories.js';

/**
 * The MapLibre fill colour of a text column, built from the classification that also draws the
 * legend: a `match` of the property against every category with its colour, the neutral
 * colour for any other text, and the missing-value colour where the property is not text
 * (null in the GeoJSON).
 *
 * @param column - the feature property to colour by
 * @param classification - the column's categories and colours (see `classifyCategories`)
 * @returns a data-driven expression for `fill-color`
 * @example
 * ```ts
 * map.setPaintProperty('hexreach-lisa', 'fill-color', categoryColorExpression('lisa_quadrant', c));
 * ```
 */
export function categoryColorExpression(
  column: string,
  classification: CategoryClassification,
): ExpressionSpecification {
  const value: ExpressionSpecification = ['get', column];
  const pairs = classification.classes
    .filter((c) => c.color !== classification.otherColor)
    .flatMap((c) => [c.value, c.color]);
  // `match` needs at least one label; with none, every text is an unlisted value.
  const colored: ExpressionSpecification | string =
    pairs.length === 0
      ? classification.otherColor
      : (['match', value, ...pairs, classification.otherColor] as ExpressionSpecification);
  return ['case', ['==', ['typeof', value], 'string'], colored, classification.missingColor];
}
