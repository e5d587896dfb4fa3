import { describe, expect, it } from 'vitest';
import { percentileRank } from '../../src/priority/percentileRank.js';
import { mulberry32 } from '../../src/util/random.js';
import { expectAllClose } from '../helpers/tolerance.js';

describe('percentileRank', () => {
  it('is (rank − 1)/(N − 1) with ties sharing the lowest rank (SVI / PERCENTRANK.INC)', () => {
    expectAllClose(percentileRank([10, 20, 20, 40]), [0, 1 / 3, 1 / 3, 1], 1e-15);
    expectAllClose(percentileRank([7, 7, 7]), [0, 0, 0], 0);
  });

  it('reverses the ranking for indicators where lower values mean more need', () => {
    expectAllClose(percentileRank([10, 20, 40], { direction: 'lower' }), [1, 0.5, 0], 1e-15);
    expectAllClose(percentileRank([5, 5, 1], { direction: 'lower' }), [0, 0, 1], 1e-15);
  });

  it('leaves missing values out of the ranking and returns NaN for them, never 0', () => {
    const r = percentileRank([3, Number.NaN, 1, 2]);
    expect(Number.isNaN(r[1])).toBe(true);
    expectAllClose([r[0], r[2], r[3]], [1, 0, 0.5], 1e-15);
  });

  it('ranks only the cells of the inclusion mask', () => {
    const r = percentileRank([3, 100, 1, 2], { include: [1, 0, 1, 1] });
    expect(Number.isNaN(r[1])).toBe(true);
    expectAllClose([r[0], r[2], r[3]], [1, 0, 0.5], 1e-15);
  });

  it('gives 0 to a single ranked value and NaN to an empty column', () => {
    expectAllClose(percentileRank([Number.NaN, 4]), [Number.NaN, 0], 0);
    expect(percentileRank([]).length).toBe(0);
  });

  it('agrees with a brute-force count on random data with ties', () => {
    const random = mulberry32(7);
    const values = Array.from({ length: 200 }, () => Math.floor(random() * 30));
    const expected = values.map((v) => values.filter((w) => w < v).length / (values.length - 1));
    expectAllClose(percentileRank(values), expected, 1e-12);
  });

  it('ranks −0 and 0 as one value, as < does', () => {
    expect(Array.from(percentileRank([-0, 0, 1]))).toEqual([0, 0, 1]);
    expect(Array.from(percentileRank([0, -0, -1], { direction: 'lower' }))).toEqual([0, 0, 1]);
  });

  it('rejects a mask of the wrong length', () => {
    expect(() => percentileRank([1, 2], { include: [1] })).toThrow(
      expect.objectContaining({ code: 'E_ARGUMENT' }),
    );
  });
});
