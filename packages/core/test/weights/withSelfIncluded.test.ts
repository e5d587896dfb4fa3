import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';
import { withSelfIncluded } from '../../src/weights/withSelfIncluded.js';
import { codeOf } from '../helpers/errors.js';

describe('withSelfIncluded', () => {
  // A disk of radius 3 with a few cells taken out, so rows differ in length and some cells are
  // alone or at an edge.
  const disk = gridDisk(lngLatToCell(-87.65, 41.85, 9), 3).filter((_, i) => i % 5 !== 2);
  const grid = gridFromCells(disk);

  it('equals kRingWeights with k = 1 and self included, link for link', () => {
    const derived = withSelfIncluded(kRingWeights(grid, { k: 1, selfIncluded: false }));
    const direct = kRingWeights(grid, { k: 1 });
    expect(derived).toEqual(direct);
  });

  it('refuses weights that already include self, or are not binary: E_ARGUMENT', () => {
    expect(codeOf(() => withSelfIncluded(kRingWeights(grid, { k: 1 })))).toBe('E_ARGUMENT');
    const row = kRingWeights(grid, { k: 1, selfIncluded: false, style: 'row' });
    expect(codeOf(() => withSelfIncluded(row))).toBe('E_ARGUMENT');
  });
});
