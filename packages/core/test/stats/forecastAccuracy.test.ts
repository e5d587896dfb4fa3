import { describe, expect, it } from 'vitest';
import { forecastAccuracy } from '../../src/stats/forecastAccuracy.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

describe('forecastAccuracy', () => {
  it('gives hit rate, PAI, PEI and RRI by hand on equal cells', () => {
    // Five cells of 0.5 km²; cells 0 and 1 selected from the training period.
    const train = [9, 6, 3, 1, 1]; // 20 incidents, 15 in the selection
    const test = [5, 1, 4, 0, 0]; // 10 incidents, 6 in the selection
    const q = forecastAccuracy([1, 1, 0, 0, 0], test, 0.5, { countsTrain: train });
    expect(q.selectedCells).toBe(2);
    expect(q.selectedAreaKm2).toBe(1);
    expect(q.totalAreaKm2).toBe(2.5);
    expect(q.areaShare).toBe(0.4);
    expect(q.hits).toBe(6);
    expect(q.total).toBe(10);
    expect(q.hitRate).toBe(0.6);
    expectClose(q.pai, 0.6 / 0.4, 1e-15, 'PAI');
    // The best two cells of the test period hold 5 + 4 = 9 incidents: PEI = 6/9.
    expect(q.maxHits).toBe(9);
    expectClose(q.pei, 6 / 9, 1e-15, 'PEI');
    // RRI = (6/15)/(10/20) = 0.8.
    expectClose(q.rri, 0.8, 1e-15, 'RRI');
  });

  it('uses the exact cell areas: PAI from area shares, PEI against the densest cells', () => {
    // Cell 0 is twice as large; selecting it covers 2 of 4 km².
    const q = forecastAccuracy([true, false, false], [4, 3, 3], [2, 1, 1]);
    expectClose(q.areaShare, 0.5, 1e-15, 'area share');
    expectClose(q.pai, 0.4 / 0.5, 1e-15, 'PAI');
    // The best 2 km² are cells 1 and 2 (3 incidents per km² each): 6 incidents, PEI = 4/6.
    expectClose(q.maxHits, 6, 1e-12, 'max hits');
    expectClose(q.pei, 4 / 6, 1e-12, 'PEI');
    expect(q.rri).toBeNaN(); // no training counts
  });

  it('takes part of the last cell when the densest cells do not fill the area exactly', () => {
    // 1.5 km² selected; densest: cell 2 (10/km², 1 km²), then half of cell 0 (2/km²).
    const q = forecastAccuracy([1, 1, 0], [2, 0, 10], [1, 0.5, 1]);
    expectClose(q.maxHits, 10 + 0.5 * 2, 1e-12, 'max hits');
    expectClose(q.pei, 2 / 11, 1e-12, 'PEI');
  });

  it('keeps PEI in [0, 1] and PAI = hitRate/areaShare on random selections (property)', () => {
    const random = mulberry32(2008);
    for (let trial = 0; trial < 100; trial++) {
      const n = 2 + Math.floor(random() * 40);
      const area = Array.from({ length: n }, () => 0.7 + random() * 0.1);
      const test = Array.from({ length: n }, () => Math.floor(random() * 8));
      const selected = Array.from({ length: n }, () => random() < 0.3);
      const q = forecastAccuracy(selected, test, area);
      if (q.selectedCells === 0 || q.total === 0) continue;
      expect(q.pei).toBeGreaterThanOrEqual(0);
      expect(q.pei).toBeLessThanOrEqual(1);
      expectClose(q.pai, q.hitRate / q.areaShare, 1e-12, `trial ${trial}`);
    }
  });

  it('is NaN where undefined: no selection, no test incidents, no training hits', () => {
    const none = forecastAccuracy([0, 0], [1, 2], 1);
    expect(none.pai).toBeNaN();
    expect(none.pei).toBeNaN();
    const quiet = forecastAccuracy([1, 0], [0, 0], 1, { countsTrain: [0, 3] });
    expect(quiet.hitRate).toBeNaN();
    expect(quiet.rri).toBeNaN();
  });

  it('rejects mismatched lengths, negative counts and non-positive areas with E_ARGUMENT', () => {
    expect(codeOf(() => forecastAccuracy([1, 0], [1], 1))).toBe('E_ARGUMENT');
    expect(codeOf(() => forecastAccuracy([1], [-1], 1))).toBe('E_ARGUMENT');
    expect(codeOf(() => forecastAccuracy([1], [1], 0))).toBe('E_ARGUMENT');
    expect(codeOf(() => forecastAccuracy([1], [1], [0]))).toBe('E_ARGUMENT');
    expect(codeOf(() => forecastAccuracy([1], [1], 1, { countsTrain: [1, 2] }))).toBe('E_ARGUMENT');
  });
});
