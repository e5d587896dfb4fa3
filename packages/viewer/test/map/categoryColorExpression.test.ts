import {
  type Color,
  expression,
  latest,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { ExpressionSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { categoryColorExpression } from '../../src/map/categoryColorExpression.js';
import { emergingColors, lisaColors, otherCategoryColor } from '../../src/map/categoryPalettes.js';
import { classifyCategories } from '../../src/map/classifyCategories.js';
import { missingColor } from '../../src/map/colorSchemes.js';

/** Evaluates a fill colour as MapLibre does, on a cell with the given properties, as `#rrggbb`. */
function evaluate(fill: ExpressionSpecification, properties: Record<string, unknown>): string {
  const compiled = expression.createExpression(
    fill,
    'fill-color',
    latest.paint_fill['fill-color'] as StylePropertySpecification,
  );
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  const color = compiled.value.evaluate({ zoom: 12 }, {
    type: 'Polygon',
    properties,
  } as never) as Color;
  expect(color.a).toBe(1);
  const byte = (v: number) =>
    Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${byte(color.r)}${byte(color.g)}${byte(color.b)}`;
}

describe('categoryColorExpression', () => {
  it('matches the text against every category with the colour of the classification', () => {
    const c = classifyCategories(['High-High', 'Not significant'], lisaColors);
    expect(categoryColorExpression('lisa_quadrant', c)).toEqual([
      'case',
      ['==', ['typeof', ['get', 'lisa_quadrant']], 'string'],
      [
        'match',
        ['get', 'lisa_quadrant'],
        ...lisaColors.flatMap((k) => [k.value, k.color]),
        otherCategoryColor,
      ],
      missingColor,
    ]);
  });

  it('gives MapLibre each cell the colour its legend row shows, grey to other text and null', () => {
    const values = [
      'Persistent Hot Spot',
      'New Cold Spot',
      'No Pattern Detected',
      'Spot of an unknown kind',
      null,
    ];
    const c = classifyCategories(values, emergingColors);
    const fill = categoryColorExpression('eh_pattern', c);
    const legend = new Map(c.classes.map((k) => [k.value, k.color]));
    expect(values.map((v) => evaluate(fill, { eh_pattern: v }))).toEqual([
      legend.get('Persistent Hot Spot'),
      legend.get('New Cold Spot'),
      legend.get('No Pattern Detected'),
      otherCategoryColor,
      missingColor,
    ]);
    // A number where text belongs (or no property at all) is not a category.
    expect(evaluate(fill, { eh_pattern: 3 })).toBe(missingColor);
    expect(evaluate(fill, {})).toBe(missingColor);
  });

  it('paints every text grey when no category is listed', () => {
    const c = classifyCategories(['a', 'b', null], []);
    const fill = categoryColorExpression('x', c);
    expect(evaluate(fill, { x: 'a' })).toBe(otherCategoryColor);
    expect(evaluate(fill, { x: null })).toBe(missingColor);
  });
});
