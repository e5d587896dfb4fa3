import { describe, expect, it } from 'vitest';
import { cellToLngLat, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import type { CellGrid, SpatialWeights } from '../../src/types.js';
import { haversineMeters } from '../../src/util/haversineMeters.js';
import { mulberry32 } from '../../src/util/random.js';
import { distanceBandWeights } from '../../src/weights/distanceBandWeights.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

/** A grid of the given cells, sorted. */
function gridOf(cells: string[], resolution: number): CellGrid {
  const sorted = [...cells].sort();
  return { resolution, cells: sorted, indexOf: new Map(sorted.map((c, i) => [c, i])) };
}

/** Row `i` of CSR weights as a plain array of neighbour indexes. */
function row(w: SpatialWeights, i: number): number[] {
  return Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1]));
}

/** The neighbours of every cell by comparing every pair: the O(n²) definition. */
function bruteForce(grid: CellGrid, thresholdMeters: number, self: boolean): number[][] {
  const centres = grid.cells.map((c) => cellToLngLat(c));
  return centres.map(([x, y], i) =>
    centres.flatMap(([u, v], j) =>
      (i === j && self) || (i !== j && haversineMeters(x, y, u, v) <= thresholdMeters) ? [j] : [],
    ),
  );
}

/** `count` distinct cells drawn (seeded) from the disk of radius `k` around `centre`. */
function scatteredGrid(centre: string, k: number, count: number, seed: number): CellGrid {
  const disk = gridDisk(centre, k);
  const random = mulberry32(seed);
  for (let i = disk.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [disk[i], disk[j]] = [disk[j], disk[i]];
  }
  return gridOf(disk.slice(0, count), 9);
}

// Resolution-9 cells: in Chicago, neighbouring centres are 340–356 m apart.
const CHICAGO = '892664c1a93ffff';
const TROMSO = lngLatToCell(18.95, 69.65, 9); // far north: east–west metres per degree shrink
const FIJI = lngLatToCell(179.999, -16.8, 9); // on the antimeridian

