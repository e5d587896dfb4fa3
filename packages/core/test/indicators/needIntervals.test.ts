import { describe, expect, it } from 'vitest';
import { needIntervals } from '../../src/indicators/needIntervals.js';
import { vulnerabilityIndex } from '../../src/indicators/vulnerabilityIndex.js';
import type { AreaInterpolator } from '../../src/interpolate/createAreaInterpolator.js';

/** Each area is exactly one cell: values move unchanged. */
function identity(n: number): AreaInterpolator {
  return {
    coverage: new Float64Array(n).fill(1),
    count: (values) => Float64Array.from(values),
    rate: (values) => Float64Array.from(values),
  };
}

const poverty = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50];
const income = [90, 85, 80, 70, 60, 55, 50, 40, 30, 20].map((k) => k * 1000);

describe('needIntervals', () => {
  it('collapses to the need index itself when the margins are zero', () => {
    const zero = poverty.map(() => 0);
    const { low, high } = needIntervals(
      identity(10),
      [
        { name: 'poverty', direction: 'higher', estimate: poverty, moe: zero },
        { name: 'income', direction: 'lower', estimate: income },
      ],
      { draws: 20 },
    );
    const index = vulnerabilityIndex([
      { name: 'poverty', direction: 'higher', values: poverty },
      { name: 'income', direction: 'lower', values: income },
    ]).index;
    for (let c = 0; c < 10; c++) {
      expect(low[c]).toBeCloseTo(index[c], 6);
      expect(high[c]).toBeCloseTo(index[c], 6);
    }
  });

  it('widens the interval with the margins, around the middle of the ranking', () => {
    const narrow = needIntervals(
      identity(10),
      [{ name: 'poverty', direction: 'higher', estimate: poverty, moe: poverty.map(() => 1) }],
      { draws: 200, seed: 3 },
    );
    const wide = needIntervals(
      identity(10),
      [{ name: 'poverty', direction: 'higher', estimate: poverty, moe: poverty.map(() => 20) }],
      { draws: 200, seed: 3 },
    );
    const width = (r: { low: Float64Array; high: Float64Array }) =>
      r.high.reduce((s, h, c) => s + h - r.low[c], 0);
    expect(width(wide)).toBeGreaterThan(2 * width(narrow));
    for (let c = 0; c < 10; c++) expect(wide.low[c]).toBeLessThanOrEqual(wide.high[c]);
    // Ranks 5 apart with a margin of 1 (sd ≈ 0.6) almost never swap: the ends stay put.
    expect(narrow.high[0]).toBe(0);
    expect(narrow.low[9]).toBe(1);
  });

  it('gives the same intervals for the same seed and others for another', () => {
    const run = (seed: number) =>
      needIntervals(
        identity(10),
        [{ name: 'p', direction: 'higher', estimate: poverty, moe: poverty.map(() => 10) }],
        {
          draws: 50,
          seed,
        },
      );
    expect(run(1).low).toEqual(run(1).low);
    expect(run(1).high).not.toEqual(run(2).high);
  });

  it('rejects too few draws and levels outside (0, 1)', () => {
    const one = [{ name: 'p', direction: 'higher' as const, estimate: poverty }];
    expect(() => needIntervals(identity(10), one, { draws: 1 })).toThrow(
      expect.objectContaining({ code: 'E_ARGUMENT' }),
    );
    expect(() => needIntervals(identity(10), one, { confidence: 1 })).toThrow(
      expect.objectContaining({ code: 'E_ARGUMENT' }),
    );
  });
});
