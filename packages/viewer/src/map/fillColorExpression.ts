import type { ScaleThreshold } from 'd3-scale';
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * The MapLibre fill colour of a classified column, built from the d3 threshold scale that also
 * draws the legend: `step` over the scale's thresholds and colours (MapLibre's `step` and d3's
 * `scaleThreshold` both put a value equal to a break in the upper class), and the scale's
 * `unknown()` colour where the property is not a number (null in the GeoJSON).
 *
 * @param column - the feature property (or feature state) to colour by
 * @param scale - the classification's scale (`domain()`: breaks, `range()`: colours)
 * @param from - `property` (default) reads the GeoJSON property, `state` the feature state
 *   (set per cell without reloading the data, e.g. for each time step)
 * @returns a data-driven expression for `fill-color`
 * @example
 * ```ts
 * map.setPaintProperty('cells-score', 'fill-color', fillColorExpression('score', classification.scale));
 * ```
 */
export function fillColorExpression(
  column: string,
  scale: ScaleThreshold<number, string, string>,
  from: 'property' | 'state' = 'property',
): ExpressionSpecification {
  const thresholds = scale.domain();
  const colors = scale.range();
  const read: ExpressionSpecification =
    from === 'state' ? ['feature-state', column] : ['get', column];
  const value: ExpressionSpecification = ['to-number', read];
  const stops: (number | string)[] = [];
  thresholds.forEach((t, i) => {
    stops.push(t, colors[i + 1]);
  });
  const classified: ExpressionSpecification | string =
    thresholds.length === 0
      ? colors[0]
      : (['step', value, colors[0], ...stops] as ExpressionSpecification);
  return ['case', ['==', ['typeof', read], 'number'], classified, scale.unknown()];
}
