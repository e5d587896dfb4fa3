import type { CategoryColor } from './categoryPalettes.js';
import { otherCategoryColor } from './categoryPalettes.js';
import { missingColor } from './colorSchemes.js';

/** One category of a classified text column. */
export interface CategoryClass {
  /** The value as the cells hold it. */
  readonly value: string;
  readonly color: string;
  /** Cells holding the value (0 for a listed category the data lack). */
  readonly count: number;
  /** The palette lists the value; false for a value found only in the data. */
  readonly listed: boolean;
}

/**
 * The colouring of a text column: every category of the palette, in its order, then every
 * other value the data hold, and the cells without a value. The cells' colours and the legend
 * are both read from it, so they cannot disagree.
 */
export interface CategoryClassification {
  /** Listed categories first (palette order), then unlisted values, most frequent first. */
  readonly classes: readonly CategoryClass[];
  /** Cells whose value is null. */
  readonly missing: number;
  /** Colour of the cells without a value. */
  readonly missingColor: string;
  /** Colour of the values the palette does not list. */
  readonly otherColor: string;
}

/**
 * Counts the cells of each category of a text column and gives each its colour: the palette's
 * categories in the palette's order (with a count of 0 when no cell has them), then the values
 * the palette does not list — in the neutral {@link otherCategoryColor}, most frequent first,
 * ties by value — so that nothing the data hold is hidden.
 *
 * @param values - one value per cell; null marks a missing value
 * @param palette - the known categories with their colours
 * @returns the classes with their counts, the number of missing values and the colours used
 * @throws RangeError when the palette lists a value twice
 * @example
 * ```ts
 * const c = classifyCategories(['High-High', 'Not significant', null, 'Odd'], lisaColors);
 * c.classes.map((k) => [k.value, k.count]); // [['High-High', 1], ['Low-Low', 0], …, ['Not significant', 1], ['Odd', 1]]
 * c.missing; // 1
 * ```
 */
export function classifyCategories(
  values: ArrayLike<string | null>,
  palette: readonly CategoryColor[],
): CategoryClassification {
  const counts = new Map<string, number>();
  for (const { value } of palette) {
    if (counts.has(value)) {
      throw new RangeError(`classifyCategories: the palette lists "${value}" twice`);
    }
    counts.set(value, 0);
  }
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const listed = palette.map(({ value, color }) => ({
    value,
    color,
    count: counts.get(value) ?? 0,
    listed: true,
  }));
  const known = new Set(palette.map((c) => c.value));
  const unlisted = [...counts]
    .filter(([value]) => !known.has(value))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([value, count]) => ({ value, color: otherCategoryColor, count, listed: false }));
  return {
    classes: [...listed, ...unlisted],
    missing,
    missingColor,
    otherColor: otherCategoryColor,
  };
}
