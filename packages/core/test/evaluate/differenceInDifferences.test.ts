import { describe, expect, it } from 'vitest';
import { differenceInDifferences } from '../../src/evaluate/differenceInDifferences.js';

describe('differenceInDifferences', () => {
  it('equals the hand computation on the log scale with Poisson errors', () => {
    // Zone 200 → 150, comparison 400 → 380: (150/200)/(380/400) − 1 = 0.75/0.95 − 1 = −0.210526
    const d = differenceInDifferences({
      treatedBefore: 200,
      treatedAfter: 150,
      comparisonBefore: 400,
      comparisonAfter: 380,
    });
    expect(d.change).toBeCloseTo(-0.2105263158, 10);
    expect(d.logRatio).toBeCloseTo(Math.log(0.75 / 0.95), 12);
    // se = √(1/150 + 1/200 + 1/380 + 1/400) = √0.016798… = 0.129607
    expect(d.se).toBeCloseTo(Math.sqrt(1 / 150 + 1 / 200 + 1 / 380 + 1 / 400), 12);
    expect(d.se).toBeCloseTo(0.1296, 4);
    expect(d.z).toBeCloseTo(d.logRatio / d.se, 12);
  });

  it('takes the variance of a weighted comparison as Σ w²·count', () => {
    // Comparison: cell A (weight 2, counts 10 → 12) and cell B (weight 1, counts 20 → 18).
    const d = differenceInDifferences({
      treatedBefore: 40,
      treatedAfter: 30,
      comparisonBefore: 2 * 10 + 20,
      comparisonAfter: 2 * 12 + 18,
      comparisonVarianceBefore: 4 * 10 + 20,
      comparisonVarianceAfter: 4 * 12 + 18,
    });
    expect(d.change).toBeCloseTo(30 / 40 / (42 / 40) - 1, 12);
    expect(d.se).toBeCloseTo(Math.sqrt(1 / 30 + 1 / 40 + 66 / 42 ** 2 + 60 / 40 ** 2), 12);
  });

  it('gives no log ratio when a count is zero, and the change when it still exists', () => {
    const d = differenceInDifferences({
      treatedBefore: 10,
      treatedAfter: 0,
      comparisonBefore: 10,
      comparisonAfter: 10,
    });
    expect(d.change).toBe(-1);
    expect(d.z).toBeNaN();
    expect(
      differenceInDifferences({
        treatedBefore: 0,
        treatedAfter: 3,
        comparisonBefore: 1,
        comparisonAfter: 1,
      }).change,
    ).toBeNaN();
  });
});
