import { describe, expect, it } from 'vitest';
import { hotspotClassify } from '../../src/stats/hotspotClassify.js';
import { codeOf } from '../helpers/errors.js';

/** Ten steps of one cell: 1 at `hot`, −1 at `cold`. */
function series(hot: number[], cold: number[] = [], steps = 10): number[] {
  const s = new Array<number>(steps).fill(0);
  for (const t of hot) s[t] = 1;
  for (const t of cold) s[t] = -1;
  return s;
}

describe('hotspotClassify', () => {
  // Defaults: hotspotProp 0.1, persistentProp 0.8, recentProp 0.2 → with 10 steps the last 2 are
  // recent and the first 8 older; one older step (1/8) or one recent step (1/2) reaches 0.1.
  const fixtures: [string, number[]][] = [
    ['persistent hotspot', series([0, 1, 2, 3, 4, 5, 6, 7])],
    ['emerging hotspot', series([8])],
    ['former hotspot', series([0, 3])],
    ['intermittent hotspot', series([2, 9])],
    ['persistent coldspot', series([], [1, 2, 3, 4, 5, 6, 7, 8, 9])],
    ['emerging coldspot', series([], [9])],
    ['former coldspot', series([], [5])],
    ['intermittent coldspot', series([], [0, 8])],
    ['mixed hot/coldspot', series([0], [9])],
    ['no pattern', series([])],
  ];
  for (const [category, status] of fixtures)
    it(`classifies ${JSON.stringify(status)} as ${category}`, () => {
      const result = hotspotClassify(status, 10);
      expect(result.recentSteps).toBe(2);
      expect(result.category).toEqual([category]);
    });

  it('reads the status step-major, one time slice of n cells after another', () => {
    // Two cells over ten steps: cell 0 emerging, cell 1 former.
    const a = series([9]);
    const b = series([1]);
    const status = a.flatMap((value, t) => [value, b[t]]);
    expect(hotspotClassify(status, 10).category).toEqual(['emerging hotspot', 'former hotspot']);
  });

  it('takes its proportions as parameters', () => {
    const status = series([0, 1, 2, 3, 4, 9]);
    expect(hotspotClassify(status, 10).category).toEqual(['intermittent hotspot']);
    expect(hotspotClassify(status, 10, { persistentProp: 0.6 }).category).toEqual([
      'persistent hotspot',
    ]);
    // With half the steps recent (5–9, one hot) and hotspotProp 0.3: former.
    expect(hotspotClassify(status, 10, { recentProp: 0.5, hotspotProp: 0.3 }).category).toEqual([
      'former hotspot',
    ]);
  });

  it('treats the final step alone as recent when the share gives no recent or no older step', () => {
    expect(hotspotClassify(series([3], [], 4), 4).recentSteps).toBe(1); // ⌊0.8⌋ = 0
    expect(hotspotClassify(series([], [], 2), 2, { recentProp: 0.99 }).recentSteps).toBe(1);
    expect(hotspotClassify(series([], [], 10), 10, { recentProp: 0.95 }).recentSteps).toBe(9);
  });

  it('rejects bad statuses, step counts and proportions with E_ARGUMENT', () => {
    expect(codeOf(() => hotspotClassify([0, 2], 2))).toBe('E_ARGUMENT');
    expect(codeOf(() => hotspotClassify([0, 1, 0], 2))).toBe('E_ARGUMENT');
    expect(codeOf(() => hotspotClassify([1], 1))).toBe('E_ARGUMENT');
    expect(codeOf(() => hotspotClassify([0, 0], 2, { hotspotProp: 0 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => hotspotClassify([0, 0], 2, { recentProp: 1 }))).toBe('E_ARGUMENT');
  });
});
