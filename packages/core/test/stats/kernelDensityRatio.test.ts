import { describe, expect, it } from 'vitest';
import { gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { kernelDensity } from '../../src/stats/kernelDensity.js';
import { kernelDensityRatio } from '../../src/stats/kernelDensityRatio.js';
import type { CellGrid } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { thrownBy } from '../helpers/errors.js';
import { expectAllClose, expectClose } from '../helpers/tolerance.js';

const centre = lngLatToCell(-87.65, 41.85, 9);
const cells = gridDisk(centre, 10).sort();
const grid: CellGrid = { resolution: 9, cells, indexOf: new Map(cells.map((c, i) => [c, i])) };

/** Seeded per-cell values: residents in the inner disk only, incidents scattered everywhere. */
function fixture() {
  const random = mulberry32(9);
  const inner = new Set(gridDisk(centre, 5));
  const residents = cells.map((c) => (inner.has(c) ? 50 + Math.floor(random() * 500) : 0));
  const incidents = cells.map(() => Math.floor(random() * 4));
  return { residents: Float64Array.from(residents), incidents: Float64Array.from(incidents) };
}

describe('kernelDensityRatio', () => {
  it('divides the numerator density by the denominator density, cell by cell', () => {
    const { residents, incidents } = fixture();
    const result = kernelDensityRatio(grid, incidents, residents, { bandwidthMeters: 800 });
    const top = kernelDensity(grid, incidents, { bandwidthMeters: 800 });
    const bottom = kernelDensity(grid, residents, { bandwidthMeters: 800 });
    expectAllClose(result.numerator, top, 0);
    expectAllClose(result.denominator, bottom, 0);
    for (let c = 0; c < cells.length; c++)
      expectClose(
        result.ratio[c],
        bottom[c] > 0 ? top[c] / bottom[c] : Number.NaN,
        1e-15 * Math.abs(top[c] / bottom[c]),
      );
  });

  it('is NaN where no denominator weight lies within the bandwidth, finite elsewhere', () => {
    const { residents, incidents } = fixture();
    const { ratio, denominator } = kernelDensityRatio(grid, incidents, residents, {
      bandwidthMeters: 800,
    });
    const empty = denominator.filter((d) => d === 0).length;
    expect(empty).toBeGreaterThan(50); // the outer ring is > 800 m from every resident
    for (let c = 0; c < cells.length; c++)
      expect(Number.isNaN(ratio[c])).toBe(denominator[c] === 0);
  });

  it('recovers a constant rate: incidents = 3% of residents everywhere gives 0.03', () => {
    const { residents } = fixture();
    const incidents = residents.map((r) => 0.03 * r);
    const { ratio } = kernelDensityRatio(grid, incidents, residents, { bandwidthMeters: 1200 });
    for (const r of ratio) if (!Number.isNaN(r)) expectClose(r, 0.03, 1e-14);
  });

  it('uses its own bandwidth for the denominator when given', () => {
    const { residents, incidents } = fixture();
    const result = kernelDensityRatio(grid, incidents, residents, {
      bandwidthMeters: 600,
      denominatorBandwidthMeters: 1500,
    });
    expectAllClose(
      result.denominator,
      kernelDensity(grid, residents, { bandwidthMeters: 1500 }),
      0,
    );
    expectAllClose(result.numerator, kernelDensity(grid, incidents, { bandwidthMeters: 600 }), 0);
  });

  it('treats denominator densities at or below minDenominatorDensity as none', () => {
    const { residents, incidents } = fixture();
    const base = kernelDensityRatio(grid, incidents, residents, { bandwidthMeters: 800 });
    const positive = base.denominator.filter((d) => d > 0).sort((a, b) => a - b);
    const floor = positive[Math.floor(positive.length / 4)];
    const { ratio } = kernelDensityRatio(grid, incidents, residents, {
      bandwidthMeters: 800,
      minDenominatorDensity: floor,
    });
    for (let c = 0; c < cells.length; c++)
      expect(Number.isNaN(ratio[c]), `cell ${c}`).toBe(base.denominator[c] <= floor);
  });

  it('rejects a negative minDenominatorDensity and a bad denominator bandwidth', () => {
    const { residents, incidents } = fixture();
    const error = thrownBy(() =>
      kernelDensityRatio(grid, incidents, residents, {
        bandwidthMeters: 800,
        minDenominatorDensity: -1,
      }),
    );
    expect(error.code).toBe('E_ARGUMENT');
    expect(error.value).toBe(-1);
    const bandwidth = thrownBy(() =>
      kernelDensityRatio(grid, incidents, residents, {
        bandwidthMeters: 800,
        denominatorBandwidthMeters: 0,
      }),
    );
    expect(bandwidth.value).toBe(0);
  });
});
