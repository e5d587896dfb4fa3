import { describe, expect, it } from 'vitest';
import { cellToLngLat, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { firstPeak } from '../../src/stats/firstPeak.js';
import { incrementalKRingAutocorrelation } from '../../src/stats/incrementalKRingAutocorrelation.js';
import { moranGlobal } from '../../src/stats/moranGlobal.js';
import type { CellGrid } from '../../src/types.js';
import { haversineMeters } from '../../src/util/haversineMeters.js';
import { mulberry32 } from '../../src/util/random.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';
import { thrownBy } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

const CENTRE = lngLatToCell(-87.65, 41.85, 9);
const cells = gridDisk(CENTRE, 12).sort();
const grid: CellGrid = { resolution: 9, cells, indexOf: new Map(cells.map((c, i) => [c, i])) };

/** Seeded values with blobs of high values about 1.8 km across, plus noise. */
function blobs(seed: number): Float64Array {
  const random = mulberry32(seed);
  const centres = cells.map((c) => cellToLngLat(c));
  const hubs = Array.from({ length: 6 }, () => centres[Math.floor(random() * centres.length)]);
  return Float64Array.from(centres, ([x, y]) => {
    let v = random();
    for (const [u, w] of hubs) if (haversineMeters(x, y, u, w) < 900) v += 3;
    return v;
  });
}

describe('incrementalKRingAutocorrelation', () => {
  const values = blobs(1);

  it('computes global Moran’s I of kRingWeights (self excluded) for k = 1 … maxK', () => {
    for (const style of ['row', 'binary'] as const) {
      const result = incrementalKRingAutocorrelation(grid, values, { maxK: 5, style });
      expect(Array.from(result.ks)).toEqual([1, 2, 3, 4, 5]);
      for (let k = 1; k <= 5; k++) {
        const expected = moranGlobal(values, kRingWeights(grid, { k, selfIncluded: false, style }));
        expectClose(result.I[k - 1], expected.I, 1e-12, `${style} I, k = ${k}`);
        expectClose(result.z[k - 1], expected.z, 1e-9, `${style} z, k = ${k}`);
        expectClose(result.p[k - 1], expected.p, 1e-12, `${style} p, k = ${k}`);
      }
    }
  });

  it('chooses the first peak of z as firstPeak finds it, else the largest z', () => {
    const result = incrementalKRingAutocorrelation(grid, values);
    expect(result.ks.length).toBe(10);
    const choice = firstPeak(result.z, 1.65);
    expect(result.chosenIndex).toBe(choice.index);
    expect(result.peak).toBe(choice.peak);
    expect(result.chosenK).toBe(choice.index + 1);
    // Blobs of radius 900 m on cells ≈ 350 m apart: the peak is at 2–4 rings.
    expect(result.peak).toBe('first-peak');
    expect(result.chosenK).toBeGreaterThanOrEqual(2);
    expect(result.chosenK).toBeLessThanOrEqual(4);
    const none = incrementalKRingAutocorrelation(grid, values, { maxK: 4, minPeakZ: 1e6 });
    expect(none.peak).toBe('max');
    expect(none.z[none.chosenIndex]).toBe(Math.max(...none.z));
  });

  it('rejects a bad maxK, an inconsistent indexOf and constant values', () => {
    for (const maxK of [0, 1.5, 256])
      expect(thrownBy(() => incrementalKRingAutocorrelation(grid, values, { maxK })).value).toBe(
        maxK,
      );
    const shuffled: CellGrid = {
      ...grid,
      indexOf: new Map(cells.map((c, i) => [c, (i + 1) % cells.length])),
    };
    expect(thrownBy(() => incrementalKRingAutocorrelation(shuffled, values)).code).toBe(
      'E_ARGUMENT',
    );
    expect(
      thrownBy(() => incrementalKRingAutocorrelation(grid, new Float64Array(cells.length))).code,
    ).toBe('E_ARGUMENT');
  });
});
