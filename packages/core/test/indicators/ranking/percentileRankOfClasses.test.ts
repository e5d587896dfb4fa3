import { describe, expect, it } from 'vitest';
import {
  createRankScratch,
  percentileRankOfClasses,
} from '../../../src/indicators/ranking/percentileRankOfClasses.js';
import { percentileRank } from '../../../src/priority/percentileRank.js';
import { mulberry32 } from '../../../src/util/random.js';

/** Each class's value repeated for each of its cells. */
function cellsOf(values: ArrayLike<number>, counts: ArrayLike<number>): number[] {
  return Array.from(values).flatMap((v, g) => Array<number>(counts[g]).fill(v));
}

describe('percentileRankOfClasses', () => {
  it('gives each class the rank its cells get among all cells, ties sharing the lowest', () => {
    // The cells [10, 20, 20, 40]: percentileRank gives [0, 1/3, 1/3, 1].
    expect(Array.from(percentileRankOfClasses([10, 20, 40], [1, 2, 1]))).toEqual([0, 1 / 3, 1]);
  });

  it('reverses the ranking for `lower`', () => {
    expect(
      Array.from(percentileRankOfClasses([10, 20, 40], [1, 2, 1], { direction: 'lower' })),
    ).toEqual([1, 1 / 3, 0]);
  });

  it('leaves out classes of no cell and values that are not finite, as NaN', () => {
    const ranks = percentileRankOfClasses(
      [5, Number.NaN, 7, 1, Number.POSITIVE_INFINITY],
      [2, 3, 0, 1, 1],
    );
    // Ranked: the cells 5, 5 and 1.
    expect(Array.from(ranks)).toEqual([0.5, Number.NaN, Number.NaN, 0, Number.NaN]);
  });

  it('gives 0 to a lone ranked cell, and counts classes beyond the values’ length as absent', () => {
    expect(Array.from(percentileRankOfClasses([3, Number.NaN], [1, 4, 9]))).toEqual([
      0,
      Number.NaN,
    ]);
  });

  it('equals percentileRank over the cells, bit for bit, on seeded classes with ties, −0 and gaps', () => {
    const random = mulberry32(5);
    const scratch = createRankScratch(500);
    for (let trial = 0; trial < 50; trial++) {
      const k = 1 + Math.floor(random() * 500);
      const values = Float64Array.from({ length: k }, () => {
        const u = random();
        if (u < 0.05) return Number.NaN;
        if (u < 0.1) return -0;
        if (u < 0.15) return 0;
        return Math.floor(random() * 60) / 9 - 2;
      });
      const counts = Uint32Array.from({ length: k }, () => Math.floor(random() * 4));
      const direction = trial % 2 === 0 ? 'higher' : 'lower';
      const byCell = percentileRank(cellsOf(values, counts), { direction });
      const byClass = percentileRankOfClasses(values, counts, { direction, scratch });
      const expected = Array.from(counts).flatMap((count, g) =>
        Array<number>(count).fill(byClass[g]),
      );
      expect(expected).toEqual(Array.from(byCell));
    }
  });
});
