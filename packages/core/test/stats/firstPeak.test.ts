import { describe, expect, it } from 'vitest';
import { firstPeak } from '../../src/stats/firstPeak.js';

describe('firstPeak (ArcGIS returnPeakIndices, levelFilter 1.65)', () => {
  it('picks the first z above the level that is followed by a lower one, after a rise', () => {
    expect(firstPeak([2, 3, 5, 4, 6, 7], 1.65)).toEqual({ index: 2, peak: 'first-peak' });
    expect(firstPeak([2, 3, 2.5, 8, 1], 1.65)).toEqual({ index: 1, peak: 'first-peak' });
  });

  it('takes the last position of a plateau, as ArcGIS does', () => {
    expect(firstPeak([1, 3, 3, 3, 2], 1.65)).toEqual({ index: 3, peak: 'first-peak' });
  });

  it('needs a rise first: a series that starts by falling has its peak later, if any', () => {
    expect(firstPeak([5, 4, 3, 4, 2], 1.65)).toEqual({ index: 3, peak: 'first-peak' });
    expect(firstPeak([5, 4, 3, 2], 1.65)).toEqual({ index: 0, peak: 'max' });
  });

  it('ignores peaks at or below the level and falls back to the largest z', () => {
    expect(firstPeak([0.5, 1.2, 0.8, 2, 3], 1.65)).toEqual({ index: 4, peak: 'max' });
    expect(firstPeak([1, 1.65, 1], 1.65)).toEqual({ index: 1, peak: 'max' });
    expect(firstPeak([1, 1.65, 1], 1.6)).toEqual({ index: 1, peak: 'first-peak' });
  });

  it('returns the maximum for a rising series (no peak) and skips NaN', () => {
    expect(firstPeak([1, 2, 3, 4], 1.65)).toEqual({ index: 3, peak: 'max' });
    expect(firstPeak([1, Number.NaN, 3, Number.NaN, 2], 1.65)).toEqual({
      index: 2,
      peak: 'first-peak',
    });
    expect(firstPeak([Number.NaN, Number.NaN], 1.65)).toEqual({ index: -1, peak: 'max' });
  });
});
