import { describe, expect, it } from 'vitest';
import { createMatcher, matchComparisonCells } from '../../src/evaluate/matchComparisonCells.js';
import { mulberry32 } from '../../src/util/random.js';

describe('matchComparisonCells', () => {
  // Cells 0–1 treated; pool 2–7. Level and trend per cell; the trend's SD is 10× the level's.
  const level = [5, 1, 4.8, 5.5, 1.1, 0.5, 3, 9];
  const trend = [0, 10, 0, 0, 10, -10, 0, 0];

  it('takes each treated cell`s nearest pool cells, with replacement, weights summing to the treated', () => {
    const m = matchComparisonCells([level, trend], [0, 1], [2, 3, 4, 5, 6, 7], { matches: 2 });
    // Cell 0 (5, 0) → 2 (4.8, 0) and 3 (5.5, 0); cell 1 (1, 10) → 4 (1.1, 10) and then 6 (3, 0)
    // by standardised distance (level SD 3.03, trend SD 6.32): 6 is at 1.70, 5 at 3.17.
    expect(Array.from(m.cells)).toEqual([2, 3, 4, 6]);
    expect(Array.from(m.weights)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('lets one pool cell serve many treated cells', () => {
    const m = matchComparisonCells([level], [0, 0, 0], [2, 7], { matches: 1 });
    expect(Array.from(m.cells)).toEqual([2]);
    expect(Array.from(m.weights)).toEqual([3]);
  });

  it('skips excluded pool cells and leaves out pool cells with a missing feature', () => {
    const need = [0.5, 0.5, Number.NaN, 0.5, 0.5, 0.5, 0.5, 0.5];
    const matcher = createMatcher([level, need], [2, 3, 4, 5, 6, 7], { matches: 1 });
    expect(Array.from(matcher.pool)).toEqual([3, 4, 5, 6, 7]);
    expect(Array.from(matcher.match([0]).cells)).toEqual([3]);
    expect(Array.from(matcher.match([0], (c) => c === 3).cells)).toEqual([6]);
  });

  it('refuses a pool smaller than the matches asked', () => {
    expect(() => matchComparisonCells([level], [0], [2], { matches: 2 })).toThrow(
      /fewer than the 2/,
    );
  });

  it('finds cells as near as a brute-force scan of every pool cell finds', () => {
    const random = mulberry32(5);
    const n = 600;
    // Coarse values, so that ties occur and their order is checked too.
    const features = [0, 1, 2].map(() =>
      Array.from({ length: n }, () => Math.round(random() * 20)),
    );
    const pool = Array.from({ length: 500 }, (_, i) => i + 100);
    const treated = [0, 7, 42, 99];
    const sd = features.map((f) => {
      const v = pool.map((c) => f[c]);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      return Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
    });
    const distance = (a: number, b: number) =>
      features.reduce((s, f, k) => s + (f[a] / sd[k] - f[b] / sd[k]) ** 2, 0);
    for (const cell of treated) {
      // The 4 smallest distances; with ties, which of the tied cells is taken may differ.
      const expected = pool
        .map((c) => distance(c, cell))
        .sort((a, b) => a - b)
        .slice(0, 4);
      const got = Array.from(matchComparisonCells(features, [cell], pool, { matches: 4 }).cells);
      expect(got.map((c) => distance(c, cell)).sort((a, b) => a - b)).toEqual(expected);
    }
  });
});
