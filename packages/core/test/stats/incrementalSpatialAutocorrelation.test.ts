import { describe, expect, it } from 'vitest';
import { cellToLngLat, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { firstPeak } from '../../src/stats/firstPeak.js';
import { incrementalSpatialAutocorrelation } from '../../src/stats/incrementalSpatialAutocorrelation.js';
import { moranGlobal } from '../../src/stats/moranGlobal.js';
import type { CellGrid } from '../../src/types.js';
import { haversineMeters } from '../../src/util/haversineMeters.js';
import { mulberry32 } from '../../src/util/random.js';
import { distanceBandWeights } from '../../src/weights/distanceBandWeights.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { expectAllClose, expectClose } from '../helpers/tolerance.js';

const CENTRE = lngLatToCell(-87.65, 41.85, 9);
const cells = gridDisk(CENTRE, 12).sort(); // 469 cells, neighbours ≈ 350 m apart
const grid: CellGrid = { resolution: 9, cells, indexOf: new Map(cells.map((c, i) => [c, i])) };
const centres = cells.map((c) => cellToLngLat(c));

/**
 * Seeded values with blobs of high values about `radiusMeters` across, plus noise: clustering at
 * the scale of the blobs.
 */
function blobs(seed: number, count: number, radiusMeters: number): Float64Array {
  const random = mulberry32(seed);
  const hubs = Array.from({ length: count }, () => centres[Math.floor(random() * centres.length)]);
  return Float64Array.from(centres, ([x, y]) => {
    let v = random();
    for (const [u, w] of hubs) if (haversineMeters(x, y, u, w) < radiusMeters) v += 3;
    return v;
  });
}

/** Nearest-neighbour distance of every centre, by comparing every pair. */
function nearestBruteForce(): number[] {
  return centres.map(([x, y], i) =>
    Math.min(...centres.flatMap(([u, v], j) => (j === i ? [] : [haversineMeters(x, y, u, v)]))),
  );
}

describe('incrementalSpatialAutocorrelation', () => {
  const values = blobs(1, 6, 900);

  it('computes global Moran’s I of distanceBandWeights at each band', () => {
    const result = incrementalSpatialAutocorrelation(grid, values, {
      startDistanceMeters: 400,
      incrementMeters: 250,
      steps: 6,
    });
    expectAllClose(result.distances, [400, 650, 900, 1150, 1400, 1650], 1e-9);
    for (let k = 0; k < 6; k++) {
      const band = distanceBandWeights(grid, {
        thresholdMeters: result.distances[k],
        style: 'row',
      });
      const expected = moranGlobal(values, band);
      expectClose(result.I[k], expected.I, 1e-12, `I at band ${k}`);
      expectClose(result.z[k], expected.z, 1e-9, `z at band ${k}`);
      expectClose(result.p[k], expected.p, 1e-12, `p at band ${k}`);
    }
  });

  it('uses binary weights when asked', () => {
    const result = incrementalSpatialAutocorrelation(grid, values, {
      startDistanceMeters: 500,
      incrementMeters: 500,
      steps: 3,
      style: 'binary',
    });
    for (let k = 0; k < 3; k++) {
      const band = distanceBandWeights(grid, { thresholdMeters: result.distances[k] });
      expectClose(result.z[k], moranGlobal(values, band).z, 1e-9);
    }
  });

  it('starts by default where every cell has a neighbour and steps by the mean nearest distance', () => {
    const nearest = nearestBruteForce();
    const start = Math.max(...nearest);
    const increment = nearest.reduce((s, d) => s + d, 0) / nearest.length;
    const result = incrementalSpatialAutocorrelation(grid, values);
    expect(result.distances.length).toBe(10);
    expectClose(result.distances[0], start, 1e-9);
    expectClose(result.distances[9] - result.distances[0], 9 * increment, 1e-6);
    const atStart = distanceBandWeights(grid, { thresholdMeters: result.distances[0] });
    for (let i = 0; i < atStart.n; i++)
      expect(atStart.offsets[i + 1]).toBeGreaterThan(atStart.offsets[i]);
    const below = distanceBandWeights(grid, { thresholdMeters: start * (1 - 1e-9) });
    const lonely = Array.from(
      { length: below.n },
      (_, i) => below.offsets[i + 1] - below.offsets[i],
    );
    expect(lonely).toContain(0);
  });

  it('chooses the first peak of z when there is one, as firstPeak finds it', () => {
    const result = incrementalSpatialAutocorrelation(grid, values, {
      startDistanceMeters: 360,
      incrementMeters: 350,
      steps: 12,
    });
    const choice = firstPeak(result.z, 1.65);
    expect(result.peak).toBe(choice.peak);
    expect(result.chosenIndex).toBe(choice.index);
    expect(result.chosenDistanceMeters).toBe(result.distances[choice.index]);
    // Blobs of radius 900 m: z rises while bands stay within a blob, then falls.
    expect(result.peak).toBe('first-peak');
    expect(result.chosenDistanceMeters).toBeGreaterThan(700);
    expect(result.chosenDistanceMeters).toBeLessThan(1400);
    const z = result.z;
    const i = result.chosenIndex;
    expect(z[i]).toBeGreaterThan(1.65);
    expect(z[i + 1]).toBeLessThan(z[i]);
  });

  it('falls back to the largest z when z never peaks above minPeakZ', () => {
    const result = incrementalSpatialAutocorrelation(grid, values, {
      startDistanceMeters: 360,
      incrementMeters: 350,
      steps: 12,
      minPeakZ: 1e6,
    });
    expect(result.peak).toBe('max');
    expect(result.z[result.chosenIndex]).toBe(Math.max(...result.z));
  });

  it('rejects constant values, too few cells, mismatched values and bad distances', () => {
    expect(
      thrownBy(() =>
        incrementalSpatialAutocorrelation(grid, new Float64Array(cells.length).fill(2)),
      ).code,
    ).toBe('E_ARGUMENT');
    const tiny: CellGrid = {
      resolution: 9,
      cells: cells.slice(0, 3),
      indexOf: new Map(cells.slice(0, 3).map((c, i) => [c, i])),
    };
    expect(thrownBy(() => incrementalSpatialAutocorrelation(tiny, [1, 2, 3])).value).toBe(3);
    expect(codeOf(() => incrementalSpatialAutocorrelation(grid, [1, 2, 3]))).toBe('E_ARGUMENT');
    const withNaN = Float64Array.from(values);
    withNaN[5] = Number.NaN;
    expect(thrownBy(() => incrementalSpatialAutocorrelation(grid, withNaN)).value).toEqual({
      index: 5,
      value: Number.NaN,
    });
    for (const startDistanceMeters of [0, -1, Number.NaN])
      expect(
        thrownBy(() => incrementalSpatialAutocorrelation(grid, values, { startDistanceMeters }))
          .value,
      ).toBe(startDistanceMeters);
    for (const steps of [0, 2.5])
      expect(thrownBy(() => incrementalSpatialAutocorrelation(grid, values, { steps })).value).toBe(
        steps,
      );
  });
});
