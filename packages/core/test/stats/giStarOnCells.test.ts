import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { giStar } from '../../src/stats/giStar.js';
import { giStarOnCells } from '../../src/stats/giStarOnCells.js';
import { mulberry32 } from '../../src/util/random.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';
import { subsetWeights } from '../../src/weights/subsetWeights.js';
import { codeOf } from '../helpers/errors.js';

// 61 cells (a disk of radius 4) with seeded counts, 11 of them structural zeros left untested.
const grid = gridFromCells(gridDisk(lngLatToCell(-87.65, 41.85, 9), 4));
const random = mulberry32(12);
const counts = Float64Array.from(grid.cells, () => Math.floor(random() * 20));
const tested = Uint8Array.from(grid.cells, (_, i) => (i % 6 === 5 ? 0 : 1));
for (let i = 0; i < counts.length; i++) if (!tested[i]) counts[i] = 0;

describe('giStarOnCells', () => {
  it('equals Gi* on a grid of the tested cells alone, cell for cell; NaN and bin 0 elsewhere', () => {
    const masked = giStarOnCells(counts, kRingWeights(grid), tested, { fdr: true });
    const alone = gridFromCells(grid.cells.filter((_, i) => tested[i]));
    const expected = giStar(
      Float64Array.from(alone.cells, (cell) => counts[grid.indexOf.get(cell)!]),
      kRingWeights(alone),
      { fdr: true },
    );
    grid.cells.forEach((cell, i) => {
      const j = alone.indexOf.get(cell);
      if (j === undefined) {
        expect(masked.z[i], cell).toBeNaN();
        expect(masked.pFdr![i], cell).toBeNaN();
        expect(masked.bin[i], cell).toBe(0);
      } else {
        expect(masked.z[i], cell).toBeCloseTo(expected.z[j], 12);
        expect(masked.pFdr![i], cell).toBeCloseTo(expected.pFdr![j], 12);
        expect(masked.bin[i], cell).toBe(expected.bin[j]);
      }
    });
  });

  it('differs from Gi* over every cell: the structural zeros no longer lower the mean', () => {
    const all = giStar(counts, kRingWeights(grid));
    const masked = giStarOnCells(counts, kRingWeights(grid), tested);
    const i = tested.indexOf(1);
    expect(Math.abs(masked.z[i] - all.z[i])).toBeGreaterThan(1e-6);
  });

  it('refuses values and flags that do not match the weights', () => {
    expect(codeOf(() => giStarOnCells([1, 2], kRingWeights(grid), tested))).toBe('E_ARGUMENT');
    expect(codeOf(() => giStarOnCells(counts, kRingWeights(grid), [1, 0]))).toBe('E_ARGUMENT');
  });
});

describe('subsetWeights', () => {
  it('keeps the links among kept cells, renumbered, and re-standardises row weights', () => {
    const full = kRingWeights(grid, { selfIncluded: false, style: 'row' });
    const { weights, kept } = subsetWeights(full, tested);
    expect(weights.n).toBe(kept.length);
    expect(Array.from(kept).every((i) => tested[i] === 1)).toBe(true);
    for (let r = 0; r < weights.n; r++) {
      let sum = 0;
      for (let e = weights.offsets[r]; e < weights.offsets[r + 1]; e++) {
        sum += weights.weights[e];
        expect(weights.neighbors[e]).toBeLessThan(weights.n);
      }
      if (weights.offsets[r + 1] > weights.offsets[r]) expect(sum).toBeCloseTo(1, 12);
    }
  });
});
