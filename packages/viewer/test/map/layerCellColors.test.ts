import { describe, expect, it } from 'vitest';
import { emergingColors, otherCategoryColor } from '../../src/map/categoryPalettes.js';
import { classify } from '../../src/map/classify.js';
import { classifyCategories } from '../../src/map/classifyCategories.js';
import { missingColor } from '../../src/map/colorSchemes.js';
import { layerCellColors } from '../../src/map/layerCellColors.js';

/** The bytes of each cell as `#rrggbb`, checking that every cell is opaque. */
function hexColors(bytes: Uint8Array): string[] {
  const colors: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    expect(bytes[i + 3]).toBe(255);
    const hex = [bytes[i], bytes[i + 1], bytes[i + 2]].map((b) => b.toString(16).padStart(2, '0'));
    colors.push(`#${hex.join('')}`);
  }
  return colors;
}

describe('layerCellColors', () => {
  it('colours each number with its class, a value on a break in the upper class, NaN unknown', () => {
    const { scale } = classify([1, 2, 3, 4, 5, 6, 7, 8, 9], { classes: 3, method: 'equal' });
    const [low, middle, high] = scale.range();
    const [first, second] = scale.domain();
    const values = Float64Array.of(1, first - 1e-9, first, second, 9, Number.NaN);
    expect(hexColors(layerCellColors({ kind: 'scale', values, scale }))).toEqual([
      low,
      low,
      middle,
      high,
      high,
      scale.unknown(),
    ]);
  });

  it('writes into bytes it is given, overwriting an earlier colouring, and rejects a wrong length', () => {
    const { scale } = classify([1, 2, 3, 4, 5, 6], { classes: 2, method: 'equal' });
    const [low, high] = scale.range();
    const into = new Uint8Array(3 * 4).fill(7);
    const values = Float64Array.of(1, 6, Number.NaN);
    const bytes = layerCellColors({ kind: 'scale', values, scale }, into);
    expect(bytes).toBe(into);
    expect(hexColors(into)).toEqual([low, high, missingColor]);
    expect(
      hexColors(layerCellColors({ kind: 'scale', values: Float64Array.of(6, 1, 6), scale }, into)),
    ).toEqual([high, low, high]);
    expect(() => layerCellColors({ kind: 'scale', values, scale }, new Uint8Array(8))).toThrow(
      RangeError,
    );
  });

  it('gives every cell of a single class its colour', () => {
    const { scale } = classify([4, 4], { classes: 5 });
    const values = Float64Array.of(4, 4, Number.NaN);
    expect(hexColors(layerCellColors({ kind: 'scale', values, scale }))).toEqual([
      scale.range()[0],
      scale.range()[0],
      scale.unknown(),
    ]);
  });

  it('gives each text the colour its legend row shows, grey to other text and to null', () => {
    const values = [
      'Persistent Hot Spot',
      'New Cold Spot',
      'No Pattern Detected',
      'Spot of an unknown kind',
      null,
    ];
    const classification = classifyCategories(values, emergingColors);
    const legend = new Map(classification.classes.map((k) => [k.value, k.color]));
    expect(hexColors(layerCellColors({ kind: 'categories', values, classification }))).toEqual([
      legend.get('Persistent Hot Spot'),
      legend.get('New Cold Spot'),
      legend.get('No Pattern Detected'),
      otherCategoryColor,
      missingColor,
    ]);
    expect(legend.get('Spot of an unknown kind')).toBe(otherCategoryColor);
  });
});