describe('distanceBandWeights', () => {
  it('links the six cells around a centre at 400 m, and none of the second ring', () => {
    const grid = gridOf(gridDisk(CHICAGO, 3), 9);
    const w = distanceBandWeights(grid, { thresholdMeters: 400 });
    const centre = grid.indexOf.get(CHICAGO)!;
    const ring = gridDisk(CHICAGO, 1).filter((c) => c !== CHICAGO);
    expect(row(w, centre)).toEqual(ring.map((c) => grid.indexOf.get(c)!).sort((a, b) => a - b));
    expect(w.selfIncluded).toBe(false);
    expect(w.style).toBe('binary');
  });

  it('equals an O(n²) haversine loop on 331 cells at several thresholds', () => {
    const grid = gridOf(gridDisk(CHICAGO, 10), 9);
    expect(grid.cells.length).toBe(331);
    for (const thresholdMeters of [300, 356.3, 700, 1500, 4000]) {
      const w = distanceBandWeights(grid, { thresholdMeters });
      const expected = bruteForce(grid, thresholdMeters, false);
      for (let i = 0; i < w.n; i++)
        expect(row(w, i), `${thresholdMeters} m, row ${i}`).toEqual(expected[i]);
      expect(w.neighbors.length).toBe(w.offsets[w.n]);
    }
  });

  it('equals the O(n²) loop far north and across the antimeridian, on scattered cells', () => {
    for (const [centre, seed] of [
      [TROMSO, 1],
      [FIJI, 2],
    ] as const) {
      const grid = scatteredGrid(centre, 14, 300, seed);
      for (const thresholdMeters of [500, 1200, 3000]) {
        const w = distanceBandWeights(grid, { thresholdMeters, selfIncluded: true });
        const expected = bruteForce(grid, thresholdMeters, true);
        for (let i = 0; i < w.n; i++) expect(row(w, i), `${centre} row ${i}`).toEqual(expected[i]);
      }
    }
  });

  it('is symmetric: j is in row i exactly when i is in row j', () => {
    const w = distanceBandWeights(scatteredGrid(CHICAGO, 12, 250, 7), { thresholdMeters: 1000 });
    for (let i = 0; i < w.n; i++)
      for (const j of row(w, i)) expect(row(w, j), `${i} → ${j}`).toContain(i);
  });

  it('adds each cell to its own row exactly once with selfIncluded', () => {
    const grid = gridOf(gridDisk(CHICAGO, 4), 9);
    const without = distanceBandWeights(grid, { thresholdMeters: 800 });
    const withSelf = distanceBandWeights(grid, { thresholdMeters: 800, selfIncluded: true });
    expect(withSelf.selfIncluded).toBe(true);
    for (let i = 0; i < grid.cells.length; i++) {
      expect(row(without, i)).not.toContain(i);
      expect(row(withSelf, i)).toEqual([...row(without, i), i].sort((a, b) => a - b));
    }
  });

  it('row-standardises so that every non-empty row sums to 1, self included or not', () => {
    const grid = scatteredGrid(CHICAGO, 8, 120, 3);
    for (const selfIncluded of [false, true]) {
      const w = distanceBandWeights(grid, { thresholdMeters: 700, selfIncluded, style: 'row' });
      expect(w.style).toBe('row');
      for (let i = 0; i < w.n; i++) {
        const weights = w.weights.subarray(w.offsets[i], w.offsets[i + 1]);
        if (weights.length === 0) continue;
        expectClose(
          weights.reduce((s, x) => s + x, 0),
          1,
          1e-15,
          `row ${i}`,
        );
        for (const x of weights) expect(x).toBe(1 / weights.length);
      }
    }
  });

  it('weighs every link 1 with binary style', () => {
    const w = distanceBandWeights(gridOf(gridDisk(CHICAGO, 3), 9), { thresholdMeters: 1000 });
    expect(new Set(w.weights)).toEqual(new Set([1]));
  });

  it('leaves a cell farther than the threshold from all others with an empty row', () => {
    const far = lngLatToCell(-87.3, 41.6, 9);
    const grid = gridOf([...gridDisk(CHICAGO, 1), far], 9);
    const w = distanceBandWeights(grid, { thresholdMeters: 400, style: 'row' });
    const i = grid.indexOf.get(far)!;
    expect(row(w, i)).toEqual([]);
    const withSelf = distanceBandWeights(grid, { thresholdMeters: 400, selfIncluded: true });
    expect(row(withSelf, i)).toEqual([i]);
  });

  it('accepts an empty grid', () => {
    const w = distanceBandWeights(gridOf([], 9), { thresholdMeters: 500 });
    expect(w.n).toBe(0);
    expect(Array.from(w.offsets)).toEqual([0]);
  });

  it('rejects a threshold that is not a positive finite number, naming the value', () => {
    const grid = gridOf(gridDisk(CHICAGO, 1), 9);
    for (const thresholdMeters of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, undefined]) {
      const error = thrownBy(() =>
        distanceBandWeights(grid, { thresholdMeters } as { thresholdMeters: number }),
      );
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.value).toBe(thresholdMeters);
    }
  });

  it('rejects an unknown style, a non-boolean selfIncluded and an invalid cell', () => {
    const grid = gridOf(gridDisk(CHICAGO, 1), 9);
    const style = 'custom' as unknown as 'row';
    expect(codeOf(() => distanceBandWeights(grid, { thresholdMeters: 500, style }))).toBe(
      'E_ARGUMENT',
    );
    const selfIncluded = 1 as unknown as boolean;
    expect(codeOf(() => distanceBandWeights(grid, { thresholdMeters: 500, selfIncluded }))).toBe(
      'E_ARGUMENT',
    );
    const bad = gridOf(['not-a-cell', CHICAGO], 9);
    const error = thrownBy(() => distanceBandWeights(bad, { thresholdMeters: 500 }));
    expect(error.code).toBe('E_ARGUMENT');
    expect(error.value).toBe('not-a-cell');
  });
});
