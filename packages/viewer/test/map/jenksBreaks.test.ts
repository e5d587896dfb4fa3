import { mulberry32 } from '@hexreach/core/util';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../../core/test/helpers/tolerance.js';
import { jenksBreaks } from '../../src/map/jenksBreaks.js';

/** Within-class sum of squared deviations when `x >= threshold` starts a new class. */
function withinClassSse(values: readonly number[], thresholds: readonly number[]): number {
  const groups: number[][] = thresholds.map(() => []).concat([[]]);
  for (const v of values) {
    let c = 0;
    while (c < thresholds.length && v >= thresholds[c]) c++;
    groups[c].push(v);
  }
  let total = 0;
  for (const g of groups) {
    if (g.length === 0) continue;
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    for (const v of g) total += (v - mean) ** 2;
  }
  return total;
}

/** The least within-class SSE over every way of cutting the sorted values into k runs. */
function bruteForceSse(values: readonly number[], k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let best = Number.POSITIVE_INFINITY;
  const cuts: number[] = [];
  const search = (from: number): void => {
    if (cuts.length === k - 1) {
      const bounds = [0, ...cuts, n];
      let total = 0;
      for (let c = 0; c < k; c++) {
        const g = sorted.slice(bounds[c], bounds[c + 1]);
        const mean = g.reduce((a, b) => a + b, 0) / g.length;
        for (const v of g) total += (v - mean) ** 2;
      }
      best = Math.min(best, total);
      return;
    }
    for (let cut = from; cut < n; cut++) {
      cuts.push(cut);
      search(cut + 1);
      cuts.pop();
    }
  };
  search(1);
  return best;
}

describe('jenksBreaks', () => {
  it('splits well-separated groups at their gaps', () => {
    expect(jenksBreaks([1, 2, 2, 3, 10, 11, 12, 30, 31], 3)).toEqual([10, 30]);
    expect(jenksBreaks([31, 1, 11, 2, 30, 12, 3, 10, 2], 3)).toEqual([10, 30]);
  });

  it('matches the Ckmeans.1d.dp example (Wang & Song 2011, as in simple-statistics)', () => {
    // ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3) → [[-1, -1, -1, -1], [2, 2, 2], [4, 5, 6]]
    expect(jenksBreaks([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3)).toEqual([2, 4]);
  });

  it('reaches the least within-class sum of squares found by brute force on random data', () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 60; trial++) {
      const n = 2 + Math.floor(random() * 11);
      const k = 2 + Math.floor(random() * 4);
      // Rounded values make ties frequent, the case a careless split gets wrong.
      const values = Array.from({ length: n }, () => Math.round(random() * 20) / 2);
      const distinct = new Set(values).size;
      const thresholds = jenksBreaks(values, k);
      expect(thresholds.length).toBe(Math.min(k, distinct) - 1);
      expectClose(
        withinClassSse(values, thresholds),
        bruteForceSse(values, Math.min(k, distinct)),
        1e-9,
        `trial ${trial}`,
      );
    }
  });

  it('returns strictly increasing thresholds that are data values', () => {
    const random = mulberry32(3);
    const values = Array.from({ length: 5000 }, () => random() ** 3 * 100);
    const thresholds = jenksBreaks(values, 7);
    expect(thresholds.length).toBe(6);
    for (let i = 1; i < thresholds.length; i++)
      expect(thresholds[i]).toBeGreaterThan(thresholds[i - 1]);
    for (const t of thresholds) expect(values).toContain(t);
  });

  it('handles 50,000 values quickly enough for a slider (exact, not sampled)', () => {
    const random = mulberry32(5);
    const values = Float64Array.from({ length: 50_000 }, () => random());
    const started = performance.now();
    const thresholds = jenksBreaks(values, 9);
    expect(thresholds.length).toBe(8);
    // A loose bound that an O(k n²) table (22 billion steps) could never meet.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('ignores missing values and gives no threshold for constant or empty data', () => {
    expect(jenksBreaks([Number.NaN, 1, 1, Number.POSITIVE_INFINITY], 3)).toEqual([]);
    expect(jenksBreaks([], 5)).toEqual([]);
    expect(jenksBreaks([4, 9, Number.NaN], 5)).toEqual([9]);
  });

  it('rejects a class count that is not a positive integer', () => {
    expect(() => jenksBreaks([1, 2], 0)).toThrow(RangeError);
    expect(() => jenksBreaks([1, 2], 2.5)).toThrow(RangeError);
  });
});
